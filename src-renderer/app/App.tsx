import { useEffect, type MouseEvent } from 'react';
import { useSettings } from '../features/settings/settings-store';
import { Toasts } from '../ui/Toasts';
import { useAppInfo } from './app-info-store';
import { ConnectionBanner, SandboxBanner } from './Banners';
import { watchJobs } from './jobs-store';
import { navOrder } from './nav-order';
import { useNav } from './nav-store';
import { routes } from './routes';
import { ScreenBoundary } from './ScreenBoundary';
import { Sidebar } from './Sidebar';
import { useThemeSetting } from './theme';

function skipToContent(e: MouseEvent) {
  // Focus instead of following "#main": the fragment is not ours to change (web host token).
  e.preventDefault();
  document.getElementById('main')?.focus();
}

export function App() {
  const route = useNav((s) => s.route);
  const current = routes.find((r) => r.id === route) ?? routes[0]!;
  const Screen = current.screen;
  useThemeSetting();

  useEffect(() => {
    void useAppInfo.getState().refresh();
    void useSettings.getState().load();
    return watchJobs();
  }, []);

  useEffect(() => {
    document.title = `${current.label} · Junction`;
    // Each screen opens at its top, not where the previous one was scrolled to.
    document.getElementById('main')?.scrollTo(0, 0);
  }, [current.label]);

  // Ctrl/Cmd + 1…9 opens the sidebar's screens in order.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || !/^[1-9]$/.test(e.key)) return;
      const target = navOrder()[Number(e.key) - 1];
      if (!target) return;
      e.preventDefault();
      useNav.getState().go(target.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <div className="shell">
        <Sidebar />
        <div className="workspace">
          <SandboxBanner />
          <ConnectionBanner />
          <main id="main" className="screen" tabIndex={-1} aria-labelledby="screen-title">
            <div className="screen-inner">
              <ScreenBoundary key={current.id}>
                <Screen />
              </ScreenBoundary>
            </div>
          </main>
        </div>
      </div>
      <Toasts />
    </>
  );
}
