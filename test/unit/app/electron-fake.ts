import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of Electron the shell uses (Electron's binary is not installed
 * in CI). It records what the shell asked for so tests can assert on it.
 */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
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
  /** Set to make the next window's loads fail the way Electron's do: the message names the URL. */
  static failLoads = false;
  private readonly failLoads = FakeBrowserWindow.failLoads;
  readonly loadURL = vi.fn(async (url: string) => {
    if (this.failLoads) throw new Error(`ERR_ABORTED (-3) loading '${url}'`);
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

type ProtocolHandler = (request: Request) => Promise<Response> | Response;

/** A session as the shell uses it: CSP header hook, permission handlers, scheme handlers. */
export class FakeSession {
  headersListener: null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) = null;
  permissionHandler: null | ((wc: unknown, permission: string, cb: (allow: boolean) => void) => void) = null;
  permissionCheck: null | ((...args: unknown[]) => boolean) = null;
  readonly schemes = new Map<string, ProtocolHandler>();
  readonly webRequest = { onHeadersReceived: (listener: FakeSession['headersListener']) => (this.headersListener = listener) };
  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler) => {
      if (this.schemes.has(scheme)) throw new Error(`second handler for ${scheme}:`);
      this.schemes.set(scheme, handler);
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionHandler']) {
    this.permissionHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
    this.permissionCheck = h;
  }
}

export const fake = {
  lock: true,
  appEvents: new EventEmitter(),
  defaultSession: new FakeSession(),
  partitions: new Map<string, FakeSession>(),
  privilegedSchemes: [] as unknown[],
  openExternal: vi.fn(async (_url: string) => undefined),
  quit: vi.fn(),
  menu: null as unknown,
  reset() {
    this.menu = null;
    this.lock = true;
    this.appEvents.removeAllListeners();
    this.defaultSession = new FakeSession();
    this.partitions.clear();
    this.privilegedSchemes = [];
    this.openExternal.mockClear();
    this.quit.mockClear();
    FakeBrowserWindow.instances = [];
    FakeBrowserWindow.failLoads = false;
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
    get defaultSession() {
      return fake.defaultSession;
    },
    fromPartition(name: string) {
      let s = fake.partitions.get(name);
      if (!s) fake.partitions.set(name, (s = new FakeSession()));
      return s;
    },
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      if (fake.privilegedSchemes.length) throw new Error('registerSchemesAsPrivileged may be called only once');
      fake.privilegedSchemes = schemes;
    },
  };
  const shell = { openExternal: fake.openExternal };
  const dialog = { showErrorBox: vi.fn() };
  const Menu = {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: unknown) => (fake.menu = menu),
  };
  const named = { app, BrowserWindow: FakeBrowserWindow, Menu, session, protocol, shell, dialog, safeStorage: plainSafeStorage };
  return { default: named, ...named };
}
