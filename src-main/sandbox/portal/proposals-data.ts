import proposalsSeed from '../../../resources/sandbox/portal/proposals.json';
import { PROPOSAL_STATUSES } from '../../../src-shared/ipc/proposals';

interface Named {
  id: number;
  number: number;
  name: string;
  status: string;
  createdDate: string;
  lastModifiedDate: string;
  lastModifiedByUserDate: string;
  customer: Record<string, unknown> & { firstName: string; lastName: string; companyName: string; location?: unknown };
  financialSummary: Record<string, unknown> & { currency: { code: string; symbol: string } };
}

export type SandboxChangeOrder = Named & { proposalId: number; financialSummary: { changeOrderTotal: number; currency: { code: string; symbol: string } } };
export type SandboxProposal = Named & {
  financialSummary: { proposalTotal: number; currency: { code: string; symbol: string } };
  changeOrders: SandboxChangeOrder[];
  areas: unknown[];
};

/** Fresh copies, so a sandbox instance can change its own proposals without touching others. */
export function loadProposals(): SandboxProposal[] {
  return structuredClone(proposalsSeed as unknown as SandboxProposal[]);
}

export const isProposalStatus = (s: string) => (PROPOSAL_STATUSES as readonly string[]).includes(s);

function customerSummary(c: Named['customer']) {
  const { location: _l, ...rest } = c;
  return rest;
}

export function proposalSummary(p: SandboxProposal) {
  return {
    id: p.id,
    number: p.number,
    name: p.name,
    status: p.status,
    total: { proposalTotal: p.financialSummary.proposalTotal, currency: p.financialSummary.currency },
    createdDate: p.createdDate,
    lastModifiedDate: p.lastModifiedDate,
    lastModifiedByUserDate: p.lastModifiedByUserDate,
    customer: customerSummary(p.customer),
  };
}

export function changeOrderSummary(c: SandboxChangeOrder) {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    status: c.status,
    total: { changeOrderTotal: c.financialSummary.changeOrderTotal, currency: c.financialSummary.currency },
    customer: customerSummary(c.customer),
    createdDate: c.createdDate,
    lastModifiedDate: c.lastModifiedDate,
    lastModifiedByUserDate: c.lastModifiedByUserDate,
  };
}

/** Proposal details as Portal returns them: change orders as summaries. */
export function proposalDetails(p: SandboxProposal) {
  return { ...p, changeOrders: p.changeOrders.map(changeOrderSummary) };
}

export function changeOrderDetails(c: SandboxChangeOrder) {
  const { proposalId: _p, ...rest } = c;
  return rest;
}

export function proposalMatches(p: SandboxProposal, text: string): boolean {
  const c = p.customer;
  const hay = `${p.number} ${p.name} ${c.firstName} ${c.lastName} ${c.companyName}`.toLowerCase();
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((t) => hay.includes(t));
}
