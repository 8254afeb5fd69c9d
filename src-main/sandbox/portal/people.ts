import contactsSeed from '../../../resources/sandbox/portal/contacts.json';

export interface SandboxLocation {
  id: number;
  street: string;
  suite: string;
  city: string;
  postalCode: string;
  state: string;
  stateAbbrev: string;
  country: string;
  phone: string;
  contactFirstName: string;
  contactLastName: string;
  contactPhoneNumber: string;
  contactEmail: string;
  isPrimary: boolean;
  isBilling: boolean;
}

export interface SandboxContact {
  id: number;
  contactType: string;
  contactCategory: string;
  firstName: string;
  lastName: string;
  companyName: string;
  contactEmail: string;
  contactEmailCC: string;
  contactPhone: string;
  notes: string;
  lastModifiedDate: string;
  locations: SandboxLocation[];
}

export const SEED_CONTACTS = contactsSeed as unknown as SandboxContact[];

/** The summary Portal lists under `people`. */
export function contactSummary(c: SandboxContact) {
  const { locations: _l, notes: _n, lastModifiedDate: _m, ...summary } = c;
  return summary;
}

/** Contact details: summary plus primary and billing locations and counts. */
export function contactDetails(c: SandboxContact, proposalCount: number) {
  return {
    ...contactSummary(c),
    notes: c.notes,
    lastModifiedDate: c.lastModifiedDate,
    primaryLocation: c.locations.find((l) => l.isPrimary) ?? c.locations[0] ?? null,
    billingLocation: c.locations.find((l) => l.isBilling) ?? null,
    proposalCount,
    paymentCount: 0,
  };
}

export function contactMatches(c: SandboxContact, text: string): boolean {
  const hay = `${c.firstName} ${c.lastName} ${c.companyName} ${c.contactEmail} ${c.contactPhone}`.toLowerCase();
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((t) => hay.includes(t));
}
