import { useRef, type KeyboardEvent } from 'react';
import { JobTray } from '../ui/JobTray';
import { JunctionMark } from '../ui/icons';
import { useAppInfo } from './app-info-store';
import { navOrder } from './nav-order';
import { useNav } from './nav-store';
import type { RouteDef } from './routes';

const shortcutKey = /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';

/**
 * The sidebar is one keyboard stop: Tab lands on the current screen's item, arrow keys
 * (and Home/End) move between items, Enter or Space opens one.
 */
export function Sidebar() {
  const { route, go } = useNav();
  const version = useAppInfo((s) => s.info?.version);
  const list = useRef<HTMLElement>(null);
  const order = navOrder();

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLButtonElement>('.nav-item') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (i === -1) return;
    const target =
      e.key === 'ArrowDown' ? (i + 1) % items.length
      : e.key === 'ArrowUp' ? (i - 1 + items.length) % items.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? items.length - 1
      : null;
    if (target === null) return;
    e.preventDefault();
    items[target]?.focus();
  };

  const item = (r: RouteDef) => {
    const Icon = r.icon;
    const position = order.indexOf(r) + 1;
    const current = r.id === route;
    return (
      <li key={r.id}>
        <button
          type="button"
          className="nav-item"
          aria-current={current ? 'page' : undefined}
          tabIndex={current ? 0 : -1}
          title={position <= 9 ? `${r.label} (${shortcutKey}+${position})` : r.label}
          onClick={() => go(r.id)}
        >
          <Icon size={18} />
          <span className="nav-label">{r.label}</span>
        </button>
      </li>
    );
  };

  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark">
          <JunctionMark size={18} />
        </span>
        <span className="brand-text">
          <div className="brand-name">Junction</div>
          <div className="brand-tag">Proposals to supplier orders</div>
        </span>
      </div>
      <nav aria-label="Main" ref={list} onKeyDown={onKeyDown} className="sidebar-nav">
        <div className="nav-section-label" aria-hidden="true">
          Workspace
        </div>
        <ul className="nav-list">{order.filter((r) => r.group === 'work').map(item)}</ul>
        <div className="sidebar-spacer" />
        <ul className="nav-list">{order.filter((r) => r.group === 'app').map(item)}</ul>
      </nav>
      <JobTray />
      <div className="sidebar-footer">
        <span>Junction {version ? `v${version}` : ''}</span>
      </div>
    </aside>
  );
}
