import { useEffect, useRef, useState } from 'react';
import { EmptyState } from '../../ui/EmptyState';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { ageText } from '../proposals/format';
import { useContacts } from './contacts-store';
import { ContactsIcon } from './ContactsIcon';
import '../proposals/proposals.css';
import './contacts.css';

export function ContactsScreen() {
  const s = useContacts();
  const [text, setText] = useState(s.text);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    void useContacts.getState().search(useContacts.getState().text);
  }, []);
  const onText = (v: string) => {
    setText(v);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void s.search(v), 150);
  };
  return (
    <>
      <ScreenHeader title="Contacts" subtitle={<>Portal.io customers and their locations · last synced {ageText(s.lastSynced)} (with proposals)</>} />
      {s.error ? (
        <p className="field-error" role="alert">
          {s.error.message}
        </p>
      ) : null}
      <div className="list-toolbar" role="search">
        <input className="input" type="search" placeholder="Search name, company, e-mail, phone or city" aria-label="Search contacts" value={text} onChange={(e) => onText(e.target.value)} />
      </div>
      {s.items.length === 0 ? (
        <EmptyState icon={<ContactsIcon size={28} />} title={s.lastSynced ? 'No contacts match' : 'No contacts yet'}>
          <p>{s.lastSynced ? 'Try another search.' : 'Contacts arrive with the proposals sync (Proposals → Sync).'}</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted list-count" role="status">
            {s.total.toLocaleString()} contact{s.total === 1 ? '' : 's'}
            {s.total > s.items.length ? ` · showing the first ${s.items.length}` : ''}
          </p>
          <ul className="contact-list" aria-label="Contacts">
            {s.items.map((c) => (
              <li key={c.id} className="contact card">
                <div className="card-body">
                  <div className="contact-name">
                    {c.name}
                    {c.companyName && c.companyName !== c.name ? <span className="muted"> · {c.companyName}</span> : null}
                  </div>
                  <div className="muted">
                    {[c.email, c.phone].filter(Boolean).join(' · ')}
                  </div>
                  <ul className="contact-locations">
                    {c.locations.map((l) => (
                      <li key={l.id}>
                        {l.street}
                        {l.suite ? `, ${l.suite}` : ''}, {l.city}, {l.state} {l.postalCode}
                        {l.isPrimary ? <span className="badge badge-info">Primary</span> : null}
                        {l.isBilling ? <span className="badge">Billing</span> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
