import type { Reply } from '../../src-shared/domain/result';
import type { Transport } from '../../src-shared/ipc/define';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'no-token';

export interface HostTransport extends Transport {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
}

const lost = (channel: string): Reply<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: `${channel}: lost the connection to Junction. Is it still running?` },
});

const noToken: Reply<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'This page has no access token. Open the link that `npm run web` printed.' },
};

/**
 * The contract over fetch to the page's own origin (the desktop window's app scheme or the
 * web host): each call is `POST /api/call/<channel>`; events arrive as JSON lines on a
 * long-lived `GET /api/events`, which reconnects with backoff when it drops. `base` is the
 * origin; `token` is this launch's access token.
 */
export function createHttpTransport(base: string, token: string | null): HostTransport {
  let state: ConnectionStatus = token ? 'connecting' : 'no-token';
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  const auth = { Authorization: `Bearer ${token ?? ''}` };

  const setStatus = (s: ConnectionStatus) => {
    if (s === state) return;
    state = s;
    statusListeners.forEach((l) => l(s));
  };

  const deliver = (line: string) => {
    let data: { ready?: boolean; event?: string; payload?: unknown };
    try {
      data = JSON.parse(line);
    } catch {
      return;
    }
    if (data.ready) setStatus('open');
    else if (typeof data.event === 'string') eventListeners.get(data.event)?.forEach((l) => l(data.payload));
  };

  /** Reads the event stream until it ends; true when it was open at some point. */
  const listenOnce = async (): Promise<boolean> => {
    const response = await fetch(`${base}/api/events`, { headers: auth, cache: 'no-store' });
    if (response.status === 401) {
      setStatus('no-token');
      return false;
    }
    if (!response.ok || !response.body) return false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        deliver(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
      }
    }
  };

  const listen = async () => {
    let attempt = 0;
    for (;;) {
      const wasOpen = await listenOnce().catch(() => state === 'open');
      if (state === 'no-token') return;
      if (wasOpen) attempt = 0;
      setStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** attempt++)));
    }
  };
  if (token) void listen();

  return {
    async call(channel, req) {
      if (!token) return noToken;
      let response: Response;
      try {
        response = await fetch(`${base}/api/call/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { ...auth, 'Content-Type': 'application/json' },
          body: JSON.stringify(req),
          cache: 'no-store',
        });
      } catch {
        return lost(channel);
      }
      try {
        return (await response.json()) as Reply<unknown>;
      } catch {
        return lost(channel);
      }
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
