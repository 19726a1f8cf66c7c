import { createHash } from 'node:crypto';
import type { PeppolDocument } from '../../shared/documents.js';
import type { CompanyRecord, OrganizationRecord } from '../store/records.js';
import { withBelgianCheck } from './enterprise-number.js';

/**
 * The sample Peppol traffic a sandbox organization starts with. It is a pure function of the
 * organization (seeded by its id, dated from its creation), so it costs nothing to store and is the
 * same on every read. Every document is marked `sample: true`.
 */
const PARTNERS = [
  { name: 'Brasserie Van Damme NV', digits: withBelgianCheck('04123456') },
  { name: 'Atelier Lumière SRL', digits: withBelgianCheck('07654321') },
  { name: 'Kempen Logistics BV', digits: withBelgianCheck('05550123') },
  { name: 'Ostend Office Supplies BV', digits: withBelgianCheck('08811223') },
];

const ITEMS = [
  { description: 'Peppol onboarding consultancy (hours)', price: 95 },
  { description: 'Pallet transport Antwerp–Ghent', price: 180 },
  { description: 'A4 paper, 80 g, box of 5 reams', price: 24.5 },
  { description: 'Monthly e-invoicing subscription', price: 49 },
  { description: 'Catering for team event (per person)', price: 38.75 },
  { description: 'Label printer maintenance', price: 120 },
];

const PLAN: { type: PeppolDocument['type']; direction: PeppolDocument['direction']; status: PeppolDocument['status'] }[] = [
  { type: 'invoice', direction: 'sent', status: 'delivered' },
  { type: 'invoice', direction: 'received', status: 'received' },
  { type: 'invoice', direction: 'sent', status: 'paid' },
  { type: 'credit_note', direction: 'sent', status: 'delivered' },
  { type: 'invoice', direction: 'received', status: 'read' },
  { type: 'credit_note', direction: 'received', status: 'received' },
];

const DAY = 86_400_000;

function seededRandom(seed: string) {
  const digest = createHash('sha256').update(seed).digest();
  let state = digest.readUInt32LE(0);
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const money = (cents: number) => (cents / 100).toFixed(2);

export function sampleDocuments(org: OrganizationRecord, company: CompanyRecord): PeppolDocument[] {
  const random = seededRandom(org.id);
  const created = Date.parse(org.createdAt);
  const self = { name: company.name, peppolId: company.peppolId, vatNumber: company.vatNumber };
  const docs = PLAN.map((plan, index) => {
    const partner = PARTNERS[index % PARTNERS.length]!;
    const other = { name: partner.name, peppolId: `0208:${partner.digits}`, vatNumber: `BE${partner.digits}` };
    const lines = [0, 1].slice(0, 1 + Math.floor(random() * 2)).map(() => {
      const item = ITEMS[Math.floor(random() * ITEMS.length)]!;
      return { description: item.description, quantity: 1 + Math.floor(random() * 8), unitPrice: item.price.toFixed(2), vatRate: 21 };
    });
    const sign = plan.type === 'credit_note' ? -1 : 1;
    const net = lines.reduce((sum, l) => sum + Math.round(Number(l.unitPrice) * 100) * l.quantity, 0);
    const vat = Math.round(net * 0.21);
    const issued = created - (PLAN.length - index) * 4 * DAY;
    const issueDate = new Date(issued).toISOString().slice(0, 10);
    const prefix = plan.type === 'invoice' ? 'INV' : 'CN';
    return {
      id: `doc_sbx_${createHash('sha256').update(`${org.id}:${index}`).digest('hex').slice(0, 20)}`,
      organizationId: org.id,
      type: plan.type,
      direction: plan.direction,
      number: `${prefix}-${issueDate.slice(0, 4)}-${String(101 + index * 7 + Math.floor(random() * 5)).padStart(4, '0')}`,
      status: plan.status,
      issueDate,
      dueDate: plan.type === 'invoice' ? new Date(issued + 30 * DAY).toISOString().slice(0, 10) : null,
      currency: 'EUR' as const,
      totals: { net: money(sign * net), vat: money(sign * vat), gross: money(sign * (net + vat)) },
      seller: plan.direction === 'sent' ? self : other,
      buyer: plan.direction === 'sent' ? other : self,
      lines,
      profile: 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0',
      createdAt: new Date(issued + 9 * 3_600_000).toISOString(),
      sample: true as const,
    };
  });
  return docs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
