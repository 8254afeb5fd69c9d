import type { Contract } from '../../../src-shared/ipc/contract';
import type { AppContext } from '../context';
import type { Handler } from '../ipc/dispatch';
import { SrsAccountService } from './account-service';
import { SrsPricingService } from './pricing-service';
import { SrsProductsService } from './products-service';

type SrsChannel = Extract<keyof Contract, `srs:${string}`>;

/** The srs:* channels, bound to the SRS services. Spread into createHandlers. */
export function srsHandlers(ctx: AppContext): { [K in SrsChannel]: Handler<Contract[K]> } {
  const account = new SrsAccountService(ctx);
  const products = new SrsProductsService(ctx);
  const pricing = new SrsPricingService(ctx);
  return {
    'srs:status': () => account.status(),
    'srs:validate': (req) => account.validate(req),
    'srs:branches': (req) => account.branches(req.refresh ?? false),
    'srs:jobAccounts': (req) => account.jobAccounts(req.refresh ?? false),
    'srs:setDefaults': (req) => account.setDefaults(req),
    'srs:syncProducts': (req) => ({ jobId: products.startSync(req.branchCodes).jobId }),
    'srs:searchProducts': (req) => products.search(req),
    'srs:price': (req) => pricing.price(req),
  };
}
