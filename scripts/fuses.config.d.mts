import type { FuseV1Config } from '@electron/fuses';

export declare const JUNCTION_FUSES: Readonly<FuseV1Config & { strictlyRequireAllFuses: true }>;
export declare const REQUIRED_FUSES: Readonly<Record<'RunAsNode' | 'EnableCookieEncryption' | 'EnableEmbeddedAsarIntegrityValidation' | 'OnlyLoadAppFromAsar', boolean>>;
