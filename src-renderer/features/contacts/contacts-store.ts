import { create } from 'zustand';
import type { AppErrorShape } from '../../../src-shared/domain/result';
import type { Contact } from '../../../src-shared/ipc/contacts';
import { api } from '../../api';

interface ContactsState {
  text: string;
  items: Contact[];
  total: number;
  lastSynced: string | null;
  error: AppErrorShape | null;
  search(text: string): Promise<void>;
}

let latest = 0;

/** Cached Portal contacts (synced with proposals), searchable offline. */
export const useContacts = create<ContactsState>((set) => ({
  text: '',
  items: [],
  total: 0,
  lastSynced: null,
  error: null,
  async search(text) {
    const id = ++latest;
    set({ text });
    const reply = await api.contacts.search({ text, limit: 200 });
    if (id !== latest) return;
    if (reply.ok) set({ items: reply.value.items, total: reply.value.total, lastSynced: reply.value.lastSynced, error: null });
    else set({ error: reply.error });
  },
}));
