import { useEffect } from 'react';
import { SRS_PRODUCTS_JOB_KIND, type SrsPricedLineView, type SrsProductHit } from '../../../src-shared/ipc/srs';
import { api } from '../../api';
import { ageLabel, isStale, priceLabel, stockLabel } from './format';
import { useSrs } from './srs-store';
import './srs.css';

/** Offline search over synced SRS branch products, with availability, price age, stock and substitutes. */
export function SrsProductSearch({ showTitle = true }: { showTitle?: boolean }) {
  const { query, searchBranch, onlyAtBranch, results, resultBranch, prices, searchError, pricing, branches, status, search, priceResults, syncProducts, busy } = useSrs();
  useEffect(() => {
    void search();
  }, [search]);
  // After a product sync finishes, show the new products and counts.
  useEffect(
    () =>
      api.events.on('job:finished', (f) => {
        if (f.kind !== SRS_PRODUCTS_JOB_KIND) return;
        void useSrs.getState().load();
        void useSrs.getState().search();
      }),
    [],
  );

  return (
    <section className="srs-search" aria-label="SRS branch products">
      <div className="srs-search-bar">
        {showTitle ? <h3 className="card-title">SRS branch products</h3> : null}
        <input
          className="input"
          type="search"
          placeholder="Search SRS products (name, maker, colour)…"
          aria-label="Search SRS products"
          value={query}
          onChange={(e) => void search({ query: e.target.value })}
        />
        <select className="select" aria-label="Branch" value={searchBranch ?? ''} onChange={(e) => void search({ searchBranch: e.target.value || null })}>
          <option value="">{status?.defaults.branchCode ? `Default branch (${status.defaults.branchCode})` : 'No branch'}</option>
          {branches.map((b) => <option key={b.branchCode} value={b.branchCode}>{b.branchCode} · {b.branchName}</option>)}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={onlyAtBranch} onChange={(e) => void search({ onlyAtBranch: e.target.checked })} /> Only at this branch
        </label>
        <button type="button" className="btn btn-sm" onClick={() => void priceResults(false)} disabled={pricing || !resultBranch || results.length === 0}>
          {pricing ? 'Pricing…' : 'Get prices'}
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => void syncProducts()} disabled={busy === 'sync'}>
          Sync products
        </button>
      </div>
      {searchError ? <p className="field-error" role="alert">{searchError.message}</p> : null}
      {status && status.products.total === 0 ? <p className="muted">No SRS products synced yet: use “Sync products”.</p> : null}
      <ul className="srs-results" aria-label="SRS products">
        {results.map((item) => (
          <ProductRow key={item.productId} item={item} branch={resultBranch} price={prices[item.productId] ?? null} />
        ))}
      </ul>
    </section>
  );
}

export function ProductRow({ item, branch, price }: { item: SrsProductHit; branch: string | null; price: SrsPricedLineView | null }) {
  return (
    <li className="srs-result" data-product-id={item.productId}>
      <div className="srs-result-main">
        <span className="srs-code">{item.productId}</span> <strong>{item.productName}</strong>
        <span className="muted"> · {item.manufacturer ?? ''} · sold by {item.baseUom}{item.uomConversions.map((c) => `, ${c.uom} = ${c.toBase} ${item.baseUom}`).join('')}</span>
        {item.options.length && item.options[0] !== 'N/A' ? <div className="muted srs-options">{item.options.join(' · ')}</div> : null}
      </div>
      <div className="srs-result-side">
        {branch === null ? (
          <span className="muted">{item.branches.length ? `Stocked at ${item.branches.join(', ')}` : 'Not stocked at a synced branch'}</span>
        ) : item.availableAtBranch ? (
          <span className="badge badge-success">Available at {branch}</span>
        ) : (
          <span className="badge badge-warning" title={`Stocked at ${item.branches.join(', ') || 'no synced branch'}`}>Not at {branch}</span>
        )}
        {price ? <PriceCell price={price} /> : null}
      </div>
    </li>
  );
}

export function PriceCell({ price }: { price: SrsPricedLineView }) {
  const stale = isStale(price.fetchedAt);
  return (
    <div className="srs-price">
      {price.callForPrice ? <span className="badge badge-danger">{priceLabel(price)}</span> : <span className="srs-amount">{priceLabel(price)}</span>}
      <span className={price.stockStatus === 'out_of_stock' ? 'badge badge-danger' : price.stockStatus === 'limited' ? 'badge badge-warning' : 'badge badge-info'}>{stockLabel(price)}</span>
      <span className={stale ? 'srs-age srs-stale' : 'srs-age muted'}>{stale ? 'stale · ' : ''}priced {ageLabel(price.fetchedAt)}</span>
      {price.substitutions.length ? (
        <div className="srs-subs">Substitutes: {price.substitutions.map((s) => `${s.productName ?? s.productId} (${s.productId})`).join('; ')}</div>
      ) : null}
    </div>
  );
}
