import { useEffect, useRef, useState } from 'react';
import { PROPOSAL_STATUSES } from '../../../src-shared/ipc/proposals';
import { EmptyState } from '../../ui/EmptyState';
import { ProposalsIcon } from '../../ui/icons';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { ageText, statusLabel } from './format';
import { ProposalDetailView } from './ProposalDetailView';
import { ProposalList } from './ProposalList';
import { PortalSignIn } from './PortalSignIn';
import { PROPOSALS_PAGE, useProposals, type ProposalSort } from './proposals-store';
import './proposals.css';

function Toolbar() {
  const { status, sort, direction, setFilter } = useProposals();
  const [text, setText] = useState(useProposals.getState().text);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onText = (v: string) => {
    setText(v);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFilter({ text: v }), 150);
  };
  return (
    <div className="list-toolbar" role="search">
      <input className="input" type="search" placeholder="Search name, number or customer" aria-label="Search proposals" value={text} onChange={(e) => onText(e.target.value)} />
      <select className="select" aria-label="Status" value={status} onChange={(e) => setFilter({ status: e.target.value as typeof status })}>
        <option value="">All statuses</option>
        {PROPOSAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <select className="select" aria-label="Sort by" value={sort} onChange={(e) => setFilter({ sort: e.target.value as ProposalSort })}>
        <option value="modified">Modified</option>
        <option value="number">Number</option>
        <option value="customer">Customer</option>
        <option value="total">Total</option>
      </select>
      <button type="button" className="btn btn-sm" aria-label={direction === 'asc' ? 'Ascending' : 'Descending'} onClick={() => setFilter({ direction: direction === 'asc' ? 'desc' : 'asc' })}>
        {direction === 'asc' ? '↑' : '↓'}
      </button>
    </div>
  );
}

export function ProposalsScreen() {
  const s = useProposals();
  const [signingIn, setSigningIn] = useState(false);
  useEffect(() => {
    void useProposals
      .getState()
      .load()
      .then(() => {
        // First visit: nothing cached yet, so fetch from Portal.
        const st = useProposals.getState();
        if (!st.lastSynced && !st.syncing) void st.sync();
      });
  }, []);

  if (s.openedChangeOrder && s.opened) {
    const co = s.openedChangeOrder;
    return (
      <ProposalDetailView detail={co.changeOrder} lastSynced={co.lastSynced} offline={co.offline} backLabel={`Proposal #${s.opened.proposal.number}`} onBack={s.closeChangeOrder} />
    );
  }
  if (s.opened) {
    const o = s.opened;
    return (
      <ProposalDetailView
        detail={o.proposal}
        lastSynced={o.lastSynced}
        offline={o.offline}
        backLabel="All proposals"
        onBack={s.close}
        onRefresh={() => void s.open(o.proposal.id, true)}
        onOpenChangeOrder={(id) => void s.openChangeOrder(id)}
      />
    );
  }

  return (
    <>
      <ScreenHeader
        title="Proposals"
        subtitle={
          <>
            Portal.io proposals, cached for offline use · last synced <span data-testid="proposals-last-synced">{ageText(s.lastSynced)}</span>
          </>
        }
        actions={
          <>
            <button type="button" className="btn" onClick={() => setSigningIn(true)}>
              Sign in to Portal
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void s.sync()} disabled={s.syncing}>
              {s.syncing ? 'Syncing…' : 'Sync'}
            </button>
          </>
        }
      />
      {signingIn ? (
        <PortalSignIn
          onDone={(signedIn) => {
            setSigningIn(false);
            if (signedIn) void s.sync();
          }}
        />
      ) : null}
      {s.error ? (
        <p className="field-error" role="alert">
          {s.error.message}
          {s.error.code === 'UNAUTHORIZED' || s.error.code === 'NOT_CONFIGURED' ? (
            <>
              {' '}
              <button type="button" className="btn btn-sm" onClick={() => setSigningIn(true)}>
                Sign in
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      <Toolbar />
      {s.total === 0 && !s.loading && !s.syncing ? (
        <EmptyState icon={<ProposalsIcon size={28} />} title={s.lastSynced ? 'No proposals match' : 'No proposals yet'}>
          <p>{s.lastSynced ? 'Change the search or the status filter.' : 'Sync to fetch proposals from Portal.io.'}</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted list-count" role="status">
            {s.total.toLocaleString()} proposal{s.total === 1 ? '' : 's'}
            {s.opening ? ' · opening…' : ''}
          </p>
          <ProposalList pages={s.pages} total={s.total} pageSize={PROPOSALS_PAGE} ensurePage={s.ensurePage} onOpen={(id) => void s.open(id)} />
        </>
      )}
    </>
  );
}
