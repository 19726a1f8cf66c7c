import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/bff.js';
import { activityResponseSchema } from '../../shared/dashboard.js';
import { USER, consentRecord } from './support/fixtures.js';
import { mockApi, reply } from './support/mock-api.js';
import { renderApp } from './support/render-app.js';

/** A request the person denied: no scopes approved, no key. */
const denial = (overrides: Parameters<typeof consentRecord>[0] = {}) =>
  consentRecord({
    id: 'req_2',
    clientName: 'Nosy Bot',
    requestedScopes: ['stats', 'payments'],
    approvedScopes: [],
    decision: 'denied',
    createdAt: '2026-05-04T09:00:00.000Z',
    decidedAt: '2026-05-04T09:01:00.000Z',
    key: null,
    ...overrides,
  });

describe('activity page', () => {
  it('shows each consent with requested and approved scopes, the removed ones marked, and its key', async () => {
    mockApi({
      'GET /bff/session': reply(sessionResponseSchema, { user: USER }),
      'GET /bff/activity': reply(activityResponseSchema, {
        consents: [
          consentRecord({ requestedScopes: ['send', 'documents.read', 'payments'] }),
          denial({ requestedScopes: ['stats'], redirectHost: 'nosy.example.com' }),
        ],
        events: [{ id: 'ev_1', at: '2026-05-05T12:00:00.000Z', type: 'key.issued', summary: 'Key flw_test_ab12… was issued.' }],
      }),
    });

    renderApp('/activity');

    const [approved, denied] = (await screen.findAllByRole('listitem')).filter((item) =>
      item.classList.contains('history-item'),
    ) as [HTMLElement, HTMLElement];
    expect(within(approved).getByRole('heading')).toHaveTextContent('Invoice Helper');
    expect(approved).toHaveTextContent('Approved');
    expect(within(approved).getByText('payments').closest('del')).not.toBeNull();
    expect(approved).toHaveTextContent('You removed 1 of 3.');
    expect(approved).toHaveTextContent('flw_test_ab12');
    expect(approved).toHaveTextContent('Active');
    expect(denied).toHaveTextContent('Denied');
    expect(denied).toHaveTextContent('KeyNone');
    expect(denied).toHaveTextContent('nosy.example.com');
    expect(screen.getByText('was issued.', { exact: false }).closest('li')).toHaveTextContent('Key flw_test_ab12… was issued.');
  });

  it('says an approval’s key is not issued yet while the agent has not used the code, and a denial has none', async () => {
    mockApi({
      'GET /bff/session': reply(sessionResponseSchema, { user: USER }),
      'GET /bff/activity': reply(activityResponseSchema, {
        consents: [
          consentRecord({ clientName: 'Slow Agent', requestedScopes: ['documents.read'], approvedScopes: ['documents.read'], key: null }),
          denial(),
        ],
        events: [],
      }),
    });

    renderApp('/activity');

    const [approved, denied] = (await screen.findAllByRole('listitem')).filter((item) =>
      item.classList.contains('history-item'),
    ) as [HTMLElement, HTMLElement];
    expect(approved).toHaveTextContent('KeyNot issued: the agent has not used the code');
    expect(approved).not.toHaveTextContent('No key');
    expect(denied).toHaveTextContent('KeyNone');
  });

  it('lists a denied request’s scopes plainly, not struck through like removed ones', async () => {
    mockApi({
      'GET /bff/session': reply(sessionResponseSchema, { user: USER }),
      'GET /bff/activity': reply(activityResponseSchema, {
        consents: [denial()],
        events: [],
      }),
    });

    renderApp('/activity');

    const denied = (await screen.findByRole('heading', { name: 'Nosy Bot' })).closest('li')!;
    expect(denied).toHaveTextContent('Denied');
    for (const scope of ['stats', 'payments']) {
      const chip = within(denied).getByText(scope);
      expect(chip.closest('del')).toBeNull();
      expect(chip.closest('li')).not.toHaveClass('chip-removed');
    }
    expect(denied.querySelector('del')).toBeNull();
    expect(denied).not.toHaveTextContent('removed');
  });

  it('shows key prefixes inside event summaries as code, so zIjW cannot read as zljW', async () => {
    mockApi({
      'GET /bff/session': reply(sessionResponseSchema, { user: USER }),
      'GET /bff/activity': reply(activityResponseSchema, {
        consents: [],
        events: [
          { id: 'ev_1', at: '2026-05-05T12:00:00.000Z', type: 'key.revoked', summary: 'Key flw_test_zIjW… was revoked by you.' },
        ],
      }),
    });

    renderApp('/activity');

    const prefix = await screen.findByText('flw_test_zIjW…');
    expect(prefix.tagName).toBe('CODE');
    expect(prefix.closest('li')).toHaveTextContent('Key flw_test_zIjW… was revoked by you.');
  });
});
