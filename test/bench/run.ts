export {};

/**
 * `npm run bench [-- --quick] [--json] [--only a,b]`: every benchmark against the embedded
 * sandboxes on 127.0.0.1 and real SQLite files in temp dirs. The same bundle also runs the
 * child processes the benchmarks spawn (`--child <mode> <json>`).
 */
const args = process.argv.slice(2);
if (args[0] === '--child') {
  const { runChildMode } = await import('./children/index');
  await runChildMode(args[1] ?? '', JSON.parse(args[2] ?? '{}') as Record<string, unknown>);
} else {
  const { main } = await import('./main');
  process.exitCode = await main(args);
}
