import type { Reply } from '../../src-shared/domain/result';
import type { Transport } from '../../src-shared/ipc/define';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'no-token';

export interface WsTransport extends Transport {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
}

const lost = (channel: string): Reply<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: `${channel}: lost the connection to the Junction host. Is it still running?` },
});

/**
 * The contract over the web host's WebSocket: `{id, channel, req}` out, `{id, reply}` and
 * `{event, payload}` in. Calls made while connecting wait; calls in flight when the socket
 * drops get an error reply; the socket reconnects with backoff.
 */
export function createWsTransport(url: string | null): WsTransport {
  let socket: WebSocket | null = null;
  let state: ConnectionStatus = url ? 'connecting' : 'no-token';
  let nextId = 1;
  let attempt = 0;
  const inFlight = new Map<number, { channel: string; resolve: (r: Reply<unknown>) => void }>();
  const waiting: (() => void)[] = [];
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();

  const setStatus = (s: ConnectionStatus) => {
    state = s;
    statusListeners.forEach((l) => l(s));
  };

  const connect = () => {
    if (!url) return;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
      waiting.splice(0).forEach((send) => send());
    };
    ws.onmessage = (message) => {
      let data: { id?: number; reply?: Reply<unknown>; event?: string; payload?: unknown };
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (typeof data.event === 'string') {
        eventListeners.get(data.event)?.forEach((l) => l(data.payload));
      } else if (typeof data.id === 'number' && data.reply) {
        inFlight.get(data.id)?.resolve(data.reply);
        inFlight.delete(data.id);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const [id, call] of inFlight) {
        call.resolve(lost(call.channel));
        inFlight.delete(id);
      }
      setStatus('reconnecting');
      const delay = Math.min(10_000, 500 * 2 ** attempt++);
      setTimeout(connect, delay);
    };
  };
  connect();

  return {
    call(channel, req) {
      if (!url) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNAUTHORIZED', message: 'This page has no access token. Open the link that `npm run web` printed.' },
        });
      }
      return new Promise((resolve) => {
        const id = nextId++;
        const send = () => {
          inFlight.set(id, { channel, resolve });
          socket!.send(JSON.stringify({ id, channel, req }));
        };
        if (socket?.readyState === WebSocket.OPEN) send();
        else waiting.push(send);
      });
    },
    subscribe(eventName, listener) {
      let set = eventListeners.get(eventName);
      if (!set) eventListeners.set(eventName, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    status: () => state,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}
