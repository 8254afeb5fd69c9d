import { contract, events } from '../../src-shared/ipc/contract';
import { buildApi, type Transport } from '../../src-shared/ipc/define';

/**
 * For renderer tests in jsdom: the test decides where the contract goes (usually the real
 * dispatcher over real services), the UI code stays unchanged. Use with
 * `vi.mock('<path>/src-renderer/api', async () => (await import('<path>/test/helpers/renderer-api')).rendererApiModule())`
 * and set `rendererTransport.current` before rendering.
 */
export const rendererTransport: { current: Transport } = {
  current: {
    call: async (channel) => ({ ok: false, error: { code: 'INTERNAL', message: `${channel}: the test set no transport` } }),
    subscribe: () => () => undefined,
  },
};

type Status = 'connecting' | 'open' | 'reconnecting' | 'no-token';
const statusListeners = new Set<(s: Status) => void>();
let status: Status = 'open';

/** The connection state the renderer sees; `set` plays the event stream dropping and coming back. */
export const rendererConnection = {
  set(next: Status) {
    status = next;
    statusListeners.forEach((l) => l(next));
  },
};

export function rendererApiModule() {
  const transport: Transport = {
    call: (channel, req) => rendererTransport.current.call(channel, req),
    subscribe: (name, listener) => rendererTransport.current.subscribe(name, listener),
  };
  return {
    api: buildApi(contract, events, transport),
    isDesktop: false,
    connection: {
      status: () => status,
      onStatus: (listener: (s: Status) => void) => {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
    },
  };
}
