/**
 * Complete consent flows for the scope explorer, in curl, Python (httpx) and TypeScript (fetch): the
 * README's recipes (section "Consent flow") asking for exactly the ticked scopes. Each one makes the
 * PKCE pair, asks for consent, prints consent_url, reads the code from stdin, exchanges it at
 * /oauth/token, prints the key prefix and scopes and, when documents.read is ticked, lists five documents.
 */

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

/** JSON.stringify of a string is also a valid Python and TypeScript string literal. */
const literal = (value: string) => JSON.stringify(value);
const list = (scopes: readonly string[]) => `[${scopes.map(literal).join(', ')}]`;
const base = (origin: string) => `${origin}/exchange`;
const readsDocuments = (scopes: readonly string[]) => scopes.includes('documents.read');

function curl({ origin, clientName, scopes }: SnippetInput): string {
  const body = JSON.stringify({ client_name: clientName, scopes, code_challenge: '__CHALLENGE__', code_challenge_method: 'S256' });
  // The body is one single-quoted word, closed around "$CHALLENGE" so that the shell expands it.
  const [before, after] = body.split('__CHALLENGE__') as [string, string];
  return [
    '#!/usr/bin/env bash',
    '# Save as consent.sh, run `bash consent.sh` (needs curl, openssl and jq).',
    `BASE=${shellQuote(base(origin))}`,
    '',
    '# 1. PKCE pair (RFC 7636): a secret verifier and BASE64URL(SHA256(verifier)) without padding',
    `VERIFIER=$(openssl rand -base64 48 | tr '+/' '-_' | tr -d '=\\n' | head -c 64)`,
    `CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')`,
    '',
    '# 2. Ask for these scopes and get a consent link for the person',
    `RESP=$(curl -sS -X POST "$BASE/v1/oauth/authorize" -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(before).slice(0, -1)}'"$CHALLENGE"'${shellQuote(after).slice(1)})`,
    `CONSENT_URL=$(echo "$RESP" | jq -r '.consent_url // empty')`,
    `[ -n "$CONSENT_URL" ] || { echo "authorize failed: $RESP" >&2; exit 1; }`,
    'echo "Open: $CONSENT_URL"',
    '',
    '# 3. The person signs in, approves and reads you the code shown on the page',
    `read -r -p 'Auth code: ' CODE`,
    '',
    '# 4. Swap code + verifier for a key',
    `TOKEN=$(curl -sS -X POST "$BASE/v1/oauth/token" -H 'Content-Type: application/json' \\`,
    `  -d '{"grant_type":"authorization_code","code":"'"$CODE"'","code_verifier":"'"$VERIFIER"'"}')`,
    `KEY=$(echo "$TOKEN" | jq -r '.access_token // empty')`,
    `[ -n "$KEY" ] || { echo "token failed: $TOKEN" >&2; exit 1; }`,
    'echo "Got key prefix $(echo "$TOKEN" | jq -r .key_prefix), scopes: $(echo "$TOKEN" | jq -r .scope)"',
    ...(readsDocuments(scopes)
      ? [
          '',
          '# 5. Use it',
          'curl -sS "$BASE/v1/documents?limit=5" -H "Authorization: Bearer $KEY" \\',
          `  | jq -r '.data[] | "\\(.number)  \\(.type)  \\(.direction)  \\(.totals.gross) \\(.currency)"'`,
        ]
      : []),
  ].join('\n');
}

function python({ origin, clientName, scopes }: SnippetInput): string {
  return [
    '"""Get a Flowie Exchange API key through a person\'s consent. Run: python3 onboard.py"""',
    'import base64',
    'import hashlib',
    'import secrets',
    '',
    'import httpx',
    '',
    `BASE = ${literal(base(origin))}`,
    '',
    '',
    'def ok(response: httpx.Response) -> dict:',
    '    """The JSON body, or stop with the service\'s error code and description."""',
    '    body = response.json()',
    '    if response.is_error:',
    `        raise SystemExit(f"{response.status_code} {body['error']}: {body['error_description']}")`,
    '    return body',
    '',
    '',
    '# 1. PKCE pair (RFC 7636): a secret verifier and BASE64URL(SHA256(verifier)) without padding',
    'verifier = secrets.token_urlsafe(48)[:64]',
    'challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()',
    '',
    '# 2. Ask for these scopes and get a consent link for the person',
    'auth = ok(httpx.post(f"{BASE}/v1/oauth/authorize", json={',
    `    "client_name": ${literal(clientName)},`,
    `    "scopes": ${list(scopes)},`,
    '    "code_challenge": challenge,',
    '    "code_challenge_method": "S256",',
    '}))',
    `print(f"Open: {auth['consent_url']}")`,
    '',
    '# 3. The person signs in, approves and reads you the code shown on the page',
    'code = input("Auth code: ").strip()',
    '',
    '# 4. Swap code + verifier for a key',
    'token = ok(httpx.post(f"{BASE}/v1/oauth/token", json={',
    '    "grant_type": "authorization_code",',
    '    "code": code,',
    '    "code_verifier": verifier,',
    '}))',
    `print(f"Got key prefix {token['key_prefix']}, scopes: {token['scope']}")`,
    ...(readsDocuments(scopes)
      ? [
          '',
          '# 5. Use it',
          `api = httpx.Client(base_url=f"{BASE}/v1", headers={"Authorization": f"Bearer {token['access_token']}"})`,
          'for doc in ok(api.get("/documents", params={"limit": 5}))["data"]:',
          `    print(f"{doc['number']}  {doc['type']}  {doc['direction']}  {doc['totals']['gross']} {doc['currency']}")`,
        ]
      : []),
  ].join('\n');
}

function typescript({ origin, clientName, scopes }: SnippetInput): string {
  return [
    '// Save as onboard.mts, run `npx tsx onboard.mts` (Node.js 20, no dependencies).',
    "import { createHash, randomBytes } from 'node:crypto';",
    "import { stdin, stdout } from 'node:process';",
    "import { createInterface } from 'node:readline/promises';",
    '',
    `const BASE = ${literal(base(origin))};`,
    '',
    '/** The JSON body, or throw with the service’s error code and description. */',
    'async function call<T>(path: string, init: { body?: unknown; key?: string } = {}): Promise<T> {',
    "  const headers: Record<string, string> = { 'Content-Type': 'application/json' };",
    '  if (init.key) headers.Authorization = `Bearer ${init.key}`;',
    '  const res = await fetch(`${BASE}${path}`, {',
    "    method: init.body === undefined ? 'GET' : 'POST',",
    '    headers,',
    '    body: init.body === undefined ? undefined : JSON.stringify(init.body),',
    '  });',
    '  const body = await res.json();',
    '  if (!res.ok) throw new Error(`${res.status} ${body.error}: ${body.error_description}`);',
    '  return body as T;',
    '}',
    '',
    '// 1. PKCE pair (RFC 7636): a secret verifier and BASE64URL(SHA256(verifier)) without padding',
    "const verifier = randomBytes(48).toString('base64url');",
    "const challenge = createHash('sha256').update(verifier).digest('base64url');",
    '',
    '// 2. Ask for these scopes and get a consent link for the person',
    "const auth = await call<{ consent_url: string }>('/v1/oauth/authorize', {",
    '  body: {',
    `    client_name: ${literal(clientName)},`,
    `    scopes: ${list(scopes)},`,
    '    code_challenge: challenge,',
    "    code_challenge_method: 'S256',",
    '  },',
    '});',
    'console.log(`Open: ${auth.consent_url}`);',
    '',
    '// 3. The person signs in, approves and reads you the code shown on the page',
    'const rl = createInterface({ input: stdin, output: stdout });',
    "const code = (await rl.question('Auth code: ')).trim();",
    'rl.close();',
    '',
    '// 4. Swap code + verifier for a key',
    "const token = await call<{ access_token: string; key_prefix: string; scope: string }>('/v1/oauth/token', {",
    "  body: { grant_type: 'authorization_code', code, code_verifier: verifier },",
    '});',
    'console.log(`Got key prefix ${token.key_prefix}, scopes: ${token.scope}`);',
    ...(readsDocuments(scopes)
      ? [
          '',
          '// 5. Use it',
          'type Doc = { number: string; type: string; direction: string; currency: string; totals: { gross: string } };',
          "const docs = await call<{ data: Doc[] }>('/v1/documents?limit=5', { key: token.access_token });",
          'for (const d of docs.data) console.log(`${d.number}  ${d.type}  ${d.direction}  ${d.totals.gross} ${d.currency}`);',
        ]
      : []),
  ].join('\n');
}

/** `detail` completes the tab's name ("Python (httpx)"); narrow screens hide it visually to fit the tabs. */
export const SNIPPETS: Record<SnippetLanguage, { label: string; detail?: string; build: (input: SnippetInput) => string }> = {
  curl: { label: 'curl', build: curl },
  python: { label: 'Python', detail: 'httpx', build: python },
  typescript: { label: 'TypeScript', detail: 'fetch', build: typescript },
};
