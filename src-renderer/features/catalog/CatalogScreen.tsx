import { useEffect, useRef, useState } from 'react';
import { useJobs } from '../../app/jobs-store';
import { EmptyState } from '../../ui/EmptyState';
import { CatalogIcon } from '../../ui/icons';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { ageText } from '../proposals/format';
import { CatalogList } from './CatalogList';
import { useCatalog, watchCatalogSync } from './catalog-store';
import { ItemPanel } from './ItemPanel';
import '../proposals/proposals.css';
import './catalog.css';

function SyncProgress() {
  const { syncJobId, cancelSync } = useCatalog();
  const job = useJobs((s) => s.running.find((j) => j.jobId === syncJobId));
  if (!syncJobId) return null;
  const pct = job?.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  return (
    <div className="sync-progress card" role="group" aria-label="Catalog sync">
      <div className="card-body">
        <div className="sync-progress-head">
          <span>
            Syncing catalog{job?.total ? `: ${job.done.toLocaleString()} of ${job.total.toLocaleString()}` : '…'}
            {job ? <span className="muted"> · {job.phase}</span> : null}
          </span>
          <button type="button" className="btn btn-sm" onClick={() => void cancelSync()}>
            Cancel sync
          </button>
        </div>
        <div
          className={`progress${pct === null ? ' progress-indeterminate' : ''}`}
          role="progressbar"
          aria-label="Catalog download progress"
          aria-valuemin={0}
          aria-valuemax={100}
          {...(pct !== null ? { 'aria-valuenow': pct } : {})}
        >
          <div className="progress-bar" style={pct !== null ? { width: `${pct}%` } : undefined} />
        </div>
      </div>
    </div>
  );
}

function Filters() {
  const { query, facets, setQuery } = useCatalog();
  const [text, setText] = useState(query.text);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onText = (v: string) => {
    setText(v);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setQuery({ text: v }), 120);
  };
  return (
    <div className="list-toolbar" role="search">
      <input className="input" type="search" placeholder="Search brand, model, description or SKU" aria-label="Search catalog" value={text} onChange={(e) => onText(e.target.value)} />
      <select className="select" aria-label="Category" value={query.categoryId ?? ''} onChange={(e) => setQuery({ categoryId: e.target.value ? Number(e.target.value) : null })}>
        <option value="">All categories</option>
        {facets?.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {'\u00a0\u00a0'.repeat(c.depth)}
            {c.name}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Brand" value={query.brand} onChange={(e) => setQuery({ brand: e.target.value })}>
        <option value="">All brands</option>
        {facets?.brands.map((b) => (
          <option key={b} value={b}>
            {b}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Supplier" value={query.supplier} onChange={(e) => setQuery({ supplier: e.target.value })}>
        <option value="">All suppliers</option>
        {facets?.suppliers.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CatalogScreen() {
  const s = useCatalog();
  useEffect(() => {
    void useCatalog.getState().refresh();
    return watchCatalogSync();
  }, []);
  const empty = s.status !== null && s.status.itemCount === 0;
  return (
    <>
      <ScreenHeader
        title="Catalog"
        subtitle={
          <>
            Portal.io catalog, searchable offline · <span data-testid="catalog-count">{(s.status?.itemCount ?? 0).toLocaleString()} items</span> · last synced{' '}
            {ageText(s.status?.lastSynced ?? null)}
            {s.status?.interrupted && !s.syncJobId ? ' · last sync was interrupted (Sync resumes it)' : ''}
          </>
        }
        actions={
          <button type="button" className="btn btn-primary" onClick={() => void s.sync()} disabled={!!s.syncJobId}>
            {s.syncJobId ? 'Syncing…' : 'Sync'}
          </button>
        }
      />
      <SyncProgress />
      {s.error ? (
        <p className="field-error" role="alert">
          {s.error.message}
        </p>
      ) : null}
      {empty ? (
        <EmptyState icon={<CatalogIcon size={28} />} title="The catalog is empty">
          <p>Sync to download the Portal.io catalog. Afterwards you can search it without a network connection.</p>
        </EmptyState>
      ) : (
        <>
          <Filters />
          <p className="muted list-count" role="status">
            {s.total.toLocaleString()} match{s.total === 1 ? '' : 'es'}
            {s.tookMs !== null ? ` · ${s.tookMs} ms` : ''}
          </p>
          <div className="catalog-layout">
            <CatalogList />
            <ItemPanel />
          </div>
        </>
      )}
    </>
  );
}
