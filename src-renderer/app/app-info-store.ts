import { create } from 'zustand';
import type { ResOf } from '../../src-shared/ipc/define';
import type { Contract } from '../../src-shared/ipc/contract';
import { api } from '../api';

export type AppInfo = ResOf<Contract, 'app:info'>;

interface AppInfoState {
  info: AppInfo | null;
  error: string | null;
  /** Re-reads app:info, e.g. after credentials change which vendors use the sandbox. */
  refresh(): Promise<void>;
}

export const useAppInfo = create<AppInfoState>((set) => ({
  info: null,
  error: null,
  async refresh() {
    const reply = await api.app.info();
    if (reply.ok) set({ info: reply.value, error: null });
    else set({ error: reply.error.message });
  },
}));
