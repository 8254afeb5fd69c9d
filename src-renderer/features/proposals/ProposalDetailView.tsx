import type { ProposalDetail, ProposalItem, ProposalOption } from '../../../src-shared/ipc/proposals';
import { ageText, money, shortDate, statusLabel, statusTone } from './format';
import { CreateOrderButton } from '../orders/CreateOrderButton';

const TYPE_LABEL: Record<string, string> = { Part: 'Part', Labor: 'Labor', CustomItem: 'Custom' };

/** Items in display order: each kit parent followed by its children (nested one level in). */
function ordered(items: ProposalItem[]): { item: ProposalItem; depth: number }[] {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<number, ProposalItem[]>();
  for (const i of items) if (i.parentId !== null && ids.has(i.parentId)) children.set(i.parentId, [...(children.get(i.parentId) ?? []), i]);
  const out: { item: ProposalItem; depth: number }[] = [];
  const walk = (i: ProposalItem, depth: number) => {
    out.push({ item: i, depth });
    for (const c of children.get(i.id) ?? []) walk(c, depth + 1);
  };
  for (const i of items) if (i.parentId === null || !ids.has(i.parentId)) walk(i, 0);
  return out;
}

function OptionBlock(props: { option: ProposalOption; currency: string; index: number }) {
  const o = props.option;
  const state = o.status === 'Accepted' ? 'accepted' : o.status === 'Declined' ? 'declined' : 'draft';
  return (
    <section className={`option option-${state}`} aria-label={`Option ${props.index + 1}: ${o.status}`}>
      <header className="option-head">
        <span className="option-title">{o.clientDescription || `Option ${props.index + 1}`}</span>
        {state === 'accepted' ? <span className="badge badge-success">Accepted</span> : null}
        {state === 'declined' ? <span className="badge">Declined</span> : null}
        {state === 'draft' ? <span className="badge badge-info">{statusLabel(o.status)}</span> : null}
        <span className="option-total">{money(o.totalCents, props.currency)}</span>
      </header>
      <table className="table items-table">
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Item</th>
            <th scope="col">Supplier</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Cost
            </th>
            <th scope="col" className="num">
              Sell
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {ordered(o.items).map(({ item, depth }) => (
            <tr key={item.id} className={`item item-${item.itemType.toLowerCase()}${depth ? ' item-child' : ''}`} data-depth={depth}>
              <td>
                <span className={`type-tag type-${item.itemType.toLowerCase()}`}>{TYPE_LABEL[item.itemType] ?? item.itemType}</span>
              </td>
              <td style={{ paddingLeft: 12 + depth * 20 }}>
                {depth ? <span className="kit-mark" aria-label="in kit">↳ </span> : null}
                <span className="item-name">{[item.brand, item.model || item.name].filter(Boolean).join(' ')}</span>
              </td>
              <td className="muted">{item.supplier}</td>
              <td className="num">{item.quantity}</td>
              <td className="num">{money(item.costCents, props.currency)}</td>
              <td className="num">{money(item.sellPriceCents, props.currency)}</td>
              <td className="num">{money(item.totalCents, props.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A proposal or change order: customer, areas → options → items, totals, change orders. */
export function ProposalDetailView(props: {
  detail: ProposalDetail;
  lastSynced: string | null;
  offline: boolean;
  onBack(): void;
  backLabel: string;
  onRefresh?: () => void;
  onOpenChangeOrder?: (id: number) => void;
}) {
  const p = props.detail;
  const cur = p.currency.code;
  const loc = p.customer?.location;
  const tone = statusTone(p.status);
  return (
    <article className="proposal-detail" aria-label={`${p.kind === 'changeOrder' ? 'Change order' : 'Proposal'} ${p.number}`}>
      <div className="detail-toolbar">
        <button type="button" className="btn btn-ghost btn-sm" onClick={props.onBack}>
          ← {props.backLabel}
        </button>
        <span className="muted sync-note">
          {props.offline ? 'Offline — ' : ''}Last synced {ageText(props.lastSynced)}
        </span>
        {props.onRefresh ? (
          <button type="button" className="btn btn-sm" onClick={props.onRefresh}>
            Refresh
          </button>
        ) : null}
        {p.kind === 'proposal' ? <CreateOrderButton proposal={p} /> : null}
      </div>
      <header className="detail-head card">
        <div className="card-body">
          <h2 className="detail-title">
            {p.kind === 'changeOrder' ? 'Change order' : 'Proposal'} #{p.number} · {p.name}{' '}
            <span className={`badge${tone ? ` badge-${tone}` : ''}`}>{statusLabel(p.status)}</span>
          </h2>
          <div className="detail-grid">
            <div>
              <div className="field-label">Customer</div>
              <div>{p.customer?.name ?? '—'}</div>
              {p.customer?.companyName && p.customer.companyName !== p.customer.name ? <div className="muted">{p.customer.companyName}</div> : null}
              {loc ? (
                <div className="muted">
                  {loc.street}
                  {loc.suite ? `, ${loc.suite}` : ''}, {loc.city}, {loc.state} {loc.postalCode}
                </div>
              ) : null}
            </div>
            <div>
              <div className="field-label">Totals ({cur})</div>
              <dl className="totals">
                <dt>Parts</dt>
                <dd>{money(p.financial.partsTotalCents, cur)}</dd>
                <dt>Labor</dt>
                <dd>{money(p.financial.laborTotalCents, cur)}</dd>
                <dt>Tax</dt>
                <dd>{money(p.financial.salesTaxCents, cur)}</dd>
                <dt>Total</dt>
                <dd className="grand-total">{money(p.financial.totalCents, cur)}</dd>
              </dl>
            </div>
            <div>
              <div className="field-label">Modified</div>
              <div>{shortDate(p.lastModifiedDate)}</div>
              {p.salesperson ? <div className="muted">Salesperson: {p.salesperson}</div> : null}
            </div>
          </div>
        </div>
      </header>
      {p.areas.map((area) => (
        <section key={area.id} className="area" aria-label={`Area ${area.name}`}>
          <h3 className="area-title">{area.name}</h3>
          {area.options.map((o, i) => (
            <OptionBlock key={o.id} option={o} currency={cur} index={i} />
          ))}
        </section>
      ))}
      {p.kind === 'proposal' ? (
        <section className="change-orders" aria-label="Change orders">
          <h3 className="area-title">Change orders</h3>
          {p.changeOrders.length === 0 ? <p className="muted">No change orders.</p> : null}
          <ul className="co-list">
            {p.changeOrders.map((co) => (
              <li key={co.id}>
                <button type="button" className="co-row" onClick={() => props.onOpenChangeOrder?.(co.id)}>
                  <span>
                    #{co.number} {co.name}
                  </span>
                  <span className={`badge${statusTone(co.status) ? ` badge-${statusTone(co.status)}` : ''}`}>{statusLabel(co.status)}</span>
                  <span className="num">{money(co.totalCents, co.currency.code)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
