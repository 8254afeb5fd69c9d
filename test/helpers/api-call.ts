import type { Reply } from '../../src-shared/domain/result';

/**
 * One contract call the way the page makes it: `POST <origin>/api/call/<channel>` with the
 * launch token. Returns the HTTP status beside the reply; `headers` adds or overrides
 * (e.g. a foreign Origin).
 */
export async function apiCall<T = unknown>(
  origin: string,
  token: string | null,
  channel: string,
  req: unknown = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; reply: Reply<T> }> {
  const res = await fetch(`${origin}/api/call/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers },
    body: typeof req === 'string' ? req : JSON.stringify(req),
  });
  return { status: res.status, reply: (await res.json()) as Reply<T> };
}

/** Opens the event stream; yields each parsed line until `stop()`. */
export async function openEvents(origin: string, token: string | null, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(`${origin}/api/events`, {
    headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...headers },
    signal: controller.signal,
  });
  const lines: unknown[] = [];
  if (res.ok && res.body) {
    void (async () => {
      let buffer = '';
      try {
        for await (const chunk of res.body!.pipeThrough(new TextDecoderStream())) {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n')) >= 0) {
            lines.push(JSON.parse(buffer.slice(0, end)));
            buffer = buffer.slice(end + 1);
          }
        }
      } catch {
        // aborted by stop()
      }
    })();
  }
  return { status: res.status, lines, stop: () => controller.abort() };
}
