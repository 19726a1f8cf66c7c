import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/bff.js';
import { keyListResponseSchema } from '../../shared/dashboard.js';
import { USER } from './support/fixtures.js';
import { mockApi, reply } from './support/mock-api.js';
import { renderApp } from './support/render-app.js';

const signedIn = reply(sessionResponseSchema, { user: USER });

describe('main navigation', () => {
  it('marks the section the person is in, and only that one, as the current page', async () => {
    mockApi({ 'GET /bff/session': signedIn, 'GET /bff/keys': reply(keyListResponseSchema, { data: [] }) });

    renderApp('/keys');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const keys = within(nav).getByRole('link', { name: 'Keys' });
    expect(keys).toHaveAttribute('href', '/keys');
    expect(keys).toHaveAttribute('aria-current', 'page');
    expect(keys).toHaveClass('active');
    for (const name of ['Scopes', 'Activity']) {
      const link = within(nav).getByRole('link', { name });
      expect(link).not.toHaveAttribute('aria-current');
      expect(link).not.toHaveClass('active');
    }
  });

  it('moves to another page in the app without loading a new document', async () => {
    const user = userEvent.setup();
    mockApi({ 'GET /bff/session': signedIn, 'GET /bff/keys': reply(keyListResponseSchema, { data: [] }) });
    renderApp('/not-a-page');

    await user.click(await screen.findByRole('link', { name: 'Go to the start page' }));
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Keys' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your keys' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/keys$/);
  });
});
