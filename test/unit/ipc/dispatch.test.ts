import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApi, type ChannelMap } from '../../../src-shared/ipc/define';
import { contract, events } from '../../../src-shared/ipc/contract';
import { AppError } from '../../../src-shared/domain/result';
import { createDispatcher } from '../../../src-main/services/ipc/dispatch';
import { silentLogger } from '../../../src-main/log/logger';

const demo = {
  'demo:add': { req: z.object({ a: z.number(), b: z.number() }), res: z.object({ sum: z.number() }) },
  'demo:boom': { req: z.object({}), res: z.object({}) },
  'demo:leaky': { req: z.object({}), res: z.object({ name: z.string() }) },
} satisfies ChannelMap;

function setup() {
  const calls: string[] = [];
  const dispatch = createDispatcher(
    demo,
    {
      'demo:add': ({ a, b }) => {
        calls.push('add');
        return { sum: a + b };
      },
      'demo:boom': () => {
        throw new AppError('NOT_FOUND', 'Proposal 7 does not exist.');
      },
      'demo:leaky': () => ({ name: 'ok', secret: 'must-not-cross' }) as { name: string },
    },
    silentLogger,
  );
  return { dispatch, calls };
}

describe('IPC dispatcher', () => {
  it('answers a valid request with {ok:true,value}', async () => {
    const { dispatch } = setup();
    expect(await dispatch('demo:add', { a: 2, b: 3 }, { origin: 'test' })).toEqual({ ok: true, value: { sum: 5 } });
  });

  it('refuses a malformed request with BAD_REQUEST naming the field, and never calls the service', async () => {
    const { dispatch, calls } = setup();
    const reply = await dispatch('demo:add', { a: 'two', b: 3 }, { origin: 'test' });
    expect(reply).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^demo:add: a: /) } });
    expect(await dispatch('demo:add', undefined, { origin: 'test' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(calls).toEqual([]);
  });

  it('refuses an unknown channel, including prototype names', async () => {
    const { dispatch } = setup();
    for (const name of ['demo:nope', 'toString', '__proto__', 'constructor']) {
      expect(await dispatch(name, {}, { origin: 'test' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('passes AppErrors through as {code,message} and hides unexpected errors', async () => {
    const { dispatch } = setup();
    expect(await dispatch('demo:boom', {}, { origin: 'test' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Proposal 7 does not exist.' } });
  });

  it('strips reply fields the contract does not declare', async () => {
    const { dispatch } = setup();
    expect(await dispatch('demo:leaky', {}, { origin: 'test' })).toEqual({ ok: true, value: { name: 'ok' } });
  });
});

describe('renderer API built from the contract', () => {
  it('has one method per contract channel and nothing else', async () => {
    const seen: string[] = [];
    const api = buildApi(contract, events, {
      call: async (name) => {
        seen.push(name);
        return { ok: true, value: null };
      },
      subscribe: () => () => undefined,
    }) as unknown as Record<string, Record<string, unknown>>;
    const methods = Object.entries(api)
      .filter(([ns]) => ns !== 'events')
      .flatMap(([ns, m]) => Object.keys(m).map((k) => `${ns}:${k}`))
      .sort();
    expect(methods).toEqual(Object.keys(contract).sort());
    expect(api.invoke).toBeUndefined();
    expect(() => (api.events as { on: (n: string, cb: () => void) => void }).on('secret:dump', () => undefined)).toThrow(/unknown event/);
    await (api.settings!.get as () => Promise<unknown>)();
    expect(seen).toEqual(['settings:get']);
  });
});
