import type * as z from 'zod/mini';
import { apiErrorSchema } from '../../shared/errors.js';
import { noteServerDate } from './server-clock.js';

/** Every failed call to the BFF or the public API becomes one of these. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(`${status} ${code}: ${description}`);
    this.name = 'ApiClientError';
  }
}

type Method = 'GET' | 'POST' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The only way the SPA talks to its server: same-origin cookies, JSON in and out, every response
 * checked against the shared schema, every error turned into an ApiClientError.
 */
export async function apiRequest<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  const body: unknown = await response.json().catch(() => {
    throw new ApiClientError(response.status, 'server_error', 'The server sent a response that is not JSON.');
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiClientError(response.status, 'server_error', 'The server sent a response in an unexpected shape.');
  }
  return parsed.data;
}

/** For calls answered with 204 No Content. */
export async function apiRequestNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

async function send(path: string, { method = 'GET', body, signal }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiClientError(0, 'network_error', 'The server could not be reached.');
  }
  noteServerDate(response.headers.get('Date'));
  if (!response.ok) throw await toError(response);
  return response;
}

async function toError(response: Response): Promise<ApiClientError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = apiErrorSchema.safeParse(body);
  if (parsed.success) {
    return new ApiClientError(response.status, parsed.data.error, parsed.data.error_description);
  }
  const code = response.status >= 500 ? 'server_error' : 'invalid_request';
  return new ApiClientError(response.status, code, response.statusText || 'The request failed.');
}

export function isApiError(error: unknown, ...codes: string[]): error is ApiClientError {
  return error instanceof ApiClientError && (codes.length === 0 || codes.includes(error.code));
}
