import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/bff.js';
import { activityResponseSchema } from '../../shared/dashboard.js';
import { USER } from './support/fixtures.js';
import { mockApi, reply } from './support/mock-api.js';
import { renderApp } from './support/render-app.js';

describe('activity page', () => {
  it('shows each consent with requested and approved scopes, the removed ones marked, and its key', async () => {
    mockApi({
      'GET /bff/session': reply(sessionResponseSchema, { user: USER }),
      'GET /bff/activity': reply(activityResponseSchema, {
        consents: [
          {
            id: 'req_1',
            clientName: 'Invoice Helper',
            requestedScopes: ['send', 'documents.read', 'payments'],
            approvedScopes: ['send', 'documents.read'],
            decision: 'approved',
            createdAt: '2026-05-05T11:58:00.000Z',
            decidedAt: '2026-05-05T12:00:00.000Z',
            redirectHost: null,
            key: { id: 'key_1', keyPrefix: 'flw_test_ab12', status: 'active' },
          },
          {
            id: 'req_2',
            clientName: 'Nosy Bot',
            requestedScopes: ['stats'],
            approvedScopes: [],
            decision: 'denied',
            createdAt: '2026-05-04T09:00:00.000Z',
            decidedAt: '2026-05-04T09:01:00.000Z',
            redirectHost: 'nosy.example.com',
            key: null,
          },
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
    expect(denied).toHaveTextContent('No key');
    expect(denied).toHaveTextContent('nosy.example.com');
    expect(screen.getByText('was issued.', { exact: false }).closest('li')).toHaveTextContent('Key flw_test_ab12… was issued.');
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
