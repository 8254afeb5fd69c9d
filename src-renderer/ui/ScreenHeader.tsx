import type { ReactNode } from 'react';

/** The title row of a screen. The h1 names the screen for assistive tech (main is labelled by it). */
export function ScreenHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="screen-header">
      <div>
        <h1 className="screen-title" id="screen-title">
          {props.title}
        </h1>
        {props.subtitle ? <p className="screen-subtitle">{props.subtitle}</p> : null}
      </div>
      {props.actions ? <div className="screen-actions">{props.actions}</div> : null}
    </header>
  );
}
