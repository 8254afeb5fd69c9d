import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints source text as if it lived at a path in the repo, with the repo's own config. */
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (npm run lint)', () => {
  it('src-renderer cannot import src-main', async () => {
    const errors = await lintAs('src-renderer/features/x/bad.ts', "import { openDatabase } from '../../../src-main/store/database';\nexport const x = openDatabase;\n");
    expect(errors.join()).toMatch(/must not import src-main/);
  });

  it('src-shared imports neither src-main nor src-renderer', async () => {
    expect((await lintAs('src-shared/domain/bad.ts', "import { x } from '../../src-main/log/logger';\nexport const y = x;\n")).join()).toMatch(/must not import src-main/);
    expect((await lintAs('src-shared/domain/bad.ts', "import { x } from '../../src-renderer/api';\nexport const y = x;\n")).join()).toMatch(/Only src-renderer/);
  });

  it('only the shell and the safeStorage vault import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect((await lintAs('src-main/store/bad.ts', code)).join()).toMatch(/Only src-main\/app/);
    expect((await lintAs('src-renderer/bad.ts', code)).join()).toMatch(/Only src-main\/app/);
    expect(await lintAs('src-main/app/ok.ts', code)).toEqual([]);
    expect(await lintAs('src-main/vault/safe-storage-vault.ts', code)).toEqual([]);
  });

  it('allowed imports pass', async () => {
    expect(await lintAs('src-renderer/ok.ts', "import { toCents } from '../src-shared/domain/money';\nexport const c = toCents;\n")).toEqual([]);
  });
});
