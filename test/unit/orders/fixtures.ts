import type {
  BranchProduct,
  CatalogEntry,
  ChangeOrderDetails,
  ConversionInput,
  PriceQuote,
  ProposalArea,
  ProposalDetails,
  ProposalItem,
  ProposalOption,
} from '../../../src-main/orders/types';

export const NOW = '2026-11-30T12:00:00.000Z';
export const FRESH = '2026-11-30T11:30:00.000Z';

let seq = 0;
export function item(p: Partial<ProposalItem> = {}): ProposalItem {
  seq += 1;
  return {
    id: p.id ?? `i${seq}`,
    parentId: null,
    itemType: 'Part',
    referencedItemId: null,
    brand: '',
    model: '',
    description: '',
    supplier: 'SRS Distribution',
    quantity: 1,
    costCents: 0,
    sellPriceCents: 0,
    ...p,
  };
}

export function option(status: ProposalOption['status'], items: ProposalItem[], name = `${status} option`): ProposalOption {
  seq += 1;
  return { id: `o${seq}`, name, status, items };
}

export function area(name: string, options: ProposalOption[]): ProposalArea {
  seq += 1;
  return { id: `a${seq}`, name, options };
}

export function proposal(areas: ProposalArea[]): ProposalDetails {
  return {
    id: '5001',
    number: '1042',
    name: 'Smith roof',
    currency: 'USD',
    customer: { firstName: 'Jane', lastName: 'Smith', companyName: '', email: 'jane@example.com', phone: '555-201-3344' },
    location: { street: '12 Elm St', suite: '', city: 'Riverside', state: 'CA', postalCode: '92501', phone: '' },
    areas,
  };
}

export function changeOrder(id: string, number: string, areas: ProposalArea[]): ChangeOrderDetails {
  return { id, number, name: `Change ${number}`, areas };
}

/** A catalog entry whose default supplier is SRS with the given product id and unit. */
export function srsEntry(id: string, productId: number, uom: string): CatalogEntry {
  return { id, defaultCost: { supplierName: 'SRS Distribution', supplierSku: String(productId), unitOfMeasure: uom } };
}

export const SHINGLES: BranchProduct = {
  productId: 75664,
  productName: 'CertainTeed Landmark Shingles',
  productDescription: 'Architectural laminated asphalt shingles, 3 bundles per square',
  manufacturer: 'CertainTeed',
  productOptions: ['Country Gray', 'Weathered Wood'],
  baseUom: 'BD',
  uomConversions: [{ uom: 'SQ', toBase: 3 }],
  availableAtBranch: true,
};
export const DRIP_EDGE: BranchProduct = {
  productId: 61010,
  productName: 'Drip Edge 10 ft',
  productDescription: 'Aluminum drip edge, 10 ft piece',
  manufacturer: 'Amerimax',
  productOptions: ['White'],
  baseUom: 'PC',
  uomConversions: [{ uom: 'LF', toBase: 0.1 }],
  availableAtBranch: true,
};
export const RIDGE_CAP: BranchProduct = {
  productId: 61020,
  productName: 'Shadow Ridge Cap',
  productDescription: 'Hip and ridge cap shingles, 33 LF per bundle',
  manufacturer: 'CertainTeed',
  productOptions: ['N/A'],
  baseUom: 'BD',
  uomConversions: [{ uom: 'LF', toBase: 1 / 33 }],
  availableAtBranch: true,
};
export const UNDERLAYMENT: BranchProduct = {
  productId: 61030,
  productName: 'RoofRunner Synthetic Underlayment',
  productDescription: 'Synthetic roofing underlayment, 10 squares per roll',
  manufacturer: 'CertainTeed',
  productOptions: ['N/A'],
  baseUom: 'RL',
  uomConversions: [{ uom: 'SQ', toBase: 0.1 }],
  availableAtBranch: true,
};
export const NAILS: BranchProduct = {
  productId: 61040,
  productName: 'Coil Roofing Nails 1-1/4 in',
  productDescription: 'Galvanized coil roofing nails',
  manufacturer: 'Grip-Rite',
  productOptions: ['N/A'],
  baseUom: 'BX',
  uomConversions: [],
  availableAtBranch: true,
};
export const NAILS_ALT: BranchProduct = {
  ...NAILS,
  productId: 61041,
  productName: 'Coil Roofing Nails 1-1/4 in (Maze)',
  manufacturer: 'Maze',
};
export const VENT_ELSEWHERE: BranchProduct = {
  productId: 61050,
  productName: 'Ridge Vent',
  productDescription: 'Shingle-over ridge vent',
  manufacturer: 'GAF',
  productOptions: ['N/A'],
  baseUom: 'PC',
  uomConversions: [],
  availableAtBranch: false,
};

export const PRODUCTS = [SHINGLES, DRIP_EDGE, RIDGE_CAP, UNDERLAYMENT, NAILS, NAILS_ALT, VENT_ELSEWHERE];

export function quote(productId: number, uom: string, priceCents: number, p: Partial<PriceQuote> = {}): PriceQuote {
  return { productId, uom, priceCents, stockStatus: 'In Stock', availableQuantity: 1000, substitutions: [], fetchedAt: FRESH, ...p };
}

export const QUOTES: PriceQuote[] = [
  quote(SHINGLES.productId, 'BD', 4150),
  quote(DRIP_EDGE.productId, 'PC', 899),
  quote(RIDGE_CAP.productId, 'BD', 5200),
  quote(UNDERLAYMENT.productId, 'RL', 11500),
  quote(NAILS.productId, 'BX', 4500),
  quote(NAILS_ALT.productId, 'BX', 4700),
  quote(VENT_ELSEWHERE.productId, 'PC', 2100),
];

export function input(p: ProposalDetails, over: Partial<ConversionInput> = {}): ConversionInput {
  return {
    proposal: p,
    changeOrders: [],
    catalog: {
      'c-shingles': srsEntry('c-shingles', SHINGLES.productId, 'SQ'),
      'c-drip': srsEntry('c-drip', DRIP_EDGE.productId, 'LF'),
      'c-ridge': srsEntry('c-ridge', RIDGE_CAP.productId, 'LF'),
      'c-under': srsEntry('c-under', UNDERLAYMENT.productId, 'SQ'),
      'c-nails': srsEntry('c-nails', NAILS.productId, 'BX'),
      'c-vent': srsEntry('c-vent', VENT_ELSEWHERE.productId, 'PC'),
    },
    savedMappings: [],
    branchProducts: PRODUCTS,
    quotes: QUOTES,
    options: { branchCode: 'BRRIV', maxPriceMovePercent: 10, includeChangeOrders: true, excludedSourceIds: [], overrides: {} },
    now: NOW,
    ...over,
  };
}
