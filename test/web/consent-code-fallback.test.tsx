import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { consentViewSchema, decisionResponseSchema, sessionResponseSchema } from '../../shared/bff.js';
import { USER, consentView } from './support/fixtures.js';
import { mockApi, reply } from './support/mock-api.js';
import { renderApp } from './support/render-app.js';

// The code view is a lazy chunk; here fetching it fails, as when the connection drops after Approve.
vi.mock('../../web/features/consent/components/authorization-code.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('consent page: the code view cannot be fetched', () => {
  it('still shows the one-time code in a read-only field (it cannot be issued again)', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /bff/session': reply(sessionResponseSchema, { user: USER }),
      'GET /bff/consent/req_123': reply(consentViewSchema, consentView()),
      'POST /bff/consent/req_123/approve': reply(decisionResponseSchema, {
        decision: 'approved',
        code: 'ac_9f8e7d6c5b4a',
        code_expires_at: new Date(Date.now() + 5 * 60_000).toISOString(),
        redirect_to: null,
        approved_scopes: ['send'],
      }),
    });
    renderApp('/consent/req_123');

    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    const field = await screen.findByLabelText('Authorization code');

    expect(field).toHaveValue('ac_9f8e7d6c5b4a');
    expect(field).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });
});
