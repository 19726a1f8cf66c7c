import { vi } from 'vitest';
import type * as z from 'zod/mini';
import { apiErrorSchema, type ErrorCode } from '../../../shared/errors.js';

export interface MockReply {
  status: number;
  body?: unknown;
}

type Handler = MockReply | ((request: { url: string; method: string; body: unknown }) => MockReply);

/** A JSON reply that is first checked against the shared schema, so mocks cannot drift from the contract. */
export function reply<S extends z.ZodMiniType>(schema: S, body: z.input<S>, status = 200): MockReply {
  return { status, body: schema.parse(body) };
}

export function errorReply(status: number, error: ErrorCode, description = `${error} (test)`): MockReply {
  return { status, body: apiErrorSchema.parse({ error, error_description: description }) };
}

export const noContent: MockReply = { status: 204 };

/**
 * Stubs fetch with a table of `METHOD /path` → reply (or a function, for replies that change).
 * Unknown calls fail the test loudly. Returns the mock, whose calls the test can inspect.
 */
export function mockApi(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const handler = routes[`${method} ${url}`];
    if (!handler) throw new Error(`Unexpected fetch: ${method} ${url}`);
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const { status, body: payload } = typeof handler === 'function' ? handler({ url, method, body }) : handler;
    return new Response(payload === undefined ? null : JSON.stringify(payload), {
      status,
      headers: payload === undefined ? {} : { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The calls made to one `METHOD /path`, with their parsed JSON bodies. */
export function callsTo(fetchMock: ReturnType<typeof mockApi>, method: string, url: string) {
  return fetchMock.mock.calls
    .filter(([input, init]) => String(input) === url && (init?.method ?? 'GET') === method)
    .map(([, init]) => ({
      init,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    }));
}
