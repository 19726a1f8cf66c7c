import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/bff.js';
import { scopeCatalogueResponseSchema } from '../../shared/oauth.js';
import { SCOPES } from '../../shared/scopes.js';
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

  it('filters scopes by name, description or endpoint', async () => {
    const user = userEvent.setup();
    catalogue();
    renderApp('/scopes');

    await user.type(await screen.findByLabelText('Filter scopes'), 'documents');

    expect(screen.getByText(/of 13 scopes/)).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /stats/ })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /documents\.read/ })).toBeInTheDocument();
  });

  it('builds an authorize request for exactly the ticked scopes in curl, Python and TypeScript', async () => {
    const user = userEvent.setup();
    catalogue();
    renderApp('/scopes');

    await user.click(await screen.findByRole('checkbox', { name: /documents\.read/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Send documents send/ }));

    const panel = screen.getByRole('tabpanel');
    expect(panel).toHaveTextContent(`${window.location.origin}/exchange`);
    expect(panel.textContent).toContain('"scopes":["send","documents.read"]');
    expect(panel.textContent).toContain('"code_challenge_method":"S256"');
    expect(panel.textContent).toContain(
      `VERIFIER=$(openssl rand -base64 48 | tr '+/' '-_' | tr -d '=\\n' | head -c 64)`,
    );
    expect(panel.textContent).toContain(
      `CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')`,
    );

    await user.click(screen.getByRole('tab', { name: 'Python (httpx)' }));
    expect(screen.getByRole('tabpanel').textContent).toContain('"scopes": ["send", "documents.read"]');

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'TypeScript (fetch)' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel').textContent).toContain("code_challenge_method: 'S256'");
  });
});
