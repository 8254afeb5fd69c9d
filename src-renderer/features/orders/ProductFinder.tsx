import { useEffect, useId, useRef, useState } from 'react';
import type { SrsProductHit } from '../../../src-shared/ipc/srs';
import { api } from '../../api';

/**
 * Search the synced SRS catalog for a product to map a line to, when none of the
 * suggestions fits. Choosing one confirms the mapping (remembered for next time).
 */
export function ProductFinder(props: { initialText: string; branchCode: string; label: string; onPick(productId: number, option: string): void; onClose(): void }) {
  const [text, setText] = useState(props.initialText);
  const [hits, setHits] = useState<SrsProductHit[]>([]);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<Record<number, string>>({});
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsId = useId();
  const request = useRef(0);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  useEffect(() => {
    const id = ++request.current;
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    const timer = setTimeout(async () => {
      setSearching(true);
      const reply = await api.srs.searchProducts({ text: q, branchCode: props.branchCode, limit: 8 });
      if (id !== request.current) return;
      setSearching(false);
      if (reply.ok) {
        setHits(reply.value.items);
        setError(null);
      } else setError(reply.error.message);
    }, 200);
    return () => clearTimeout(timer);
  }, [text, props.branchCode]);

  return (
    <div className="finder" role="group" aria-label={`Find an SRS product for ${props.label}`}>
      <div className="finder-bar">
        <input
          ref={inputRef}
          className="input"
          type="search"
          value={text}
          aria-label="Search SRS products"
          aria-controls={resultsId}
          placeholder="Brand, product name or SRS number"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              props.onClose();
            }
          }}
        />
        <button type="button" className="btn btn-sm btn-ghost" onClick={props.onClose}>
          Close
        </button>
      </div>
      <ul className="finder-results" id={resultsId} aria-live="polite" aria-busy={searching}>
        {error ? <li className="field-error">{error}</li> : null}
        {!error && !searching && text.trim() && hits.length === 0 ? <li className="muted">No SRS product matches “{text.trim()}”. Sync the SRS catalog in Settings if it is empty.</li> : null}
        {hits.map((h) => {
          const choices = h.options.filter((o) => o !== 'N/A');
          const option = choices.length === 0 ? 'N/A' : choices.length === 1 ? choices[0]! : options[h.productId] ?? '';
          return (
            <li key={h.productId} className="finder-hit">
              <div className="finder-hit-main">
                <span className="finder-hit-name">{h.productName}</span>
                <span className="muted">
                  {h.manufacturer ?? ''} · #{h.productId} · sold in {[h.baseUom, ...h.uomConversions.map((c) => c.uom)].filter((u, i, a) => a.indexOf(u) === i).join(', ')}
                  {h.availableAtBranch === false ? ` · not stocked at ${props.branchCode}` : ''}
                </span>
              </div>
              {choices.length > 1 ? (
                <select className="select select-sm" aria-label={`Option of ${h.productName}`} value={option} onChange={(e) => setOptions({ ...options, [h.productId]: e.target.value })}>
                  <option value="">Choose…</option>
                  {choices.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : null}
              <button type="button" className="btn btn-sm" disabled={!option} onClick={() => props.onPick(h.productId, option)}>
                Use this product
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
