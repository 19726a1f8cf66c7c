/**
 * The catalogue endpoints this sandbox serves (plus /v1/api-keys, which no scope gates). The others
 * belong to the full Flowie Exchange API: a key can hold their scopes, but calling them here fails.
 * Kept in web until the catalogue in shared/ carries the fact itself (e.g. `sandbox: boolean` per
 * endpoint); keep it in step with bff/routes/documents.ts.
 */
export const SANDBOX_ENDPOINTS: ReadonlySet<string> = new Set([
  'GET /v1/documents',
  'GET /v1/documents/{id}',
  'GET /v1/documents/search',
  'GET /v1/companies',
]);

export function servedBySandbox(endpoint: string): boolean {
  return SANDBOX_ENDPOINTS.has(endpoint);
}
