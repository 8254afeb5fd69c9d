import { create } from 'zustand';
import type { AppErrorShape } from '../../src-shared/domain/result';

export type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  title: string;
  message?: string;
}

interface ToastState {
  toasts: Toast[];
  push(toast: Omit<Toast, 'id'>, timeoutMs?: number): number;
  dismiss(id: number): void;
}

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push(toast, timeoutMs) {
    const id = nextId++;
    // Errors stay until dismissed: the user must get the chance to read them.
    const timeout = timeoutMs ?? (toast.kind === 'error' ? 0 : 5000);
    set({ toasts: [...get().toasts.slice(-4), { ...toast, id }] });
    if (timeout > 0) setTimeout(() => get().dismiss(id), timeout);
    return id;
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

/** Shortcuts for feature code: `notify.success('Saved')`, `notify.error(reply.error)`. */
export const notify = {
  info: (title: string, message?: string) => useToasts.getState().push({ kind: 'info', title, ...(message ? { message } : {}) }),
  success: (title: string, message?: string) => useToasts.getState().push({ kind: 'success', title, ...(message ? { message } : {}) }),
  error: (title: string, error?: AppErrorShape | string) =>
    useToasts.getState().push({ kind: 'error', title, ...(error ? { message: typeof error === 'string' ? error : error.message } : {}) }),
};
