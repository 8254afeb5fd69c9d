import type { AppInfo } from '../../app/app-info-store';
import { VENDOR_LABELS } from './vendor-labels';

const MODE_BADGE: Record<string, [string, string]> = {
  sandbox: ['badge-warning', 'Sandbox'],
  live: ['badge-success', 'Live'],
  off: ['', 'Off'],
};

/** Version, where data lives, and which endpoint each vendor uses right now. */
export function AboutCard({ info }: { info: AppInfo }) {
  return (
    <section className="card" aria-labelledby="about-title">
      <div className="card-header">
        <div>
          <h3 className="card-title" id="about-title">
            About this installation
          </h3>
          <p className="card-subtitle">Junction v{info.version}</p>
        </div>
      </div>
      <div className="card-body">
        <dl className="dl">
          <dt>Data folder</dt>
          <dd className="mono">{info.dataDir}</dd>
        </dl>
        <table className="table" style={{ marginTop: 'var(--space-4)' }}>
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col">Mode</th>
              <th scope="col">Endpoint</th>
            </tr>
          </thead>
          <tbody>
            {info.vendors.map((v) => {
              const [cls, text] = MODE_BADGE[v.mode] ?? ['', v.mode];
              return (
                <tr key={v.vendor}>
                  <td>{VENDOR_LABELS[v.vendor].name}</td>
                  <td>
                    <span className={`badge ${cls}`}>{text}</span>
                  </td>
                  <td className="mono muted">{v.baseUrl ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
