import { useEffect } from 'react';
import { useSettings } from '../features/settings/settings-store';

/** Applies the theme setting: "system" leaves it to prefers-color-scheme, light/dark pin it. */
export function useThemeSetting(): void {
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
