#!/usr/bin/env node
/**
 * Packet-path benchmark: the automatic flows of `analyze` (every broker to its buckets and
 * keys, broker to broker, clients to brokers, the internet to brokers, brokers to party
 * endpoints) over a synthetic estate, in one process, with the network index built first.
 * Reading the snapshot and building the inventory are timed apart; the figure is the median of
 * `--runs` passes of buildNetwork + automaticFlows. The foundation's budget for the whole of
 * `analyze` at 100k resources is 10 s; this says how much of it the paths take.
 *
 * By default every AutoMQ cluster of the estate is declared, with a client each
 * (`--no-declare-all` keeps the synthetic boundary as it is).
 *
 *   node bench/paths.mjs [--size 100000] [--runs 5] [--regen] [--no-declare-all]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureEstate, fmtInt, fmtMs, median } from './estate.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const { values: opt } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    regen: { type: 'boolean', default: false },
    // Node 20's parseArgs has no --no- negation: the negative is an option of its own.
    'no-declare-all': { type: 'boolean', default: false },
  },
});
const size = Number(opt.size);
const runs = Math.max(1, Number(opt.runs));
const dist = (p) => import(pathToFileURL(join(ROOT, 'dist/src', p)).href);
const { parseBoundary } = await dist('boundary/load.js');
const { Owners } = await dist('boundary/owners.js');
const { buildInventory } = await dist('inventory/build.js');
const { openSnapshotDir } = await dist('snapshot/reader.js');
const { buildNetwork } = await dist('paths/network.js');
const { automaticFlows } = await dist('paths/flows.js');
const log = (s) => process.stdout.write(`${s}\n`);

log(
  `ownmap packet-path benchmark: node ${process.version}, ${fmtInt(size)} resources, ${runs} pass(es) after a warm-up`,
);
const estate = ensureEstate(size, opt, log);
if (!estate) process.exit(1);
const t0 = performance.now();
const boundaryFile = join(estate.dir, 'boundary.yaml');
const boundary = parseBoundary(readFileSync(boundaryFile, 'utf8'), boundaryFile);
const inventory = buildInventory(openSnapshotDir(join(estate.dir, 'snapshot')));
// Every AutoMQ cluster of the estate, declared with its buckets and keys, and one client each
// (in a subnet of its first broker's VPC): the synthetic boundary declares only a few.
if (!opt['no-declare-all']) {
  const declared = new Set(boundary.kafka.clusters.map((c) => c.name));
  const firstBroker = new Map();
  for (const i of inventory.instances) {
    const name = i.tags['automq:cluster'];
    if (!name) continue;
    if (!firstBroker.has(name)) firstBroker.set(name, i);
    if (declared.has(name)) continue;
    declared.add(name);
    boundary.kafka.clusters.push({
      name,
      kind: 'automq',
      account: i.account,
      region: i.region,
      buckets: [`acme-automq-${name}-*`],
      keys: [`alias/automq-${name}-*`],
    });
  }
  for (const [name, i] of firstBroker) {
    const subnet = inventory.subnets.find((s) => s.vpcId === i.vpcId && s.id !== i.subnetId);
    if (subnet)
      boundary.kafka.clients.push({
        name: `client-${name}`,
        role: 'producer',
        cluster: name,
        subnet: subnet.id,
      });
  }
  log(
    `  declared: ${fmtInt(boundary.kafka.clusters.length)} clusters, ${fmtInt(boundary.kafka.clients.length)} clients`,
  );
}
const owners = new Owners(boundary, inventory);
log(`  load (not measured): ${fmtMs(performance.now() - t0)}`);

const pass = () => {
  const a = performance.now();
  const network = buildNetwork(inventory, (account) => {
    const o = owners.of(account);
    return { kind: o.kind, name: o.kind === 'party' ? o.name : o.kind };
  });
  const b = performance.now();
  const traced = automaticFlows(inventory, boundary, network);
  const c = performance.now();
  return { networkMs: b - a, flowsMs: c - b, totalMs: c - a, traced };
};
pass();
const passes = Array.from({ length: runs }, pass);
const last = passes.at(-1).traced;
const byKind = {};
const byDisposition = {};
for (const f of last.flows) {
  byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  byDisposition[f.result.disposition] = (byDisposition[f.result.disposition] ?? 0) + 1;
}
log(`  brokers: ${fmtInt(last.brokers.length)}; flows: ${fmtInt(last.flows.length)}`);
log(
  `  by kind: ${Object.entries(byKind)
    .sort()
    .map(([k, v]) => `${k} ${fmtInt(v)}`)
    .join(', ')}`,
);
log(
  `  by disposition: ${Object.entries(byDisposition)
    .sort()
    .map(([k, v]) => `${k} ${fmtInt(v)}`)
    .join(', ')}`,
);
log(
  `  buildNetwork ${fmtMs(median(passes.map((p) => p.networkMs)))}, automaticFlows ${fmtMs(median(passes.map((p) => p.flowsMs)))}, together ${fmtMs(median(passes.map((p) => p.totalMs)))} (median of ${runs}; passes ${passes.map((p) => fmtMs(p.totalMs)).join(' ')})`,
);
