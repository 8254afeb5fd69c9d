import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src-main/log/logger';
import { EventBus } from '../../../src-main/services/events';
import { createApiEndpoint, EVENT_QUEUE_BYTES } from '../../../src-main/services/ipc/api-endpoint';

const TOKEN = 'token-0123456789abcdefghijklmnopqrstuv';

function endpointWith(events: EventBus) {
  return createApiEndpoint({
    dispatch: async (channel) => ({ ok: true, value: channel }),
    events,
    token: TOKEN,
    origins: () => ['junction://app'],
    origin: 'ipc',
    log: silentLogger,
  });
}

describe('API endpoint', () => {
  it('drops the event stream of a page that stops reading, instead of holding its events without end', async () => {
    const events = new EventBus();
    const res = await endpointWith(events)(new Request('junction://app/api/events', { headers: { Authorization: `Bearer ${TOKEN}` } }));
    expect(res.status).toBe(200);
    expect(events.listenerCount()).toBe(1);
    // The page never reads: ~2 MiB of progress events pile up.
    const phase = 'x'.repeat(1000);
    for (let i = 0; i < (2 * EVENT_QUEUE_BYTES) / 1000 && events.listenerCount() > 0; i++) {
      events.emit('job:progress', { jobId: 'j1', kind: 'catalog', done: i, total: null, phase });
    }
    expect(events.listenerCount()).toBe(0);
    // Reading it now fails with the reason; the page's transport reconnects and reloads its state.
    const reader = res.body!.getReader();
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'ended';
      })(),
    ).rejects.toThrow(/stopped reading/);
  });

  it('answers a channel name that is not valid percent-encoding with a 400', async () => {
    const res = await endpointWith(new EventBus())(
      new Request('junction://app/api/call/%zz', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: '{}' }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
