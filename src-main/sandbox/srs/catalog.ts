import { HttpProblem, badRequest } from './http';
import { BRANCHES, BRANCHES_BY_CODE, CUSTOMERS_BY_CODE, SEED_PRODUCTS, type SeedBranch, type SeedCustomer } from './seed';

/** GET /customers/validate/?accountNumber=..&IntegrationKey=.. | InvoiceNumber=..&InvoiceDate=..|BilledAmount=.. */
export function validateCustomer(query: URLSearchParams, integrationKeyOf: (c: SeedCustomer) => string = (c) => c.integrationKey) {
  const accountNumber = query.get('accountNumber') ?? '';
  if (!accountNumber) throw badRequest([{ field: 'accountNumber', message: 'is required' }]);
  const key = query.get('IntegrationKey');
  const invoiceNumber = query.get('InvoiceNumber');
  const invoiceDate = query.get('InvoiceDate');
  const billedAmount = query.get('BilledAmount');
  if (!key && !invoiceNumber) {
    throw badRequest([{ field: 'IntegrationKey', message: 'IntegrationKey or InvoiceNumber (with InvoiceDate or BilledAmount) is required' }]);
  }
  if (!key && !invoiceDate && !billedAmount) {
    throw badRequest([{ field: 'InvoiceDate', message: 'InvoiceDate or BilledAmount is required with InvoiceNumber' }]);
  }
  const customer = CUSTOMERS_BY_CODE.get(accountNumber);
  const no = (message: string) => ({ accountNumber, validIndicator: 'N', message, customerName: null, homeBranchCode: null });
  if (!customer) return no('Account number was not found.');
  let proven: boolean;
  if (key) proven = key === integrationKeyOf(customer);
  else {
    const inv = customer.invoice;
    proven = invoiceNumber === inv.invoiceNumber
      && (!invoiceDate || invoiceDate.slice(0, 10) === inv.invoiceDate)
      && (!billedAmount || Math.abs(Number(billedAmount) - inv.billedAmount) < 0.005);
  }
  if (!proven) return no(key ? 'Integration key does not match this account.' : 'Invoice details do not match this account.');
  if (customer.blockedReason) {
    return { accountNumber, validIndicator: 'N', message: customer.blockedReason, customerName: customer.customerName, homeBranchCode: customer.homeBranchCode };
  }
  return { accountNumber, validIndicator: 'Y', message: 'Customer is valid for API ordering.', customerName: customer.customerName, homeBranchCode: customer.homeBranchCode };
}

function branchView(b: SeedBranch) {
  return {
    branchCode: b.branchCode,
    branchName: b.branchName,
    branchAddress: b.address,
    branchPhone: b.phone,
    latitude: b.latitude,
    longitude: b.longitude,
    shippingMethods: b.shippingMethods,
  };
}

/** GET /branches/v2/branchLocations?BranchCode=.. or ?latitude=..&longitude=.. (nearest first). */
export function branchLocations(query: URLSearchParams) {
  const code = query.get('BranchCode');
  if (code) {
    const b = BRANCHES_BY_CODE.get(code.toUpperCase());
    if (!b) throw new HttpProblem(404, { message: `Branch ${code} was not found.` });
    return [branchView(b)];
  }
  const lat = Number(query.get('latitude'));
  const lon = Number(query.get('longitude'));
  if (query.has('latitude') && query.has('longitude') && Number.isFinite(lat) && Number.isFinite(lon)) {
    return [...BRANCHES]
      .sort((a, b) => Math.hypot(a.latitude - lat, a.longitude - lon) - Math.hypot(b.latitude - lat, b.longitude - lon))
      .map(branchView);
  }
  return BRANCHES.map(branchView);
}

/** GET /branches/v2/customerBranchLocations/{customerCode}?BranchCode=.. */
export function customerBranchLocations(customerCode: string, query: URLSearchParams) {
  const customer = CUSTOMERS_BY_CODE.get(customerCode);
  if (!customer) throw new HttpProblem(404, { message: `Customer ${customerCode} was not found.` });
  if (customer.blockedReason) throw new HttpProblem(403, { message: `Customer ${customerCode} is not enabled: ${customer.blockedReason}` });
  const only = query.get('BranchCode')?.toUpperCase();
  const rows = Object.entries(customer.branches)
    .filter(([code]) => !only || code === only)
    .map(([code, accounts]) => {
      const b = BRANCHES_BY_CODE.get(code)!;
      return { ...branchView(b), jobAccounts: accounts };
    });
  return { customerCode, customerBranchLocations: rows };
}

/** GET /branches/v2/activeBranchProducts/{branchCode} */
export function activeBranchProducts(branchCode: string) {
  const code = branchCode.toUpperCase();
  if (!BRANCHES_BY_CODE.has(code)) throw new HttpProblem(404, { message: `Branch ${branchCode} was not found.` });
  const products = SEED_PRODUCTS.filter((p) => p.branches.includes(code)).map((p) => ({
    productId: p.productId,
    productName: p.productName,
    productDescription: p.productDescription,
    manufacturer: p.manufacturer,
    productCategory: p.category,
    productOptions: p.productOptions,
    baseUom: p.baseUom,
    uomConversions: p.uomConversions,
  }));
  return { branchCode: code, products };
}
