import { ScreenHeader } from '../../ui/ScreenHeader';
import { SrsAccountPanel } from './SrsAccountPanel';
import { SrsProductSearch } from './SrsProductSearch';

/** SRS Distribution: the account panel and the branch-product search side by side. */
export function SrsScreen() {
  return (
    <>
      <ScreenHeader title="SRS Distribution" subtitle="Customer validation, branches, job accounts, branch products and prices." />
      <div className="srs-layout">
        <SrsAccountPanel />
        <div className="card"><div className="card-body"><SrsProductSearch /></div></div>
      </div>
    </>
  );
}

export function SrsIcon({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M3 11 12 4l9 7" />
      <path d="M5 10v9h14v-9" />
      <path d="M9 19v-5h6v5" />
    </svg>
  );
}
