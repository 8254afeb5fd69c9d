import { ageText, money } from '../proposals/format';
import { useCatalog } from './catalog-store';

/** One item with every supplier's cost (fetched on demand, cached for offline use). */
export function ItemPanel() {
  const { selected, select } = useCatalog();
  if (!selected) return null;
  const { item, details, offline } = selected;
  return (
    <aside className="item-panel card" aria-label={`Item ${item.brand} ${item.model}`}>
      <div className="card-header">
        <h2 className="card-title">
          {item.brand} {item.model}
        </h2>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => void select(null)}>
          Close
        </button>
      </div>
      <div className="card-body">
        <p>{details?.description ?? item.description}</p>
        <p className="muted">
          {item.categoryName} · {item.unitOfMeasure || 'EA'} · fetched {ageText(item.fetchedAt)}
          {offline ? ' · offline' : ''}
        </p>
        {details ? (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Supplier</th>
                  <th scope="col">SKU</th>
                  <th scope="col" className="num">
                    Cost
                  </th>
                  <th scope="col">Stock</th>
                  <th scope="col">Verified</th>
                </tr>
              </thead>
              <tbody>
                {details.suppliers.map((s) => (
                  <tr key={`${s.id}-${s.sku}`}>
                    <td>
                      {s.name}
                      {s.isDefault ? ' (default)' : ''}
                    </td>
                    <td className="mono">{s.sku}</td>
                    <td className="num">
                      {s.costCents === null ? '—' : money(s.costCents, item.currency.code)}
                      {s.unitOfMeasure ? `/${s.unitOfMeasure}` : ''}
                    </td>
                    <td>{s.isInStock === null ? '—' : s.isInStock ? 'In stock' : 'Out'}</td>
                    <td className="muted">{ageText(s.lastVerifiedDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {details.specs.length ? (
              <dl className="specs">
                {details.specs.map((s) => (
                  <div key={s.name}>
                    <dt>{s.name}</dt>
                    <dd>{s.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </>
        ) : (
          <p className="muted">Supplier details are not available offline for this item yet.</p>
        )}
      </div>
    </aside>
  );
}
