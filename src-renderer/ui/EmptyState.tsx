import type { ReactNode } from 'react';

/** What a screen shows when it has nothing yet: what this is, and what to do next. */
export function EmptyState(props: { icon: ReactNode; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={props.title}>
      <div className="empty-icon">{props.icon}</div>
      <h2 className="empty-title">{props.title}</h2>
      <div className="empty-body">{props.children}</div>
      {props.actions ? <div className="empty-actions">{props.actions}</div> : null}
    </section>
  );
}
