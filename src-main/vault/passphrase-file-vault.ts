import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src-shared/domain/result';
import { registerSecret } from '../log/redact';
import type { Vault, VaultStatus } from './vault';

const FileSchema = z.object({
  v: z.literal(1),
  kdf: z.object({ salt: z.string(), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

const KDF = { N: 2 ** 15, r: 8, p: 1 };

/**
 * Headless/CLI vault: every secret in one file, encrypted with AES-256-GCM under a key
 * derived from JUNCTION_VAULT_PASSPHRASE with scrypt. The file is replaced atomically.
 */
export class PassphraseFileVault implements Vault {
  private entries: Record<string, string> = {};
  private readonly key: Buffer;
  private readonly salt: Buffer;

  constructor(
    private readonly file: string,
    passphrase: string,
  ) {
    if (passphrase.length < 8) throw new AppError('BAD_REQUEST', 'JUNCTION_VAULT_PASSPHRASE must be at least 8 characters.');
    registerSecret(passphrase);
    if (existsSync(file)) {
      const parsed = FileSchema.safeParse(safeJson(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new AppError('STORAGE', `The vault file ${file} is damaged or not a Junction vault.`);
      const f = parsed.data;
      this.salt = Buffer.from(f.kdf.salt, 'base64');
      this.key = derive(passphrase, this.salt, f.kdf);
      try {
        const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(f.iv, 'base64'));
        decipher.setAuthTag(Buffer.from(f.tag, 'base64'));
        const plain = Buffer.concat([decipher.update(Buffer.from(f.data, 'base64')), decipher.final()]).toString('utf8');
        this.entries = z.record(z.string(), z.string()).parse(JSON.parse(plain));
      } catch {
        throw new AppError('UNAUTHORIZED', `Cannot open the vault ${file}: the passphrase (JUNCTION_VAULT_PASSPHRASE) is wrong or the file was altered.`);
      }
      for (const v of Object.values(this.entries)) registerSecret(v);
    } else {
      this.salt = randomBytes(16);
      this.key = derive(passphrase, this.salt, KDF);
    }
  }

  status(): VaultStatus {
    return { backend: 'passphraseFile', secure: true, reason: null, plaintextAllowed: false };
  }

  get(name: string): string | undefined {
    return this.entries[name];
  }

  set(entries: Record<string, string>): void {
    for (const v of Object.values(entries)) registerSecret(v);
    this.save({ ...this.entries, ...entries });
  }

  delete(names: readonly string[]): void {
    const next = { ...this.entries };
    for (const n of names) delete next[n];
    this.save(next);
  }

  names(): string[] {
    return Object.keys(this.entries);
  }

  setPlaintextAllowed(): void {
    // Always encrypted; nothing to opt into.
  }

  /** Writes a temp file, fsyncs it, then renames over the old one: a crash leaves old or new, never half. */
  private save(next: Record<string, string>): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(next), 'utf8'), cipher.final()]);
    const body = JSON.stringify({
      v: 1,
      kdf: { salt: this.salt.toString('base64'), ...KDF },
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    });
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, body);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
    this.entries = next;
  }
}

function derive(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase, salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 128 * p.N * p.r * 2 });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
