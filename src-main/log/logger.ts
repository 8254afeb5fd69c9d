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
  let fileOk = Boolean(options.file);
  if (options.file) {
    try {
      mkdirSync(dirname(options.file), { recursive: true });
    } catch (e) {
      fileOk = false;
      logFileProblem(options.file, e);
    }
  }

  const write = (lvl: LogLevel, scope: string, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < (ORDER[level] ?? ORDER.info)) return;
    const entry = { t: new Date().toISOString(), level: lvl, scope, msg: redactString(message), ...(fields ? (redact(fields) as object) : {}) };
    const line = JSON.stringify(entry);
    if (options.file && fileOk) {
      // Logging must never break the work it describes (a full disk, a read-only folder).
      try {
        appendFileSync(options.file, line + '\n');
      } catch (e) {
        fileOk = false;
        logFileProblem(options.file, e);
      }
    }
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

/** Said once per logger on stderr when its file cannot be written; the log then goes on without the file. */
function logFileProblem(file: string, e: unknown): void {
  try {
    process.stderr.write(`junction: cannot write the log file ${file} (${(e as { code?: string })?.code ?? (e as Error)?.message}); logging to the file is off for this run.\n`);
  } catch {
    // stderr closed: nothing else to tell
  }
}

/** A logger that drops everything, for pure unit tests. */
export const silentLogger: Logger = createLogger({ level: 'error' });
