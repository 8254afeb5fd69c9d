import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Reply } from '../../src-shared/domain/result';
import { contract, events } from '../../src-shared/ipc/contract';
import { buildApi, type Transport } from '../../src-shared/ipc/define';

/**
 * The renderer gets exactly the contract: one method per channel and `events.on` for the
 * contract's events. buildApi only knows the contract's names, so no channel outside it
 * can be reached, and nothing else (no ipcRenderer, no generic invoke) is exposed.
 */
const channels = new Set(Object.keys(contract));
const eventNames = new Set(Object.keys(events));

/** Private to the preload; it too refuses names outside the contract, in case a caller ever got hold of it. */
const transport: Transport = {
  call(contractChannel, req) {
    if (!channels.has(contractChannel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `No such channel: ${contractChannel.slice(0, 80)}` } });
    }
    return ipcRenderer.invoke(contractChannel, req) as Promise<Reply<unknown>>;
  },
  subscribe(eventName, listener) {
    if (!eventNames.has(eventName)) throw new Error(`unknown event: ${eventName}`);
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventName, forward);
    return () => {
      ipcRenderer.removeListener(eventName, forward);
    };
  },
};

contextBridge.exposeInMainWorld('junction', buildApi(contract, events, transport));
