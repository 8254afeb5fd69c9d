import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact, redactString } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(scope: string): Logger;
}

export interface LoggerOptions {
  /** JSON-lines file; created with its folder. */
  file?: string;
  /** Also write human-readable lines to stderr (CLI, web host). */
  stderr?: boolean;
  level?: LogLevel;
  scope?: string;
}

/** The single logger for main, CLI and web host. Every line goes through the redactor. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? (process.env.JUNCTION_LOG_LEVEL as LogLevel | undefined) ?? 'info';
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });

  const write = (lvl: LogLevel, scope: string, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < (ORDER[level] ?? ORDER.info)) return;
    const entry = { t: new Date().toISOString(), level: lvl, scope, msg: redactString(message), ...(fields ? (redact(fields) as object) : {}) };
    const line = JSON.stringify(entry);
    if (options.file) appendFileSync(options.file, line + '\n');
    if (options.stderr) process.stderr.write(`${lvl} [${scope}] ${entry.msg}${fields ? ' ' + JSON.stringify(redact(fields)) : ''}\n`);
  };

  const make = (scope: string): Logger => ({
    debug: (m, f) => write('debug', scope, m, f),
    info: (m, f) => write('info', scope, m, f),
    warn: (m, f) => write('warn', scope, m, f),
    error: (m, f) => write('error', scope, m, f),
    child: (s) => make(`${scope}.${s}`),
  });
  return make(options.scope ?? 'junction');
}

/** A logger that drops everything, for pure unit tests. */
export const silentLogger: Logger = createLogger({ level: 'error' });
