/** `ownmap paths record`: each cluster's record paths and what their data motion costs. */
import { analyze } from '../analyze.js';
import type { Boundary } from '../boundary/schema.js';
import { InputError } from '../errors.js';
import type { ClusterRecords, RecordHop, RecordPath } from '../paths/record.js';
import { safeText } from '../report/text.js';
import type { Gap } from '../snapshot/manifest.js';
import type { Snapshot } from '../snapshot/reader.js';
import type { NodeConfig } from '../topology/config.js';
import type { Topic } from '../topology/topics.js';
import { bucketOfArn } from '../util/arn.js';

export interface RecordReport {
  format: 'ownmap-record-paths/1';
  boundary: string;
  rates: Boundary['costs'];
  clusters: ClusterRecords[];
  /** Failed calls of the snapshot where the clusters, their stores or their buckets are. */
  gaps: Gap[];
}

export function recordReport(
  snapshot: Snapshot,
  boundary: Boundary,
  configs: ReadonlyMap<string, NodeConfig[]>,
  topics: ReadonlyMap<string, Topic[]>,
  cluster: string | undefined,
): RecordReport {
  const analysis = analyze(snapshot, boundary, [], 'none', configs, topics);
  const all = analysis.records();
  const clusters = cluster ? all.filter((c) => c.name === cluster) : all;
  if (cluster && !clusters.length)
    throw new InputError(
      `--cluster ${cluster}: no such cluster (the boundary and snapshot have ${all.map((c) => c.name).join(', ') || 'none'})`,
    );
  const places = new Set<string>();
  const buckets = new Set<string>();
  for (const c of clusters) {
    for (const h of [...c.stores, ...c.paths.flatMap((p) => p.hops)])
      if (h.account && h.region) places.add(`${h.account}|${h.region}`);
    for (const b of c.brokers) places.add(`${b.account}|${b.region}`);
    for (const st of c.stores)
      if (st.store?.startsWith('s3')) buckets.add(bucketOfArn(st.node) ?? '');
  }
  const gaps = analysis.inventory.gaps.filter(
    (g) =>
      places.has(`${g.account}|${g.region}`) ||
      (g.service === 's3' && g.param !== undefined && buckets.has(g.param)),
  );
  return {
    format: 'ownmap-record-paths/1',
    boundary: boundary.name,
    rates: boundary.costs,
    clusters,
    gaps,
  };
}

const n = (x: number) =>
  Number.isInteger(x) ? String(x) : x.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
const money = (x: number | null) =>
  x === null
    ? 'n/a'
    : `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const gb = (x: number | null) =>
  x === null ? 'n/a' : `${Math.round(x).toLocaleString('en-US')} GB`;

function hopText(h: RecordHop): string {
  const where = [h.account, h.region, h.azId].filter(Boolean).join('/');
  const key =
    h.encryption && h.store
      ? `, ${h.encryption.state}${h.encryption.key ? ` ${h.encryption.key}` : ''}${h.encryption.keyOwner && h.encryption.keyOwner !== 'inside' ? ` (key owner: ${h.encryption.keyOwner})` : ''}`
      : '';
  return safeText(`${h.label} [${where || 'unplaced'}; ${h.owner}${key}]`);
}

function pathText(p: RecordPath): string {
  const marks = [
    p.crossAz ? 'cross-AZ' : '',
    p.crossRegion ? 'cross-region' : '',
    p.crossAccount ? 'cross-account' : '',
    p.leavesBoundary ? 'outside' : '',
    p.network?.nat ? 'via NAT' : '',
  ].filter(Boolean);
  const link = p.link ? ` (${safeText(p.link.kind)} ${safeText(p.link.name)})` : '';
  return `  ${p.kind.padEnd(13)} ${n(p.bytesPerProducedByte).padStart(6)}×  ${p.hops.map(hopText).join(' → ')}${link}${marks.length ? `  {${marks.join(', ')}}` : ''}\n`;
}

export function renderRecordText(r: RecordReport): string {
  let out = '';
  for (const c of r.clusters) {
    const where = [c.account, c.region].filter(Boolean).join('/');
    out += `${safeText(c.name)} (${c.kind}${where ? `, ${where}` : ''}; AZs ${c.azIds.join(', ') || 'unknown'}; RF ${n(c.replicationFactor.value)})\n`;
    out += `  elasticity: ${c.elasticity.model}; ${safeText(c.elasticity.detail)}\n`;
    out += '  durable stores:\n';
    for (const s of c.stores) out += `    ${s.store}: ${hopText(s)}\n`;
    out += '  paths (bytes per produced byte):\n';
    const order = ['produce', 'durable', 'replicate', 'tier', 'consume', 'replicate-out'];
    for (const p of [...c.paths].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind)))
      out += pathText(p);
    const a = c.crossAz;
    out += `  cross-AZ per produced byte: ${n(a.perProducedByte)} (produce ${n(a.byHop.produce)}, replicate ${n(a.byHop.replicate)}, consume ${n(a.byHop.consume)}, to storage ${n(a.byHop.storage)}; billed ${n(a.chargedPerProducedByte)})\n`;
    out += `  at ${c.producedMBps === undefined ? 'an unknown rate' : `${n(c.producedMBps)} MB/s`}: cross-AZ ${gb(a.gbPerMonth)} ${money(a.usdPerMonth)}/month; cross-region ${gb(c.crossRegion.gbPerMonth)} ${money(c.crossRegion.usdPerMonth)}/month; NAT ${gb(c.nat.gbPerMonth)} ${money(c.nat.usdPerMonth)}/month; S3 requests ${money(c.s3Requests.usdPerMonth)}/month\n`;
    if (c.assumptions.length) {
      out += '  assumptions:\n';
      for (const s of c.assumptions) out += `    - ${safeText(s)}\n`;
    }
    out += '\n';
  }
  if (r.gaps.length) {
    out += 'gaps (failed calls where these clusters are; figures there may be incomplete):\n';
    for (const g of r.gaps)
      out += `  ${safeText(`${g.service} ${g.operation}${g.param ? ` ${g.param}` : ''} in ${g.account}/${g.region}: ${g.code}`)}\n`;
  }
  return out || 'no cluster: the boundary declares none and the snapshot holds no MSK cluster\n';
}
