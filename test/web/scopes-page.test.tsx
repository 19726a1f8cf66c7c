import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/bff.js';
import { scopeCatalogueResponseSchema } from '../../shared/oauth.js';
import { SCOPES } from '../../shared/scopes.js';
import { OPERATIONS } from '../../bff/openapi/operations.js';
import { servedBySandbox } from '../../web/features/scopes/sandbox.js';
import { mockApi, reply } from './support/mock-api.js';
import { renderApp } from './support/render-app.js';

function catalogue() {
  return mockApi({
    'GET /bff/session': reply(sessionResponseSchema, { user: null }),
    'GET /v1/oauth/scopes': reply(scopeCatalogueResponseSchema, { scopes: [...SCOPES] }),
  });
}

describe('scope catalogue', () => {
  it('lists every scope with its marker, description and endpoints, and links the OpenAPI description', async () => {
    catalogue();

    renderApp('/scopes');

    const payments = await screen.findByRole('checkbox', { name: /payments/ });
    expect(screen.getAllByRole('checkbox')).toHaveLength(SCOPES.length);
    expect(payments).toHaveAccessibleName(/Money/);
    expect(screen.getByRole('list', { name: 'Endpoints unlocked by payments' })).toHaveTextContent(
      'GET /v1/payments/export',
    );
    expect(screen.getByRole('link', { name: 'OpenAPI description' })).toHaveAttribute('href', '/v1/openapi.json');
    expect(screen.getByRole('heading', { name: 'Ask for less, not more' })).toBeInTheDocument();
  });

  it('advises asking only for the scopes needed now, without claims about approval rates', async () => {
    catalogue();

    renderApp('/scopes');

    const advice = await screen.findByRole('complementary', { name: 'Advice' });
    expect(advice).toHaveTextContent(
      'Ask only for the scopes your agent needs now (for example documents.read); the person can untick any of them, and the key gets only what they keep.',
    );
    expect(advice).not.toHaveTextContent(/approved more often/);
  });

  it('marks each endpoint as served by this sandbox or not, and says so at the top', async () => {
    catalogue();

    renderApp('/scopes');

    const documents = await screen.findByRole('list', { name: 'Endpoints unlocked by documents.read' });
    expect(documents).toHaveTextContent('GET /v1/documents in sandbox');
    expect(screen.getByRole('list', { name: 'Endpoints unlocked by payments' })).toHaveTextContent(
      'POST /v1/payments not in sandbox',
    );
    expect(screen.getByText(/This sandbox serves only the endpoints marked/)).toHaveTextContent(
      'the others belong to the full Flowie Exchange API',
    );
  });

  it('calls "in sandbox" exactly the catalogue endpoints the server describes in its OpenAPI document', () => {
    const served = new Set(OPERATIONS.map((op) => `${op.method.toUpperCase()} /v1${op.path}`));

    for (const endpoint of SCOPES.flatMap((scope) => scope.endpoints)) {
      expect(servedBySandbox(endpoint), endpoint).toBe(served.has(endpoint));
    }
  });

  it('on a phone, a bar counts the ticked scopes and takes the person to the request', async () => {
    const user = userEvent.setup();
    catalogue();
    renderApp('/scopes');

    await user.click(await screen.findByRole('checkbox', { name: /documents\.read/ }));
    await user.click(screen.getByRole('checkbox', { name: /companies\.read/ }));
    expect(screen.getByText('2 scopes selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'View request' }));

    expect(screen.getByRole('heading', { name: 'Your authorize request' })).toHaveFocus();
  });

  it('filters scopes by name, description or endpoint', async () => {
    const user = userEvent.setup();
    catalogue();
    renderApp('/scopes');

    await user.type(await screen.findByLabelText('Filter scopes'), 'documents');

    expect(screen.getByText(/of 13 scopes/)).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /stats/ })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /documents\.read/ })).toBeInTheDocument();
  });

  it('builds a complete consent flow for exactly the ticked scopes in curl, Python and TypeScript', async () => {
    const user = userEvent.setup();
    catalogue();
    renderApp('/scopes');

    await user.click(await screen.findByRole('checkbox', { name: /documents\.read/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Send documents send/ }));

    const curl = screen.getByRole('tabpanel').textContent ?? '';
    expect(curl).toContain(`BASE='${window.location.origin}/exchange'`);
    expect(curl).toContain('"scopes":["send","documents.read"]');
    expect(curl).toContain('"code_challenge_method":"S256"');
    expect(curl).toContain(`VERIFIER=$(openssl rand -base64 48 | tr '+/' '-_' | tr -d '=\\n' | head -c 64)`);
    expect(curl).toContain(
      `CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')`,
    );
    expect(curl).toContain(`CONSENT_URL=$(echo "$RESP" | jq -r '.consent_url // empty')`);
    expect(curl).toContain(`read -r -p 'Auth code: ' CODE`);
    expect(curl).toContain('"$BASE/v1/oauth/token"');
    expect(curl).toContain('"code_verifier":"\'"$VERIFIER"\'"');
    expect(curl).toContain(`KEY=$(echo "$TOKEN" | jq -r '.access_token // empty')`);
    expect(curl).toContain('jq -r .key_prefix');
    expect(curl).toContain('"$BASE/v1/documents?limit=5" -H "Authorization: Bearer $KEY"');

    await user.click(screen.getByRole('tab', { name: 'Python (httpx)' }));
    const python = screen.getByRole('tabpanel').textContent ?? '';
    expect(python).toContain('"scopes": ["send", "documents.read"]');
    expect(python).toContain(`print(f"Open: {auth['consent_url']}")`);
    expect(python).toContain('input("Auth code: ")');
    expect(python).toContain('f"{BASE}/v1/oauth/token"');
    expect(python).toContain('"code_verifier": verifier');
    expect(python).toContain(`token['key_prefix']`);
    expect(python).toContain(`f"Bearer {token['access_token']}"`);
    expect(python).toContain('api.get("/documents", params={"limit": 5})');

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'TypeScript (fetch)' })).toHaveAttribute('aria-selected', 'true');
    const typescript = screen.getByRole('tabpanel').textContent ?? '';
    expect(typescript).toContain("code_challenge_method: 'S256'");
    expect(typescript).toContain('scopes: ["send", "documents.read"]');
    expect(typescript).toContain("rl.question('Auth code: ')");
    expect(typescript).toContain("'/v1/oauth/token'");
    expect(typescript).toContain('code_verifier: verifier');
    expect(typescript).toContain('token.key_prefix');
    expect(typescript).toContain("call<{ data: Doc[] }>('/v1/documents?limit=5', { key: token.access_token })");
  });

  it('calls GET /v1/documents only when documents.read is ticked', async () => {
    const user = userEvent.setup();
    catalogue();
    renderApp('/scopes');

    await user.click(await screen.findByRole('checkbox', { name: /companies\.read/ }));

    for (const tab of ['curl', 'Python (httpx)', 'TypeScript (fetch)']) {
      await user.click(screen.getByRole('tab', { name: tab }));
      const code = screen.getByRole('tabpanel').textContent ?? '';
      expect(code, tab).toContain('/v1/oauth/token');
      expect(code, tab).toContain('key_prefix');
      expect(code, tab).not.toContain('/documents');
    }
  });
});
