const FALLBACK = '/keys';

/**
 * Where to go after signing in. Only same-origin relative paths are accepted: a single leading
 * slash, no scheme-relative `//host`, no backslashes (browsers read `/\host` as `//host`).
 */
export function safeNext(raw: string | null | undefined, fallback: string = FALLBACK): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//')) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  try {
    const base = 'https://flowie.invalid';
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** `/sign-in?next=…` for the page the person is on now. */
export function signInPath(next: string, page: '/sign-in' | '/sign-up' = '/sign-in'): string {
  return `${page}?${new URLSearchParams({ next }).toString()}`;
}
