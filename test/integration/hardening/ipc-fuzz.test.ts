import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/ipc/contract';
import type { Reply } from '../../../src-shared/domain/result';
import { silentLogger } from '../../../src-main/log/logger';
import { createAppContext, type AppContext } from '../../../src-main/services/context';
import { createHandlers } from '../../../src-main/services/handlers';
import { createDispatcher, type Dispatch, type HandlerMap } from '../../../src-main/services/ipc/dispatch';
import { openHeadlessVault } from '../../../src-main/vault/open-vault';
import { tempDir } from '../../helpers/temp-dir';
import { snapshot } from './lib/db-snapshot';
import { negativesFor, requestJsonSchema } from './lib/schema-negatives';
import { count, record, SEED } from './lib/soak';

type Contract = typeof contract;
const CHANNELS = Object.keys(contract) as (keyof Contract)[];
const RANDOM_RUNS_PER_CHANNEL = count(60, 1_000);

describe('every IPC channel refuses malformed input before any service runs', () => {
  let dir: ReturnType<typeof tempDir>;
  let ctx: AppContext;
  let dispatch: Dispatch;
  const reached = new Map<string, number>();
  let pollutedBefore: unknown;

  beforeAll(async () => {
    dir = tempDir('junction-ipc-fuzz-');
    const env = { JUNCTION_VAULT_PASSPHRASE: 'ipc fuzz passphrase' };
    ctx = await createAppContext({ dataDir: dir.path, env, vault: openHeadlessVault(dir.path, env), log: silentLogger, sandbox: 'off' });
    const real = createHandlers(ctx, { version: 'fuzz', openInBrowser: async () => true });
    // The real handlers, counted: a malformed request must never get this far.
    const counted = Object.fromEntries(
      Object.entries(real).map(([channel, handler]) => [
        channel,
        (req: unknown, c: unknown) => {
          reached.set(channel, (reached.get(channel) ?? 0) + 1);
          return (handler as (r: unknown, c: unknown) => unknown)(req, c);
        },
      ]),
    ) as unknown as HandlerMap<Contract>;
    dispatch = createDispatcher(contract, counted, silentLogger);
    pollutedBefore = ({} as Record<string, unknown>).polluted;
  });
  afterAll(async () => {
    await ctx.close();
    dir.cleanup();
  });

  const vaultFiles = () => readdirSync(dir.path).filter((f) => f !== 'logs' && !f.startsWith('junction.db')).map((f) => [f, readFileSync(join(dir.path, f), 'latin1')]);

  it('the counter sees a valid call reach its handler (so a zero below means something)', async () => {
    const r = await dispatch('app:info', {}, { origin: 'test' });
    expect(r.ok).toBe(true);
    expect(reached.get('app:info')).toBe(1);
    reached.clear();
  });

  it('schema-derived negatives of every channel: BAD_REQUEST with a short reason, no handler reached, nothing stored', async () => {
    const dbBefore = snapshot(ctx.db);
    const vaultBefore = vaultFiles();
    let cases = 0;
    const perChannel: Record<string, number> = {};
    for (const channel of CHANNELS) {
      const { base, negatives } = negativesFor(requestJsonSchema(contract[channel].req));
      // Each negative differs from a valid request in one place only.
      expect(contract[channel].req.safeParse(base).success, `${channel}: generated base request is valid`).toBe(true);
      expect(negatives.length).toBeGreaterThan(5);
      for (const n of negatives) {
        const reply = (await dispatch(channel, n.value, { origin: 'test' })) as Reply<unknown>;
        expect(reply, `${channel} ${n.what}`).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
        if (!reply.ok) {
          expect(reply.error.message.startsWith(`${channel}: `), reply.error.message).toBe(true);
          expect(reply.error.message.length, `${channel} ${n.what}`).toBeLessThan(400);
        }
        cases += 1;
      }
      perChannel[channel] = negatives.length;
    }
    expect([...reached.values()].reduce((a, b) => a + b, 0)).toBe(0);
    expect(snapshot(ctx.db)).toEqual(dbBefore);
    expect(vaultFiles()).toEqual(vaultBefore);
    expect(ctx.jobs.list()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBe(pollutedBefore);
    record('IPC fuzz: schema-derived negatives', { channels: CHANNELS.length, cases, badRequest: cases, handlerCalls: 0, crashes: 0 });
  });

  it('random values the schema rejects (fast-check): always BAD_REQUEST, never a handler', async () => {
    let cases = 0;
    for (const channel of CHANNELS) {
      const schema = contract[channel].req;
      const { base } = negativesFor(requestJsonSchema(schema));
      const keys = base && typeof base === 'object' ? Object.keys(base) : [];
      const arbitrary = fc.oneof(
        fc.anything({ withBigInt: false, withObjectString: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true }),
        // A valid request with one field replaced by anything at all.
        keys.length
          ? fc.tuple(fc.constantFrom(...keys), fc.anything()).map(([k, v]) => ({ ...(base as object), [k]: v }))
          : fc.dictionary(fc.string(), fc.anything()),
      );
      await fc.assert(
        fc.asyncProperty(arbitrary, async (value) => {
          fc.pre(!schema.safeParse(value).success);
          cases += 1;
          const reply = await dispatch(channel, value, { origin: 'test' });
          return !reply.ok && reply.error.code === 'BAD_REQUEST' && (reached.get(channel) ?? 0) === 0;
        }),
        { numRuns: RANDOM_RUNS_PER_CHANNEL, seed: SEED },
      );
    }
    expect(cases).toBeGreaterThan(CHANNELS.length * RANDOM_RUNS_PER_CHANNEL * 0.5);
    expect([...reached.values()].reduce((a, b) => a + b, 0)).toBe(0);
    record('IPC fuzz: random rejected values', { channels: CHANNELS.length, runsPerChannel: RANDOM_RUNS_PER_CHANNEL, rejectedCases: cases, handlerCalls: 0, crashes: 0 });
  });

  it('unknown keys are dropped before the handler; the allow-list stops app:openLink at the contract', async () => {
    reached.clear();
    const info = await dispatch('app:info', { extra: 'ignored' }, { origin: 'test' });
    expect(info.ok).toBe(true);
    for (const url of ['https://evil.example/', 'http://portal.io/', 'https://user:pw@portal.io/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const r = await dispatch('app:openLink', { url }, { origin: 'test' });
      // The platform here would open anything (returns true): a refusal can only come from the contract's check.
      if (r.ok) expect(r.value, url).toEqual({ opened: false });
      else expect(r.error.code, url).toBe('BAD_REQUEST');
    }
    expect(await dispatch('app:openLink', { url: 'https://www.srsdistribution.com/' }, { origin: 'test' })).toEqual({ ok: true, value: { opened: true } });
  });
});
