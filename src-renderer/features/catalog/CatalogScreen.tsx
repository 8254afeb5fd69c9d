import { useEffect, useRef, useState } from 'react';
import { useJobs } from '../../app/jobs-store';
import { EmptyState } from '../../ui/EmptyState';
import { CatalogIcon } from '../../ui/icons';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { ageText } from '../proposals/format';
import { CatalogList } from './CatalogList';
import { useCatalog, watchCatalogSync } from './catalog-store';
import { ItemPanel } from './ItemPanel';
import { SrsProductSearch } from '../srs/SrsProductSearch';
import '../srs/srs.css';
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

type Source = 'portal' | 'srs';

/** Portal's catalog and SRS's branch products, both searchable offline, side by side as tabs. */
function SourceTabs(props: { source: Source; onChange(s: Source): void }) {
  const tabs: [Source, string][] = [
    ['portal', 'Portal.io catalog'],
    ['srs', 'SRS branch products'],
  ];
  return (
    <div className="tabs" role="tablist" aria-label="Catalog source">
      {tabs.map(([id, label]) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`catalog-tab-${id}`}
          aria-selected={props.source === id}
          aria-controls={`catalog-panel-${id}`}
          tabIndex={props.source === id ? 0 : -1}
          className={`tab${props.source === id ? ' tab-active' : ''}`}
          onClick={() => props.onChange(id)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
              const next = props.source === 'portal' ? 'srs' : 'portal';
              props.onChange(next);
              document.getElementById(`catalog-tab-${next}`)?.focus();
            }
          }}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

export function CatalogScreen() {
  const [source, setSource] = useState<Source>('portal');
  const s = useCatalog();
  useEffect(() => {
    void useCatalog.getState().refresh();
    return watchCatalogSync();
  }, []);
  return (
    <>
      <ScreenHeader
        title="Catalog"
        subtitle={
          source === 'portal' ? (
            <>
              Portal.io catalog, searchable offline · <span data-testid="catalog-count">{(s.status?.itemCount ?? 0).toLocaleString()} items</span> · last synced{' '}
              {ageText(s.status?.lastSynced ?? null)}
              {s.status?.interrupted && !s.syncJobId ? ' · last sync was interrupted (Sync resumes it)' : ''}
            </>
          ) : (
            'SRS Distribution products by branch, searchable offline, with live prices.'
          )
        }
        actions={
          source === 'portal' ? (
            <button type="button" className="btn btn-primary" onClick={() => void s.sync()} disabled={!!s.syncJobId}>
              {s.syncJobId ? 'Syncing…' : 'Sync'}
            </button>
          ) : null
        }
      />
      <SourceTabs source={source} onChange={setSource} />
      <div role="tabpanel" id={`catalog-panel-${source}`} aria-labelledby={`catalog-tab-${source}`}>
        {source === 'portal' ? <PortalCatalog /> : <SrsProductSearch showTitle={false} />}
      </div>
    </>
  );
}

/**
 * The first download fills an empty catalog all at once when it finishes (the text index is
 * built in one go), so until then this says how far it got instead of "empty".
 */
function FirstDownload() {
  const { syncJobId, status, sync } = useCatalog();
  const job = useJobs((j) => j.running.find((r) => r.jobId === syncJobId));
  const items = job?.total ? job.done : (status?.firstDownload?.items ?? 0);
  const total = job?.total ?? status?.firstDownload?.total ?? null;
  const progress = `${items.toLocaleString()}${total !== null ? ` of ${total.toLocaleString()}` : ''} items`;
  if (syncJobId) {
    return (
      <EmptyState icon={<CatalogIcon size={28} />} title="Downloading the catalog…">
        <p>{progress} so far; search opens when the download finishes.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<CatalogIcon size={28} />}
      title="Catalog download paused"
      actions={
        <button type="button" className="btn btn-primary" onClick={() => void sync()}>
          Resume download
        </button>
      }
    >
      <p>Download paused at {progress}. Resume it to download the rest; search opens when the download finishes.</p>
    </EmptyState>
  );
}

function PortalCatalog() {
  const s = useCatalog();
  const empty = s.status !== null && s.status.itemCount === 0;
  const downloading = empty && (s.syncJobId !== null || s.status?.firstDownload != null);
  return (
    <>
      <SyncProgress />
      {s.error ? (
        <p className="field-error" role="alert">
          {s.error.message}
        </p>
      ) : null}
      {downloading ? (
        <FirstDownload />
      ) : empty ? (
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
