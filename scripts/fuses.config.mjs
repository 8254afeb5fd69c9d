import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The Electron fuses of every packaged Junction build, in one place: the packaging step
 * (scripts/fuses.mjs) flips exactly these, and test/unit/security/fuses.test.ts checks them.
 * `strictlyRequireAllFuses` makes an Electron upgrade that adds a fuse fail the packaging
 * step until someone decides its value here.
 */
export const JUNCTION_FUSES = Object.freeze({
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // The binary can never be started as a plain Node.js (ELECTRON_RUN_AS_NODE).
  [FuseV1Options.RunAsNode]: false,
  // Cookies on disk are encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect cannot inject code into the packaged app.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging time, and is the only place code loads from.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is loaded from file:// as ES modules, which needs file://'s privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
  [FuseV1Options.WasmTrapHandlers]: true,
});

/** The fuses the security review requires, by name, with the value they must have. */
export const REQUIRED_FUSES = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
});
