import type { Figure } from './figure';

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : String(n));

/** The readable table: one line per figure, its baseline beside it. */
export function table(results: Record<string, Figure | { error: string }>): string {
  const head = ['benchmark', 'value', 'unit', 'p50', 'p95', 'baseline', 'ratio', 'goal', 'pass'];
  const rows = Object.entries(results).map(([name, r]) =>
    'error' in r
      ? [name, 'ERROR', '', '', '', '', '', r.error.split('\n')[0]!.slice(0, 80), 'no']
      : [name, fmt(r.value), r.unit, fmt(r.p50), fmt(r.p95), fmt(r.baseline), fmt(r.ratio), r.goal, r.pass ? 'yes' : 'NO'],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 1 && i <= 6 && i !== 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Secondary numbers under the table, one line per figure. */
export function details(results: Record<string, Figure | { error: string }>): string {
  return Object.entries(results)
    .filter((e): e is [string, Figure] => !('error' in e[1]) && !!e[1].detail)
    .map(([name, r]) => `${name}: ${Object.entries(r.detail!).map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`).join(', ')}`)
    .join('\n');
}
