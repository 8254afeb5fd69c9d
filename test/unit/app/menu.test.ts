import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../../src-main/app/menu';

const roles = (t: unknown): string[] => JSON.stringify(t).match(/"role":"(\w+)"/g)?.map((m) => m.slice(8, -1)) ?? [];

describe('application menu', () => {
  it('a packaged app offers no developer tools and no reload', () => {
    for (const isMac of [true, false]) {
      const r = roles(menuTemplate({ isMac, isPackaged: true }));
      expect(r).not.toContain('toggleDevTools');
      expect(r).not.toContain('reload');
      expect(r).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'togglefullscreen']));
    }
  });

  it('a development build keeps them', () => {
    expect(roles(menuTemplate({ isMac: false, isPackaged: false }))).toEqual(expect.arrayContaining(['toggleDevTools', 'reload', 'quit']));
  });

  it('macOS gets its app menu', () => {
    expect(roles(menuTemplate({ isMac: true, isPackaged: true }))[0]).toBe('appMenu');
    expect(roles(menuTemplate({ isMac: false, isPackaged: true }))).not.toContain('appMenu');
  });
});
