import products from '../../../resources/sandbox/roofing-products.json';

/** One row of resources/sandbox/roofing-products.json (see docs in the generator script). */
export interface SeedProduct {
  productId: number;
  productName: string;
  productDescription: string;
  manufacturer: string;
  category: string;
  productOptions: string[];
  baseUom: string;
  uomConversions: { uom: string; toBase: number }[];
  proposalUom: string;
  listPriceCents: number;
  branches: string[];
  zeroPrice?: boolean;
  outOfStockAt?: string[];
  substitutes?: number[];
}

export const SEED_PRODUCTS = products as SeedProduct[];
export const PRODUCTS_BY_ID = new Map(SEED_PRODUCTS.map((p) => [p.productId, p]));

export interface SeedBranch {
  branchCode: string;
  branchName: string;
  address: { addressLine1: string; city: string; state: string; zipCode: string };
  phone: string;
  latitude: number;
  longitude: number;
  shippingMethods: string[];
}

export const BRANCHES: SeedBranch[] = [
  {
    branchCode: 'BRRIV', branchName: 'SRS Riverside', phone: '9515550142', latitude: 33.9533, longitude: -117.3962,
    address: { addressLine1: '1450 Columbia Ave', city: 'Riverside', state: 'CA', zipCode: '92507' },
    shippingMethods: ['Ground Drop', 'Roof Load', 'Will Call'],
  },
  {
    branchCode: 'AMDEN', branchName: 'SRS Denver', phone: '3035550187', latitude: 39.7392, longitude: -104.9903,
    address: { addressLine1: '4700 Holly St', city: 'Denver', state: 'CO', zipCode: '80216' },
    shippingMethods: ['Ground Drop', 'Roof Load', 'Will Call'],
  },
  {
    branchCode: 'HWPLY', branchName: 'SRS Plymouth', phone: '7635550113', latitude: 45.0105, longitude: -93.4555,
    address: { addressLine1: '2905 Niagara Ln N', city: 'Plymouth', state: 'MN', zipCode: '55447' },
    shippingMethods: ['Ground Drop', 'Will Call'],
  },
  {
    branchCode: 'DALTX', branchName: 'SRS Dallas', phone: '2145550176', latitude: 32.7767, longitude: -96.797,
    address: { addressLine1: '10830 Harry Hines Blvd', city: 'Dallas', state: 'TX', zipCode: '75220' },
    shippingMethods: ['Ground Drop', 'Roof Load', 'Will Call'],
  },
];
export const BRANCHES_BY_CODE = new Map(BRANCHES.map((b) => [b.branchCode, b]));

export interface SeedJobAccount {
  jobAccountNumber: number;
  jobAccountName: string;
  shipToSequenceNumber: number;
  shipTo: { name: string; addressLine1: string; city: string; state: string; zipCode: string };
}

export interface SeedCustomer {
  customerCode: string;
  customerName: string;
  homeBranchCode: string;
  integrationKey: string;
  invoice: { invoiceNumber: string; invoiceDate: string; billedAmount: number };
  /** Why SRS refuses the customer; null when it may order. */
  blockedReason: string | null;
  /** Multiplier on list price: this customer's negotiated pricing. */
  priceFactor: number;
  branches: Record<string, SeedJobAccount[]>;
}

const shop = (name: string, addressLine1: string, city: string, state: string, zipCode: string) => ({ name, addressLine1, city, state, zipCode });

export const CUSTOMERS: SeedCustomer[] = [
  {
    customerCode: 'DEMO001',
    customerName: 'Demo Roofing & Exteriors LLC',
    homeBranchCode: 'BRRIV',
    integrationKey: 'sandbox-integration-key-DEMO001',
    invoice: { invoiceNumber: 'INV-100234', invoiceDate: '2026-10-01', billedAmount: 1234.56 },
    blockedReason: null,
    priceFactor: 0.92,
    branches: {
      BRRIV: [
        { jobAccountNumber: 1, jobAccountName: 'DEMO ROOFING - MAIN YARD', shipToSequenceNumber: 1, shipTo: shop('Demo Roofing Yard', '220 Market St', 'Riverside', 'CA', '92501') },
        { jobAccountNumber: 12, jobAccountName: 'SMITH RESIDENCE REROOF', shipToSequenceNumber: 2, shipTo: shop('Smith Residence', '8812 Magnolia Ave', 'Riverside', 'CA', '92503') },
      ],
      AMDEN: [{ jobAccountNumber: 78, jobAccountName: 'DENVER OPERATIONS', shipToSequenceNumber: 1, shipTo: shop('Demo Roofing Denver', '3100 Walnut St', 'Denver', 'CO', '80205') }],
      HWPLY: [{ jobAccountNumber: 1, jobAccountName: 'DEMO ROOFING - MAIN YARD', shipToSequenceNumber: 1, shipTo: shop('Demo Roofing Twin Cities', '1200 Xenium Ln N', 'Plymouth', 'MN', '55441') }],
      DALTX: [
        { jobAccountNumber: 5, jobAccountName: 'DFW STORM TEAM', shipToSequenceNumber: 1, shipTo: shop('DFW Storm Team', '4500 Maple Ave', 'Dallas', 'TX', '75219') },
        { jobAccountNumber: 6, jobAccountName: 'GARCIA COMMERCIAL', shipToSequenceNumber: 2, shipTo: shop('Garcia Plaza', '900 Commerce St', 'Dallas', 'TX', '75202') },
      ],
    },
  },
  {
    customerCode: 'HOLD002',
    customerName: 'Credit Hold Contractors Inc',
    homeBranchCode: 'DALTX',
    integrationKey: 'sandbox-integration-key-HOLD002',
    invoice: { invoiceNumber: 'INV-200991', invoiceDate: '2026-09-15', billedAmount: 980 },
    blockedReason: 'Account is on credit hold; contact your SRS branch (2145550176) to enable API ordering.',
    priceFactor: 1,
    branches: { DALTX: [{ jobAccountNumber: 3, jobAccountName: 'CREDIT HOLD MAIN', shipToSequenceNumber: 1, shipTo: shop('Credit Hold Yard', '77 Elm St', 'Dallas', 'TX', '75201') }] },
  },
];
export const CUSTOMERS_BY_CODE = new Map(CUSTOMERS.map((c) => [c.customerCode, c]));

export const DEMO_CLIENT_ID = 'junction-sandbox-client';
export const DEMO_CLIENT_SECRET = 'sandbox-client-secret-7f3a9c2e';

/** Units a product is sold in: its base unit plus each unit it converts from. */
export function unitsOf(p: SeedProduct): string[] {
  return [p.baseUom, ...p.uomConversions.map((c) => c.uom)];
}

/** How many base units one `uom` is; undefined when the product is not sold in that unit. */
export function toBase(p: SeedProduct, uom: string): number | undefined {
  if (uom === p.baseUom) return 1;
  return p.uomConversions.find((c) => c.uom === uom)?.toBase;
}

/** Small deterministic hash so stock and price variation are stable across runs. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Customer price per base unit in cents (0 for call-for-price products). */
export function customerUnitCents(p: SeedProduct, c: SeedCustomer, branchCode: string): number {
  if (p.zeroPrice) return 0;
  // ±3% by branch, so prices differ a little between branches as they do in life.
  const branchAdj = 1 + ((hash(`${branchCode}:${p.productId}`) % 7) - 3) / 100;
  return Math.round(p.listPriceCents * c.priceFactor * branchAdj);
}

/** Base units on hand at a branch (0 when the seed marks it out of stock there). */
export function onHand(p: SeedProduct, branchCode: string): number {
  if (p.outOfStockAt?.includes(branchCode)) return 0;
  return 20 + (hash(`stock:${branchCode}:${p.productId}`) % 480);
}
