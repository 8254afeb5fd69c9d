import type { DraftLineView } from '../../../src-shared/ipc/orders';
import { CloseIcon } from '../../ui/icons';
import { ageText, money } from './format';
import { LineProblems } from './LineProblems';
import { QuantityEditor } from './QuantityEditor';
import { useOrders } from './orders-store';

const MAPPED_BY: Record<NonNullable<DraftLineView['mappedBy']>, string> = {
  'supplier-sku': 'SRS SKU on the proposal',
  'saved-mapping': 'Saved mapping',
  override: 'Chosen for this order',
  substitute: 'Substitute',
};

/** "GAF Timberline HDZ", or the description when the item has no brand/model. */
export function lineLabel(l: DraftLineView): string {
  const s = l.sources[0];
  if (!s) return l.productName ?? l.key;
  return [s.brand, s.model].filter(Boolean).join(' ') || s.description || l.productName || l.key;
}

function StockBadge(props: { stock: DraftLineView['stock'] }) {
  const s = props.stock;
  if (!s) return <span className="muted">—</span>;
  if (s.status === 'In Stock') return <span className="badge badge-success">In stock</span>;
  if (s.status === 'Limited')
    return (
      <span className="stock-limited">
        <span className="badge badge-warning">Limited</span>
        <span className="muted stock-qty">{s.availableQuantity} available</span>
      </span>
    );
  return <span className="badge badge-danger">Out of stock</span>;
}

/** One draft line: as proposed → as ordered, product, price, stock, and its problems with fixes. */
export function LineRow(props: { line: DraftLineView; index: number; currency: string; branchCode: string; priceTtlMs: number }) {
  const l = props.line;
  const updateDraft = useOrders((s) => s.updateDraft);
  const label = lineLabel(l);
  const edit = (set: Parameters<typeof updateDraft>[0]['lines']) => void updateDraft({ lines: set ?? [] });
  const blocking = l.problems.some((p) => p.blocking);
  const stale = l.priceFetchedAt !== null && Date.now() - Date.parse(l.priceFetchedAt) > props.priceTtlMs;
  const options = l.productOptions.filter((o) => o !== 'N/A');
  const fromChangeOrder = l.sources.some((s) => s.origin.kind === 'change-order');

  return (
    <div className={`line${blocking ? ' line-blocking' : l.problems.length ? ' line-warning' : ''}`} data-line-key={l.key}>
      <div role="row" className="line-row" aria-label={`Line ${props.index + 1}: ${label}`}>
        <div role="cell" className="c-item">
          <div className="line-title" title={l.sources.map((s) => s.description).filter(Boolean).join('\n')}>
            {label}
          </div>
          <div className="line-meta">
            {l.areas.join(', ')}
            {fromChangeOrder ? <span className="origin-tag">{l.source}</span> : null}
          </div>
        </div>
        <div role="cell" className="c-qty">
          <QuantityEditor
            line={l}
            label={label}
            onQuantity={(quantity) => edit([{ key: l.key, set: { quantity } }])}
            onUnit={(uom) => edit([{ key: l.key, set: { uom } }])}
          />
        </div>
        <div role="cell" className="c-product">
          {l.productId === null ? (
            <span className="unmapped">Not mapped to an SRS product</span>
          ) : (
            <>
              <div className={l.productName ? 'product-name' : 'unmapped'}>{l.productName ?? `Not sold at branch ${props.branchCode}`}</div>
              <div className="line-meta">
                #{l.productId}
                {options.length > 1 ? (
                  <select
                    className="select select-sm option-select"
                    aria-label={`Option, ${label}`}
                    value={l.option ?? ''}
                    onChange={(e) => l.productId !== null && edit([{ key: l.key, set: { product: { productId: l.productId, option: e.target.value } } }])}
                  >
                    {l.option === null ? <option value="">Choose option…</option> : null}
                    {options.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                ) : l.option && l.option !== 'N/A' ? (
                  <span> · {l.option}</span>
                ) : null}
              </div>
              <div className="line-meta mapped-by">
                {l.substitutedFor !== null ? `Substitute for #${l.substitutedFor}` : l.mappedBy ? MAPPED_BY[l.mappedBy] : ''}
              </div>
            </>
          )}
        </div>
        <div role="cell" className="c-price num">
          {l.unitPriceCents !== null ? (
            <>
              <div>
                {money(l.unitPriceCents, props.currency)}
                <span className="muted"> /{l.uom}</span>
              </div>
              <div className={`line-meta${stale ? ' stale' : ''}`} title={l.priceFetchedAt ?? undefined}>
                {stale ? 'stale · ' : ''}
                {ageText(l.priceFetchedAt)}
              </div>
            </>
          ) : (
            <span className="muted">{l.problems.some((p) => p.code === 'call-for-price') ? 'Call for price' : 'No price'}</span>
          )}
        </div>
        <div role="cell" className="c-ext num">
          {money(l.extendedCents, props.currency)}
        </div>
        <div role="cell" className="c-stock">
          <StockBadge stock={l.stock} />
        </div>
        <div role="cell" className="c-actions">
          {l.edited ? (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => edit([{ key: l.key, set: null }])} aria-label={`Undo changes to ${label}`} title="Undo my changes to this line">
              Undo
            </button>
          ) : null}
          <button type="button" className="icon-btn" onClick={() => edit([{ key: l.key, set: { removed: true } }])} aria-label={`Remove ${label} from the order`} title="Remove from the order">
            <CloseIcon size={16} />
          </button>
        </div>
      </div>
      {l.problems.length ? (
        <div role="row" className="line-problems-row">
          <div role="cell" className="c-problems">
            <LineProblems line={l} label={label} branchCode={props.branchCode} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
