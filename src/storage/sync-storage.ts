const YEAR_SECONDS = 365 * 86_400;

/**
 * Small values that must be read synchronously (visitor and session ids, the marks of a
 * page-hide request): localStorage, or where it is full or blocked, a first-party cookie,
 * which has no quota to share with the site's own data and survives reloads and closes.
 * A failed localStorage write removes the older copy there, so it never shadows the cookie.
 */
export function readValue(key: string): string | null {
  try {
    const value = localStorage.getItem(key);
    if (value !== null) return value;
  } catch {
    // Blocked: the cookie is all there is.
  }
  return cookies().get(cookieName(key)) ?? null;
}

/** `cookieValue` may be a shorter form: a cookie holds about 4 KB (RFC 6265 §6.1). */
export function writeValue(key: string, value: string, cookieValue = value, maxAgeSeconds = YEAR_SECONDS): void {
  try {
    localStorage.setItem(key, value);
    if (cookies().has(cookieName(key))) setCookie(cookieName(key), '', 0);
    return;
  } catch {
    // Full or blocked: below.
  }
  try {
    localStorage.removeItem(key);
  } catch {
    // Blocked: there is no older copy to remove either.
  }
  setCookie(cookieName(key), cookieValue, maxAgeSeconds);
}

export function removeValue(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Blocked: only the cookie can hold it.
  }
  if (cookies().has(cookieName(key))) setCookie(cookieName(key), '', 0);
}

/** Names and values of the cookies written for keys starting with `prefix`. */
export function readCookies(prefix: string): Array<[name: string, value: string]> {
  return [...cookies()].filter(([name]) => name.startsWith(cookieName(prefix)));
}

/** `waymark:shop:aid` → `waymark_shop_aid`: colons are not allowed in cookie names. */
const cookieName = (key: string) => key.replace(/[^\w-]/g, '_');

function cookies(): Map<string, string> {
  const found = new Map<string, string>();
  let all = '';
  try {
    all = document.cookie;
  } catch {
    // No document (a worker), or a sandboxed frame.
  }
  for (const pair of all ? all.split('; ') : []) {
    const at = pair.indexOf('=');
    try {
      if (at > 0) found.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // Another cookie of the site, not URI-encoded: not ours.
    }
  }
  return found;
}

function setCookie(name: string, value: string, maxAgeSeconds: number) {
  try {
    const secure = location.protocol === 'https:' ? '; secure' : '';
    // `expires` rather than `max-age`: a date in the past deletes in every cookie jar.
    const expires = new Date(maxAgeSeconds > 0 ? Date.now() + maxAgeSeconds * 1000 : 0).toUTCString();
    // biome-ignore lint/suspicious/noDocumentCookie: the fallback where localStorage is full or blocked; Cookie Store is async and not everywhere.
    document.cookie = `${name}=${encodeURIComponent(value)}; path=/; expires=${expires}; samesite=lax${secure}`;
  } catch {
    // Cookies blocked too: the value lives in memory for this page.
  }
}
