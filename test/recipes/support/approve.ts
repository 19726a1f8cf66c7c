import { randomUUID } from 'node:crypto';

/**
 * What the person does on the consent page, through the same BFF calls the page makes: sign up,
 * read the request, approve every requested scope. Returns the one-time code the page shows.
 */
export async function approveAsPerson(serverUrl: string, consentUrl: string): Promise<string> {
  const requestId = new URL(consentUrl).pathname.split('/').pop()!;
  const headers = { 'Content-Type': 'application/json', Origin: serverUrl };
  const signUp = await fetch(`${serverUrl}/bff/accounts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: `person-${randomUUID()}@example.test`, password: 'correct horse battery' }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  const view = await fetch(`${serverUrl}/bff/consent/${requestId}`, { headers: { ...headers, Cookie: cookie } });
  if (!view.ok) throw new Error(`consent view failed: ${view.status} ${await view.text()}`);
  const scopes = ((await view.json()) as { scopes: { name: string }[] }).scopes.map((s) => s.name);

  const decision = await fetch(`${serverUrl}/bff/consent/${requestId}/approve`, {
    method: 'POST',
    headers: { ...headers, Cookie: cookie },
    body: JSON.stringify({ scopes }),
  });
  if (!decision.ok) throw new Error(`approve failed: ${decision.status} ${await decision.text()}`);
  return ((await decision.json()) as { code: string }).code;
}
