/**
 * The server already checked the agent's redirect URI; this second check makes sure the browser
 * only ever leaves for an http(s) URL on the host the person was shown.
 */
export function checkRedirect(redirectTo: string, shownHost: string | null): URL | null {
  let url: URL;
  try {
    url = new URL(redirectTo);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (shownHost === null) return null;
  const shown = shownHost.toLowerCase();
  return url.host === shown || url.hostname === shown ? url : null;
}
