import { useState } from 'react';
import type { DraftFix, DraftLineView, DraftProblem } from '../../../src-shared/ipc/orders';
import { AlertIcon, InfoIcon } from '../../ui/icons';
import { ProductFinder } from './ProductFinder';
import { useOrders } from './orders-store';

/** Why some problems happen and what the user can do, beyond the engine's one-line message. */
const EXPLAIN: Partial<Record<DraftProblem['code'], string>> = {
  'call-for-price':
    'SRS has no online price for this product at this branch (it shows $0, which never means free). Call the branch for a price and order it by phone, or leave the line off this order.',
  unmapped: 'Pick the SRS product this item is. Your choice is remembered for this brand and model next time.',
  'price-stale': 'Prices older than the price time-to-live are fetched again before the order is sent.',
};

function focusLater(selector: string) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

function percentMatch(score: number): string {
  return `${Math.round(score * 100)}% match`;
}

/** A pick-product fix for a product with several options: choose the option, then it is applied. */
function PickWithOption(props: { fix: DraftFix; options: string[]; onPick(option: string): void }) {
  return (
    <select className="select select-sm fix-select" aria-label={props.fix.label} value="" onChange={(e) => e.target.value && props.onPick(e.target.value)}>
      <option value="">Use in option…</option>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

/** The line's problems, each with its one-click fixes. */
export function LineProblems(props: { line: DraftLineView; label: string; branchCode: string }) {
  const l = props.line;
  const { updateDraft, confirmMapping, reprice } = useOrders();
  const [finding, setFinding] = useState(false);
  if (l.problems.length === 0) return null;

  const set = (s: Parameters<typeof updateDraft>[0]['lines']) => void updateDraft({ lines: s ?? [] });
  const apply = (fix: DraftFix) => {
    switch (fix.kind) {
      case 'pick-product':
        if (fix.productId !== null && fix.option !== null) void confirmMapping(l.key, fix.productId, fix.option);
        return;
      case 'choose-option':
        if (fix.productId !== null && fix.option !== null) set([{ key: l.key, set: { product: { productId: fix.productId, option: fix.option } } }]);
        return;
      case 'accept-substitute':
        if (fix.productId !== null && fix.option !== null) set([{ key: l.key, set: { substitute: { productId: fix.productId, option: fix.option } } }]);
        return;
      case 'set-quantity':
        if (fix.quantity !== null && fix.quantity > 0) set([{ key: l.key, set: { quantity: fix.quantity, ...(fix.uom ? { uom: fix.uom } : {}) } }]);
        else focusLater(`[data-line-qty="${CSS.escape(l.key)}"]`);
        return;
      case 'remove':
        set([{ key: l.key, set: { removed: true } }]);
        return;
      case 'reprice':
        void reprice();
        return;
      case 'change-branch':
        focusLater('[data-focus="branch"]');
        return;
    }
  };

  let removeShown = false;
  const canSearch = l.problems.some((p) => p.code === 'unmapped' || p.code === 'not-stocked');
  const firstSource = l.sources[0];
  const searchText = firstSource ? [firstSource.brand, firstSource.model].filter(Boolean).join(' ') || firstSource.description : '';

  return (
    <div className="line-problems">
      <ul className="problem-list">
        {l.problems.map((p, i) => {
          const fixes = p.fixes.filter((f) => {
            if (f.kind !== 'remove') return true;
            if (removeShown) return false;
            removeShown = true;
            return true;
          });
          const picks = fixes.filter((f) => f.kind === 'pick-product');
          const others = fixes.filter((f) => f.kind !== 'pick-product');
          return (
            <li key={`${p.code}-${i}`} className={`problem ${p.blocking ? 'problem-blocking' : 'problem-warning'}`} data-problem={p.code}>
              <span className="problem-icon" aria-hidden="true">
                {p.blocking ? <AlertIcon size={16} /> : <InfoIcon size={16} />}
              </span>
              <div className="problem-body">
                <p className="problem-message">
                  <span className="visually-hidden">{p.blocking ? 'Blocking problem: ' : 'Warning: '}</span>
                  {p.message}
                </p>
                {EXPLAIN[p.code] ? <p className="problem-explain">{EXPLAIN[p.code]}</p> : null}
                {picks.length ? (
                  <ul className="suggestions" aria-label={`Suggested SRS products for ${props.label}`}>
                    {picks.map((f) => {
                      const s = l.suggestions.find((x) => x.productId === f.productId);
                      const options = (s?.options ?? []).filter((o) => o !== 'N/A');
                      return (
                        <li key={`${f.productId}`} className="suggestion">
                          <div className="suggestion-main">
                            <span className="suggestion-name">{s?.productName ?? f.label}</span>
                            <span className="muted">
                              {s?.manufacturer ? `${s.manufacturer} · ` : ''}#{f.productId}
                              {s ? ` · ${percentMatch(s.score)}` : ''}
                            </span>
                          </div>
                          {f.option === null && options.length > 1 ? (
                            <PickWithOption fix={f} options={options} onPick={(o) => f.productId !== null && void confirmMapping(l.key, f.productId, o)} />
                          ) : (
                            <button type="button" className="btn btn-sm" onClick={() => apply(f)} aria-label={`${f.label} for ${props.label}`}>
                              Use this
                            </button>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                ) : null}
                {others.length || (canSearch && i === 0) ? (
                  <div className="fix-row">
                    {others.map((f, k) => (
                      <button key={`${f.kind}-${k}`} type="button" className={`btn btn-sm${f.kind === 'remove' ? ' btn-ghost' : ''}`} onClick={() => apply(f)}>
                        {f.label}
                      </button>
                    ))}
                    {canSearch && i === 0 && !finding ? (
                      <button type="button" className="btn btn-sm btn-ghost" onClick={() => setFinding(true)}>
                        Search SRS products…
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {finding ? (
        <ProductFinder
          initialText={searchText}
          branchCode={props.branchCode}
          label={props.label}
          onClose={() => setFinding(false)}
          onPick={(productId, option) => {
            setFinding(false);
            void confirmMapping(l.key, productId, option);
          }}
        />
      ) : null}
    </div>
  );
}
