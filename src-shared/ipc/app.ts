import { z } from 'zod';
import type { ChannelMap } from './define';

export const VENDORS = ['portal', 'srs', 'shipserv', 'servicetrade'] as const;
export const VendorSchema = z.enum(VENDORS);
export type Vendor = z.infer<typeof VendorSchema>;

export const VendorModeSchema = z.object({
  vendor: VendorSchema,
  /** "sandbox": the embedded simulator on 127.0.0.1; "live": a configured vendor. */
  mode: z.enum(['sandbox', 'live', 'off']),
  baseUrl: z.string().nullable(),
});

export const appChannels = {
  'app:info': {
    req: z.object({}),
    res: z.object({
      version: z.string(),
      dataDir: z.string(),
      sandbox: z.boolean(),
      vendors: z.array(VendorModeSchema),
    }),
  },
  /** Asks main to open a vendor link in the user's browser; main opens only allow-listed https hosts. */
  'app:openLink': {
    req: z.object({ url: z.string().max(2048).url() }),
    res: z.object({ opened: z.boolean() }),
  },
} satisfies ChannelMap;
