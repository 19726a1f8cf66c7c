import { SCOPE_NAMES } from '../../shared/scopes.js';
import type { BootstrapRequest, BootstrapResponse, Company } from '../../shared/sandbox.js';
import { iso } from '../clock.js';
import type { ServiceContext } from '../context.js';
import { randomBase62 } from '../crypto.js';
import { mintApiKey } from '../keys/api-keys.js';
import type { CompanyRecord, OrganizationRecord } from '../store/records.js';
import { newEnterpriseNumber } from './enterprise-number.js';

interface OrgInput {
  label: string | null;
  source: OrganizationRecord['source'];
  userId: string | null;
  consentId: string | null;
}

/** A new sandbox organization with its starter company. The caller commits. */
export function createSandboxOrganization(ctx: ServiceContext, input: OrgInput) {
  const digits = newEnterpriseNumber((d) => ctx.repos.organizations.isEnterpriseNumberTaken(d));
  const org: OrganizationRecord = { id: `org_sbx_${randomBase62(16)}`, createdAt: iso(ctx.clock()), ...input };
  const company: CompanyRecord = {
    id: `comp_sbx_${randomBase62(16)}`,
    organizationId: org.id,
    peppolId: `0208:${digits}`,
    vatNumber: `BE${digits}`,
    name: 'Sandbox Test BVBA',
    country: 'BE',
  };
  ctx.repos.organizations.insert(org, company);
  return { org, company };
}

export const toCompanyView = ({ id, peppolId, vatNumber, name, country }: CompanyRecord): Company => ({
  id,
  peppolId,
  vatNumber,
  name,
  country,
});

/** POST /v1/sandbox/bootstrap: anonymous; a new org, company and all-scope key on every call. */
export async function bootstrapSandbox(ctx: ServiceContext, request: BootstrapRequest): Promise<BootstrapResponse> {
  const label = request.label ?? null;
  const { org, company } = createSandboxOrganization(ctx, { label, source: 'bootstrap', userId: null, consentId: null });
  const { key, plainKey } = mintApiKey(ctx, {
    organizationId: org.id,
    scopes: [...SCOPE_NAMES],
    clientName: label ?? 'Sandbox bootstrap',
    userId: null,
    consentId: null,
    actor: 'agent',
  });
  await ctx.db.commit();
  return {
    organizationId: org.id,
    apiKey: plainKey,
    keyPrefix: key.prefix,
    keyType: 'personal',
    company: toCompanyView(company),
    expiresAt: key.expiresAt,
  };
}
