import { useEffect } from 'react';
import type { Settings } from '../../src-shared/ipc/settings';
import { useSettings } from '../features/settings/settings-store';

type Theme = Settings['theme'];
const KEY = 'junction.theme';

/** "system" leaves it to prefers-color-scheme; light/dark pin it through data-theme on <html>. */
function apply(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

/** Before the first paint: the last theme seen, so a pinned theme does not flash the other one. */
export function restoreTheme(): void {
  try {
    apply((localStorage.getItem(KEY) as Theme | null) ?? 'system');
  } catch {
    // Storage can be unavailable (privacy settings); the setting arrives a moment later anyway.
  }
}

/** Applies the theme setting whenever it changes, and remembers it for the next start. */
export function useThemeSetting(): void {
  const theme = useSettings((s) => s.settings?.theme);
  useEffect(() => {
    if (!theme) return;
    apply(theme);
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // See restoreTheme.
    }
  }, [theme]);
}
