import type { z } from 'zod';
import { currentKeyResponseSchema, keyIdParamSchema } from '../../shared/api-keys.js';
import {
  documentListQuerySchema,
  documentListResponseSchema,
  documentSchema,
  documentSearchQuerySchema,
} from '../../shared/documents.js';
import {
  authorizeRequestSchema,
  authorizeResponseSchema,
  scopeCatalogueResponseSchema,
  tokenRequestSchema,
  tokenResponseSchema,
} from '../../shared/oauth.js';
import { bootstrapRequestSchema, bootstrapResponseSchema, companyListResponseSchema } from '../../shared/sandbox.js';
import type { ScopeName } from '../../shared/scopes.js';

/** The error responses an operation can give; each is `{error, error_description}`. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 415 | 429 | 500 | 503;

/**
 * One /v1 operation as the OpenAPI document describes it. `auth` is 'public', 'key' (any valid key)
 * or the scope the key must carry. Paths use OpenAPI's {param} form, relative to /v1.
 */
export interface Operation {
  method: 'get' | 'post' | 'delete';
  path: string;
  operationId: string;
  tag: 'OAuth' | 'Sandbox' | 'API keys' | 'Documents' | 'Meta';
  summary: string;
  description?: string;
  auth: 'public' | 'key' | ScopeName;
  body?: z.core.$ZodType;
  query?: z.core.$ZodType;
  pathParams?: Record<string, z.core.$ZodType>;
  /** The success status and its body schema; null for an empty body (204) or a free-form JSON object. */
  success: { status: 200 | 204; schema: z.core.$ZodType | null; name?: string };
  errors: ErrorStatus[];
}

// Every /v1 request passes the body parser (400, 413, 415) and can fail on our side (500, 503).
const COMMON: ErrorStatus[] = [400, 413, 415, 500, 503];
const WITH_KEY: ErrorStatus[] = [...COMMON, 401];
const WITH_SCOPE: ErrorStatus[] = [...WITH_KEY, 403];

export const OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/oauth/scopes',
    operationId: 'listScopes',
    tag: 'OAuth',
    summary: 'The scope catalogue',
    description: 'Every scope an agent can ask for: name, title, description, read / write / money, and the endpoints it unlocks.',
    auth: 'public',
    success: { status: 200, schema: scopeCatalogueResponseSchema, name: 'ScopeCatalogue' },
    errors: COMMON,
  },
  {
    method: 'post',
    path: '/oauth/authorize',
    operationId: 'authorize',
    tag: 'OAuth',
    summary: 'Start a consent (PKCE S256)',
    description:
      'Registers what the agent wants and returns a consent link for a person to open. `scopes` is a JSON array, ' +
      'a repeated form field or one space-delimited string; `scope` (RFC 6749 §3.3) is accepted too. ' +
      'code_challenge is BASE64URL(SHA256(code_verifier)) without padding (RFC 7636 §4.2). ' +
      'Rate-limited per client IP: AUTHORIZE_RATE_LIMIT consent requests an hour (refused requests do not count).',
    auth: 'public',
    body: authorizeRequestSchema,
    success: { status: 200, schema: authorizeResponseSchema, name: 'AuthorizeResponse' },
    errors: [...COMMON, 429],
  },
  {
    method: 'post',
    path: '/oauth/token',
    operationId: 'exchangeCode',
    tag: 'OAuth',
    summary: 'Exchange an authorization code and its verifier for an API key',
    description: 'Each code works once. The key carries the scopes the person approved, which may be fewer than asked for.',
    auth: 'public',
    body: tokenRequestSchema,
    success: { status: 200, schema: tokenResponseSchema, name: 'TokenResponse' },
    errors: COMMON,
  },
  {
    method: 'post',
    path: '/sandbox/bootstrap',
    operationId: 'bootstrapSandbox',
    tag: 'Sandbox',
    summary: 'Create a sandbox organization with an all-scope test key',
    description: 'Anonymous and rate-limited per client IP. No person is involved.',
    auth: 'public',
    body: bootstrapRequestSchema,
    success: { status: 200, schema: bootstrapResponseSchema, name: 'BootstrapResponse' },
    errors: [...COMMON, 429],
  },
  {
    method: 'get',
    path: '/api-keys/current',
    operationId: 'getCurrentKey',
    tag: 'API keys',
    summary: 'The calling key',
    auth: 'key',
    success: { status: 200, schema: currentKeyResponseSchema, name: 'CurrentKey' },
    errors: WITH_KEY,
  },
  {
    method: 'delete',
    path: '/api-keys/{id}',
    operationId: 'revokeKey',
    tag: 'API keys',
    summary: 'Revoke a key',
    description: "Revokes the calling key or another key of the caller's organization, immediately.",
    auth: 'key',
    pathParams: { id: keyIdParamSchema },
    success: { status: 204, schema: null },
    errors: [...WITH_KEY, 404],
  },
  {
    method: 'get',
    path: '/documents',
    operationId: 'listDocuments',
    tag: 'Documents',
    summary: "The organization's documents, newest first",
    auth: 'documents.read',
    query: documentListQuerySchema,
    success: { status: 200, schema: documentListResponseSchema, name: 'DocumentList' },
    errors: WITH_SCOPE,
  },
  {
    method: 'get',
    path: '/documents/search',
    operationId: 'searchDocuments',
    tag: 'Documents',
    summary: 'Text search over number, parties, lines, type and status',
    auth: 'documents.search',
    query: documentSearchQuerySchema,
    success: { status: 200, schema: documentListResponseSchema, name: 'DocumentList' },
    errors: WITH_SCOPE,
  },
  {
    method: 'get',
    path: '/documents/{id}',
    operationId: 'getDocument',
    tag: 'Documents',
    summary: 'One document',
    auth: 'documents.read',
    pathParams: { id: documentSchema.shape.id },
    success: { status: 200, schema: documentSchema, name: 'Document' },
    errors: [...WITH_SCOPE, 404],
  },
  {
    method: 'get',
    path: '/companies',
    operationId: 'listCompanies',
    tag: 'Documents',
    summary: "The organization's companies",
    auth: 'companies.read',
    success: { status: 200, schema: companyListResponseSchema, name: 'CompanyList' },
    errors: WITH_SCOPE,
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    tag: 'Meta',
    summary: 'This OpenAPI 3.1 document',
    auth: 'public',
    success: { status: 200, schema: null },
    errors: COMMON,
  },
];
