import { contract, events, type JunctionApi } from '../src-shared/ipc/contract';
import { buildApi } from '../src-shared/ipc/define';
import { createHttpTransport, type ConnectionStatus } from './transport/http-transport';

const TOKEN_KEY = 'junction.token';

/**
 * The host (desktop window or web host) hands its token in the URL fragment (never sent to
 * a server). Keep it for this tab only, and take it out of the address bar so it is not
 * shared by accident.
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

/** True inside the desktop app (its window loads the page from the junction: scheme); false in a browser. */
export const isDesktop = location.protocol === 'junction:';

const transport = createHttpTransport(location.origin, takeToken());

/** The whole contract, typed: `await api.settings.get()` → `{ok, value} | {ok:false, error}`. */
export const api: JunctionApi = buildApi(contract, events, transport);

/** The connection to Junction's main side: the event stream's state. */
export const connection = {
  status: (): ConnectionStatus => transport.status(),
  onStatus: (listener: (s: ConnectionStatus) => void): (() => void) => transport.onStatus(listener),
};
