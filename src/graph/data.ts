import type { Boundary } from '../boundary/schema.js';
import type { KeyRef, Lookup } from '../inventory/lookup.js';
import type { Inventory } from '../inventory/model.js';
import type { Gap } from '../snapshot/manifest.js';
import type { NodeConfig } from '../topology/config.js';
import { anyGlob } from '../util/glob.js';
import { NameIndex } from '../util/name-index.js';

/** Which resources hold records (data-bearing), and why: the reasons name their source. */
export interface DataBearing {
  /** Bucket name → reasons. Includes buckets the boundary names that the snapshot lacks. */
  buckets: Map<string, string[]>;
  /** Key ARN (or reference when unresolved) → the key and reasons. */
  keys: Map<string, { ref: KeyRef; reasons: string[] }>;
  /** MSK cluster ARN → reasons. */
  clusters: Map<string, string[]>;
  /**
   * The region a broker configuration names for a bucket (`?region=` of an S3 URI, the
   * tiered-storage region), with the file and setting: what says where a bucket the snapshot
   * lacks should be.
   */
  bucketRegionHints: Map<string, { region: string; file: string; key: string }>;
}

export function classifyData(
  inv: Inventory,
  boundary: Boundary,
  lookup: Lookup,
  /** Broker configurations by cluster: the buckets they name hold records too. */
  configs: ReadonlyMap<string, NodeConfig[]> = new Map(),
): DataBearing {
  const buckets = new Map<string, string[]>();
  const keys = new Map<string, { ref: KeyRef; reasons: string[] }>();
  const clusters = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, reason: string) => {
    const list = m.get(k) ?? [];
    if (!list.includes(reason)) list.push(reason);
    m.set(k, list);
  };
  const addKey = (ref: KeyRef, reason: string) => {
    const id = ref.key?.arn ?? ref.ref;
    const entry = keys.get(id) ?? { ref, reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    keys.set(id, entry);
  };

  for (const b of inv.buckets) {
    const p = anyGlob(boundary.data.buckets, b.name, b.arn);
    if (p) add(buckets, b.name, `matches data.buckets pattern '${p}'`);
  }
  // Names and ARNs sorted once: a cluster's patterns are matched against the names that share
  // their literal prefix, in the inventory's order.
  const bucketAt = new Map(inv.buckets.map((b, i) => [b, i] as const));
  const bucketIndex = new NameIndex(
    inv.buckets.flatMap((b) => [[b.name, b] as const, [b.arn, b] as const]),
  );
  for (const c of boundary.kafka.clusters) {
    for (const pattern of c.buckets) {
      const matched = [...bucketIndex.match([pattern])].sort(
        (a, b) => bucketAt.get(a)! - bucketAt.get(b)!,
      );
      for (const b of matched) add(buckets, b.name, `holds records of cluster ${c.name}`);
      if (!matched.length && !pattern.includes('*'))
        add(buckets, pattern, `holds records of cluster ${c.name}`);
    }
  }
  // What the brokers' own settings say holds records: AutoMQ's WAL, data and ops buckets,
  // Kafka's tiered-storage bucket.
  const bucketRegionHints: DataBearing['bucketRegionHints'] = new Map();
  const hint = (bucket: string, region: string | undefined, file: string, key: string) => {
    if (region && !bucketRegionHints.has(bucket))
      bucketRegionHints.set(bucket, { region, file, key });
  };
  for (const [cluster, list] of configs)
    for (const c of list) {
      for (const st of [
        ...(c.automq?.wal?.kind === 's3' ? [c.automq.wal] : []),
        ...(c.automq?.data ?? []),
        ...(c.automq?.ops ?? []),
        ...(c.automq?.zoneRouter ? [c.automq.zoneRouter] : []),
      ])
        hint(st.bucket, st.region, c.file, st.from.key);
      if (c.tieredStorage.enabled && c.tieredStorage.bucket)
        hint(
          c.tieredStorage.bucket,
          c.tieredStorage.region,
          c.file,
          'rsm.config.storage.s3.region',
        );
      const named = [
        ...(c.automq?.wal?.kind === 's3'
          ? [[c.automq.wal.bucket, 'WAL (s3.wal.path)'] as const]
          : []),
        ...(c.automq?.data ?? []).map((d) => [d.bucket, `stream objects (${d.from.key})`] as const),
        ...(c.automq?.ops ?? []).map(
          (d) => [d.bucket, `broker logs and dumps (${d.from.key})`] as const,
        ),
        ...(c.automq?.zoneRouter
          ? [
              [
                c.automq.zoneRouter.bucket,
                'zone-router channel (automq.zonerouter.channels)',
              ] as const,
            ]
          : []),
        ...(c.tieredStorage.enabled && c.tieredStorage.bucket
          ? [[c.tieredStorage.bucket, 'tiered storage (remote log segments)'] as const]
          : []),
      ];
      for (const [bucket, what] of named)
        add(buckets, bucket, `holds the ${what} of cluster ${cluster}, per ${c.file}`);
    }
  for (const k of inv.kmsKeys) {
    const p = anyGlob(boundary.data.keys, k.id, k.arn, ...k.aliases);
    if (p)
      addKey(
        { ref: k.arn, account: k.account, region: k.region, key: k },
        `matches data.keys pattern '${p}'`,
      );
  }
  const keyAt = new Map(inv.kmsKeys.map((k, i) => [k, i] as const));
  const keyIndex = new NameIndex(
    inv.kmsKeys.flatMap((k) => [
      [k.id, k] as const,
      [k.arn, k] as const,
      ...k.aliases.map((a) => [a, k] as const),
    ]),
  );
  for (const c of boundary.kafka.clusters) {
    for (const pattern of c.keys) {
      const matched = [...keyIndex.match([pattern])].sort((a, b) => keyAt.get(a)! - keyAt.get(b)!);
      for (const k of matched)
        addKey(
          { ref: k.arn, account: k.account, region: k.region, key: k },
          `encrypts records of cluster ${c.name}`,
        );
    }
  }
  for (const m of inv.mskClusters) {
    add(clusters, m.arn, 'Amazon MSK cluster: brokers hold records');
    if (m.kmsKeyArn)
      addKey(
        lookup.resolveKey(m.kmsKeyArn, m.account, m.region),
        `encrypts the volumes of MSK cluster ${m.name}`,
      );
  }
  for (const [name] of buckets) {
    const b = lookup.bucketByName.get(name);
    const ref = b ? lookup.keyOfBucket(b) : undefined;
    if (ref) addKey(ref, `encrypts data bucket ${name}`);
  }
  return { buckets, keys, clusters, bucketRegionHints };
}

/**
 * What a failed listing call may hide from the data-bearing classification: a bucket
 * matching a wildcard pattern (list-buckets), a data key (list-keys, list-aliases), an MSK
 * cluster (list-clusters-v2). Undefined when the gap cannot hide a data resource. Global
 * listings (`s3 list-buckets`) hide buckets of any region; the others only their own.
 */
export function dataHiddenByGap(
  gap: Gap,
  boundary: Boundary,
): { kind: 'bucket' | 'key' | 'cluster'; what: string; anyRegion: boolean } | undefined {
  const op = `${gap.service}:${gap.operation}`;
  if (op === 's3:list-buckets') {
    const globs = [
      ...boundary.data.buckets,
      ...boundary.kafka.clusters.flatMap((c) => c.buckets),
    ].filter((p) => /[*?]/.test(p));
    return globs.length
      ? { kind: 'bucket', what: `a bucket matching ${globs.join(', ')}`, anyRegion: true }
      : undefined;
  }
  if (op === 'kms:list-keys' || op === 'kms:list-aliases') {
    const patterns = [...boundary.data.keys, ...boundary.kafka.clusters.flatMap((c) => c.keys)];
    return patterns.length
      ? { kind: 'key', what: `a key matching ${patterns.join(', ')}`, anyRegion: false }
      : undefined;
  }
  if (op === 'kafka:list-clusters-v2')
    return { kind: 'cluster', what: 'an MSK cluster', anyRegion: false };
  return undefined;
}
