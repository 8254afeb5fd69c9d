import { contract, events, type JunctionApi } from '../src-shared/ipc/contract';
import { buildApi } from '../src-shared/ipc/define';
import { createWsTransport, type ConnectionStatus } from './transport/ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    junction?: JunctionApi;
  }
}

const TOKEN_KEY = 'junction.token';

/**
 * The web host hands its token in the URL fragment (never sent to a server). Keep it for
 * this tab only, and take it out of the address bar so it is not shared by accident.
 */
function takeToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function browserApi() {
  const token = takeToken();
  const url = token ? `ws://127.0.0.1:${location.port}/ws?token=${encodeURIComponent(token)}` : null;
  const transport = createWsTransport(url);
  return { api: buildApi(contract, events, transport), transport };
}

/** True inside the desktop app (Electron); false in a browser served by the web host. */
export const isDesktop = typeof window.junction !== 'undefined';

const browser = isDesktop ? null : browserApi();

/** The whole contract, typed: `await api.settings.get()` → `{ok, value} | {ok:false, error}`. */
export const api: JunctionApi = window.junction ?? browser!.api;

/** Connection to main: always open in the desktop app; the WebSocket's state in a browser. */
export const connection = {
  status: (): ConnectionStatus => browser?.transport.status() ?? 'open',
  onStatus: (listener: (s: ConnectionStatus) => void): (() => void) => browser?.transport.onStatus(listener) ?? (() => undefined),
};
