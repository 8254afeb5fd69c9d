import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Reply } from '../../src-shared/domain/result';
import type { ChannelMap } from '../../src-shared/ipc/define';
import type { EventBus } from '../services/events';
import type { Dispatch } from '../services/ipc/dispatch';
import { isRendererUrl, type RendererLocation } from './renderer-location';

const FORBIDDEN: Reply<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'Only the Junction window may call this channel.' },
};

/**
 * A call is trusted only from our window's main frame while it shows our renderer page;
 * a subframe, another window or a page that navigated elsewhere is refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null, location: RendererLocation): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  const main = win.webContents.mainFrame;
  if (!frame || frame.parent !== null) return false;
  if (frame !== main && (frame.processId !== main.processId || frame.routingId !== main.routingId)) return false;
  return isRendererUrl(frame.url, location);
}

/** One `ipcMain.handle` per contract channel, each going through the sender check and the dispatcher. */
export function registerIpc(options: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  contract: ChannelMap;
  dispatch: Dispatch;
  window: () => BrowserWindow | null;
  location: RendererLocation;
}): () => void {
  const channels = Object.keys(options.contract);
  for (const channel of channels) {
    options.ipcMain.handle(channel, async (event, req: unknown) => {
      if (!isTrustedSender(event, options.window(), options.location)) return FORBIDDEN;
      return options.dispatch(channel, req, { origin: 'ipc' });
    });
  }
  return () => channels.forEach((c) => options.ipcMain.removeHandler(c));
}

/** Forwards every main-side event to the window, on a channel named after the event. */
export function forwardEvents(events: Pick<EventBus, 'onAny'>, window: () => BrowserWindow | null): () => void {
  return events.onAny((name, payload) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(name, payload);
  });
}
