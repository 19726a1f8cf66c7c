import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../shared/bff.js';
import { keyListResponseSchema } from '../../shared/dashboard.js';
import { USER } from './support/fixtures.js';
import { callsTo, errorReply, mockApi, noContent, reply } from './support/mock-api.js';
import { renderApp } from './support/render-app.js';

const signedOut = reply(sessionResponseSchema, { user: null });

async function fillIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  return user;
}

describe('sign in', () => {
  it('says the email and password do not match on a 401 invalid_credentials', async () => {
    mockApi({ 'GET /bff/session': signedOut, 'POST /bff/session': errorReply(401, 'invalid_credentials') });
    renderApp('/sign-in');

    const user = await fillIn('ana@example.com', 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password do not match.');
  });

  it('lands on the consent page it came from after signing in', async () => {
    const fetchMock = mockApi({
      'GET /bff/session': signedOut,
      'POST /bff/session': reply(sessionResponseSchema, { user: USER }),
      'GET /bff/consent/req_9': errorReply(404, 'consent_not_found'),
    });
    renderApp('/sign-in?next=%2Fconsent%2Freq_9');

    const user = await fillIn('ana@example.com', 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/consent\/req_9$/));
    expect(callsTo(fetchMock, 'POST', '/bff/session')[0]?.body).toEqual({
      email: 'ana@example.com',
      password: 'correct horse battery',
    });
    expect(callsTo(fetchMock, 'POST', '/bff/session')[0]?.init?.credentials).toBe('same-origin');
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('ignores a next that points to another site', async () => {
    mockApi({
      'GET /bff/session': signedOut,
      'POST /bff/session': reply(sessionResponseSchema, { user: USER }),
      'GET /bff/keys': reply(keyListResponseSchema, { data: [] }),
    });
    renderApp('/sign-in?next=%2F%2Fevil.example.com%2Fx');

    const user = await fillIn('ana@example.com', 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/keys$/));
  });

  it('links to the sign-up form, keeping where the person was going', async () => {
    mockApi({ 'GET /bff/session': signedOut });

    renderApp('/sign-in?next=%2Fconsent%2Freq_9');

    expect(await screen.findByRole('link', { name: 'Create account' })).toHaveAttribute(
      'href',
      '/sign-up?next=%2Fconsent%2Freq_9',
    );
  });
});

describe('create account', () => {
  it('says the email is taken on a 409 email_taken and links to sign in, keeping next', async () => {
    mockApi({ 'GET /bff/session': signedOut, 'POST /bff/accounts': errorReply(409, 'email_taken') });
    renderApp('/sign-up?next=%2Fconsent%2Freq_9');

    const user = await fillIn('ana@example.com', 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('An account with this email already exists. Sign in instead.');
    expect(within(alert).getByRole('link', { name: 'Sign in instead.' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fconsent%2Freq_9',
    );
  });

  it('asks for at least 10 characters before sending a short password', async () => {
    const fetchMock = mockApi({ 'GET /bff/session': signedOut });
    renderApp('/sign-up');

    const user = await fillIn('ana@example.com', 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/at least 10 characters/);
    expect(screen.getByLabelText('Password')).toBeInvalid();
    expect(callsTo(fetchMock, 'POST', '/bff/accounts')).toHaveLength(0);
  });

  it('explains a 400 weak_password from the server', async () => {
    mockApi({ 'GET /bff/session': signedOut, 'POST /bff/accounts': errorReply(400, 'weak_password') });
    renderApp('/sign-up');

    const user = await fillIn('ana@example.com', 'aaaaaaaaaaaa');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a longer password: at least 10 characters.');
  });

  it('signs the new person in and takes them where they were going', async () => {
    mockApi({
      'GET /bff/session': signedOut,
      'POST /bff/accounts': reply(sessionResponseSchema, { user: USER }, 201),
      'GET /bff/consent/req_9': errorReply(409, 'consent_decided'),
    });
    renderApp('/sign-up?next=%2Fconsent%2Freq_9');

    const user = await fillIn('ana@example.com', 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/consent\/req_9$/));
    expect(await screen.findByText('ana@example.com')).toBeInTheDocument();
  });
});

describe('sign out', () => {
  it('signs out from the header with DELETE /bff/session and sends the person from a signed-in page to sign in', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /bff/session': reply(sessionResponseSchema, { user: USER }),
      'GET /bff/keys': reply(keyListResponseSchema, { data: [] }),
      'DELETE /bff/session': noContent,
    });
    renderApp('/keys');

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/sign-in\?next=%2Fkeys$/));
    expect(callsTo(fetchMock, 'DELETE', '/bff/session')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(screen.queryByText('ana@example.com')).not.toBeInTheDocument();
  });
});
