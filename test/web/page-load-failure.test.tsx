import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionResponseSchema } from '../../shared/bff.js';
import { USER } from './support/fixtures.js';
import { mockApi, reply } from './support/mock-api.js';
import { renderApp } from './support/render-app.js';

// The keys page is a lazy chunk; here fetching it fails, as when the connection drops.
vi.mock('../../web/app/routes/keys.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('a page whose code cannot be fetched', () => {
  it('says so under a working header instead of leaving the app blank, and other pages still open', async () => {
    const user = userEvent.setup();
    mockApi({ 'GET /bff/session': reply(sessionResponseSchema, { user: USER }) });
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error

    renderApp('/keys');

    expect(await screen.findByRole('alert')).toHaveTextContent('This page could not be loaded');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Scopes' }));
    expect(await screen.findByRole('heading', { level: 1, name: /scope/i })).toBeInTheDocument();
    expect(screen.queryByText('This page could not be loaded')).not.toBeInTheDocument();
  });
});
