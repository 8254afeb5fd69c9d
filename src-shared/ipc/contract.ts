import type { ContractApi } from './define';
import { appChannels } from './app';
import { credentialChannels } from './credentials';
import { jobChannels, jobEvents } from './jobs';
import { settingsChannels } from './settings';
import { portalChannels } from './portal';
import { proposalChannels } from './proposals';
import { catalogChannels } from './catalog';
import { contactChannels } from './contacts';
import { srsChannels } from './srs';
import { ordersChannels, ordersEvents } from './orders';

/** The whole IPC contract: every channel the renderer can call, and every event it can hear. */
export const contract = {
  ...appChannels,
  ...jobChannels,
  ...credentialChannels,
  ...settingsChannels,
  ...portalChannels,
  ...proposalChannels,
  ...catalogChannels,
  ...contactChannels,
  ...srsChannels,
  ...ordersChannels,
};
export type Contract = typeof contract;

export const events = {
  ...jobEvents,
  ...ordersEvents,
};
export type Events = typeof events;

export type JunctionApi = ContractApi<Contract, Events>;
