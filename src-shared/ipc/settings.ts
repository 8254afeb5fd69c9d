import { z } from 'zod';
import type { ChannelMap } from './define';

/** Each non-secret preference and its rule. Secrets go through credentials:* and the vault. */
const fields = {
  portalBaseUrl: z.string().url().nullable(),
  srsBaseUrl: z.string().url().nullable(),
  srsSourceSystem: z.string().min(1),
  srsDefaultBranch: z.string().nullable(),
  srsDefaultJobAccount: z.number().int().nullable(),
  priceBatchSize: z.number().int().min(1).max(500),
  priceMaxMovePercent: z.number().min(0).max(100),
  orderPollSeconds: z.number().int().min(10).max(86_400),
  theme: z.enum(['system', 'light', 'dark']),
};
export const SettingsFields = fields;

export const SettingsSchema = z.object(fields);
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  portalBaseUrl: null,
  srsBaseUrl: null,
  srsSourceSystem: 'JUNCTION',
  srsDefaultBranch: null,
  srsDefaultJobAccount: null,
  priceBatchSize: 50,
  priceMaxMovePercent: 10,
  orderPollSeconds: 120,
  theme: 'system',
};

/** A change to some settings: keys left out stay as they are; unknown keys are refused. */
export const SettingsPatchSchema = z.object(fields).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const settingsChannels = {
  'settings:get': { req: z.object({}), res: SettingsSchema },
  'settings:update': { req: SettingsPatchSchema, res: SettingsSchema },
} satisfies ChannelMap;
