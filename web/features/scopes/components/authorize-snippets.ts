/** Ready-to-run authorize requests for the scope explorer: curl, Python (httpx), TypeScript (fetch). */

export interface SnippetInput {
  origin: string;
  clientName: string;
  scopes: readonly string[];
}

export type SnippetLanguage = 'curl' | 'python' | 'typescript';

/** A string as a POSIX shell single-quoted word. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function curl({ origin, clientName, scopes }: SnippetInput): string {
  const body = JSON.stringify({
    client_name: clientName,
    scopes,
    code_challenge: '__CHALLENGE__',
    code_challenge_method: 'S256',
  });
  // Close the single quotes around the shell variable so that it expands.
  const [before, after] = body.split('__CHALLENGE__') as [string, string];
  return [
    `BASE=${shellQuote(`${origin}/exchange`)}`,
    '',
    '# 1. PKCE pair (RFC 7636): a 64-character verifier and its S256 challenge, base64url without padding',
    `VERIFIER=$(openssl rand -base64 48 | tr '+/' '-_' | tr -d '=\\n' | head -c 64)`,
    `CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')`,
    '',
    '# 2. Ask for consent, then open consent_url and approve',
    `curl -s -X POST "$BASE/v1/oauth/authorize" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(before).slice(0, -1)}'"$CHALLENGE"'${shellQuote(after).slice(1)}`,
    '',
    '# 3. Exchange the code you were shown for a key',
    `read -r -p 'Authorization code: ' CODE`,
    `curl -s -X POST "$BASE/v1/oauth/token" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"grant_type":"authorization_code","code":"'"$CODE"'","code_verifier":"'"$VERIFIER"'"}'`,
  ].join('\n');
}

function python({ origin, clientName, scopes }: SnippetInput): string {
  return [
    'import base64, hashlib, secrets',
    'import httpx',
    '',
    `BASE = ${JSON.stringify(`${origin}/exchange`)}`,
    '',
    '# 1. PKCE pair (RFC 7636)',
    'verifier = secrets.token_urlsafe(48)[:64]',
    'challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()',
    '',
    '# 2. Ask for consent',
    'r = httpx.post(f"{BASE}/v1/oauth/authorize", json={',
    `    "client_name": ${JSON.stringify(clientName)},`,
    `    "scopes": [${scopes.map((s) => JSON.stringify(s)).join(', ')}],`,
    '    "code_challenge": challenge,',
    '    "code_challenge_method": "S256",',
    '})',
    'r.raise_for_status()',
    'print("Open and approve:", r.json()["consent_url"])',
    '',
    '# 3. Exchange the code you were shown for a key',
    'code = input("Authorization code: ").strip()',
    'r = httpx.post(f"{BASE}/v1/oauth/token", json={',
    '    "grant_type": "authorization_code",',
    '    "code": code,',
    '    "code_verifier": verifier,',
    '})',
    'r.raise_for_status()',
    'token = r.json()',
    'print("Key prefix:", token["key_prefix"], "scopes:", token["scopes"])',
  ].join('\n');
}

function typescript({ origin, clientName, scopes }: SnippetInput): string {
  return [
    `const BASE = ${JSON.stringify(`${origin}/exchange`)};`,
    '',
    'const base64url = (bytes: Uint8Array) =>',
    "  btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');",
    '',
    '// 1. PKCE pair (RFC 7636)',
    'const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));',
    "const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));",
    'const challenge = base64url(new Uint8Array(digest));',
    '',
    '// 2. Ask for consent',
    'const res = await fetch(`${BASE}/v1/oauth/authorize`, {',
    "  method: 'POST',",
    "  headers: { 'Content-Type': 'application/json' },",
    '  body: JSON.stringify({',
    `    client_name: ${JSON.stringify(clientName)},`,
    `    scopes: [${scopes.map((s) => JSON.stringify(s)).join(', ')}],`,
    '    code_challenge: challenge,',
    "    code_challenge_method: 'S256',",
    '  }),',
    '});',
    'if (!res.ok) throw new Error(JSON.stringify(await res.json()));',
    'const { consent_url } = await res.json();',
    "console.log('Open and approve:', consent_url);",
    '',
    '// 3. Later, exchange the code the person pastes back:',
    '// POST `${BASE}/v1/oauth/token` { grant_type: "authorization_code", code, code_verifier: verifier }',
  ].join('\n');
}

export const SNIPPETS: Record<SnippetLanguage, { label: string; build: (input: SnippetInput) => string }> = {
  curl: { label: 'curl', build: curl },
  python: { label: 'Python (httpx)', build: python },
  typescript: { label: 'TypeScript (fetch)', build: typescript },
};
