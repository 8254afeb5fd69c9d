import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-fake')).electronModule());

const { fake } = await import('./electron-fake');
const electron = await import('electron');
const { CSP_HEADER, CSP_META } = await import('../../../src-main/app/csp');
const { hardenSession } = await import('../../../src-main/app/session-security');

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

beforeEach(() => fake.reset());

describe('content security policy', () => {
  it('allows no eval, no inline script and no remote origin', () => {
    for (const csp of [CSP_HEADER, CSP_META]) {
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|(^|\s)\*(\s|;|$)|https?:\/\/(?!127\.0\.0\.1)/);
      expect(directive(csp, 'default-src')).toBe("default-src 'none'");
      expect(directive(csp, 'script-src')).toBe("script-src 'self'");
      expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    }
    expect(directive(CSP_HEADER, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it("is the same policy in index.html's meta tag", () => {
    const html = readFileSync(join(import.meta.dirname, '../../../src-renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CSP_META);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
  });

  it('is set as a response header, replacing any the response carried', () => {
    hardenSession(electron.session.defaultSession as never);
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    fake.defaultSession.headersListener!(
      { responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline'"], 'Content-Type': ['text/html'] } },
      (r) => (out = r as typeof out),
    );
    expect(out!.responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP_HEADER] });
  });

  it('denies every permission request (camera, notifications, geolocation…)', () => {
    hardenSession(electron.session.defaultSession as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      let granted: boolean | undefined;
      fake.defaultSession.permissionHandler!({}, permission, (allow) => (granted = allow));
      expect(granted, permission).toBe(false);
    }
    expect(fake.defaultSession.permissionCheck!()).toBe(false);
  });
});
