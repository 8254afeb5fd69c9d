import { useEffect, useState, type KeyboardEvent } from 'react';
import type { DraftLineView } from '../../../src-shared/ipc/orders';
import { qty } from './format';

/**
 * Proposal quantity → ordered quantity and unit. The number saves on Enter or when focus
 * leaves; Escape puts the saved value back. Only whole units above zero can be ordered.
 */
export function QuantityEditor(props: { line: DraftLineView; label: string; onQuantity(q: number): void; onUnit(uom: string): void }) {
  const l = props.line;
  const saved = l.quantity === null ? '' : String(l.quantity);
  const [text, setText] = useState(saved);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(saved);
  }, [saved, focused]);

  const value = Number(text);
  const invalid = text.trim() !== '' && (!Number.isSafeInteger(value) || value <= 0);
  const commit = () => {
    if (invalid || text.trim() === '' || text === saved) return;
    props.onQuantity(value);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setText(saved);
    }
  };
  const units = l.uoms.length ? l.uoms : l.uom ? [l.uom] : [];
  const errorId = `qty-error-${l.key}`;

  return (
    <div className="qty-cell">
      <div className="qty-flow">
        <span className="qty-proposed" title="As proposed">
          {l.proposalQuantity !== null ? `${qty(l.proposalQuantity)} ${l.proposalUom ?? ''}` : l.sources.map((s) => `${qty(s.quantity)} ${s.uom ?? ''}`).join(' + ')}
        </span>
        <span className="qty-arrow" aria-hidden="true">
          →
        </span>
        <input
          className="input qty-input"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={text}
          placeholder="—"
          aria-label={`Quantity to order, ${props.label}`}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          data-line-qty={l.key}
          disabled={units.length === 0}
          onChange={(e) => setText(e.target.value)}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            commit();
          }}
          onKeyDown={onKeyDown}
        />
        {units.length > 1 ? (
          <select className="select unit-select" value={l.uom ?? ''} aria-label={`Unit, ${props.label}`} onChange={(e) => props.onUnit(e.target.value)}>
            {l.uom === null ? <option value="">Unit</option> : null}
            {units.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        ) : (
          <span className="unit-fixed">{l.uom ?? ''}</span>
        )}
      </div>
      {invalid ? (
        <div className="field-error" id={errorId}>
          Whole units above 0 (remove the line instead of ordering 0)
        </div>
      ) : l.overOrderText ? (
        <div className="over-order" title={l.overOrderText}>
          {qty(l.overOrder?.quantity)} {l.overOrder?.uom} extra
        </div>
      ) : null}
    </div>
  );
}
