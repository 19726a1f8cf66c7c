import * as z from 'zod/mini';

/**
 * The scope catalogue: the single source for the BFF's scope checks, the consent page and the
 * public scope explorer. Names and meanings come from the public onboarding page.
 */
export const scopeAccessSchema = z.enum(['read', 'write', 'money']);
export type ScopeAccess = z.infer<typeof scopeAccessSchema>;

export const scopeSchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  /** read, write, or money (a write that moves money or drives compliance reporting). */
  access: scopeAccessSchema,
  /** Whether the scope changes anything (every write and money scope). */
  writes: z.boolean(),
  endpoints: z.array(z.string()),
});
export type Scope = z.infer<typeof scopeSchema>;

/** GET /v1/oauth/scopes. */
export const scopeCatalogueResponseSchema = z.object({ scopes: z.array(scopeSchema) });

export const SCOPE_NAMES = [
  'send',
  'receive',
  'documents.read',
  'documents.search',
  'documents.write',
  'companies.read',
  'companies.write',
  'directory',
  'partners',
  'payments',
  'lifecycle',
  'compliance',
  'stats',
] as const;
export const scopeNameSchema = z.enum(SCOPE_NAMES);
export type ScopeName = z.infer<typeof scopeNameSchema>;

const CATALOGUE: Omit<Scope, 'writes'>[] = [
  {
    name: 'send',
    title: 'Send documents',
    description: 'Issue invoices, credit notes and orders over Peppol in your name.',
    access: 'write',
    endpoints: ['POST /v1/documents'],
  },
  {
    name: 'receive',
    title: 'Receive documents',
    description: 'Configure inbound delivery, webhooks and your SMP registration.',
    access: 'write',
    endpoints: ['PUT /v1/inbound', 'POST /v1/webhooks'],
  },
  {
    name: 'documents.read',
    title: 'Read documents',
    description: 'List, open and download your documents as XML, PDF or structured views.',
    access: 'read',
    endpoints: ['GET /v1/documents', 'GET /v1/documents/{id}'],
  },
  {
    name: 'documents.search',
    title: 'Search documents',
    description: 'Run filtered searches across all of your documents.',
    access: 'read',
    endpoints: ['GET /v1/documents/search'],
  },
  {
    name: 'documents.write',
    title: 'Organise documents',
    description: 'Mark documents as read, archive them, tag them and add notes.',
    access: 'write',
    endpoints: ['PATCH /v1/documents/{id}'],
  },
  {
    name: 'companies.read',
    title: 'Read companies',
    description: 'Read your sender and partner companies and their Peppol registrations.',
    access: 'read',
    endpoints: ['GET /v1/companies'],
  },
  {
    name: 'companies.write',
    title: 'Manage companies',
    description: 'Update your companies and register them on the Peppol SMP.',
    access: 'write',
    endpoints: ['PATCH /v1/companies/{id}', 'POST /v1/companies/{id}/smp'],
  },
  {
    name: 'directory',
    title: 'Peppol directory',
    description: 'Search the Peppol directory and check whether a participant can be reached.',
    access: 'read',
    endpoints: ['GET /v1/directory'],
  },
  {
    name: 'partners',
    title: 'Trading partners',
    description: 'Manage your trading partners and how documents are routed to them.',
    access: 'write',
    endpoints: ['GET /v1/partners', 'POST /v1/partners'],
  },
  {
    name: 'payments',
    title: 'Payments',
    description: 'Record payments, manage payment terms and export ISO 20022 / SEPA files.',
    access: 'money',
    endpoints: ['POST /v1/payments', 'GET /v1/payments/export'],
  },
  {
    name: 'lifecycle',
    title: 'Invoice lifecycle',
    description:
      'Approve, reject or mark invoices as paid. These statuses feed PPF/SDI compliance reporting.',
    access: 'money',
    endpoints: ['POST /v1/documents/{id}/status'],
  },
  {
    name: 'compliance',
    title: 'Compliance reports',
    description: 'Read the compliance dashboard and the reporting records behind it.',
    access: 'read',
    endpoints: ['GET /v1/compliance'],
  },
  {
    name: 'stats',
    title: 'Statistics',
    description: 'Read sent, received, delivered and failed counters per period.',
    access: 'read',
    endpoints: ['GET /v1/stats'],
  },
];

// Marked pure so that a bundle which takes only the schemas from this module (the SPA validates the
// scopes of a consent request with scopeSchema; it reads the catalogue from the API) leaves the
// catalogue's texts out.
export const SCOPES: readonly Scope[] = /* @__PURE__ */ CATALOGUE.map((scope) => ({
  ...scope,
  writes: scope.access !== 'read',
}));

const byName = /* @__PURE__ */ new Map(/* @__PURE__ */ SCOPES.map((scope) => [scope.name, scope]));

export function findScope(name: string): Scope | undefined {
  return byName.get(name);
}

export function isScopeName(name: string): name is ScopeName {
  return byName.has(name);
}

/** Catalogue order, duplicates merged. */
export function sortScopes<T extends string>(names: readonly T[]): T[] {
  return SCOPE_NAMES.filter((n) => names.includes(n as T)) as unknown as T[];
}
