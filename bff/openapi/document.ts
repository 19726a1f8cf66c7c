import { z } from 'zod';
import { apiErrorSchema } from '../../shared/errors.js';
import { OPERATIONS, type ErrorStatus, type Operation } from './operations.js';

type JsonSchema = Record<string, unknown>;
type Json = Record<string, unknown>;

const header = (description: string) => ({ description, schema: { type: 'string' } });
const WWW_AUTHENTICATE = header('RFC 6750 §3: Bearer realm="flowie-exchange", with error= (and scope= on 403) when a key was sent.');
const RETRY_AFTER = header('Seconds to wait before trying again.');

const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string; headers?: Record<string, unknown> }> = {
  400: { name: 'BadRequest', description: 'invalid_request, invalid_scope, invalid_grant or unsupported_grant_type; error_description names the field and the fix.' },
  401: { name: 'Unauthorized', description: 'invalid_token: no key, a malformed Authorization header, or a key that is unknown, expired or revoked.', headers: { 'WWW-Authenticate': WWW_AUTHENTICATE } },
  403: { name: 'Forbidden', description: 'insufficient_scope: the key lacks the scope named in WWW-Authenticate. Start a new consent asking for it.', headers: { 'WWW-Authenticate': WWW_AUTHENTICATE } },
  404: { name: 'NotFound', description: 'not_found.' },
  405: { name: 'MethodNotAllowed', description: 'method_not_allowed; the Allow header lists what is.', headers: { Allow: header('The methods this path accepts.') } },
  413: { name: 'PayloadTooLarge', description: 'payload_too_large: bodies are limited to 16 KiB.' },
  415: { name: 'UnsupportedMediaType', description: 'unsupported_media_type: send application/json or application/x-www-form-urlencoded, UTF-8.' },
  429: { name: 'TooManyRequests', description: 'too_many_requests; Retry-After says when to try again.', headers: { 'Retry-After': RETRY_AFTER } },
  500: { name: 'ServerError', description: 'server_error: nothing about the cause is disclosed; the description carries a request id.' },
  503: { name: 'ServiceUnavailable', description: 'temporarily_unavailable: data could not be saved, so the request was not confirmed. Retry-After says when to retry.', headers: { 'Retry-After': RETRY_AFTER } },
};

/** zod 4's JSON Schema (draft 2020-12, the dialect OpenAPI 3.1 uses), without the $schema marker. */
function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const ref = (kind: 'schemas' | 'responses', name: string) => ({ $ref: `#/components/${kind}/${name}` });
const requestName = (op: Operation) => `${op.operationId[0]!.toUpperCase()}${op.operationId.slice(1)}Request`;

function queryParameters(op: Operation): Json[] {
  if (!op.query) return [];
  const schema = jsonSchema(op.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

function pathParameters(op: Operation): Json[] {
  return Object.entries(op.pathParams ?? {}).map(([name, schema]) => ({
    name,
    in: 'path',
    required: true,
    schema: jsonSchema(schema, 'input'),
  }));
}

function describeAuth(op: Operation): string {
  if (op.auth === 'public') return 'Public: no key needed.';
  if (op.auth === 'key') return 'Needs an API key (any scope).';
  return `Needs an API key with the \`${op.auth}\` scope.`;
}

function operationObject(op: Operation): Json {
  const success =
    op.success.status === 204
      ? { description: 'Done; no body.' }
      : {
          description: 'OK',
          content: { 'application/json': { schema: op.success.name ? ref('schemas', op.success.name) : { type: 'object' } } },
        };
  const requestBody = op.body && {
    required: true,
    content: {
      'application/json': { schema: ref('schemas', requestName(op)) },
      'application/x-www-form-urlencoded': { schema: ref('schemas', requestName(op)) },
    },
  };
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, describeAuth(op)].filter(Boolean).join('\n\n'),
    // OpenAPI 3.1 §4.8.30: for non-OAuth schemes the array may list the roles required; here, the scope.
    security: op.auth === 'public' ? [] : [{ apiKey: op.auth === 'key' ? [] : [op.auth] }],
    ...(op.auth !== 'public' && op.auth !== 'key' ? { 'x-required-scope': op.auth } : {}),
    parameters: [...pathParameters(op), ...queryParameters(op)],
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [String(op.success.status)]: success,
      ...Object.fromEntries(op.errors.map((status) => [String(status), ref('responses', ERROR_RESPONSES[status].name)])),
    },
  };
}

/** Built once at start-up from the shared zod schemas; the route serves the same object every time. */
export function buildOpenApiDocument(publicUrl: string, operations: readonly Operation[] = OPERATIONS): Json {
  const schemas: Record<string, JsonSchema> = { Error: jsonSchema(apiErrorSchema, 'output') };
  const paths: Record<string, Record<string, Json>> = {};
  for (const op of operations) {
    if (op.body) schemas[requestName(op)] = jsonSchema(op.body, 'input');
    if (op.success.schema && op.success.name) schemas[op.success.name] = jsonSchema(op.success.schema, 'output');
    (paths[op.path] ??= {})[op.method] = operationObject(op);
  }
  const errorResponses = Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description, headers }) => [
      name,
      { description, ...(headers ? { headers } : {}), content: { 'application/json': { schema: ref('schemas', 'Error') } } },
    ]),
  );
  return {
    openapi: '3.1.1',
    info: {
      title: 'Flowie Exchange onboarding API',
      version: 'v1',
      description:
        'Sandbox bootstrap and a PKCE (S256) consent flow that give AI agents flw_test_… API keys. ' +
        'Send keys as `Authorization: Bearer <key>`, never in the URL. Every error is `{error, error_description}`.',
    },
    servers: [{ url: `${publicUrl}/exchange`, description: 'Paths below are under /v1 of this server' }],
    tags: [{ name: 'OAuth' }, { name: 'Sandbox' }, { name: 'API keys' }, { name: 'Documents' }, { name: 'Meta' }],
    paths: Object.fromEntries(Object.entries(paths).map(([path, item]) => [`/v1${path}`, item])),
    components: {
      schemas,
      responses: errorResponses,
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A flw_test_… key from the sandbox bootstrap or the consent flow. Scopes are listed per operation.',
        },
      },
    },
  };
}
