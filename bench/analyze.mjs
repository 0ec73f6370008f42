#!/usr/bin/env node
/**
 * The analyze benchmark (`npm run bench`). Reports; never gates: exit 0 even when a target
 * fails, non-zero only when analyze itself fails (or an estate cannot be generated).
 *
 *   node bench/analyze.mjs [--sizes 1000,10000,100000] [--runs 3] [--regen] [--profile]
 *
 * For each size: a synthetic estate (bench/synth.mjs) in os.tmpdir(), reused while the
 * generator version and size match; then `runs` rounds of two fresh processes
 * (bench/worker.mjs): the baseline (read + JSON.parse every snapshot file) and the whole
 * `ownmap analyze` pipeline. Medians, ratios and targets are printed and written to
 * bench/out/results.json. --profile adds a CPU profile of analyze on the largest size
 * (bench/out/analyze-<size>.cpuprofile) and prints its hot functions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBuild, median } from './estate.mjs';
import { summariseProfile } from './profile.mjs';
import { GENERATOR_VERSION } from './synth.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const OUT = join(BENCH, 'out');
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

// The targets (the project's speed and memory budget for analyze).
const TARGET = {
  at: 100_000, // resources
  timeMs: 10_000, // analyze wall time at 100k, whole process (start-up included)
  rssBytes: 1.5 * GIB, // peak RSS at 100k
  vsRead: 3, // analyze work ≤ 3 × read+parse work
  vsReadFrom: 10_000, // ... checked at sizes ≥ 10k (fixed costs dominate below)
  scaling: 12, // 10× the resources ≤ 12× the time
};

const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '3' },
    regen: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opt.help) {
  process.stdout.write(
    'usage: node bench/analyze.mjs [--sizes 1000,10000,100000] [--runs 3] [--regen] [--profile]\n',
  );
  process.exit(0);
}
const sizes = opt.sizes
  .split(',')
  .map((s) => Number(s.trim().replace(/_/g, '').replace(/k$/i, '000')))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const runs = Math.max(1, Number.parseInt(opt.runs, 10) || 3);
if (sizes.length === 0) fail('--sizes: expected a comma-separated list of resource counts');

ensureBuild(ROOT, 'dist/src/cli/main.js', { log, fail });
mkdirSync(OUT, { recursive: true });

const machine = {
  nproc: os.availableParallelism?.() ?? os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryBytes: os.totalmem(),
  node: process.version,
  v8: process.versions.v8,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
};
log(
  `ownmap analyze benchmark: node ${machine.node}, ${machine.nproc} CPUs (${machine.cpu}), ${fmtBytes(machine.memoryBytes)} RAM, ${machine.platform}`,
);
log(
  `estate generator v${GENERATOR_VERSION}; ${runs} run(s) per size, each in a fresh process; medians reported`,
);
machine.loadAverageAtStart = os.loadavg()[0];
if (machine.loadAverageAtStart > 0.5)
  log(
    `note: load average ${machine.loadAverageAtStart.toFixed(2)} before the benchmark: other work is running, so wall times will be noisy (compare the cpu column)`,
  );
log('');

let failed = false;
const results = [];
for (const size of sizes) {
  const estate = ensureEstate(size);
  if (!estate) {
    failed = true;
    continue;
  }
  const snapshot = join(estate.dir, 'snapshot');
  const boundary = join(estate.dir, 'boundary.yaml');
  const reportFile = join(estate.dir, 'bench-report.json');
  const loadBefore = os.loadavg()[0];
  worker(['read', snapshot]); // warm-up: page cache, not measured
  const reads = [];
  const analyses = [];
  for (let i = 0; i < runs; i++) {
    const rd = worker(['read', snapshot]);
    if (!rd.ok) {
      failed = true;
      break;
    }
    reads.push(rd.data);
    const an = worker(['analyze', snapshot, boundary, reportFile]);
    if (!an.ok) {
      log(
        `  analyze failed on ${fmtInt(size)} resources (exit ${an.status}):\n${indent(an.stderr)}`,
      );
      failed = true;
      break;
    }
    analyses.push(an.data);
    progress(
      `  ${fmtInt(estate.summary.resources)} resources, run ${i + 1}/${runs}: read+parse ${fmtMs(rd.data.workMs)}, analyze ${fmtMs(an.data.workMs)} (cpu ${fmtMs(an.data.cpuMs)}, gc ${fmtMs(an.data.gcMs)}, process ${fmtMs(an.data.processMs)}, ${fmtBytes(an.data.maxRssBytes)})`,
    );
  }
  rmSync(reportFile, { force: true });
  if (analyses.length === 0) continue;
  const last = analyses.at(-1);
  const m = {
    analyzeWorkMs: median(analyses.map((a) => a.workMs)),
    analyzeProcessMs: median(analyses.map((a) => a.processMs)),
    analyzeImportMs: median(analyses.map((a) => a.importMs)),
    analyzeCpuMs: median(analyses.map((a) => a.cpuMs)),
    analyzeGcMs: median(analyses.map((a) => a.gcMs)),
    analyzeRssBytes: median(analyses.map((a) => a.maxRssBytes)),
    readWorkMs: median(reads.map((r) => r.workMs)),
    readRssBytes: median(reads.map((r) => r.maxRssBytes)),
    readCpuMs: median(reads.map((r) => r.cpuMs)),
  };
  results.push({
    requested: size,
    resources: estate.summary.resources,
    byKind: estate.summary.byKind,
    accounts: estate.summary.accounts,
    regions: estate.summary.regions,
    files: estate.summary.files,
    bytes: estate.summary.bytes,
    gaps: estate.summary.gaps,
    estateDir: estate.dir,
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
    median: m,
    analyzeOverRead: m.analyzeWorkMs / m.readWorkMs,
    findings: {
      summary: last.summary,
      byRule: sortKeys(last.byRule),
      reportBytes: last.reportBytes,
    },
    runs: { read: reads, analyze: analyses.map(({ byRule: _b, summary: _s, ...rest }) => rest) },
  });
}
progress('');

// ---- scaling and targets
const scaling = [];
for (let i = 1; i < results.length; i++) {
  const a = results[i - 1];
  const b = results[i];
  const factor = b.resources / a.resources;
  const timeRatio = b.median.analyzeWorkMs / a.median.analyzeWorkMs;
  const limit = (TARGET.scaling / 10) * factor;
  scaling.push({
    from: a.resources,
    to: b.resources,
    factor,
    timeRatio,
    limit,
    pass: timeRatio <= limit,
  });
}
const at = results.find((r) => r.resources === TARGET.at);
const vsRead = results.filter((r) => r.resources >= TARGET.vsReadFrom);
const targets = [
  {
    id: 'time-100k',
    description: `analyze ${fmtInt(TARGET.at)} resources in ≤ ${TARGET.timeMs / 1000} s (whole process, start-up included)`,
    limit: TARGET.timeMs,
    measured: at?.median.analyzeProcessMs ?? null,
    shown: at ? fmtMs(at.median.analyzeProcessMs) : 'not measured',
    pass: at ? at.median.analyzeProcessMs <= TARGET.timeMs : null,
  },
  {
    id: 'rss-100k',
    description: `peak RSS at ${fmtInt(TARGET.at)} resources ≤ ${fmtBytes(TARGET.rssBytes)}`,
    limit: TARGET.rssBytes,
    measured: at?.median.analyzeRssBytes ?? null,
    shown: at ? fmtBytes(at.median.analyzeRssBytes) : 'not measured',
    pass: at ? at.median.analyzeRssBytes <= TARGET.rssBytes : null,
  },
  {
    id: 'vs-read-parse',
    description: `analyze ≤ ${TARGET.vsRead}× read+parse of the same snapshot (sizes ≥ ${fmtInt(TARGET.vsReadFrom)})`,
    limit: TARGET.vsRead,
    measured: vsRead.map((r) => ({ resources: r.resources, ratio: r.analyzeOverRead })),
    shown: vsRead.length
      ? vsRead.map((r) => `${fmtCount(r.resources)} ${r.analyzeOverRead.toFixed(2)}×`).join(', ')
      : 'not measured',
    pass: vsRead.length ? vsRead.every((r) => r.analyzeOverRead <= TARGET.vsRead) : null,
  },
  {
    id: 'scaling',
    description: `10× the resources costs ≤ ${TARGET.scaling}× the analyze time`,
    limit: TARGET.scaling,
    measured: scaling.map(({ from, to, timeRatio }) => ({ from, to, timeRatio })),
    shown: scaling.length
      ? scaling
          .map((s) => `${fmtCount(s.from)}→${fmtCount(s.to)} ${s.timeRatio.toFixed(2)}×`)
          .join(', ')
      : 'not measured',
    pass: scaling.length ? scaling.every((s) => s.pass) : null,
  },
];

// ---- table
if (results.length) {
  const head = [
    'resources',
    'accounts',
    'files',
    'size',
    'read+parse',
    'analyze',
    'cpu',
    'GC',
    'process',
    'peak RSS',
    'read RSS',
    'analyze/read',
    'findings',
  ];
  const rows = results.map((r) => [
    fmtInt(r.resources),
    fmtInt(r.accounts),
    fmtInt(r.files),
    fmtBytes(r.bytes),
    fmtMs(r.median.readWorkMs),
    fmtMs(r.median.analyzeWorkMs),
    fmtMs(r.median.analyzeCpuMs),
    fmtMs(r.median.analyzeGcMs),
    fmtMs(r.median.analyzeProcessMs),
    fmtBytes(r.median.analyzeRssBytes),
    fmtBytes(r.median.readRssBytes),
    `${r.analyzeOverRead.toFixed(2)}×`,
    `${fmtInt(r.findings.summary.total)} (${r.findings.summary.open} open, ${r.findings.summary.unknown} unknown, ${r.findings.summary.suppressed} suppr.)`,
  ]);
  log(table(head, rows));
  log(
    '  read+parse, analyze: wall time of the work alone (after node start-up and module loading); cpu: user+system of the analyze process\n' +
      '  over that span (GC helper threads included); GC: main-thread GC pauses; process: analyze from process start, what a user waits for.',
  );
  if (scaling.length)
    log(
      `  scaling of analyze time: ${scaling.map((s) => `${fmtCount(s.from)}→${fmtCount(s.to)} ×${s.timeRatio.toFixed(2)} (resources ×${s.factor.toFixed(1)})`).join(', ')}`,
    );
  const big = results.at(-1);
  log(
    `  findings at ${fmtCount(big.resources)}: ${Object.entries(big.findings.byRule)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
}
log('\ntargets (reported, not enforced):');
for (const t of targets) {
  const mark = t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL';
  log(`  ${mark}  ${t.description}: ${t.shown}`);
}

// ---- profile
let profile;
if (opt.profile && results.length) profile = runProfile(results.at(-1));

const out = {
  format: 'ownmap-bench/1',
  date: new Date().toISOString(),
  machine,
  config: { sizes, runs, generatorVersion: GENERATOR_VERSION, targets: TARGET },
  results,
  scaling,
  targets,
  ...(profile ? { profile } : {}),
  ok: !failed,
};
writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
log(`\nwrote ${relative(process.cwd(), join(OUT, 'results.json')) || 'bench/out/results.json'}`);
process.exit(failed ? 1 : 0);

// ------------------------------------------------------------------ helpers

/** The estate for a size: reused when its synth.json matches, else generated. */
function ensureEstate(size) {
  const dir = join(os.tmpdir(), `ownmap-bench-g${GENERATOR_VERSION}-n${size}`);
  const meta = join(dir, 'synth.json');
  if (!opt.regen && existsSync(meta)) {
    try {
      const s = JSON.parse(readFileSync(meta, 'utf8'));
      if (s.version === GENERATOR_VERSION && s.requested === size && s.complete) {
        log(`estate ${fmtInt(size)}: reusing ${dir}`);
        return { dir, summary: s };
      }
    } catch {
      // regenerate
    }
  }
  log(`estate ${fmtInt(size)}: generating into ${dir} ...`);
  const t0 = performance.now();
  const g = spawnSync(
    process.execPath,
    [join(BENCH, 'synth.mjs'), '--resources', String(size), '--out', dir],
    {
      encoding: 'utf8',
      maxBuffer: 64 * MIB,
    },
  );
  if (g.status !== 0) {
    log(`  generation failed (exit ${g.status}):\n${indent(g.stderr)}`);
    return undefined;
  }
  const summary = JSON.parse(g.stdout);
  log(
    `  ${fmtInt(summary.resources)} resources, ${fmtInt(summary.accounts)} accounts, ${fmtInt(summary.files)} files, ${fmtBytes(summary.bytes)} in ${fmtMs(performance.now() - t0)}`,
  );
  return { dir, summary };
}

function worker(args, nodeArgs = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, join(BENCH, 'worker.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MIB,
  });
  if (r.status !== 0)
    return { ok: false, status: r.status ?? r.signal, stderr: `${r.stderr ?? ''}${r.error ?? ''}` };
  const line = r.stdout.trim().split('\n').at(-1);
  return { ok: true, data: JSON.parse(line) };
}

/** CPU-profile one analyze run and summarise where the time goes. */
function runProfile(result) {
  const name = `analyze-${result.requested}.cpuprofile`;
  const reportFile = join(result.estateDir, 'bench-report.json');
  log(`\nprofiling analyze on ${fmtInt(result.resources)} resources (node --cpu-prof) ...`);
  const r = worker(
    [
      'analyze',
      join(result.estateDir, 'snapshot'),
      join(result.estateDir, 'boundary.yaml'),
      reportFile,
    ],
    ['--cpu-prof', `--cpu-prof-dir=${OUT}`, `--cpu-prof-name=${name}`],
  );
  rmSync(reportFile, { force: true });
  if (!r.ok) {
    log(`  profiled run failed:\n${indent(r.stderr)}`);
    failed = true;
    return undefined;
  }
  const summary = summariseProfile(JSON.parse(readFileSync(join(OUT, name), 'utf8')), ROOT);
  const show = (title, list) => {
    log(`  ${title}`);
    for (const f of list)
      log(`    ${fmtMs(f.ms).padStart(9)}  ${f.pct.toFixed(1).padStart(5)}%  ${f.fn}`);
  };
  log(
    `  profile: bench/out/${name} (open in Chrome DevTools or speedscope); ${fmtMs(summary.totalMs)} sampled`,
  );
  show('self time, top 15:', summary.self.slice(0, 15));
  show('inclusive time, ownmap functions (src/, rules/), top 25:', summary.inclusive.slice(0, 25));
  return {
    file: `bench/out/${name}`,
    ...summary,
    self: summary.self.slice(0, 40),
    inclusive: summary.inclusive.slice(0, 60),
  };
}

function sortKeys(o) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(w[i]))).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}

function fmtMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
function fmtBytes(b) {
  return b >= GIB ? `${(b / GIB).toFixed(2)} GiB` : `${Math.round(b / MIB)} MiB`;
}
function fmtInt(n) {
  return n.toLocaleString('en-US');
}
function fmtCount(n) {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : fmtInt(n);
}
function indent(s) {
  return String(s)
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
function log(s) {
  process.stdout.write(`${s}\n`);
}
function progress(s) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${s}`);
  else if (s) process.stderr.write(`${s}\n`);
}
function fail(msg) {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(1);
}
