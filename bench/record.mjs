#!/usr/bin/env node
/**
 * Record-path benchmark (`npm run bench:record`). Reports; never gates: exit 0 even when a
 * target fails, non-zero only when the build, the estate or the analysis fails.
 *
 *   node bench/record.mjs [--size 100000] [--clusters 1000] [--brokers 10000] [--runs 5]
 *                         [--analyze-runs 3] [--no-analyze] [--build] [--regen] [--profile]
 *
 * The estate is bench/synth.mjs --clusters --brokers (cached in os.tmpdir() like the other
 * benchmarks): `size` resources of which `clusters` declared clusters with `brokers` brokers in
 * all (Apache Kafka placed by broker configs or by instance tags, AutoMQ with configs, S3 or
 * block-device WAL and zone routing, MSK with list-nodes), declared producers and consumers with
 * AZ ids and throughput, S3 replication and a few kafka.links.
 *
 * 1. recordPaths, in this process: the estate is loaded the way `ownmap analyze` loads it
 *    (boundary, snapshot, broker configs, topic lists, inventory) and the paths context that
 *    records() needs is built (buildNetwork + automaticFlows: the brokers placed); both are timed
 *    apart. Then `runs` timed passes of recordPaths over every cluster after one warm-up pass:
 *    median, min and max, CPU, GC pauses, the heap the result keeps, and what it holds (paths,
 *    stores, brokers). Target: ≤ 2 s.
 * 2. The whole analyze with records, in `--analyze-runs` fresh processes (so that peak RSS is one
 *    run's): what `ownmap analyze` does (boundary, snapshot, configs, topics, analyze with the
 *    default rule pack, findings JSON written), then records() of the same analysis. Target: the
 *    foundation's analyze budget, ≤ 10 s from process start at 100k resources.
 *
 * --profile records a CPU profile of two recordPaths passes (node:inspector) into
 * bench/out/record-<size>.cpuprofile, and of one more analyze run (node --cpu-prof) into
 * bench/out/record-analyze-<size>.cpuprofile, and prints their hot functions. Results go to
 * bench/out/record.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  ensureBuild,
  ensureEstate,
  fmtBytes,
  fmtInt,
  fmtMs,
  machineFacts,
  median,
  table,
} from './estate.mjs';
import { summariseProfile } from './profile.mjs';
import { GENERATOR_VERSION, KAFKA_ESTATE_VERSION } from './synth.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const OUT = join(BENCH, 'out');
const MIB = 1024 ** 2;

/** Targets: record paths of 1,000 clusters / 10,000 brokers, and analyze within its budget. */
const TARGET = { clusters: 1000, brokers: 10_000, recordsMs: 2000, at: 100_000, analyzeMs: 10_000 };

const { values: opt } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    clusters: { type: 'string', default: '1000' },
    brokers: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    'analyze-runs': { type: 'string', default: '3' },
    // node 20's parseArgs has no --no-<flag> negation: the option is spelled out.
    'no-analyze': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    regen: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    child: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const dist = (p) => import(pathToFileURL(join(ROOT, 'dist/src', p)).href);
const log = (s) => process.stdout.write(`${s}\n`);
const count = (s) => Number(String(s).replace(/_/g, '').replace(/k$/i, '000'));

if (opt.child) {
  await child(opt.child);
  process.exit(0);
}
if (opt.help) {
  log(
    'usage: node bench/record.mjs [--size 100000] [--clusters 1000] [--brokers 10000] [--runs 5] [--analyze-runs 3] [--no-analyze] [--build] [--regen] [--profile]',
  );
  process.exit(0);
}
const size = count(opt.size);
const clusters = count(opt.clusters);
const brokers = count(opt.brokers);
const runs = Math.max(3, Number.parseInt(opt.runs, 10) || 5);
const analyzeRuns = Math.max(1, Number.parseInt(opt['analyze-runs'], 10) || 3);
if (![size, clusters, brokers].every((n) => Number.isInteger(n) && n > 0))
  fail('--size, --clusters and --brokers: expected positive counts');

ensureBuild(ROOT, 'dist/src/paths/record.js', { force: opt.build, log, fail });
mkdirSync(OUT, { recursive: true });
const { parseBoundary } = await dist('boundary/load.js');
const { Owners } = await dist('boundary/owners.js');
const { loadClusterConfigs, loadClusterTopics } = await dist('cli/configs.js');
const { buildInventory } = await dist('inventory/build.js');
const { Lookup } = await dist('inventory/lookup.js');
const { automaticFlows } = await dist('paths/flows.js');
const { buildNetwork } = await dist('paths/network.js');
const { recordPaths } = await dist('paths/record.js');
const { openSnapshotDir } = await dist('snapshot/reader.js');

const machine = machineFacts();
log(
  `ownmap record-path benchmark: node ${machine.node}, ${machine.nproc} CPUs (${machine.cpu}), ${fmtBytes(machine.memoryBytes)} RAM, ${machine.platform}`,
);
log(
  `estate: ${fmtInt(size)} resources, ${fmtInt(clusters)} clusters, ${fmtInt(brokers)} brokers (generator v${GENERATOR_VERSION}, kafka estate v${KAFKA_ESTATE_VERSION}); ${runs} recordPaths passes after a warm-up, ${opt['no-analyze'] ? 'no analyze runs' : `${analyzeRuns} analyze run(s) in fresh processes`}`,
);
if (machine.loadAverageAtStart > 0.5)
  log(
    `note: load average ${machine.loadAverageAtStart.toFixed(2)} before the benchmark: other work is running, so wall times will be noisy (compare the cpu figures)`,
  );
const estate = ensureEstate(size, opt, log, { clusters, brokers });
if (!estate) process.exit(1);
const k = estate.summary.kafka;
if (k)
  log(
    `  kafka estate: ${Object.entries(k.byKind)
      .sort()
      .map(([kind, x]) => `${kind} ${fmtInt(x.clusters)} (${fmtInt(x.brokers)} brokers)`)
      .join(
        ', ',
      )}; ${fmtInt(k.clients)} clients, ${fmtInt(k.links)} links, ${fmtInt(k.files)} config and topic files`,
  );

// GC pauses (main thread) while a pass runs.
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gcObserver.observe({ entryTypes: ['gc'] });
const flushGc = async () => {
  await new Promise((r) => setImmediate(r));
  for (const e of gcObserver.takeRecords?.() ?? []) gcMs += e.duration;
};
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

// ---- load, as `ownmap analyze` does (not measured against the target)
const t0 = performance.now();
const boundaryFile = join(estate.dir, 'boundary.yaml');
const boundary = parseBoundary(readFileSync(boundaryFile, 'utf8'), boundaryFile);
const configs = loadClusterConfigs(boundary, boundaryFile);
const topics = loadClusterTopics(boundary, boundaryFile);
const inventory = buildInventory(openSnapshotDir(join(estate.dir, 'snapshot')));
const owners = new Owners(boundary, inventory);
const lookup = new Lookup(inventory);
const loadMs = performance.now() - t0;
log(
  `  load (not measured): ${fmtMs(loadMs)}: ${fmtInt(boundary.kafka.clusters.length)} declared clusters, ${fmtInt(boundary.kafka.clients.length)} clients, ${fmtInt(boundary.kafka.links.length)} links, ${fmtInt([...configs.values()].reduce((s, c) => s + c.length, 0))} broker configs, ${fmtInt(topics.size)} topic lists`,
);

// ---- the paths context records() builds on (shared with the path rules inside analyze)
const t1 = performance.now();
const network = buildNetwork(inventory, (account) => {
  const o = owners.of(account);
  return { kind: o.kind, name: o.kind === 'party' ? o.name : o.kind };
});
const t2 = performance.now();
const traced = automaticFlows(inventory, boundary, network, configs);
const t3 = performance.now();
const context = {
  networkMs: t2 - t1,
  flowsMs: t3 - t2,
  brokers: traced.brokers.length,
  unplaced: traced.unplaced.length,
  flows: traced.flows.length,
  placedBy: tally(traced.brokers, (b) => b.placedBy),
};
log(
  `  paths context (once, not in the target): buildNetwork ${fmtMs(context.networkMs)}, automaticFlows ${fmtMs(context.flowsMs)}: ${fmtInt(context.brokers)} brokers placed (${fmtTally(context.placedBy)}), ${fmtInt(context.unplaced)} configured nodes unplaced, ${fmtInt(context.flows)} flows`,
);
if (context.brokers !== brokers)
  log(
    `  note: ${fmtInt(context.brokers)} brokers placed, not ${fmtInt(brokers)}: the estate is not the one asked for`,
  );

// ---- recordPaths passes
const input = {
  inventory,
  boundary,
  owners,
  lookup,
  network,
  brokers: traced.brokers,
  configs,
  topics,
};
log('');
log(`recordPaths over every cluster, ${runs} passes after a warm-up ...`);
recordPaths(input); // warm-up: JIT, not measured
const passes = [];
let result;
for (let i = 0; i < runs; i++) {
  result = undefined;
  gc();
  await flushGc();
  const heap0 = process.memoryUsage().heapUsed;
  const gc0 = gcMs;
  const cpu0 = process.cpuUsage();
  const a = performance.now();
  result = recordPaths(input);
  const ms = performance.now() - a;
  const cpu = process.cpuUsage(cpu0);
  const heapGrown = process.memoryUsage().heapUsed - heap0;
  await flushGc();
  const passGc = gcMs - gc0;
  gc();
  const retained = process.memoryUsage().heapUsed - heap0;
  passes.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000, gcMs: passGc, heapGrown, retained });
}
const records = describe(result);
const rec = {
  medianMs: median(passes.map((p) => p.ms)),
  minMs: Math.min(...passes.map((p) => p.ms)),
  maxMs: Math.max(...passes.map((p) => p.ms)),
  cpuMs: median(passes.map((p) => p.cpuMs)),
  gcMs: median(passes.map((p) => p.gcMs)),
  heapGrownBytes: median(passes.map((p) => p.heapGrown)),
  retainedBytes: median(passes.map((p) => p.retained)),
  passesMs: passes.map((p) => p.ms),
  ...records,
};
rec.pass =
  clusters === TARGET.clusters && brokers === TARGET.brokers
    ? rec.medianMs <= TARGET.recordsMs
    : null;
log(
  table(
    [
      'clusters',
      'brokers',
      'paths',
      'stores',
      'median',
      'min',
      'max',
      'cpu',
      'GC',
      'heap grown',
      'heap kept',
      'per cluster',
    ],
    [
      [
        fmtInt(rec.clusters),
        fmtInt(rec.brokers),
        fmtInt(rec.paths),
        fmtInt(rec.stores),
        fmtMs(rec.medianMs),
        fmtMs(rec.minMs),
        fmtMs(rec.maxMs),
        fmtMs(rec.cpuMs),
        fmtMs(rec.gcMs),
        fmtBytes(rec.heapGrownBytes),
        fmtBytes(rec.retainedBytes),
        `${((1000 * rec.medianMs) / Math.max(1, rec.clusters)).toFixed(0)} µs`,
      ],
    ],
  ),
);
log(
  `  passes: ${passes.map((p) => fmtMs(p.ms)).join(', ')}; peak RSS of this process (estate loaded): ${fmtBytes(process.resourceUsage().maxRSS * 1024)}`,
);
log(`  paths by kind: ${fmtTally(rec.pathsByKind)}`);
log(
  `  clusters by kind: ${fmtTally(rec.clustersByKind)}; stores by kind: ${fmtTally(rec.storesByKind)}`,
);
log(
  `  crossing: ${fmtInt(rec.crossAz)} paths cross an AZ, ${fmtInt(rec.crossRegion)} a region, ${fmtInt(rec.crossAccount)} an account, ${fmtInt(rec.leavesBoundary)} leave the boundary; ${fmtInt(rec.traced)} traced to S3 (${fmtInt(rec.viaNat)} through a NAT gateway); ${fmtInt(rec.assumptions)} assumptions stated`,
);

// ---- profile of recordPaths (optional)
let profileSummary;
if (opt.profile) profileSummary = await profile();

// ---- the whole analyze with records, in fresh processes
const analyses = [];
let analyzeFailed = false;
if (!opt['no-analyze']) {
  log('');
  log(
    `analyze with the default rules + records(), ${analyzeRuns} fresh process(es) (the load above filled the page cache) ...`,
  );
  for (let i = 0; i < analyzeRuns; i++) {
    const data = analyzeRun();
    if (!data) {
      analyzeFailed = true;
      break;
    }
    analyses.push(data);
  }
}
let an;
if (analyses.length) {
  const m = (f) => median(analyses.map(f));
  an = {
    runs: analyses.length,
    processMs: m((a) => a.processMs),
    minProcessMs: Math.min(...analyses.map((a) => a.processMs)),
    maxProcessMs: Math.max(...analyses.map((a) => a.processMs)),
    workMs: m((a) => a.workMs),
    cpuMs: m((a) => a.cpuMs),
    gcMs: m((a) => a.gcMs),
    peakRssBytes: m((a) => a.maxRssBytes),
    phases: Object.fromEntries(
      Object.keys(analyses[0].phases).map((p) => [p, m((a) => a.phases[p])]),
    ),
    processesMs: analyses.map((a) => a.processMs),
    findings: analyses.at(-1).findings,
    recordsInAnalysis: analyses.at(-1).recordsInAnalysis,
    clusters: analyses.at(-1).clusters,
    paths: analyses.at(-1).paths,
  };
  an.pass = size === TARGET.at ? an.processMs <= TARGET.analyzeMs : null;
  log(
    table(
      [
        'resources',
        'process',
        'min',
        'max',
        'work',
        'cpu',
        'GC',
        'peak RSS',
        'findings',
        'clusters',
        'paths',
      ],
      [
        [
          fmtInt(estate.summary.resources),
          fmtMs(an.processMs),
          fmtMs(an.minProcessMs),
          fmtMs(an.maxProcessMs),
          fmtMs(an.workMs),
          fmtMs(an.cpuMs),
          fmtMs(an.gcMs),
          fmtBytes(an.peakRssBytes),
          fmtInt(an.findings.total),
          fmtInt(an.clusters),
          fmtInt(an.paths),
        ],
      ],
    ),
  );
  log(`  runs (process): ${an.processesMs.map(fmtMs).join(', ')}`);
  log(
    `  phases (medians): ${Object.entries(an.phases)
      .map(([p, ms]) => `${p} ${fmtMs(ms)}`)
      .join(', ')}`,
  );
  log(
    `  the rules ${an.recordsInAnalysis ? 'already asked for the record paths' : 'did not ask for the record paths'}: records() after analyze took ${fmtMs(an.phases.records)}`,
  );
  log(
    `  findings: ${fmtInt(an.findings.total)} (${fmtInt(an.findings.open)} open, ${fmtInt(an.findings.unknown)} unknown, ${fmtInt(an.findings.suppressed)} suppressed); slowest rules: ${an.findings.slowest
      .slice(0, 6)
      .map((r) => `${r.id} ${fmtMs(r.ms)}`)
      .join(', ')}`,
  );
}

let analyzeProfile;
if (opt.profile && !opt['no-analyze'] && !analyzeFailed) analyzeProfile = profileAnalyze();

// ---- targets
log('');
log('targets:');
const verdict = (p) => (p === null ? 'n/a' : p ? 'PASS' : 'FAIL');
log(
  `  record paths of ${fmtInt(TARGET.clusters)} clusters / ${fmtInt(TARGET.brokers)} brokers ≤ ${fmtMs(TARGET.recordsMs)} (median recordPaths): ${verdict(rec.pass)} (${fmtMs(rec.medianMs)}, ${fmtMs(rec.minMs)}–${fmtMs(rec.maxMs)})`,
);
if (an)
  log(
    `  analyze + records at ${fmtInt(TARGET.at)} resources ≤ ${fmtMs(TARGET.analyzeMs)} (median process time): ${verdict(an.pass)} (${fmtMs(an.processMs)}, ${fmtMs(an.minProcessMs)}–${fmtMs(an.maxProcessMs)}; ${fmtBytes(an.peakRssBytes)} peak RSS)`,
  );
else log('  analyze + records: not measured');

const out = {
  benchmark: 'record',
  when: new Date().toISOString(),
  machine,
  estate: {
    dir: estate.dir,
    resources: estate.summary.resources,
    files: estate.summary.files,
    bytes: estate.summary.bytes,
    generator: GENERATOR_VERSION,
    kafka: estate.summary.kafka,
  },
  targets: TARGET,
  loadMs,
  context,
  inProcessPeakRssBytes: process.resourceUsage().maxRSS * 1024,
  recordPaths: rec,
  analyze: an ?? null,
  profile: profileSummary ?? null,
  analyzeProfile: analyzeProfile ?? null,
};
writeFileSync(join(OUT, 'record.json'), `${JSON.stringify(out, null, 2)}\n`);
log('');
log('results: bench/out/record.json');
process.exit(analyzeFailed ? 1 : 0);

// ------------------------------------------------------------------ what the result holds

function describe(list) {
  const paths = list.flatMap((c) => c.paths);
  return {
    clusters: list.length,
    brokers: list.reduce((s, c) => s + c.brokers.length, 0),
    paths: paths.length,
    stores: list.reduce((s, c) => s + c.stores.length, 0),
    clustersByKind: tally(list, (c) => c.kind),
    pathsByKind: tally(paths, (p) => p.kind),
    storesByKind: tally(
      list.flatMap((c) => c.stores),
      (s) => s.store,
    ),
    crossAz: paths.filter((p) => p.crossAz).length,
    crossRegion: paths.filter((p) => p.crossRegion).length,
    crossAccount: paths.filter((p) => p.crossAccount).length,
    leavesBoundary: paths.filter((p) => p.leavesBoundary).length,
    traced: paths.filter((p) => p.network).length,
    viaNat: paths.filter((p) => p.network?.nat).length,
    assumptions: list.reduce((s, c) => s + c.assumptions.length, 0),
  };
}

// ------------------------------------------------------------------ one analyze run (child)

/** One analyze run in a fresh process; its JSON line, or undefined when it failed. */
function analyzeRun(nodeArgs = []) {
  const r = spawnSync(
    process.execPath,
    [
      ...nodeArgs,
      fileURLToPath(import.meta.url),
      '--child',
      JSON.stringify({ dir: estate.dir, reportFile: join(estate.dir, 'bench-record-report.json') }),
    ],
    { encoding: 'utf8', maxBuffer: 64 * MIB },
  );
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  let data;
  try {
    data = JSON.parse(line);
  } catch {
    data = undefined;
  }
  if (r.status !== 0 || !data?.ok) {
    log(`  analyze failed (exit ${r.status}):\n${r.stderr || line}`);
    return undefined;
  }
  return data;
}

/** One more analyze run under node --cpu-prof: where the whole analysis spends its time. */
function profileAnalyze() {
  const name = `record-analyze-${size}.cpuprofile`;
  const dir = join(OUT, 'record-analyze-profile');
  rmSync(dir, { recursive: true, force: true });
  log('');
  log('profiling one more analyze run (node --cpu-prof) ...');
  if (!analyzeRun(['--cpu-prof', '--cpu-prof-dir', dir])) return undefined;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return undefined;
  renameSync(join(dir, file), join(OUT, name));
  rmSync(dir, { recursive: true, force: true });
  const summary = summariseProfile(JSON.parse(readFileSync(join(OUT, name), 'utf8')), ROOT);
  showProfile(name, summary);
  return {
    file: `bench/out/${name}`,
    totalMs: summary.totalMs,
    self: summary.self.slice(0, 30),
    inclusive: summary.inclusive.slice(0, 30),
  };
}

/**
 * What `ownmap analyze <snapshot> --boundary … --format json --out … --fail-on none` does,
 * then records() of the same analysis. Prints one JSON line.
 */
async function child(arg) {
  const { dir, reportFile } = JSON.parse(arg);
  let gcPause = 0;
  const obs = new PerformanceObserver((l) => {
    for (const e of l.getEntries()) gcPause += e.duration;
  });
  obs.observe({ entryTypes: ['gc'] });
  const { RULES } = await import(pathToFileURL(join(ROOT, 'dist/rules/index.js')).href);
  const { analyze } = await dist('analyze.js');
  const { parseBoundary } = await dist('boundary/load.js');
  const { loadClusterConfigs, loadClusterTopics } = await dist('cli/configs.js');
  const { renderJson } = await dist('report/json.js');
  const { selectPack } = await dist('rules/packs.js');
  const { openSnapshotDir } = await dist('snapshot/reader.js');
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const phases = {};
  let t = start;
  const phase = (name) => {
    const now = performance.now();
    phases[name] = now - t;
    t = now;
  };
  const boundaryFile = join(dir, 'boundary.yaml');
  const boundary = parseBoundary(readFileSync(boundaryFile, 'utf8'), boundaryFile);
  const snapshot = openSnapshotDir(join(dir, 'snapshot'));
  const rules = selectPack(RULES, 'all', boundary.rules.disable);
  const configs = loadClusterConfigs(boundary, boundaryFile);
  const topics = loadClusterTopics(boundary, boundaryFile);
  phase('load');
  // Which rules ask for records(), and how long each rule takes, without changing them.
  let recordsAsked = false;
  const ruleMs = new Map();
  const timed = rules.map((r) => ({
    ...r,
    check(ctx) {
      const inner = {
        ...ctx,
        records: () => {
          recordsAsked = true;
          return ctx.records();
        },
      };
      const a = performance.now();
      try {
        return r.check(inner);
      } finally {
        ruleMs.set(r.id, (ruleMs.get(r.id) ?? 0) + performance.now() - a);
      }
    },
  }));
  const analysis = analyze(snapshot, boundary, timed, 'all', configs, topics);
  phase('analyze');
  writeFileSync(reportFile, renderJson(analysis.report));
  phase('render');
  const records = analysis.records();
  phase('records');
  const workMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  await new Promise((r) => setImmediate(r));
  for (const e of obs.takeRecords?.() ?? []) gcPause += e.duration;
  obs.disconnect();
  const s = analysis.report.summary;
  log(
    JSON.stringify({
      ok: true,
      processMs: performance.now(),
      workMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      gcMs: gcPause,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      phases,
      recordsInAnalysis: recordsAsked,
      clusters: records.length,
      paths: records.reduce((n, c) => n + c.paths.length, 0),
      findings: {
        total: s.total,
        open: s.open,
        unknown: s.unknown,
        suppressed: s.suppressed,
        ruleErrors: s.ruleErrors,
        slowest: [...ruleMs]
          .map(([id, ms]) => ({ id, ms }))
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 12),
      },
    }),
  );
}

// ------------------------------------------------------------------ profile

async function profile() {
  const name = `record-${size}.cpuprofile`;
  log('');
  log('profiling two recordPaths passes ...');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  for (let i = 0; i < 2; i++) recordPaths(input);
  const { profile: p } = await session.post('Profiler.stop');
  session.disconnect();
  writeFileSync(join(OUT, name), JSON.stringify(p));
  const summary = summariseProfile(p, ROOT);
  showProfile(name, summary);
  return {
    file: `bench/out/${name}`,
    totalMs: summary.totalMs,
    self: summary.self.slice(0, 30),
    inclusive: summary.inclusive.slice(0, 30),
  };
}

function showProfile(name, summary) {
  const show = (title, list) => {
    log(`  ${title}`);
    for (const f of list)
      log(`    ${fmtMs(f.ms).padStart(9)}  ${f.pct.toFixed(1).padStart(5)}%  ${f.fn}`);
  };
  log(
    `  profile: bench/out/${name} (Chrome DevTools or speedscope); ${fmtMs(summary.totalMs)} sampled`,
  );
  show('self time, top 15:', summary.self.slice(0, 15));
  show('inclusive time, ownmap functions (src/, rules/), top 20:', summary.inclusive.slice(0, 20));
}

// ------------------------------------------------------------------ build and helpers

function tally(xs, key) {
  const out = {};
  for (const x of xs) {
    const k = key(x);
    out[k] = (out[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function fmtTally(t) {
  return Object.entries(t)
    .map(([k, n]) => `${k} ${fmtInt(n)}`)
    .join(', ');
}

function fail(msg) {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(1);
}
