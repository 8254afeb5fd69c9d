import type { z } from 'zod';
import { AppError, type Reply } from '../../../src-shared/domain/result';
import type { ChannelMap, ChannelSpec } from '../../../src-shared/ipc/define';
import type { Logger } from '../../log/logger';
import { storageError } from '../../store/storage-errors';
import { requestProblem } from './request-guard';

/** What a handler gets beside its parsed request. */
export interface CallContext {
  /** "ipc" from the Electron window, "web" from the browser host, "test" from tests. */
  origin: 'ipc' | 'web' | 'test';
}

export type Handler<S extends ChannelSpec> = (
  req: z.output<S['req']>,
  ctx: CallContext,
) => Promise<z.input<S['res']>> | z.input<S['res']>;

export type HandlerMap<C extends ChannelMap> = { [K in keyof C]: Handler<C[K]> };

export type Dispatch = (channel: string, raw: unknown, ctx: CallContext) => Promise<Reply<unknown>>;

/**
 * The one place requests enter main: unknown channels are refused, requests are checked for
 * prototype keys and oversized values and parsed with the channel's zod schema before any service runs, and replies are parsed with the
 * response schema, which also strips any field the contract does not declare.
 */
export function createDispatcher<C extends ChannelMap>(contract: C, handlers: HandlerMap<C>, log: Logger): Dispatch {
  return async (channel, raw, ctx) => {
    if (!Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `No such channel: ${channel.slice(0, 80)}` } };
    }
    const spec = contract[channel as keyof C]!;
    const problem = requestProblem(raw);
    if (problem) return { ok: false, error: { code: 'BAD_REQUEST', message: `${channel}: ${problem}` } };
    const parsed = spec.req.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'request';
      return { ok: false, error: { code: 'BAD_REQUEST', message: `${channel}: ${where}: ${issue?.message ?? 'invalid'}` } };
    }
    try {
      const value = await handlers[channel as keyof C](parsed.data as z.output<C[keyof C]["req"]>, ctx);
      const out = spec.res.safeParse(value);
      if (!out.success) {
        log.error('handler returned a value outside the contract', { channel, issue: out.error.issues[0]?.message });
        return { ok: false, error: { code: 'INTERNAL', message: `${channel}: the reply did not match the contract.` } };
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message } };
      const storage = storageError(e);
      if (storage) {
        log.error('storage failed', { channel, error: e });
        return { ok: false, error: { code: storage.code, message: storage.message } };
      }
      log.error('handler failed', { channel, error: e });
      return { ok: false, error: { code: 'INTERNAL', message: `${channel} failed unexpectedly. See the log for details.` } };
    }
  };
}
