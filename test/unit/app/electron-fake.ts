import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of Electron the shell uses (Electron's binary is not installed
 * in CI). It records what the shell asked for so tests can assert on it.
 */
export interface FakeFrame {
  processId: number;
  routingId: number;
  url: string;
  parent: FakeFrame | null;
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame: FakeFrame = { processId: this.id, routingId: 1, url: 'about:blank', parent: null };
  readonly send = vi.fn();
  readonly reload = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits an event the way Electron does, returning whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  readonly loadFile = vi.fn(async (file: string) => {
    this.webContents.mainFrame.url = new URL(`file://${file}`).href;
  });
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => (this.minimized = false));
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const fake = {
  lock: true,
  handlers: new Map<string, Handler>(),
  appEvents: new EventEmitter(),
  headersListener: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void),
  permissionHandler: null as null | ((wc: unknown, permission: string, cb: (allow: boolean) => void) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  openExternal: vi.fn(async (_url: string) => undefined),
  quit: vi.fn(),
  menu: null as unknown,
  reset() {
    this.menu = null;
    this.lock = true;
    this.handlers.clear();
    this.appEvents.removeAllListeners();
    this.headersListener = null;
    this.permissionHandler = null;
    this.openExternal.mockClear();
    this.quit.mockClear();
    FakeBrowserWindow.instances = [];
  },
};

const plainSafeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  // Reversible, and visibly not the plain value, like the real thing.
  encryptString: (s: string) => Buffer.from(s, 'utf8').reverse(),
  decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8'),
};

export function electronModule() {
  const app = {
    requestSingleInstanceLock: vi.fn(() => fake.lock),
    quit: fake.quit,
    on: (name: string, listener: (...args: unknown[]) => void) => fake.appEvents.on(name, listener),
    whenReady: async () => undefined,
    // electron-store asks for userData even when given its own folder.
    getPath: (_name: string) => process.env.JUNCTION_DATA_DIR ?? '/nonexistent-user-data',
    getAppPath: () => '/nonexistent-app-root',
    getVersion: () => '9.9.9-test',
    isPackaged: true,
  };
  const session = {
    defaultSession: {
      webRequest: {
        onHeadersReceived: (listener: typeof fake.headersListener) => (fake.headersListener = listener),
      },
      setPermissionRequestHandler: (h: typeof fake.permissionHandler) => (fake.permissionHandler = h),
      setPermissionCheckHandler: (h: typeof fake.permissionCheck) => (fake.permissionCheck = h),
    },
  };
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      if (fake.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      fake.handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => fake.handlers.delete(channel),
    on: vi.fn(),
  };
  const shell = { openExternal: fake.openExternal };
  const dialog = { showErrorBox: vi.fn() };
  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: unknown) => (fake.menu = menu),
  };
  const named = { app, BrowserWindow: FakeBrowserWindow, Menu, session, ipcMain, shell, dialog, safeStorage: plainSafeStorage };
  return { default: named, ...named };
}
