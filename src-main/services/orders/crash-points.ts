/**
 * TEST ONLY. `JUNCTION_TEST_CRASH_AT=<step>` makes the process SIGKILL itself when a
 * submission reaches that step, so the crash tests can prove that a restart neither loses
 * nor duplicates an order. Unset (always, outside those tests) every call is a no-op.
 */
export const CRASH_STEPS = ['before-commit', 'after-commit', 'after-srs-stored', 'after-answer'] as const;
export type CrashStep = (typeof CRASH_STEPS)[number];

export const CRASH_ENV = 'JUNCTION_TEST_CRASH_AT';

export type CrashPoint = (step: CrashStep) => void;

export function crashPoints(env: NodeJS.ProcessEnv): CrashPoint {
  const at = env[CRASH_ENV];
  if (!at) return () => {};
  return (step) => {
    if (step === at) process.kill(process.pid, 'SIGKILL');
  };
}
