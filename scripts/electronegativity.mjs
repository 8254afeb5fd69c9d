#!/usr/bin/env node
// CI gate: runs Electronegativity over the app's sources (main, renderer, shared contract
// together, so its global checks see the whole app) with the Electron version passed
// explicitly, parses its CSV (it exits 0 even with findings) and fails on any HIGH or
// MEDIUM finding. There is no allow-list: a finding is fixed, not silenced.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const ELECTRON_VERSION = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
const SOURCES = ['src-main', 'src-renderer', 'src-shared'];
// `--root DIR` scans the sources of another checkout (a test uses it on a weakened copy).
const rootArg = process.argv.indexOf('--root');
const SOURCE_ROOT = rootArg > 0 ? resolve(process.argv[rootArg + 1]) : ROOT;

/** RFC 4180 CSV, enough for Electronegativity's output (quoted fields with commas and quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim()));
}

function scan() {
  const stage = mkdtempSync(join(tmpdir(), 'junction-electronegativity-'));
  try {
    for (const dir of SOURCES) cpSync(join(SOURCE_ROOT, dir), join(stage, 'app', dir), { recursive: true });
    const csv = join(stage, 'results.csv');
    const run = spawnSync('npx', ['-y', '@doyensec/electronegativity', '-i', join(stage, 'app'), '-e', ELECTRON_VERSION, '-o', csv], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    });
    let text;
    try {
      text = readFileSync(csv, 'utf8');
    } catch {
      throw new Error(`Electronegativity wrote no results (exit ${run.status}):\n${run.stderr || run.stdout}`);
    }
    const [header = [], ...all] = parseCsv(text);
    const col = (name) => header.findIndex((h) => h.trim().toLowerCase() === name);
    const [iIssue, iSeverity, iConfidence, iFile, iLocation, iDescription] = ['issue', 'severity', 'confidence', 'filename', 'location', 'description'].map(col);
    // A row the tool wrote short (cut off, or a message instead of a finding) is shown and
    // fails the gate (after a rescan) rather than crashing the parse or being dropped.
    const rows = all.filter((r) => r.length >= header.length);
    const short = all.filter((r) => r.length < header.length);
    for (const r of short) console.error(`electronegativity: unparsed output row: ${r.join(',')}`);
    const unparsedSerious = short.map((r) => ({
      check: 'UNPARSED_ROW', severity: 'HIGH', confidence: '', file: '', location: '', description: r.join(','),
    }));
    return [...unparsedSerious, ...rows.map((r) => ({
      check: r[iIssue].trim(),
      severity: r[iSeverity].trim().toUpperCase(),
      confidence: r[iConfidence].trim(),
      file: r[iFile].startsWith(stage) ? relative(join(stage, 'app'), r[iFile]) : r[iFile],
      location: r[iLocation],
      description: r[iDescription],
    }))];
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

// The tool sometimes exits before its CSV is fully written (short rows): scan again then.
let findings = scan();
for (let attempt = 2; attempt <= 3 && findings.some((f) => f.check === 'UNPARSED_ROW'); attempt++) {
  console.error(`electronegativity: incomplete results, scanning again (attempt ${attempt})`);
  findings = scan();
}
const failing = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const bySeverity = (s) => findings.filter((f) => f.severity === s).length;
for (const f of findings) console.log(`${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.location} ${f.description}`);
console.log(
  `electronegativity (Electron ${ELECTRON_VERSION}): ${findings.length} findings; high ${bySeverity('HIGH')}, medium ${bySeverity('MEDIUM')}, low ${bySeverity('LOW')}, ` +
    `informational ${bySeverity('INFORMATIONAL')}; failing (high/medium) ${failing.length}`,
);
process.exit(failing.length ? 1 : 0);
