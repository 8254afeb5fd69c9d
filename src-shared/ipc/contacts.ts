import { z } from 'zod';
import type { ChannelMap } from './define';
import { LocationSchema } from './proposals';

export const ContactSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  companyName: z.string(),
  email: z.string(),
  phone: z.string(),
  contactType: z.string(),
  locations: z.array(LocationSchema),
});
export type Contact = z.infer<typeof ContactSchema>;

export const contactChannels = {
  /** Offline search over the cached contacts (name, company, e-mail, phone, city). */
  'contacts:search': {
    req: z.object({ text: z.string().max(200).default(''), limit: z.number().int().min(1).max(500).default(100) }),
    res: z.object({ items: z.array(ContactSchema), total: z.number().int(), lastSynced: z.string().nullable() }),
  },
} satisfies ChannelMap;
