/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A visitor's referral code: random, not derived from their anonymous id, because anyone who
 * knows that id can send records as the visitor. 10 characters are 50 bits.
 */
export function newReferralCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte % 32];
  return code;
}

/** A code as it arrives in a link: trimmed, upper case, I and L read as 1 and O as 0, as Crockford decodes. */
export function normalizeReferralCode(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value.trim().toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  return /^[0-9A-HJKMNP-TV-Z]{6,20}$/.test(code) ? code : null;
}
