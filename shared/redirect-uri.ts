/**
 * Redirect URI rules (RFC 8252 §7.3, RFC 9700 §4.1): https anywhere, or http to a loopback IP
 * literal on any port. The WHATWG URL parser decides; the raw string must already be in the form
 * the parser produces, so that what a person is shown is where the browser really goes.
 * Returns a sentence describing the problem, or undefined when the URI is acceptable.
 */
const LOOPBACK_V4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** RFC 6749 §4.1.2, §4.1.2.1, RFC 9207: parameters the service adds; a second copy would reach the agent too. */
const RESPONSE_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri', 'iss'];

export function checkRedirectUri(raw: string): string | undefined {
  // Whitespace, control characters, backslashes and non-ASCII are where parser confusion starts.
  if (/[^\x21-\x7e]/.test(raw) || raw.includes('\\')) {
    return 'must be plain ASCII with no spaces, control characters or backslashes';
  }
  if (raw.includes('#')) return 'must not contain a fragment (#)';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https (or http on a loopback IP)';
  if (!raw.startsWith(`${url.protocol}//`)) return 'must start with a lowercase https:// or http://';
  if (url.username !== '' || url.password !== '') return 'must not contain user information (user@host)';
  if (!raw.slice(url.protocol.length + 2).startsWith(url.host)) {
    return 'must name its host in canonical form (lowercase name or dotted IP)';
  }
  const rest = raw.slice(url.protocol.length + 2 + url.host.length);
  if (rest !== '' && !/^[/?]/.test(rest)) return 'must name its host in canonical form (lowercase name or dotted IP)';
  if (url.protocol === 'http:' && !isLoopbackLiteral(url.hostname)) {
    return 'may use http only with a loopback IP literal such as 127.0.0.1 or [::1] (RFC 8252 §7.3)';
  }
  if (url.hostname === '') return 'must name a host';
  const clash = RESPONSE_PARAMS.filter((name) => url.searchParams.has(name));
  if (clash.length > 0) {
    return `must not carry ${clash.join(', ')} in its query: the service adds ${RESPONSE_PARAMS.slice(0, 3).join(', ')} and error details itself (RFC 6749 §4.1.2)`;
  }
  return undefined;
}

export function isLoopbackLiteral(hostname: string): boolean {
  if (hostname === '[::1]') return true;
  const m = LOOPBACK_V4.exec(hostname);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}
