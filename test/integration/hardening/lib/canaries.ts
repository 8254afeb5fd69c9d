import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Credentials that exist only in this test run: any of them found anywhere is a leak. */
export const CANARY = {
  portal: { appId: 'canary-appid-7c1e93', secretKey: 'canary-portal-secret-91fd2a', userKey: 'canary-userkey-4be7d0', username: 'estimator@canary.example', password: 'canary-password-5a8e3f' },
  srs: { clientId: 'canary-client-3f9a61', clientSecret: 'canary-srs-secret-b27c41', integrationKey: 'canary-intkey-e08d55' },
  /** Typed by mistake: refused, and not to be found either. */
  wrongPassword: 'canary-wrong-password-77aa19',
  wrongSrsSecret: 'canary-wrong-srs-secret-2c5d88',
};

/** Every secret value above (the Portal username is an e-mail address, not a secret). */
export function canaryValues(): string[] {
  const { username: _u, ...portal } = CANARY.portal;
  return [...Object.values(portal), ...Object.values(CANARY.srs), CANARY.wrongPassword, CANARY.wrongSrsSecret];
}

/** Sandbox configuration that accepts the canaries instead of the demo credentials. */
export const canarySandboxConfig = {
  portal: { credentials: { appId: CANARY.portal.appId, secretKey: CANARY.portal.secretKey, userKey: CANARY.portal.userKey, username: CANARY.portal.username, password: CANARY.portal.password } },
  srs: { credentials: CANARY.srs },
};

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Where each secret was found: "<secret> in <place>". Secrets are searched as text and as UTF-16 (SQLite may store either). */
export function findLeaks(secrets: string[], places: { name: string; text: string | Buffer }[]): string[] {
  const leaks: string[] = [];
  for (const place of places) {
    const buf = typeof place.text === 'string' ? Buffer.from(place.text, 'utf8') : place.text;
    for (const s of secrets) {
      if (buf.includes(Buffer.from(s, 'utf8')) || buf.includes(Buffer.from(s, 'utf16le'))) leaks.push(`${s} in ${place.name}`);
    }
  }
  return leaks;
}

export function fileHaystacks(dir: string): { name: string; text: Buffer }[] {
  return filesUnder(dir).map((f) => ({ name: f.slice(dir.length), text: readFileSync(f) }));
}
