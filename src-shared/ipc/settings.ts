import { z } from 'zod';
import type { ChannelMap } from './define';

/** Non-secret preferences. Secrets go through credentials:* and the vault. */
export const SettingsSchema = z.object({
  portalBaseUrl: z.string().url().nullable().default(null),
  srsBaseUrl: z.string().url().nullable().default(null),
  srsSourceSystem: z.string().min(1).default('JUNCTION'),
  srsDefaultBranch: z.string().nullable().default(null),
  srsDefaultJobAccount: z.number().int().nullable().default(null),
  priceBatchSize: z.number().int().min(1).max(500).default(50),
  priceMaxMovePercent: z.number().min(0).max(100).default(10),
  orderPollSeconds: z.number().int().min(10).max(86_400).default(120),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const settingsChannels = {
  'settings:get': { req: z.object({}), res: SettingsSchema },
  'settings:update': { req: SettingsSchema.partial(), res: SettingsSchema },
} satisfies ChannelMap;
