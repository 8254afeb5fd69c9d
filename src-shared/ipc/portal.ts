import { z } from 'zod';
import type { ChannelMap } from './define';

export const portalChannels = {
  /**
   * Exchanges a Portal username + password for the user key. Only App ID, Secret Key and
   * User Key are kept (in the vault); the password is never stored.
   */
  'portal:login': {
    req: z.object({
      username: z.string().min(1).max(320),
      password: z.string().min(1).max(1024),
      /** Needed when no App ID / Secret Key is configured yet. */
      appId: z.string().min(1).max(4096).optional(),
      secretKey: z.string().min(1).max(4096).optional(),
    }),
    res: z.object({ stored: z.boolean(), mode: z.enum(['sandbox', 'live']), message: z.string() }),
  },
} satisfies ChannelMap;
