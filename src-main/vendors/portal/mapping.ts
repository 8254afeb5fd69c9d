import type { z } from 'zod';
import { toCents } from '../../../src-shared/domain/money';
import type {
  AcceptedItem,
  ChangeOrderSummary,
  Customer,
  Location,
  ProposalDetail,
  ProposalSummary,
} from '../../../src-shared/ipc/proposals';
import type { CatalogItem, CatalogItemDetails } from '../../../src-shared/ipc/catalog';
import type { Contact } from '../../../src-shared/ipc/contacts';
import type {
  WireCatalogItem,
  WireChangeOrderSummary,
  WireContact,
  WireCustomer,
  WireItemDetails,
  WireLocation,
  WireProposalDetails,
  WireProposalSummary,
} from './schemas';

/** Portal money arrives as dollars in JSON numbers; from here on it is integer cents. */
const cents = (v: number | null | undefined): number => (v == null ? 0 : toCents(v));
const centsOrNull = (v: number | null | undefined): number | null => (v == null ? null : toCents(v));
const s = (v: string | null | undefined): string => v ?? '';
const USD = { code: 'USD', symbol: '$' };

function currency(c: { code: string; symbol?: string | null | undefined } | null | undefined) {
  return c ? { code: c.code || 'USD', symbol: c.symbol ?? '' } : USD;
}

export function toLocation(l: z.infer<typeof WireLocation>): Location {
  return {
    id: l.id,
    street: s(l.street),
    suite: s(l.suite),
    city: s(l.city),
    state: s(l.stateAbbrev) || s(l.state),
    postalCode: s(l.postalCode),
    country: s(l.country),
    phone: s(l.phone),
    isPrimary: l.isPrimary ?? false,
    isBilling: l.isBilling ?? false,
  };
}

function personName(c: z.infer<typeof WireContact>): string {
  const person = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return person || s(c.companyName);
}

export function toCustomer(c: z.infer<typeof WireCustomer> | z.infer<typeof WireContact> | null | undefined): Customer | null {
  if (!c) return null;
  const loc = 'location' in c && c.location ? toLocation(c.location as z.infer<typeof WireLocation>) : null;
  return { id: c.id, name: personName(c), companyName: s(c.companyName), email: s(c.contactEmail), phone: s(c.contactPhone), location: loc };
}

export function toContact(c: z.infer<typeof WireContact>, locations: z.infer<typeof WireLocation>[]): Contact {
  return {
    id: c.id,
    name: personName(c),
    firstName: s(c.firstName),
    lastName: s(c.lastName),
    companyName: s(c.companyName),
    email: s(c.contactEmail),
    phone: s(c.contactPhone),
    contactType: s(c.contactType),
    locations: locations.map(toLocation),
  };
}

export function toProposalSummary(p: z.infer<typeof WireProposalSummary>): ProposalSummary {
  return {
    id: p.id,
    number: p.number,
    name: s(p.name),
    status: p.status,
    totalCents: toCents(p.total.proposalTotal),
    currency: currency(p.total.currency),
    customer: toCustomer(p.customer),
    createdDate: p.createdDate ?? null,
    lastModifiedDate: p.lastModifiedDate ?? null,
  };
}

export function toChangeOrderSummary(c: z.infer<typeof WireChangeOrderSummary>): ChangeOrderSummary {
  return {
    id: c.id,
    number: c.number,
    name: s(c.name),
    status: c.status,
    totalCents: toCents(c.total.changeOrderTotal),
    currency: currency(c.total.currency),
    lastModifiedDate: c.lastModifiedDate ?? null,
  };
}

/** Proposal and change order details share one shape. */
export function toProposalDetail(p: WireProposalDetails, kind: ProposalDetail['kind']): ProposalDetail {
  const f = p.financialSummary;
  const salesperson = p.dealer?.salesperson;
  return {
    kind,
    id: p.id,
    number: p.number,
    name: s(p.name),
    status: p.status,
    currency: currency(f.currency),
    financial: {
      partsTotalCents: cents(f.partsTotal),
      laborTotalCents: cents(f.laborTotal),
      subtotalCents: cents(f.proposalSubtotal ?? f.changeOrderSubtotal),
      salesTaxCents: cents(f.salesTax?.total),
      totalCents: cents(f.proposalTotal ?? f.changeOrderTotal),
    },
    customer: toCustomer(p.customer),
    dealerName: s(p.dealer?.companyName),
    salesperson: salesperson ? [salesperson.firstName, salesperson.lastName].filter(Boolean).join(' ') : '',
    projectDescription: s(p.projectDescription),
    createdDate: p.createdDate ?? null,
    lastModifiedDate: p.lastModifiedDate ?? null,
    areas: p.areas.map((a) => ({
      id: a.id,
      name: s(a.name),
      options: a.options.map((o) => ({
        id: o.id,
        status: o.status,
        clientDescription: s(o.clientDescription),
        installerDescription: s(o.installerDescription),
        totalCents: cents(o.total),
        items: o.items.map((i) => ({
          id: i.id,
          parentId: i.parentId ?? null,
          itemType: i.itemType,
          referencedItemId: i.referencedItemId ?? null,
          brand: s(i.brand),
          model: s(i.model),
          name: s(i.name),
          description: s(i.description) || s(i.shortDescription),
          supplier: s(i.supplier),
          quantity: i.quantity,
          costCents: cents(i.cost),
          sellPriceCents: cents(i.sellPrice),
          msrpCents: cents(i.msrp),
          totalCents: i.total?.amount != null ? toCents(i.total.amount) : Math.round(cents(i.sellPrice) * i.quantity),
        })),
      })),
    })),
    changeOrders: (p.changeOrders ?? []).map(toChangeOrderSummary),
  };
}

/**
 * The supply lines of a proposal: parts and custom items of accepted options only.
 * Declined and draft options are ignored, and labor never becomes a supply line.
 */
export function acceptedItems(p: ProposalDetail): AcceptedItem[] {
  const out: AcceptedItem[] = [];
  for (const area of p.areas) {
    for (const option of area.options) {
      if (option.status !== 'Accepted') continue;
      for (const i of option.items) {
        if (i.itemType !== 'Part' && i.itemType !== 'CustomItem') continue;
        out.push({
          id: i.id,
          itemType: i.itemType,
          brand: i.brand,
          model: i.model,
          name: i.name,
          supplier: i.supplier,
          quantity: i.quantity,
          costCents: i.costCents,
          sellPriceCents: i.sellPriceCents,
          referencedItemId: i.referencedItemId,
          parentId: i.parentId,
          area: { id: area.id, name: area.name },
          optionId: option.id,
        });
      }
    }
  }
  return out;
}

/** Latest change to any part of a catalog item: the incremental sync's cursor. */
export function catalogModifiedAt(i: WireCatalogItem): string | null {
  const dates = [i.defaultCost?.lastModifiedDate, i.msrp?.lastModifiedDate, i.sellPrice?.lastModifiedDate].filter(
    (d): d is string => typeof d === 'string',
  );
  return dates.length ? dates.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
}

export function toCatalogItem(i: WireCatalogItem, fetchedAt: string, categoryName = ''): CatalogItem {
  const c = i.defaultCost;
  return {
    id: i.id,
    brand: s(i.brand),
    model: s(i.model),
    description: s(i.shortDescription),
    categoryId: i.categoryId ?? null,
    categoryName: categoryName || (i.categories?.at(-1) ?? ''),
    supplierName: s(c?.supplierName),
    supplierSku: s(c?.supplierSku),
    unitOfMeasure: s(c?.unitOfMeasure),
    costCents: centsOrNull(c?.value),
    sellPriceCents: centsOrNull(i.sellPrice?.value),
    msrpCents: centsOrNull(i.msrp?.value),
    currency: currency(c?.currency ?? i.msrp?.currency),
    isInStock: c?.isInStock ?? null,
    isDiscontinued: i.isDiscontinued ?? false,
    costVerifiedAt: c?.lastVerifiedDate ?? null,
    fetchedAt,
  };
}

export function toCatalogItemDetails(d: z.infer<typeof WireItemDetails>, fetchedAt: string): CatalogItemDetails {
  return {
    description: s(d.description) || s(d.shortDescription),
    specs: (d.specs ?? []).map((x) => ({ name: x.name, value: x.value })),
    links: [...(d.pdfResourceLinks ?? []), ...(d.videoResourceLinks ?? [])].map((l) => ({ name: l.name, url: l.url })),
    suppliers: d.suppliers.map((x) => ({
      id: x.id,
      name: x.name,
      sku: s(x.sku),
      costCents: centsOrNull(x.cost?.value),
      unitOfMeasure: s(x.cost?.unitOfMeasure),
      isInStock: x.isInStock ?? null,
      isDefault: x.isDefault ?? false,
      accountNumber: s(x.accountNumber),
      lastVerifiedDate: x.cost?.lastVerifiedDate ?? null,
    })),
    fetchedAt,
  };
}
