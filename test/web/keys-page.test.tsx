import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/bff.js';
import { keyListResponseSchema, type KeyRow } from '../../shared/dashboard.js';
import { USER, keyRow } from './support/fixtures.js';
import { callsTo, errorReply, mockApi, noContent, reply } from './support/mock-api.js';
import { renderApp } from './support/render-app.js';

const signedIn = reply(sessionResponseSchema, { user: USER });

/** GET /bff/keys answers from a list that DELETE changes, like the server. */
function keyServer(initial: KeyRow[]) {
  let rows = initial;
  return {
    'GET /bff/session': signedIn,
    'GET /bff/keys': () => reply(keyListResponseSchema, { data: rows }),
    'DELETE /bff/keys/key_1': () => {
      rows = rows.map((row) =>
        row.id === 'key_1' ? { ...row, status: 'revoked' as const, revokedAt: '2026-05-05T12:00:00.000Z' } : row,
      );
      return noContent;
    },
  };
}

describe('keys page', () => {
  it('lists one row per key with agent, prefix, organization, scopes, dates and status', async () => {
    mockApi(
      keyServer([
        keyRow(),
        keyRow({ id: 'key_2', keyPrefix: 'flw_test_cd34', clientName: 'Old Bot', status: 'revoked', revokedAt: '2026-05-02T09:00:00.000Z' }),
      ]),
    );

    renderApp('/keys');

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('rowheader')).toHaveTextContent('Invoice Helper');
    expect(first).toHaveTextContent('flw_test_ab12');
    expect(first).toHaveTextContent('org_sbx_1');
    expect(first).toHaveTextContent('documents.read');
    expect(first).toHaveTextContent('Never');
    expect(first).toHaveTextContent('Active');
    expect(within(first).getByRole('button', { name: 'Revoke' })).toBeInTheDocument();
    expect(second).toHaveTextContent('Revoked');
    expect(within(second).queryByRole('button', { name: 'Revoke' })).not.toBeInTheDocument();
  });

  it('revokes a key only after confirmation, calls DELETE and updates the row at once', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi(keyServer([keyRow()]));
    renderApp('/keys');

    await user.click(await screen.findByRole('button', { name: 'Revoke' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke this key?' });
    expect(dialog).toHaveTextContent('flw_test_ab12');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(callsTo(fetchMock, 'DELETE', '/bff/keys/key_1')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(callsTo(fetchMock, 'DELETE', '/bff/keys/key_1')).toHaveLength(1);
    const row = within(screen.getByRole('table')).getAllByRole('row')[1] as HTMLElement;
    expect(row).toHaveTextContent('Revoked');
    expect(within(row).queryByRole('button', { name: 'Revoke' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Key flw_test_ab12 for Invoice Helper was revoked.');
  });

  it('leaves the key alone when the confirmation is cancelled with Escape', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi(keyServer([keyRow()]));
    renderApp('/keys');
    const revoke = await screen.findByRole('button', { name: 'Revoke' });

    await user.click(revoke);
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(revoke).toHaveFocus();
    expect(callsTo(fetchMock, 'DELETE', '/bff/keys/key_1')).toHaveLength(0);
  });

  it('still cancels with Escape after a click outside its buttons has moved focus off the dialog', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi(keyServer([keyRow()]));
    renderApp('/keys');
    const revoke = await screen.findByRole('button', { name: 'Revoke' });

    await user.click(revoke);
    // In Chromium a click on the backdrop, the page behind it or the dialog's text leaves focus on <body>.
    (document.activeElement as HTMLElement).blur();
    expect(document.body).toHaveFocus();
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(revoke).toHaveFocus();
    expect(callsTo(fetchMock, 'DELETE', '/bff/keys/key_1')).toHaveLength(0);
  });

  it('makes the page behind the confirmation inert while it is open, and live again after', async () => {
    const user = userEvent.setup();
    mockApi(keyServer([keyRow()]));
    const { container } = renderApp('/keys');
    const revoke = await screen.findByRole('button', { name: 'Revoke' });

    await user.click(revoke);
    const dialog = screen.getByRole('dialog', { name: 'Revoke this key?' });

    expect(container).toHaveAttribute('inert');
    expect(dialog.closest('[inert]')).toBeNull();
    await user.keyboard('{Escape}');
    expect(container).not.toHaveAttribute('inert');
    expect(revoke).toHaveFocus();
  });

  it('explains how keys appear when there are none', async () => {
    mockApi(keyServer([]));

    renderApp('/keys');

    expect(await screen.findByRole('heading', { name: 'No keys yet' })).toBeInTheDocument();
    expect(screen.getByText(/when an agent starts a consent flow and you approve it/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('sends a signed-out person to sign in, coming back to the keys', async () => {
    mockApi({
      'GET /bff/session': reply(sessionResponseSchema, { user: null }),
      'GET /bff/keys': errorReply(401, 'login_required'),
    });

    renderApp('/keys');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/sign-in?next=%2Fkeys'));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});
