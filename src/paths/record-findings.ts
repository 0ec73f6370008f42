/** What the record-path rules share: hops as finding paths, resources, evidence, money. */
import type { EvidenceInput, RuleContext } from '../rules/define.js';
import type { Hop } from '../rules/finding.js';
import { gbPerMonth } from '../topology/cost.js';
import { bucketOfArn } from '../util/arn.js';
import type { ClusterRecords, RecordHop, RecordPath } from './record.js';

/** A record path's hops as a finding's path. */
export function recordHops(hops: readonly RecordHop[]): Hop[] {
  return hops.map((h) => ({
    node: h.node,
    kind: h.store ?? h.kind,
    ...(h.account ? { account: h.account } : {}),
    ...(h.region ? { region: h.region } : {}),
    ...(h.azId ? { azId: h.azId } : {}),
    owner: h.owner,
  }));
}

export function clusterResource(c: ClusterRecords): {
  arn: string;
  account?: string;
  region?: string;
} {
  return {
    arn: c.arn ?? `cluster:${c.name}`,
    ...(c.account ? { account: c.account } : {}),
    ...(c.region ? { region: c.region } : {}),
  };
}

export function hopResource(h: RecordHop): {
  arn: string;
  account?: string;
  region?: string;
  azId?: string;
} {
  return {
    arn: h.node,
    ...(h.account ? { account: h.account } : {}),
    ...(h.region ? { region: h.region } : {}),
    ...(h.azId ? { azId: h.azId } : {}),
  };
}

/** The first path that ends at a store (the way records reach it). */
export function pathTo(c: ClusterRecords, store: RecordHop): RecordPath | undefined {
  return c.paths.find((p) => p.hops[p.hops.length - 1]!.node === store.node);
}

/**
 * What a finding about one of a cluster's stores (or several under one key) starts from: the
 * first store as its resource, the record path that reaches it, and the evidence of both.
 */
export function storeFinding(c: ClusterRecords, key: string, ...stores: RecordHop[]) {
  const first = stores[0]!;
  const path = pathTo(c, first);
  return {
    resource: hopResource(first),
    key,
    evidence: recordEvidence(c, path, ...stores),
    ...(path ? { path: recordHops(path.hops) } : {}),
  };
}

/** Evidence for a finding about a cluster's store or path: the path's, the store's, the cluster's. */
export function recordEvidence(
  c: ClusterRecords,
  ...from: ({ evidence?: RecordPath['evidence'] } | RecordHop | undefined)[]
): EvidenceInput[] {
  const seen = new Set<string>();
  const out: EvidenceInput[] = [];
  const add = (src: { file: string; pointer: string } | undefined) => {
    if (!src) return;
    const k = `${src.file}#${src.pointer}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ src });
  };
  for (const f of from) {
    if (!f) continue;
    if ('encryption' in f) add(f.encryption?.src);
    if ('evidence' in f) for (const s of f.evidence ?? []) add(s);
  }
  for (const s of c.evidence) add(s);
  return out.slice(0, 5);
}

/**
 * A data-bearing bucket (named by the boundary or a broker configuration): the bucket rules
 * report its region, account and key, or that they are unknown; the record rules leave it to
 * them.
 */
export function isReportedDataBucket(ctx: RuleContext, h: RecordHop): boolean {
  const name = h.store?.startsWith('s3') ? bucketOfArn(h.node) : undefined;
  return name !== undefined && ctx.data.buckets.has(name);
}

const usd = (x: number) =>
  `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const gb = (x: number) => `${Math.round(x).toLocaleString('en-US')} GB`;

/** `31,536 GB and $630.72 a month at $0.02/GB` or a per-byte figure when no rate is declared. */
export function monthlyText(
  c: ClusterRecords,
  bytesPerProducedByte: number,
  perGb: number,
  rateText: string,
): string {
  if (c.producedMBps === undefined)
    return `${bytes(bytesPerProducedByte)} per produced byte (declare producers' throughputMBps for a monthly figure)`;
  const g = gbPerMonth(bytesPerProducedByte, c.producedMBps);
  return `${gb(g)} and ${usd(g * perGb)} a month at ${rateText} (${bytes(bytesPerProducedByte)} per produced byte at ${fmt(c.producedMBps)} MB/s)`;
}

export const fmt = (x: number) =>
  Number.isInteger(x) ? String(x) : x.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');

const bytes = (x: number) => `${fmt(x)} byte${fmt(x) === '1' ? '' : 's'}`;

/** `broker disks of …` → `Broker disks of …` at the start of a sentence. */
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
