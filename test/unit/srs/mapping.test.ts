import { describe, expect, it } from 'vitest';
import { parseVendor } from '../../../src-main/vendors/http/parse';
import { toJobAccounts, toOrderStatus, toPricedLine, toValidation } from '../../../src-main/vendors/srs/mapping';
import { CustomerBranchesAnswerSchema, OrderStatusAnswerSchema, PriceAnswerSchema, ProductsAnswerSchema, ValidateAnswerSchema } from '../../../src-main/vendors/srs/schemas';

const parse = <S extends Parameters<typeof parseVendor>[0]>(schema: S, data: unknown) => parseVendor(schema, data, 'SRS', 'GET /x');

describe('SRS answers at the boundary', () => {
  it('validIndicator "Y" or true means valid; anything else blocks with SRS’s reason', () => {
    expect(toValidation('C1', parse(ValidateAnswerSchema, { validIndicator: 'Y' })).valid).toBe(true);
    expect(toValidation('C1', parse(ValidateAnswerSchema, { validIndicator: true })).valid).toBe(true);
    expect(toValidation('C1', parse(ValidateAnswerSchema, { validIndicator: 'N', message: 'On hold' }))).toMatchObject({ valid: false, message: 'On hold' });
    expect(toValidation('C1', parse(ValidateAnswerSchema, { validIndicator: false }))).toMatchObject({ valid: false, message: expect.stringContaining('gave no reason') });
  });

  it('a price of 0 is "call for price" with no amount; prices become integer cents', () => {
    const a = parse(PriceAnswerSchema, {
      productList: [
        { productId: 1, uom: 'BD', quantity: 1, price: 0 },
        { productId: 2, uom: 'SQ', quantity: 2, price: 115.8, stockStatus: 'Limited', availableQuantity: 1 },
        { productId: 3, uom: 'PC', quantity: 1, price: 0.1 + 0.2, stockStatus: 'Out of Stock', substitutions: [{ productId: 4 }] },
      ],
    });
    const [zero, limited, oos] = a.productList.map((l) => toPricedLine(l, 'POST /products/v2/price'));
    expect(zero).toMatchObject({ callForPrice: true, unitPriceCents: null });
    expect(limited).toMatchObject({ callForPrice: false, unitPriceCents: 11580, stockStatus: 'limited' });
    expect(oos).toMatchObject({ unitPriceCents: 30, stockStatus: 'out_of_stock', substitutions: [{ productId: 4, productName: null }] });
  });

  it('a negative or missing price is refused, naming the field', () => {
    expect(() => parseVendor(PriceAnswerSchema, { productList: [{ productId: 1, uom: 'BD', quantity: 1, price: -1 }] }, 'SRS', 'POST /products/v2/price')).toThrow(
      /^SRS POST \/products\/v2\/price: unexpected response: field productList\[0\]\.price/,
    );
    expect(() => parseVendor(PriceAnswerSchema, { productList: [{ productId: 1, uom: 'BD', quantity: 1 }] }, 'SRS', 'POST /products/v2/price')).toThrow(/productList\[0\]\.price/);
  });

  it('customer branches: a list of job accounts or one flat jobAccountNumber; bare or wrapped lists', () => {
    const wrapped = parse(CustomerBranchesAnswerSchema, { customerBranchLocations: [{ branchCode: 'AMDEN', jobAccounts: [{ jobAccountNumber: 78, shipToSequenceNumber: 1 }] }] });
    expect(wrapped.customerBranchLocations.flatMap(toJobAccounts)).toMatchObject([{ branchCode: 'AMDEN', branchName: 'AMDEN', jobAccountNumber: 78, shipToSequenceNumber: 1 }]);
    const bare = parse(CustomerBranchesAnswerSchema, [{ branchCode: 'BRRIV', branchName: 'Riverside', jobAccountNumber: 1 }, { branchCode: 'X1' }]);
    expect(bare.customerBranchLocations.flatMap(toJobAccounts)).toEqual([
      { branchCode: 'BRRIV', branchName: 'Riverside', jobAccountNumber: 1, jobAccountName: null, shipToSequenceNumber: null, shipTo: null },
    ]);
  });

  it('a job account number must be numeric', () => {
    expect(() => parseVendor(CustomerBranchesAnswerSchema, [{ branchCode: 'BRRIV', jobAccountNumber: 'ABC' }], 'SRS', 'GET /branches/v2/customerBranchLocations')).toThrow(
      /customerBranchLocations\[0\]\.jobAccountNumber/,
    );
  });

  it('products keep unknown fields and need a base unit', () => {
    const ok = parse(ProductsAnswerSchema, { products: [{ productId: 5, productName: 'X', baseUom: 'BD', colorFamily: 'gray' }] });
    expect(ok.products[0]).toMatchObject({ colorFamily: 'gray' });
    expect(() => parseVendor(ProductsAnswerSchema, [{ productId: 5, productName: 'X' }], 'SRS', 'GET /branches/v2/activeBranchProducts')).toThrow(/products\[0\]\.baseUom/);
  });

  it('order statuses map to our states; unknown wording is kept', () => {
    const s = (status: string) => toOrderStatus(parse(OrderStatusAnswerSchema, { transactionID: 't', status, orderID: 35818786 }));
    expect(s('Out for Delivery')).toMatchObject({ state: 'shipped', orderID: '35818786' });
    expect(s('Acknowledged').state).toBe('acknowledged');
    expect(s('Canceled').state).toBe('cancelled');
    expect(s('On Hold')).toMatchObject({ state: 'unknown', srsStatus: 'On Hold' });
  });
});
