import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { consentViewSchema, decisionResponseSchema, sessionResponseSchema } from '../../shared/bff.js';
import { leavePage } from '../../web/lib/leave-page.js';
import { USER, consentView } from './support/fixtures.js';
import { callsTo, errorReply, mockApi, reply } from './support/mock-api.js';
import { renderApp } from './support/render-app.js';

vi.mock('../../web/lib/leave-page.js', () => ({ leavePage: vi.fn() }));

const NOW = new Date('2026-05-05T12:00:00.000Z');
const CONSENT = '/bff/consent/req_123';
const signedIn = reply(sessionResponseSchema, { user: USER });

function approved(overrides: Partial<Parameters<typeof decisionResponseSchema.parse>[0]> = {}) {
  return reply(decisionResponseSchema, {
    decision: 'approved',
    code: 'ac_9f8e7d6c5b4a',
    code_expires_at: new Date(NOW.getTime() + 5 * 60_000).toISOString(),
    redirect_to: null,
    approved_scopes: ['send', 'documents.read', 'payments'],
    ...overrides,
  });
}

beforeEach(() => {
  // Only the clock and the countdown's interval are fake; promises and React's scheduling stay real.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(leavePage).mockReset();
});

describe('consent page: a pending request', () => {
  it('shows the self-declared agent name as plain text, the scopes, where the code goes and a countdown', async () => {
    mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(consentViewSchema, consentView({ client_name: '<b>Evil</b> Agent' })),
    });

    renderApp('/consent/req_123');

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('<b>Evil</b> Agent asks for an API key');
    expect(heading.querySelector('b')).toBeNull();
    expect(heading.querySelector('bdi')).toHaveTextContent('<b>Evil</b> Agent');
    expect(screen.getByText('self-declared, not verified')).toBeInTheDocument();
    expect(screen.getByText(/code will be shown on screen/)).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('09:00');
    for (const name of ['send', 'documents.read', 'payments']) {
      expect(screen.getByRole('checkbox', { name: new RegExp(name.replace('.', '\\.')) })).toBeChecked();
    }
    expect(screen.getByRole('checkbox', { name: /payments/ })).toHaveAccessibleName(/Money/);
    expect(screen.getByRole('checkbox', { name: /documents\.read/ })).toHaveAccessibleDescription(
      'List, open and download your documents as XML, PDF or structured views.',
    );
    expect(screen.getByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Deny' })).toBeEnabled();
  });

  it('says approving creates a new sandbox organization for the agent, not access to the person’s account', async () => {
    mockApi({ 'GET /bff/session': signedIn, [`GET ${CONSENT}`]: reply(consentViewSchema, consentView()) });

    renderApp('/consent/req_123');

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Invoice Helper asks for an API key');
    expect(heading).not.toHaveTextContent(/your Flowie account/);
    expect(screen.getByText(/^Approving creates a new Flowie sandbox organization for this agent/)).toHaveTextContent(
      'Approving creates a new Flowie sandbox organization for this agent, with a key that can do only what you keep ticked below.',
    );
  });

  it('names the host the browser will be sent to when the agent gave a redirect URI', async () => {
    mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(consentViewSchema, consentView({ redirect_host: 'agent.example.com' })),
    });

    renderApp('/consent/req_123');

    expect(await screen.findByText('agent.example.com')).toBeInTheDocument();
    expect(screen.getByText(/Your browser will be sent to/)).toBeInTheDocument();
  });

  it('counts down every second', async () => {
    mockApi({ 'GET /bff/session': signedIn, [`GET ${CONSENT}`]: reply(consentViewSchema, consentView()) });
    renderApp('/consent/req_123');
    const timer = await screen.findByRole('timer');

    act(() => vi.advanceTimersByTime(61_000));

    expect(timer).toHaveTextContent('07:59');
  });
});

describe('consent page: choosing scopes', () => {
  it('approves only the scopes left ticked', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(consentViewSchema, consentView()),
      [`POST ${CONSENT}/approve`]: approved({ approved_scopes: ['send', 'documents.read'] }),
    });
    renderApp('/consent/req_123');

    await user.click(await screen.findByRole('checkbox', { name: /payments/ }));
    expect(screen.getByText('You removed 1 of 3 permissions.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Approve' }));

    await screen.findByLabelText('Authorization code');
    expect(callsTo(fetchMock, 'POST', `${CONSENT}/approve`).map((c) => c.body)).toEqual([
      { scopes: ['send', 'documents.read'] },
    ]);
  });

  it('leaves no empty paragraph above the buttons while every scope stays ticked, and announces the hint once one is not', async () => {
    const user = userEvent.setup();
    mockApi({ 'GET /bff/session': signedIn, [`GET ${CONSENT}`]: reply(consentViewSchema, consentView()) });
    renderApp('/consent/req_123');
    const article = (await screen.findByRole('button', { name: 'Approve' })).closest('article')!;
    const emptyParagraphs = () => [...article.querySelectorAll('p')].filter((p) => p.textContent?.trim() === '');

    const liveRegion = article.querySelector('[aria-live="polite"]')!;
    expect(emptyParagraphs()).toEqual([]);
    expect(liveRegion).toBeEmptyDOMElement();

    await user.click(screen.getByRole('checkbox', { name: /payments/ }));

    expect(article.querySelector('[aria-live="polite"]')).toBe(liveRegion);
    expect(liveRegion).toHaveTextContent('You removed 1 of 3 permissions.');
    expect(screen.getByRole('button', { name: 'Approve' })).toHaveAccessibleDescription('You removed 1 of 3 permissions.');
  });

  it('disables Approve when every scope is unticked, and says why', async () => {
    const user = userEvent.setup();
    mockApi({ 'GET /bff/session': signedIn, [`GET ${CONSENT}`]: reply(consentViewSchema, consentView()) });
    renderApp('/consent/req_123');

    for (const name of [/send/, /documents\.read/, /payments/]) {
      await user.click(await screen.findByRole('checkbox', { name }));
    }

    const approve = screen.getByRole('button', { name: 'Approve' });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription('Keep at least one permission ticked to approve, or deny the request.');
    expect(screen.getByRole('button', { name: 'Deny' })).toBeEnabled();
  });
});

describe('consent page: after a decision', () => {
  it('shows the code in a read-only field, copies it, and says it works once and expires in 5 minutes', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(consentViewSchema, consentView()),
      [`POST ${CONSENT}/approve`]: approved(),
    });
    renderApp('/consent/req_123');

    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    const field = await screen.findByLabelText('Authorization code');
    await user.click(screen.getByRole('button', { name: 'Copy' }));

    expect(field).toHaveValue('ac_9f8e7d6c5b4a');
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByText(/It works once and expires in 5 minutes\./)).toBeInTheDocument();
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe('ac_9f8e7d6c5b4a');
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('sends the browser to redirect_to after Approve when the agent gave a redirect URI', async () => {
    const user = userEvent.setup();
    const target = 'https://agent.example.com/callback?code=ac_1&state=xyz';
    mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(consentViewSchema, consentView({ redirect_host: 'agent.example.com' })),
      [`POST ${CONSENT}/approve`]: approved({ code: null, code_expires_at: null, redirect_to: target }),
    });
    renderApp('/consent/req_123');

    await user.click(await screen.findByRole('button', { name: 'Approve' }));

    expect(await screen.findByText('Taking you back to the agent')).toBeInTheDocument();
    expect(leavePage).toHaveBeenCalledWith(target);
    expect(screen.queryByLabelText('Authorization code')).not.toBeInTheDocument();
  });

  it('refuses to leave for a redirect_to on another host than the one shown', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(consentViewSchema, consentView({ redirect_host: 'agent.example.com' })),
      [`POST ${CONSENT}/approve`]: approved({ code: null, redirect_to: 'https://evil.example.net/cb?code=x' }),
    });
    renderApp('/consent/req_123');

    await user.click(await screen.findByRole('button', { name: 'Approve' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/does not match the one shown/);
    expect(leavePage).not.toHaveBeenCalled();
  });

  it('confirms a denial and sends an empty JSON body', async () => {
    const user = userEvent.setup();
    const fetchMock = mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(consentViewSchema, consentView()),
      [`POST ${CONSENT}/deny`]: reply(decisionResponseSchema, {
        decision: 'denied',
        code: null,
        code_expires_at: null,
        redirect_to: null,
        approved_scopes: [],
      }),
    });
    renderApp('/consent/req_123');

    await user.click(await screen.findByRole('button', { name: 'Deny' }));

    expect(await screen.findByRole('heading', { name: 'You denied the request' })).toBeInTheDocument();
    expect(screen.getByText(/gets no access to your Flowie account/)).toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST', `${CONSENT}/deny`).map((c) => c.body)).toEqual([{}]);
    expect(leavePage).not.toHaveBeenCalled();
  });

  it('sends the browser back to the agent after Deny when redirect_to is set', async () => {
    const user = userEvent.setup();
    const target = 'https://agent.example.com/callback?error=access_denied';
    mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(consentViewSchema, consentView({ redirect_host: 'agent.example.com' })),
      [`POST ${CONSENT}/deny`]: reply(decisionResponseSchema, {
        decision: 'denied',
        code: null,
        code_expires_at: null,
        redirect_to: target,
        approved_scopes: [],
      }),
    });
    renderApp('/consent/req_123');

    await user.click(await screen.findByRole('button', { name: 'Deny' }));

    expect(await screen.findByText(/You denied the request\. No key was created\./)).toBeInTheDocument();
    expect(leavePage).toHaveBeenCalledWith(target);
  });
});

describe('consent page: requests that cannot be answered', () => {
  it.each([
    [404, 'consent_not_found', 'We can’t find this request'],
    [410, 'consent_expired', 'This request has expired'],
    [409, 'consent_decided', 'This request was already answered'],
  ] as const)('explains a %i %s and offers no buttons', async (status, code, title) => {
    mockApi({ 'GET /bff/session': signedIn, [`GET ${CONSENT}`]: errorReply(status, code) });

    renderApp('/consent/req_123');

    const region = await screen.findByRole('region', { name: title });
    expect(within(region).getByText(/ask (it|the agent) to start again/i)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Deny' })).not.toBeInTheDocument();
  });

  it.each([
    ['expired', 'This request has expired'],
    ['approved', 'This request was already answered'],
    ['denied', 'This request was already answered'],
  ] as const)('explains a request whose status is %s and offers no buttons', async (status, title) => {
    mockApi({ 'GET /bff/session': signedIn, [`GET ${CONSENT}`]: reply(consentViewSchema, consentView({ status })) });

    renderApp('/consent/req_123');

    expect(await screen.findByRole('region', { name: title })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Deny' })).not.toBeInTheDocument();
  });

  it('after an approval, tells the person the code is shown only once and what to do if they did not copy it', async () => {
    mockApi({ 'GET /bff/session': signedIn, [`GET ${CONSENT}`]: reply(consentViewSchema, consentView({ status: 'approved' })) });

    renderApp('/consent/req_123');

    const region = await screen.findByRole('region', { name: 'This request was already answered' });
    expect(
      within(region).getByText(
        'If you approved it and did not copy the code, ask the agent to start a new request; the code is shown only once.',
      ),
    ).toBeInTheDocument();
  });

  it.each([
    [404, 'consent_not_found', 'We can’t find this request'],
    [410, 'consent_expired', 'This request has expired'],
  ] as const)('does not mention a code for a %i %s, where none was ever shown', async (status, code, title) => {
    mockApi({ 'GET /bff/session': signedIn, [`GET ${CONSENT}`]: errorReply(status, code) });

    renderApp('/consent/req_123');

    expect(await screen.findByRole('region', { name: title })).not.toHaveTextContent(/code/);
  });

  it('switches to the expired state when the countdown reaches zero', async () => {
    mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(
        consentViewSchema,
        consentView({ expires_at: new Date(NOW.getTime() + 3_000).toISOString() }),
      ),
    });
    renderApp('/consent/req_123');
    expect(await screen.findByRole('timer')).toHaveTextContent('00:03');

    act(() => vi.advanceTimersByTime(3_000));

    expect(screen.getByRole('heading', { name: 'This request has expired' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('shows the expired state when Approve comes back 410', async () => {
    const user = userEvent.setup();
    mockApi({
      'GET /bff/session': signedIn,
      [`GET ${CONSENT}`]: reply(consentViewSchema, consentView()),
      [`POST ${CONSENT}/approve`]: errorReply(410, 'consent_expired'),
    });
    renderApp('/consent/req_123');

    await user.click(await screen.findByRole('button', { name: 'Approve' }));

    expect(await screen.findByRole('heading', { name: 'This request has expired' })).toBeInTheDocument();
  });

  it('asks a signed-out person to sign in or create an account, coming back to the request', async () => {
    mockApi({
      'GET /bff/session': reply(sessionResponseSchema, { user: null }),
      [`GET ${CONSENT}`]: errorReply(401, 'login_required'),
    });

    renderApp('/consent/req_123');

    const main = await screen.findByRole('main');
    // Nothing is known about the request before signing in; the heading must hold for a stale link too.
    expect(await within(main).findByRole('heading', { level: 1 })).toHaveTextContent(
      'Sign in to review this access request',
    );
    expect(within(main).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/sign-in?next=%2Fconsent%2Freq_123',
    );
    expect(within(main).getByRole('link', { name: 'Create account' })).toHaveAttribute(
      'href',
      '/sign-up?next=%2Fconsent%2Freq_123',
    );
  });
});
