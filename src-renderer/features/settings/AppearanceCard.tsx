import type { KeyboardEvent } from 'react';
import type { Settings } from '../../../src-shared/ipc/settings';
import { notify } from '../../app/toast-store';
import { MonitorIcon, MoonIcon, SunIcon } from '../../ui/icons';
import { useSettings } from './settings-store';

const THEMES: { value: Settings['theme']; label: string; Icon: typeof SunIcon }[] = [
  { value: 'system', label: 'System', Icon: MonitorIcon },
  { value: 'light', label: 'Light', Icon: SunIcon },
  { value: 'dark', label: 'Dark', Icon: MoonIcon },
];

/** Theme: follow the OS, or pin light/dark. A radio group: arrow keys move and choose. */
export function AppearanceCard({ theme }: { theme: Settings['theme'] }) {
  const update = useSettings((s) => s.update);
  const choose = async (value: Settings['theme']) => {
    const err = await update({ theme: value });
    if (err) notify.error('Could not change the theme', err);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = THEMES.findIndex((t) => t.value === theme);
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = THEMES[(i + step + THEMES.length) % THEMES.length]!;
    void choose(next.value);
    requestAnimationFrame(() => document.getElementById(`theme-${next.value}`)?.focus());
  };
  return (
    <section className="card" aria-labelledby="appearance-title">
      <div className="card-header">
        <div>
          <h3 className="card-title" id="appearance-title">
            Appearance
          </h3>
          <p className="card-subtitle">System follows your operating system’s light or dark mode.</p>
        </div>
        <div className="segmented" role="radiogroup" aria-label="Theme" onKeyDown={onKeyDown}>
          {THEMES.map(({ value, label, Icon }) => (
            <button
              key={value}
              id={`theme-${value}`}
              type="button"
              role="radio"
              aria-checked={theme === value}
              tabIndex={theme === value ? 0 : -1}
              onClick={() => void choose(value)}
            >
              <Icon size={15} />
              {label}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
