import { useId, useRef, type KeyboardEvent } from 'react';
import { SHIPPING_METHODS, type DraftView } from '../../../src-shared/ipc/orders';
import type { SrsJobAccountView } from '../../../src-shared/ipc/srs';
import { DraftField } from './DraftField';
import { issueFor, patchAt } from './header-patch';
import { useOrders } from './orders-store';

type Method = (typeof SHIPPING_METHODS)[number];
const METHOD_HINT: Record<Method, string> = {
  'Ground Drop': 'Delivered to the ground at the job site.',
  'Roof Load': 'Delivered and loaded onto the roof.',
  'Will Call': 'Picked up at the branch.',
};
const TIMES = ['Anytime', 'AM', 'PM'];

/** Delivery or will-call, as a radio group: arrow keys move between the three. */
function MethodPicker(props: { value: Method; onChange(m: Method): void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (i + step + SHIPPING_METHODS.length) % SHIPPING_METHODS.length;
    refs.current[next]?.focus();
    props.onChange(SHIPPING_METHODS[next]!);
  };
  return (
    <div className="segmented" role="radiogroup" aria-label="Delivery method">
      {SHIPPING_METHODS.map((m, i) => (
        <button
          key={m}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="radio"
          aria-checked={props.value === m}
          tabIndex={props.value === m ? 0 : -1}
          onClick={() => props.value !== m && props.onChange(m)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {m}
        </button>
      ))}
    </div>
  );
}

function accountLabel(a: SrsJobAccountView): string {
  return `${a.jobAccountNumber} · ${a.jobAccountName ?? 'Job account'}`;
}

/** Branch, job account, delivery, PO number and notes. */
export function OrderDetailsCard(props: { draft: DraftView }) {
  const d = props.draft;
  const h = d.header;
  const { branches, jobAccounts, updateDraft } = useOrders();
  const branchId = useId();
  const accountId = useId();
  const timeId = useId();
  const save = (path: string) => (value: string) => void updateDraft({ header: patchAt(path, value) });
  const branchKnown = branches.some((b) => b.branchCode === d.branchCode);
  const forBranch = jobAccounts.filter((a) => a.branchCode === d.branchCode);
  const others = jobAccounts.filter((a) => a.branchCode !== d.branchCode);
  const accountKnown = jobAccounts.some((a) => a.jobAccountNumber === d.jobAccountNumber);
  const willCall = h.delivery.method === 'Will Call';

  return (
    <section className="card review-card" aria-labelledby="order-details-title">
      <div className="card-header">
        <div>
          <h2 className="card-title" id="order-details-title">
            Order details
          </h2>
          <p className="card-subtitle">SRS Distribution · branch and job account are remembered for the next order.</p>
        </div>
      </div>
      <div className="card-body form-grid review-grid">
        <div className="field">
          <label className="field-label" htmlFor={branchId}>
            Branch
          </label>
          <select id={branchId} className="select" value={d.branchCode} onChange={(e) => void updateDraft({ branchCode: e.target.value })} data-focus="branch">
            {!branchKnown ? <option value={d.branchCode}>{d.branchCode}</option> : null}
            {branches.map((b) => (
              <option key={b.branchCode} value={b.branchCode}>
                {b.branchCode} · {b.branchName}
              </option>
            ))}
          </select>
          <span className="field-hint">Prices, stock and substitutes are for this branch.</span>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={accountId}>
            Job account
          </label>
          <select
            id={accountId}
            className="select"
            value={d.jobAccountNumber ?? ''}
            onChange={(e) => e.target.value && void updateDraft({ jobAccountNumber: Number(e.target.value) })}
            aria-invalid={issueFor(d, 'jobAccountNumber') ? true : undefined}
          >
            {d.jobAccountNumber === null ? <option value="">Choose a job account</option> : null}
            {d.jobAccountNumber !== null && !accountKnown ? <option value={d.jobAccountNumber}>{d.jobAccountNumber}</option> : null}
            {forBranch.length ? (
              <optgroup label={`At ${d.branchCode}`}>
                {forBranch.map((a) => (
                  <option key={`${a.branchCode}-${a.jobAccountNumber}`} value={a.jobAccountNumber}>
                    {accountLabel(a)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {others.length ? (
              <optgroup label="Other branches">
                {others.map((a) => (
                  <option key={`${a.branchCode}-${a.jobAccountNumber}`} value={a.jobAccountNumber}>
                    {accountLabel(a)} ({a.branchCode})
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          {issueFor(d, 'jobAccountNumber') ? <span className="field-error">{issueFor(d, 'jobAccountNumber')}</span> : null}
        </div>
        <DraftField label="PO number" value={h.poNumber} onSave={save('poNumber')} issue={issueFor(d, 'poNumber')} required maxLength={60} hint="Defaults to the proposal number and name." />
        <div className="field">
          <span className="field-label" id="method-label">
            Delivery
          </span>
          <MethodPicker value={h.delivery.method} onChange={(method) => void updateDraft({ header: { delivery: { method } } })} />
          <span className="field-hint">{METHOD_HINT[h.delivery.method]}</span>
        </div>
        <DraftField
          label={willCall ? 'Pick-up date' : 'Delivery date'}
          type="date"
          value={h.delivery.date}
          onSave={save('delivery.date')}
          issue={issueFor(d, 'delivery.date')}
          required
        />
        <div className="field">
          <label className="field-label" htmlFor={timeId}>
            {willCall ? 'Pick-up time' : 'Delivery time'}
          </label>
          <select id={timeId} className="select" value={TIMES.includes(h.delivery.time) ? h.delivery.time : h.delivery.time || 'Anytime'} onChange={(e) => void updateDraft({ header: { delivery: { time: e.target.value } } })}>
            {!TIMES.includes(h.delivery.time) && h.delivery.time ? <option value={h.delivery.time}>{h.delivery.time}</option> : null}
            {TIMES.map((t) => (
              <option key={t} value={t}>
                {t === 'AM' ? 'Morning (AM)' : t === 'PM' ? 'Afternoon (PM)' : 'Anytime'}
              </option>
            ))}
          </select>
        </div>
        <DraftField label="Job number" value={h.jobNumber} onSave={save('jobNumber')} issue={issueFor(d, 'jobNumber')} maxLength={60} />
        <DraftField label="Notes for the branch" value={h.notes} onSave={save('notes')} issue={issueFor(d, 'notes')} multiline maxLength={2000} className="field-span-2" placeholder="Gate code, where to drop the material…" />
      </div>
    </section>
  );
}

/** Ship-to address and the SRS contact block, filled from the proposal's customer and location. */
export function AddressCards(props: { draft: DraftView }) {
  const d = props.draft;
  const h = d.header;
  const { jobAccounts, updateDraft } = useOrders();
  const save = (path: string) => (value: string) => void updateDraft({ header: patchAt(path, value) });
  const willCall = h.delivery.method === 'Will Call';
  const account = jobAccounts.find((a) => a.jobAccountNumber === d.jobAccountNumber && a.branchCode === d.branchCode) ?? jobAccounts.find((a) => a.jobAccountNumber === d.jobAccountNumber);
  const accountShipTo = account?.shipTo;
  const useAccountAddress = () => {
    if (!accountShipTo) return;
    void updateDraft({
      header: {
        shipTo: {
          name: accountShipTo.name ?? account?.jobAccountName ?? '',
          addressLine1: accountShipTo.addressLine1 ?? '',
          addressLine2: accountShipTo.addressLine2 ?? '',
          city: accountShipTo.city ?? '',
          state: accountShipTo.state ?? '',
          zipCode: accountShipTo.zipCode ?? '',
        },
      },
    });
  };
  const f = (label: string, path: string, extra: { required?: boolean; type?: 'tel' | 'email'; max?: number; wide?: boolean } = {}) => {
    const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], h) as string;
    return (
      <DraftField
        label={label}
        value={value}
        onSave={save(path)}
        issue={issueFor(d, path)}
        required={extra.required ?? false}
        type={extra.type ?? 'text'}
        maxLength={extra.max ?? 200}
        className={extra.wide ? 'field-wide' : undefined}
      />
    );
  };
  return (
    <div className="address-cards">
      <section className="card review-card" aria-labelledby="ship-to-title">
        <div className="card-header">
          <div>
            <h2 className="card-title" id="ship-to-title">
              Ship to
            </h2>
            <p className="card-subtitle">{willCall ? 'Will call: SRS does not deliver, the address is for reference.' : 'Where SRS delivers the material.'}</p>
          </div>
          {accountShipTo?.addressLine1 ? (
            <button type="button" className="btn btn-sm" onClick={useAccountAddress}>
              Use job account address
            </button>
          ) : null}
        </div>
        <div className="card-body form-grid address-grid">
          {f('Name', 'shipTo.name', { max: 120, wide: true })}
          {f('Address', 'shipTo.addressLine1', { required: !willCall, wide: true })}
          {f('Address line 2', 'shipTo.addressLine2', { wide: true })}
          {f('City', 'shipTo.city', { required: !willCall, max: 100 })}
          {f('State', 'shipTo.state', { required: !willCall, max: 40 })}
          {f('ZIP', 'shipTo.zipCode', { required: !willCall, max: 20 })}
        </div>
      </section>
      <section className="card review-card" aria-labelledby="contact-title">
        <div className="card-header">
          <div>
            <h2 className="card-title" id="contact-title">
              Contact for SRS
            </h2>
            <p className="card-subtitle">Who the branch calls about this order.</p>
          </div>
        </div>
        <div className="card-body form-grid address-grid">
          {f('Contact name', 'contact.name', { required: true, max: 120, wide: true })}
          {f('Phone', 'contact.phone', { required: true, type: 'tel', max: 40 })}
          {f('Email', 'contact.email', { type: 'email' })}
          {f('Contact address', 'contact.address.addressLine1', { required: true, wide: true })}
          {f('City', 'contact.address.city', { max: 100 })}
          {f('State', 'contact.address.state', { max: 40 })}
          {f('ZIP', 'contact.address.zipCode', { max: 20 })}
        </div>
      </section>
    </div>
  );
}

/** The proposal's accepted change orders: included by default, each one can be left out. */
export function ChangeOrdersCard(props: { draft: DraftView }) {
  const d = props.draft;
  const updateDraft = useOrders((s) => s.updateDraft);
  if (d.changeOrders.length === 0) return null;
  const toggle = (id: string, include: boolean) => {
    const excluded = d.changeOrders.filter((c) => (c.id === id ? !include : !c.included)).map((c) => c.id);
    void updateDraft({ includeChangeOrders: true, excludedChangeOrderIds: excluded });
  };
  return (
    <section className="card review-card" aria-labelledby="co-title">
      <div className="card-header">
        <div>
          <h2 className="card-title" id="co-title">
            Change orders
          </h2>
          <p className="card-subtitle">Items of accepted change orders are on this order unless you leave them out.</p>
        </div>
      </div>
      <div className="card-body co-choices">
        {d.changeOrders.map((c) => (
          <label key={c.id} className="checkbox">
            <input type="checkbox" checked={d.includeChangeOrders && c.included} onChange={(e) => toggle(c.id, e.target.checked)} />
            <span>
              Include change order #{c.number} <span className="muted">· {c.name}</span>
            </span>
          </label>
        ))}
      </div>
    </section>
  );
}
