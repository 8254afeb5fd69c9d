import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Reply } from '../../src-shared/domain/result';
import { contract, events } from '../../src-shared/ipc/contract';
import { buildApi, type Transport } from '../../src-shared/ipc/define';

/**
 * The renderer gets exactly the contract: one method per channel and `events.on` for the
 * contract's events. buildApi only knows the contract's names, so no channel outside it
 * can be reached, and nothing else (no ipcRenderer, no generic invoke) is exposed.
 */
const transport: Transport = {
  call: (channel, req) => ipcRenderer.invoke(channel, req) as Promise<Reply<unknown>>,
  subscribe(eventName, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventName, forward);
    return () => {
      ipcRenderer.removeListener(eventName, forward);
    };
  },
};

contextBridge.exposeInMainWorld('junction', buildApi(contract, events, transport));
