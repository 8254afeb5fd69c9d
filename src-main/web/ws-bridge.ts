import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Reply } from '../../src-shared/domain/result';
import type { Logger } from '../log/logger';
import type { EventBus } from '../services/events';
import type { Dispatch } from '../services/ipc/dispatch';

/** One call from the browser: `{id, channel, req}`; answered with `{id, reply}`. */
const CallSchema = z.object({
  id: z.union([z.number().int(), z.string().max(64)]),
  channel: z.string().max(128),
  req: z.unknown(),
});

const badMessage: Reply<never> = { ok: false, error: { code: 'BAD_REQUEST', message: 'Expected a JSON message {id, channel, req}.' } };

/** Carries the contract over one accepted WebSocket: calls in, replies and events out. */
export function bridgeSocket(socket: WebSocket, dispatch: Dispatch, events: Pick<EventBus, 'onAny'>, log: Logger): void {
  const sendJson = (msg: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
  };
  const unsubscribe = events.onAny((event, payload) => sendJson({ event, payload }));
  socket.on('close', unsubscribe);
  socket.on('error', (e) => log.warn('web socket error', { message: e.message }));

  socket.on('message', (data, isBinary) => {
    let parsed: z.infer<typeof CallSchema>;
    try {
      if (isBinary) throw new Error('binary');
      const result = CallSchema.safeParse(JSON.parse(data.toString()));
      if (!result.success) throw new Error('shape');
      parsed = result.data;
    } catch {
      sendJson({ id: null, reply: badMessage });
      return;
    }
    const { id, channel, req } = parsed;
    dispatch(channel, req, { origin: 'web' }).then(
      (reply) => sendJson({ id, reply }),
      (e: unknown) => {
        log.error('web dispatch failed', { channel, error: e });
        sendJson({ id, reply: { ok: false, error: { code: 'INTERNAL', message: `${channel} failed unexpectedly.` } } });
      },
    );
  });
}
