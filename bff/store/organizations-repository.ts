import type { Db } from './db.js';
import type { CompanyRecord, OrganizationRecord } from './records.js';

export type OrganizationsRepository = ReturnType<typeof createOrganizationsRepository>;

/** Organizations and their companies; also remembers every Belgian number handed out. */
export function createOrganizationsRepository(db: Db) {
  const companiesByOrg = new Map<string, CompanyRecord[]>();
  const enterpriseNumbers = new Set<string>();
  const indexCompany = (company: CompanyRecord) => {
    const list = companiesByOrg.get(company.organizationId) ?? [];
    list.push(company);
    companiesByOrg.set(company.organizationId, list);
    enterpriseNumbers.add(company.vatNumber.slice(2));
  };
  db.data.companies.forEach(indexCompany);

  return {
    findById: (id: string) => db.find('organizations', id),
    companiesOf: (organizationId: string): readonly CompanyRecord[] => companiesByOrg.get(organizationId) ?? [],
    isEnterpriseNumberTaken: (digits: string) => enterpriseNumbers.has(digits),
    insert(org: OrganizationRecord, company: CompanyRecord) {
      db.data.organizations.push(org);
      db.data.companies.push(company);
      indexCompany(company);
      db.markDirty('organizations', org);
      db.markDirty('companies', company);
    },
  };
}
