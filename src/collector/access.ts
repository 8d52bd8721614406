import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares secrets in constant time: hashing first makes the lengths equal. */
export const sameSecret = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

/** The write key of a batch: in the body (the SDK), or as Basic auth's user name (Segment's libraries). */
export function writeKeyOf(request: Request, fromBody: string | undefined): string | undefined {
  if (fromBody) return fromBody;
  const header = request.headers.get('authorization') ?? '';
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  return decoded.split(':')[0] || undefined;
}

/** An empty allow-list accepts every key: a collector started without `--write-key` is open. */
export const writeKeyAllowed = (allowed: readonly string[], key: string | undefined): boolean =>
  allowed.length === 0 || (key !== undefined && allowed.some((candidate) => sameSecret(key, candidate)));

export type AdminCheck = { ok: true } | { ok: false; reason: string };

export function checkAdmin(request: Request, adminToken: string | undefined): AdminCheck {
  if (!adminToken) return { ok: false, reason: 'the admin API is off: start the collector with an admin token (--admin-token or WAYMARK_ADMIN_TOKEN)' };
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!bearer) return { ok: false, reason: 'send Authorization: Bearer <admin token>' };
  return sameSecret(bearer[1]!, adminToken) ? { ok: true } : { ok: false, reason: 'the admin token is wrong' };
}
