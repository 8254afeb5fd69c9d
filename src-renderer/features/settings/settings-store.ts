import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-shared/domain/result';
import type { Vendor } from '../../../src-shared/ipc/app';
import type { ResOf } from '../../../src-shared/ipc/define';
import type { Contract } from '../../../src-shared/ipc/contract';
import type { Settings } from '../../../src-shared/ipc/settings';
import { api } from '../../api';
import { useAppInfo } from '../../app/app-info-store';

type CredentialsStatus = ResOf<Contract, 'credentials:status'>;
export type VendorStatus = CredentialsStatus['vendors'][number];
export type VaultStatus = CredentialsStatus['vault'];

interface SettingsState {
  settings: Settings | null;
  credentials: CredentialsStatus | null;
  loadError: string | null;
  load(): Promise<void>;
  /** Saves part of the settings; returns the error (naming the field) when refused. */
  update(patch: Partial<Settings>): Promise<AppErrorShape | null>;
  setCredentials(vendor: Vendor, values: Record<string, string>): Promise<AppErrorShape | null>;
  clearCredentials(vendor: Vendor): Promise<AppErrorShape | null>;
  allowPlaintext(allow: boolean): Promise<AppErrorShape | null>;
}

/** Settings and credential status. Credential values only ever travel renderer → main. */
export const useSettings = create<SettingsState>((set, get) => {
  const replaceVendor = (status: VendorStatus) => {
    const current = get().credentials;
    if (current) set({ credentials: { ...current, vendors: current.vendors.map((v) => (v.vendor === status.vendor ? status : v)) } });
    // Which vendors run on the sandbox depends on their credentials.
    void useAppInfo.getState().refresh();
  };
  return {
    settings: null,
    credentials: null,
    loadError: null,
    async load() {
      const [settings, credentials] = await Promise.all([api.settings.get(), api.credentials.status()]);
      set({
        settings: settings.ok ? settings.value : get().settings,
        credentials: credentials.ok ? credentials.value : get().credentials,
        loadError: !settings.ok ? settings.error.message : !credentials.ok ? credentials.error.message : null,
      });
    },
    async update(patch) {
      // Send every setting, not just the changed ones: the request schema fills defaults
      // into missing keys, so a partial patch would reset the others.
      const current = get().settings;
      const reply = await api.settings.update(current ? { ...current, ...patch } : patch);
      if (!reply.ok) return reply.error;
      set({ settings: reply.value });
      void useAppInfo.getState().refresh();
      return null;
    },
    async setCredentials(vendor, values) {
      const reply = await api.credentials.set({ vendor, values });
      if (!reply.ok) return reply.error;
      replaceVendor(reply.value);
      return null;
    },
    async clearCredentials(vendor) {
      const reply = await api.credentials.clear({ vendor });
      if (!reply.ok) return reply.error;
      replaceVendor(reply.value);
      return null;
    },
    async allowPlaintext(allow) {
      const reply = await api.credentials.allowPlaintext({ allow });
      if (!reply.ok) return reply.error;
      const current = get().credentials;
      if (current) set({ credentials: { ...current, vault: reply.value } });
      return null;
    },
  };
});
