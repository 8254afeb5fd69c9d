import { z } from 'zod';
import type { ChannelMap } from './define';
import { VendorSchema } from './app';

/** Which secret fields each vendor needs; the renderer never sees their values. */
export const CREDENTIAL_FIELDS = {
  portal: ['appId', 'secretKey', 'userKey'],
  srs: ['clientId', 'clientSecret', 'customerCode', 'integrationKey'],
  shipserv: ['clientId', 'clientSecret', 'username', 'password'],
  servicetrade: ['username', 'password'],
} as const;

export const CredentialStatusSchema = z.object({
  vendor: VendorSchema,
  configured: z.boolean(),
  /** Names of the fields that hold a value; never the values. */
  fieldsSet: z.array(z.string()),
  source: z.enum(['vault', 'environment', 'sandbox', 'none']),
});
export type CredentialStatus = z.infer<typeof CredentialStatusSchema>;

export const VaultStatusSchema = z.object({
  backend: z.enum(['safeStorage', 'passphraseFile', 'unavailable']),
  secure: z.boolean(),
  /** Why secrets cannot be stored, when they cannot. */
  reason: z.string().nullable(),
  plaintextAllowed: z.boolean(),
});

export const credentialChannels = {
  'credentials:status': {
    req: z.object({}),
    res: z.object({ vault: VaultStatusSchema, vendors: z.array(CredentialStatusSchema) }),
  },
  'credentials:set': {
    req: z.object({
      vendor: VendorSchema,
      values: z.record(z.string().min(1), z.string().min(1).max(4096)),
    }),
    res: CredentialStatusSchema,
  },
  'credentials:clear': {
    req: z.object({ vendor: VendorSchema }),
    res: CredentialStatusSchema,
  },
  'credentials:allowPlaintext': {
    req: z.object({ allow: z.boolean() }),
    res: VaultStatusSchema,
  },
} satisfies ChannelMap;
