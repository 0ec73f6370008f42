/**
 * Map benchmark (`npm run bench:map`): the ownership map's layout and SVG for each bundled
 * estate and for the synthetic 1k and 10k estates at `--level auto`. Reports; never gates.
 *
 *   node bench/map.mjs [--sizes 1000,10000] [--runs 3]
 *
 * For each estate: the analysis is done once (not measured), then `--runs` passes of the map
 * model, the elkjs layout and the SVG writer, in this process (median, min, max, boxes, edges,
 * heap growth); and one whole `ownmap map --format svg` process (wall time, peak RSS). Targets:
 * a map of up to 300 boxes laid out and written in ≤ 3 s; the 10k estate's whole map ≤ 15 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBuild, ensureEstate, fmtBytes, fmtMs, machineFacts, median } from './estate.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const OUT = join(BENCH, 'out');
const { values: opt } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    build: { type: 'boolean', default: false },
  },
});
const log = (s) => process.stdout.write(`${s}\n`);
function fail(msg) {
  console.error(`bench/map: ${msg}`);
  process.exit(2);
}
ensureBuild(ROOT, 'dist/src/report/svg.js', { force: opt.build, log, fail });
mkdirSync(OUT, { recursive: true });
const dist = (p) => import(pathToFileURL(join(ROOT, 'dist/src', p)).href);
const { analyze } = await dist('analyze.js');
const { parseBoundary } = await dist('boundary/load.js');
const { Owners } = await dist('boundary/owners.js');
const { loadClusterConfigs, loadClusterTopics } = await dist('cli/configs.js');
const { buildMapModel } = await dist('report/map-model.js');
const { renderMapSvg } = await dist('report/svg.js');
const { openSnapshotDir } = await dist('snapshot/reader.js');
const { readFileSync } = await import('node:fs');

const machine = machineFacts();
log(`ownmap map benchmark: node ${machine.node}, ${machine.nproc} CPUs (${machine.cpu})`);
const runs = Math.max(1, Number(opt.runs));
const estates = [
  ...['automq-byoc', 'kafka-tiered-nat', 'msk-replicator', 'multi-account-tgw'].map((e) => ({
    name: e,
    snapshot: join(ROOT, 'fixtures/estates', e, 'snapshot'),
    boundary: join(ROOT, 'fixtures/estates', e, 'boundary.yaml'),
  })),
  ...opt.sizes
    .split(',')
    .filter(Boolean)
    .map((n) => {
      const { dir } = ensureEstate(Number(n), {}, log);
      return {
        name: `synthetic ${Number(n).toLocaleString('en-US')}`,
        snapshot: join(dir, 'snapshot'),
        boundary: join(dir, 'boundary.yaml'),
      };
    }),
];

const results = [];
log(
  '\n  estate                 level      boxes  edges   median      min      max   process  peak RSS',
);
for (const e of estates) {
  const boundary = parseBoundary(readFileSync(e.boundary, 'utf8'), e.boundary);
  const a = analyze(
    openSnapshotDir(e.snapshot),
    boundary,
    [],
    'none',
    loadClusterConfigs(boundary, e.boundary),
    loadClusterTopics(boundary, e.boundary),
  );
  const input = {
    inventory: a.inventory,
    boundary,
    owners: new Owners(boundary, a.inventory),
    records: a.records(),
  };
  const times = [];
  let model;
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    model = buildMapModel(input, 'auto');
    await renderMapSvg(model, { title: boundary.name, date: undefined });
    if (i > 0) times.push(performance.now() - t);
  }
  // The whole command, in a fresh process: what a user waits for.
  const t = performance.now();
  const p = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      process.execPath,
      join(ROOT, 'bin/ownmap.js'),
      'map',
      e.snapshot,
      '--boundary',
      e.boundary,
      '--format',
      'svg',
      '--out',
      join(OUT, 'map.svg'),
    ],
    { encoding: 'utf8' },
  );
  const processMs = performance.now() - t;
  const rssKb = Number(p.stderr.trim().split('\n').pop());
  const r = {
    estate: e.name,
    level: model.level,
    boxes: model.boxes.length,
    edges: model.edges.length,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    processMs,
    peakRssBytes: Number.isFinite(rssKb) ? rssKb * 1024 : null,
    exit: p.status,
  };
  results.push(r);
  log(
    `  ${r.estate.padEnd(22)} ${r.level.padEnd(9)} ${String(r.boxes).padStart(6)} ${String(r.edges).padStart(6)} ${fmtMs(r.medianMs).padStart(8)} ${fmtMs(r.minMs).padStart(8)} ${fmtMs(r.maxMs).padStart(8)} ${fmtMs(r.processMs).padStart(9)} ${r.peakRssBytes ? fmtBytes(r.peakRssBytes).padStart(9) : '      n/a'}`,
  );
}
log('\ntargets (reported, not enforced):');
for (const r of results)
  log(
    `  ${r.medianMs <= 3000 || r.boxes > 300 ? 'PASS' : 'FAIL'}  ${r.estate}: layout and SVG of ${r.boxes} boxes ≤ 3 s: ${fmtMs(r.medianMs)}`,
  );
const big = results.find((r) => r.estate === 'synthetic 10,000');
if (big)
  log(
    `  ${big.processMs <= 15000 ? 'PASS' : 'FAIL'}  synthetic 10,000: whole ownmap map --format svg ≤ 15 s: ${fmtMs(big.processMs)}`,
  );
writeFileSync(join(OUT, 'map.json'), `${JSON.stringify({ machine, runs, results }, null, 2)}\n`);
log('\nresults: bench/out/map.json');
