/** Every IPC reply and most service results use this shape. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN_SENDER'
  | 'NOT_FOUND'
  | 'NOT_CONFIGURED'
  | 'UNAUTHORIZED'
  | 'CLOCK_SKEW'
  | 'SUBSCRIPTION_REQUIRED'
  | 'NO_PERMISSION'
  | 'RATE_LIMITED'
  | 'VENDOR_ERROR'
  | 'VENDOR_UNAVAILABLE'
  | 'VENDOR_BAD_RESPONSE'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'CANCELLED'
  | 'INSECURE_STORAGE'
  | 'STORAGE'
  | 'INTERNAL';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export type Result<T, E = AppErrorShape> = { ok: true; value: T } | { ok: false; error: E };

/** An error whose message is safe to show to the user (no secrets, no stack). */
export class AppError extends Error implements AppErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): { ok: false; error: AppErrorShape } => ({
  ok: false,
  error: { code, message },
});
