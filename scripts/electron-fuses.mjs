#!/usr/bin/env node
/**
 * Sets Electron's fuses (features compiled into the binary that an attacker could otherwise
 * switch on from outside) on the Electron binary that runs Junction. `npm start` runs it
 * before launching; a packaging step should run it on the packaged binary with the two
 * asar fuses turned on as well.
 *
 *   node scripts/electron-fuses.mjs [path-to-electron-binary]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

/** fuse → wanted state. Each choice is explained where it is not the obvious "off". */
export const FUSES = {
  // No ELECTRON_RUN_AS_NODE: the binary cannot be used as a plain Node with our privileges.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // No NODE_OPTIONS and no --inspect: nothing from the environment or the command line can
  // inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // `npm start` runs the app from its folder, not from an asar archive; a packaged build turns these on.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: false,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The renderer is loaded from file:// (out/renderer/index.html) and needs file:// to load its module scripts.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
};

const STATE = { false: 48, true: 49 };

/** True when every fuse in FUSES already has the wanted state (so the binary is left untouched). */
async function alreadySet(binary) {
  const wire = await getCurrentFuseWire(binary);
  return Object.entries(FUSES).every(([index, on]) => wire[index] === STATE[on] || wire[index] === 114 /* removed */);
}

export async function setFuses(binary) {
  if (await alreadySet(binary)) return false;
  await flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature: process.platform === 'darwin', ...FUSES });
  return true;
}

/**
 * The binary `electron .` runs, found the way the electron package finds it but without its
 * fallback of downloading one.
 */
function installedElectron() {
  const require = createRequire(join(resolve(import.meta.dirname, '..'), 'package.json'));
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const binary = relative && join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), relative);
  if (!binary || !existsSync(binary)) throw new Error('the Electron binary is not installed (was ELECTRON_SKIP_BINARY_DOWNLOAD set?)');
  return binary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let binary;
  try {
    binary = process.argv[2] ?? installedElectron();
  } catch (e) {
    console.error(`electron-fuses: no Electron binary to configure: ${e.message}.`);
    process.exit(1);
  }
  setFuses(binary).then(
    (changed) => console.error(changed ? `electron-fuses: fuses set on ${binary}` : 'electron-fuses: fuses already set.'),
    (e) => {
      console.error(`electron-fuses: could not set fuses on ${binary}: ${e.message}`);
      process.exit(1);
    },
  );
}
