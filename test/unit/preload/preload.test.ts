import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, req: unknown) => ({ ok: true, value: { channel, req } })),
  on: vi.fn(),
  removeListener: vi.fn(),
};
vi.mock('electron', () => {
  const named = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer,
  };
  return { default: named, ...named };
});

await import('../../../src-main/preload/preload');
const { contract, events } = await import('../../../src-shared/ipc/contract');

type Api = Record<string, Record<string, (...args: unknown[]) => unknown>>;
const api = exposed.get('junction') as Api;

/** Every function reachable on the exposed object, as "ns.method". */
function functionPaths(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'function' ? [`${prefix}${k}`] : v && typeof v === 'object' ? functionPaths(v as Record<string, unknown>, `${prefix}${k}.`) : [],
  );
}

describe('preload', () => {
  it('exposes one object, window.junction, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['junction']);
  });

  it('has exactly one method per contract channel plus events.on', () => {
    const expected = [...Object.keys(contract).map((c) => c.replace(':', '.')), 'events.on'].sort();
    expect(functionPaths(api).sort()).toEqual(expected);
  });

  it('sends a call on its own channel through ipcRenderer.invoke', async () => {
    const reply = await api.settings!.update!({ theme: 'dark' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('settings:update', { theme: 'dark' });
    expect(reply).toEqual({ ok: true, value: { channel: 'settings:update', req: { theme: 'dark' } } });
  });

  it('cannot reach a channel outside the contract', () => {
    ipcRenderer.invoke.mockClear();
    expect(api.invoke).toBeUndefined();
    expect(api.ipcRenderer).toBeUndefined();
    expect(api.vault).toBeUndefined();
    expect((api.settings as Record<string, unknown>).delete).toBeUndefined();
    expect((api as unknown as { send?: unknown }).send).toBeUndefined();
    expect(() => (api.events!.on as (n: string, cb: () => void) => void)('electron-store-get-data', () => undefined)).toThrow(/unknown event/);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('listens to contract events and stops listening when asked', () => {
    const seen: unknown[] = [];
    const off = (api.events!.on as (n: string, cb: (p: unknown) => void) => () => void)('job:progress', (p) => seen.push(p));
    expect(Object.keys(events)).toContain('job:progress');
    const [name, forward] = ipcRenderer.on.mock.calls.at(-1) as [string, (e: unknown, p: unknown) => void];
    expect(name).toBe('job:progress');
    forward({ sender: 'ipc' }, { jobId: 'j1', done: 1 });
    expect(seen).toEqual([{ jobId: 'j1', done: 1 }]);
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('job:progress', forward);
  });

  it('has no generic invoke in its source: channels only come from the contract', () => {
    const source = readFileSync(join(import.meta.dirname, '../../../src-main/preload/preload.ts'), 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain("exposeInMainWorld('junction', buildApi(contract, events, transport))");
    expect(source).not.toMatch(/export\s/);
    expect(source).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\b/);
  });
});
