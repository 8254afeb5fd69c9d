import { HttpProblem, badRequest } from './http';
import { BRANCHES_BY_CODE, CUSTOMERS_BY_CODE, PRODUCTS_BY_ID, customerUnitCents, onHand, toBase, unitsOf, type SeedCustomer } from './seed';

type Problems = { field: string; message: string }[];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Customer, branch and job account shared by pricing and submission; problems are collected, not thrown. */
export function checkAccount(body: Record<string, unknown>, problems: Problems): { customer?: SeedCustomer; branchCode?: string } {
  if (typeof body.sourceSystem !== 'string' || !body.sourceSystem) problems.push({ field: 'sourceSystem', message: 'is required' });
  const customer = typeof body.customerCode === 'string' ? CUSTOMERS_BY_CODE.get(body.customerCode) : undefined;
  if (typeof body.customerCode !== 'string' || !body.customerCode) problems.push({ field: 'customerCode', message: 'is required' });
  else if (!customer) problems.push({ field: 'customerCode', message: `${body.customerCode} is not a known customer` });
  else if (customer.blockedReason) throw new HttpProblem(403, { message: `Customer ${customer.customerCode} is not enabled: ${customer.blockedReason}` });
  const branchCode = typeof body.branchCode === 'string' ? body.branchCode.toUpperCase() : undefined;
  if (!branchCode) problems.push({ field: 'branchCode', message: 'is required' });
  else if (!BRANCHES_BY_CODE.has(branchCode)) problems.push({ field: 'branchCode', message: `${body.branchCode} is not a known branch` });
  const job = body.jobAccountNumber;
  if (job === undefined || job === null || job === '') problems.push({ field: 'jobAccountNumber', message: 'is required' });
  else if (typeof job !== 'number' || !Number.isInteger(job)) problems.push({ field: 'jobAccountNumber', message: 'must be a whole number' });
  else if (customer && branchCode && !customer.branches[branchCode]?.some((a) => a.jobAccountNumber === job)) {
    problems.push({ field: 'jobAccountNumber', message: `${job} is not a job account of ${customer.customerCode} at ${branchCode}` });
  }
  return { ...(customer ? { customer } : {}), ...(branchCode ? { branchCode } : {}) };
}

/** POST /products/v2/price */
export function price(body: Record<string, unknown>, maxLines: number) {
  const problems: Problems = [];
  const { customer, branchCode } = checkAccount(body, problems);
  const list = body.productList;
  if (!Array.isArray(list) || list.length === 0) problems.push({ field: 'productList', message: 'must list at least one product' });
  else if (list.length > maxLines) problems.push({ field: 'productList', message: `at most ${maxLines} products per request` });
  const lines = Array.isArray(list) ? list : [];
  lines.forEach((raw, i) => {
    const at = `productList[${i}]`;
    if (!isObj(raw)) return void problems.push({ field: at, message: 'must be an object' });
    const p = typeof raw.productId === 'number' ? PRODUCTS_BY_ID.get(raw.productId) : undefined;
    if (typeof raw.productId !== 'number') problems.push({ field: `${at}.productId`, message: 'must be a number' });
    else if (!p || (branchCode && !p.branches.includes(branchCode))) problems.push({ field: `${at}.productId`, message: `${raw.productId} is not sold at branch ${branchCode}` });
    if (typeof raw.quantity !== 'number' || !(raw.quantity > 0)) problems.push({ field: `${at}.quantity`, message: 'must be a positive number' });
    if (typeof raw.uom !== 'string') problems.push({ field: `${at}.uom`, message: 'is required' });
    else if (p && toBase(p, raw.uom) === undefined) problems.push({ field: `${at}.uom`, message: `${raw.uom} is not a unit of product ${p.productId} (sold in ${unitsOf(p).join(', ')})` });
  });
  if (problems.length || !customer || !branchCode) throw badRequest(problems);

  const productList = lines.map((raw: Record<string, unknown>) => {
    const p = PRODUCTS_BY_ID.get(raw.productId as number)!;
    const uom = raw.uom as string;
    const quantity = raw.quantity as number;
    const factor = toBase(p, uom)!;
    const unitDollars = Math.round(customerUnitCents(p, customer, branchCode) * factor) / 100;
    const available = onHand(p, branchCode);
    const needed = quantity * factor;
    const stockStatus = available === 0 ? 'Out of Stock' : available < needed ? 'Limited' : 'In Stock';
    const options = Array.isArray(raw.productOptions) ? raw.productOptions : [];
    const substitutions = available === 0
      ? (p.substitutes ?? []).map((id) => PRODUCTS_BY_ID.get(id)!).filter((s) => s.branches.includes(branchCode)).map((s) => ({
          productId: s.productId, productName: s.productName, option: s.productOptions[0] ?? 'N/A', uom: s.baseUom,
        }))
      : [];
    return {
      productId: p.productId,
      productName: p.productName,
      option: typeof options[0] === 'string' ? options[0] : 'N/A',
      uom,
      quantity,
      price: unitDollars,
      extendedPrice: Math.round(unitDollars * quantity * 100) / 100,
      stockStatus,
      availableQuantity: Math.floor(available / factor),
      substitutions,
    };
  });
  return { transactionId: typeof body.transactionId === 'string' ? body.transactionId : null, customerCode: customer.customerCode, branchCode, productList };
}
