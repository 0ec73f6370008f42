/**
 * Record paths through the whole model: a tiny estate (the AWS CLI shapes the estate builder
 * writes), a boundary, broker configurations and topic lists go through `analyze(...).records()`
 * and the figures are compared with closed forms.
 *
 * The estates: `kafkaVpc()` (account 111111111111, eu-west-1, brokers i-broker-a/b/c at
 * 10.8.1.20, 10.8.2.20, 10.8.3.20 in euw1-az1/2/3, one NAT gateway in eu-west-1a unless told)
 * and an MSK cluster in three subnets of its own VPC. Accounts: 111111111111 is inside,
 * 222222222222 the party `partner`, 333333333333 undeclared.
 *
 * Money: a month is 730 hours, so 1 MB/s for a month is 2,628 GB (1 GB = 1,000 MB). At 10 MB/s
 * one byte per produced byte is 26,280 GB; inter-AZ bytes are billed on both sides ($0.01/GB
 * each way, so $0.02/GB), inter-region at $0.02/GB and NAT processing at $0.045/GB.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { parseBoundary } from '../src/boundary/load.js';
import { type BoundaryInput, BoundarySchema } from '../src/boundary/schema.js';
import { main } from '../src/cli/main.js';
import { InputError } from '../src/errors.js';
import type { ClusterRecords, RecordPath } from '../src/paths/record.js';
import { readSnapshot } from '../src/snapshot/reader.js';
import { type NodeConfig, readNodeConfig } from '../src/topology/config.js';
import { parseTopicList } from '../src/topology/topics.js';
import { type Estate, estate, keyArn, mskClusterArn } from './support/estate.js';
import { type ClientInput, type ClusterInput, mskEstate } from './support/kafka.js';
import {
  KAFKA_AZ_IDS as AZS,
  KAFKA_BROKER_IPS as IPS,
  KAFKA_BUCKET,
  KAFKA_KEY_ID,
  kafkaVpc,
} from './support/network.js';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const EU = 'eu-west-1';
const US = 'us-east-1';
/** GB a month per (byte per produced byte) at 10 MB/s: 10 × 730 × 3600 / 1000. */
const GB_AT_10 = 26_280;
const TIERED_BUCKET = 'acme-kafka-tiered-euw1';
const DATA_BUCKET = 'acme-kafka-data-euw1';
const ROUTER_BUCKET = 'acme-kafka-router-euw1';

type Props = Record<string, string>;

// ---------------------------------------------------------------- helpers

const props = (p: Props) =>
  `${Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;

/** One server.properties per broker of `kafkaVpc` (node ids 0, 1, 2), listeners on its IP. */
function brokerConfigs(extra: Props = {}, perBroker: (i: number) => Props = () => ({})) {
  return IPS.map((ip, i) =>
    readNodeConfig(
      `kafka/broker-${i}.properties`,
      props({
        'node.id': String(i),
        'process.roles': 'broker',
        listeners: `PLAINTEXT://${ip}:9092`,
        ...extra,
        ...perBroker(i),
      }),
    ),
  );
}

const KAFKA_RF3: Props = { 'default.replication.factor': '3' };
const RACK_AWARE: Props = {
  ...KAFKA_RF3,
  'replica.selector.class': 'org.apache.kafka.common.replica.RackAwareReplicaSelector',
};
const rackIsAz = (i: number): Props => ({ 'broker.rack': AZS[i]! });
const TIERED: Props = {
  ...KAFKA_RF3,
  'remote.log.storage.system.enable': 'true',
  'rsm.config.storage.s3.bucket.name': TIERED_BUCKET,
  'rsm.config.storage.s3.region': EU,
};
const AUTOMQ: Props = {
  's3.data.buckets': `0@s3://${DATA_BUCKET}?region=${EU}`,
  's3.wal.path': `0@s3://${KAFKA_BUCKET}?region=${EU}`,
};
/** Zone routing: every broker names its channel bucket. */
const ZONE_ROUTING: Props = {
  ...AUTOMQ,
  'automq.zonerouter.channels': `0@s3://${ROUTER_BUCKET}?region=${EU}`,
};

/**
 * Producers p1–p3, one in each AZ, 2 + 3 + 5 = 10 MB/s; p2 placed by its subnet. With `rack`
 * each sets clientRack to its AZ id (what AutoMQ zone routing needs of a client).
 */
const producers = (cluster = 'orders', rate = true, rack = false): ClientInput[] =>
  AZS.map((azId, i) => ({
    name: `p${i + 1}`,
    role: 'producer' as const,
    cluster,
    ...(i === 1 ? { subnet: 'subnet-kafka-priv-b' } : { azId }),
    ...(rate ? { throughputMBps: [2, 3, 5][i]! } : {}),
    ...(rack ? { clientRack: azId } : {}),
  }));

/** G consumer groups g1…gG, one member in each AZ (client.rack = its AZ id unless told). */
const groups = (
  g: number,
  o: { cluster?: string; rack?: (group: number, az: number) => string | undefined } = {},
): ClientInput[] =>
  Array.from({ length: g }, (_, gi) =>
    AZS.map((azId, ai) => {
      const rack = o.rack ? o.rack(gi + 1, ai) : azId;
      return {
        name: `g${gi + 1}-${ai + 1}`,
        role: 'consumer' as const,
        cluster: o.cluster ?? 'orders',
        group: `g${gi + 1}`,
        azId,
        ...(rack !== undefined ? { clientRack: rack } : {}),
      };
    }),
  ).flat();

const kafkaCluster = (o: Partial<ClusterInput> = {}): ClusterInput => ({
  name: 'orders',
  kind: 'kafka',
  account: A,
  region: EU,
  ...o,
});
const automqCluster = (o: Partial<ClusterInput> = {}): ClusterInput =>
  kafkaCluster({ kind: 'automq', ...o });

interface Run {
  estate: Estate;
  clusters: ClusterInput[];
  clients?: ClientInput[];
  links?: NonNullable<NonNullable<BoundaryInput['kafka']>['links']>;
  costs?: BoundaryInput['costs'];
  configs?: Record<string, NodeConfig[]>;
  /** Topic lists by cluster: YAML or `kafka-topics --describe` text. */
  topics?: Record<string, string>;
  /** The parties (default: `partner`, account 222222222222). */
  parties?: BoundaryInput['parties'];
}

const boundaryOf = (r: Run) =>
  BoundarySchema.parse({
    version: 1,
    name: 'records',
    inside: { accounts: [{ id: A, name: 'platform' }] },
    approvedRegions: [EU],
    parties: r.parties ?? [{ name: 'partner', role: 'partner', accounts: [B] }],
    kafka: { clusters: r.clusters, clients: r.clients ?? [], links: r.links ?? [] },
    ...(r.costs ? { costs: r.costs } : {}),
  });

function recordsOf(r: Run): ClusterRecords[] {
  const topics = new Map(
    Object.entries(r.topics ?? {}).map(([c, text]) => [c, parseTopicList(text, `${c}.txt`)]),
  );
  return analyze(
    readSnapshot(r.estate.source()),
    boundaryOf(r),
    [],
    'none',
    new Map(Object.entries(r.configs ?? {})),
    topics,
  ).records();
}

function clusterOf(r: Run, name = 'orders'): ClusterRecords {
  const c = recordsOf(r).find((x) => x.name === name);
  if (!c) throw new Error(`no cluster ${name}`);
  return c;
}

const last = (p: RecordPath) => p.hops[p.hops.length - 1]!;
const pathsOf = (c: ClusterRecords, kind: RecordPath['kind']) =>
  c.paths.filter((p) => p.kind === kind);

// ---------------------------------------------------------------- 1. Kafka closed forms

interface AzCase {
  name: string;
  groups: number;
  configs?: NodeConfig[];
  cluster?: Partial<ClusterInput>;
  rack?: (group: number, az: number) => string | undefined;
  costs?: BoundaryInput['costs'];
  /** Cross-AZ bytes per produced byte. */
  perByte: number;
  /** Dollars per cross-AZ GB (both sides of the transfer). */
  usdPerGb?: number;
  /** Cross-AZ bytes each consumer group pulls (from its consume paths). */
  byGroup?: Record<string, number>;
}

describe('Kafka, 3 brokers in 3 AZs, RF 3: cross-AZ bytes through the whole model', () => {
  const cases: AzCase[] = [
    ...[0, 1, 3].map((g) => ({
      name: `${g} groups fetching from leaders: 2/3 + 2 + 2G/3`,
      groups: g,
      configs: brokerConfigs(KAFKA_RF3),
      perByte: 2 / 3 + 2 + (2 * g) / 3,
    })),
    ...[1, 3].map((g) => ({
      name: `${g} groups, RackAwareReplicaSelector, broker.rack and client.rack = AZ id: 2/3 + 2`,
      groups: g,
      configs: brokerConfigs(RACK_AWARE, rackIsAz),
      perByte: 2 / 3 + 2,
    })),
    {
      // KIP-392 is per client: g2-2 reads its third from leaders, two thirds of it across.
      name: 'rack-aware, but one member of g2 sets no client.rack: that member alone reads from leaders',
      groups: 2,
      configs: brokerConfigs(RACK_AWARE, rackIsAz),
      rack: (g, az) => (g === 2 && az === 1 ? undefined : AZS[az]),
      perByte: 2 / 3 + 2 + 2 / 9,
      byGroup: { g1: 0, g2: 2 / 9 },
    },
    {
      name: 'rack-aware with rack names that are not AZ ids: client.rack names its AZ’s rack',
      groups: 2,
      configs: brokerConfigs(RACK_AWARE, (i) => ({ 'broker.rack': `rack-${i}` })),
      rack: (_g, az) => `rack-${az}`,
      perByte: 2 / 3 + 2,
    },
    {
      name: 'client.rack names a rack of another AZ: not rack-aware',
      groups: 1,
      configs: brokerConfigs(RACK_AWARE, rackIsAz),
      rack: (_g, az) => AZS[(az + 1) % 3],
      perByte: 2 / 3 + 2 + 2 / 3,
    },
    {
      name: 'the selector on two brokers of three: not rack-aware',
      groups: 1,
      configs: brokerConfigs(KAFKA_RF3, (i) =>
        i < 2
          ? { ...rackIsAz(i), 'replica.selector.class': RACK_AWARE['replica.selector.class']! }
          : rackIsAz(i),
      ),
      perByte: 2 / 3 + 2 + 2 / 3,
    },
    {
      name: 'kafka.clusters[].rackAwareFetch: true stands in for the selector',
      groups: 3,
      configs: brokerConfigs(KAFKA_RF3, rackIsAz),
      cluster: { rackAwareFetch: true },
      perByte: 2 / 3 + 2,
    },
    {
      name: 'costs.interAzPerGbEachWay overrides the $0.01/GB rate',
      groups: 1,
      configs: brokerConfigs(KAFKA_RF3),
      costs: { interAzPerGbEachWay: 0.015 },
      perByte: 2 / 3 + 2 + 2 / 3,
      usdPerGb: 0.03,
    },
  ];
  it.each(cases)('$name', (k) => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster(k.cluster)],
      clients: [...producers(), ...groups(k.groups, k.rack ? { rack: k.rack } : {})],
      configs: { orders: k.configs ?? brokerConfigs(KAFKA_RF3) },
      ...(k.costs ? { costs: k.costs } : {}),
    });
    expect(c.azIds).toEqual([...AZS]);
    expect(c.brokers.map((b) => b.placedBy)).toEqual(Array(3).fill('broker config'));
    expect(c.replicationFactor.value).toBe(3);
    expect(c.producedMBps).toBe(10);
    expect(c.crossAz.byHop.produce).toBeCloseTo(2 / 3, 9);
    expect(c.crossAz.byHop.replicate).toBeCloseTo(2, 9);
    expect(c.crossAz.byHop.storage).toBe(0);
    expect(c.crossAz.perProducedByte).toBeCloseTo(k.perByte, 8);
    expect(c.crossAz.chargedPerProducedByte).toBeCloseTo(k.perByte, 8);
    // Apache Kafka: every cross-AZ byte is billed.
    expect(c.crossAz.gbPerMonth).toBeCloseTo(k.perByte * GB_AT_10, 1);
    expect(c.crossAz.billedGbPerMonth).toBe(c.crossAz.gbPerMonth);
    expect(c.crossAz.usdPerMonth).toBeCloseTo(k.perByte * GB_AT_10 * (k.usdPerGb ?? 0.02), 2);
    // Every path's crossAz flag agrees with the per-hop sum.
    const flagged = c.paths
      .filter((p) => p.crossAz)
      .reduce((s, p) => s + p.bytesPerProducedByte, 0);
    expect(flagged).toBeCloseTo(k.perByte, 6);
    for (const [g, bytes] of Object.entries(k.byGroup ?? {})) {
      const mine = pathsOf(c, 'consume').filter((p) =>
        new RegExp(`^consumer group ${g}\\b`).test(last(p).label),
      );
      expect(mine.length, g).toBeGreaterThan(0);
      const crossing = mine
        .filter((p) => p.crossAz)
        .reduce((t, p) => t + p.bytesPerProducedByte, 0);
      expect(crossing, g).toBeCloseTo(bytes, 6);
    }
  });

  it('each AZ’s broker disks take RF/3 of every produced byte', () => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: producers(),
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    const durable = pathsOf(c, 'durable');
    expect(durable.map((p) => [last(p).node, last(p).store, p.bytesPerProducedByte])).toEqual(
      AZS.map((az) => [`disk:orders@${az}`, 'broker-disk', 1]),
    );
    expect(c.elasticity).toMatchObject({ model: 'shared-nothing', scalingMovesData: true });
  });
});

describe('consumer groups: what each reads, and from where', () => {
  const run = (clients: ClientInput[], configs = brokerConfigs(KAFKA_RF3)) =>
    clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [...producers(), ...clients],
      configs: { orders: configs },
    });
  const member = (name: string, az: number, o: Partial<ClientInput> = {}): ClientInput => ({
    name,
    role: 'consumer',
    cluster: 'orders',
    group: 'g1',
    azId: AZS[az]!,
    ...o,
  });

  it('a group declared to read more than the producers write reads every record once, said', () => {
    // 3 × 10 MB/s declared against 10 MB/s produced: producers are missing from the boundary.
    const c = run([0, 1, 2].map((az) => member(`g1-${az + 1}`, az, { throughputMBps: 10 })));
    expect(c.consumerGroups.map((g) => [g.name, g.crossAzPerProducedByte])).toEqual([
      ['g1', expect.closeTo(2 / 3, 8)],
    ]);
    expect(c.crossAz.byHop.consume).toBeCloseTo(2 / 3, 9);
    expect(c.assumptions).toContain(
      'consumer group g1 reads 30 MB/s, more than the 10 MB/s the declared producers write: some producers are not declared; the group is counted as reading every record once',
    );
  });

  it('a group declared to read half of what is produced pulls half the bytes', () => {
    const c = run([0, 1, 2].map((az) => member(`g1-${az + 1}`, az, { throughputMBps: 5 / 3 })));
    expect(c.crossAz.byHop.consume).toBeCloseTo(1 / 3, 9);
    expect(c.assumptions.join('\n')).not.toMatch(/more than the/);
  });

  it('members are weighted by their declared throughput when every member declares one', () => {
    // Rack-aware brokers; g1-1 (1 MB/s) says its rack, g1-2 (3 MB/s) does not: the group reads
    // 4 of 10 MB/s, three quarters of it from leaders, two thirds of that across.
    const c = run(
      [
        member('g1-1', 0, { throughputMBps: 1, clientRack: AZS[0] }),
        member('g1-2', 1, { throughputMBps: 3 }),
      ],
      brokerConfigs(RACK_AWARE, rackIsAz),
    );
    expect(c.crossAz.byHop.consume).toBeCloseTo(0.4 * (3 / 4) * (2 / 3), 9);
    expect(c.consumerGroups[0]).toMatchObject({ name: 'g1', rackAware: false });
  });

  it('when one member declares no throughput, members read equal parts of every record', () => {
    const c = run(
      [member('g1-1', 0, { throughputMBps: 1, clientRack: AZS[0] }), member('g1-2', 1)],
      brokerConfigs(RACK_AWARE, rackIsAz),
    );
    expect(c.crossAz.byHop.consume).toBeCloseTo((1 / 2) * (2 / 3), 9);
  });

  it('rack-aware fetching is per member: the group is rack-aware only when every member is', () => {
    const c = run(
      [member('g1-1', 0, { clientRack: AZS[0] }), member('g1-2', 1, { clientRack: AZS[1] })],
      brokerConfigs(RACK_AWARE, rackIsAz),
    );
    expect(c.consumerGroups[0]).toMatchObject({
      name: 'g1',
      rackAware: true,
      crossAzPerProducedByte: 0,
    });
    expect(c.consumerGroups[0]!.why).toBeUndefined();
  });
});

// ---------------------------------------------------------------- 2. AutoMQ

interface AutoMqCase {
  name: string;
  config: Props;
  /** Settings of broker i on top of `config`. */
  perBroker?: (i: number) => Props;
  groups: number;
  rate?: boolean;
  zoneRouting: boolean;
  produce: number;
  consume: number;
  /**
   * S3 requests a month in 8 MB objects at 10 MB/s (26,280,000 MB, 3,285,000 objects per
   * byte per produced byte): every byte goes up twice (a PUT for the WAL object, a PUT for the
   * data object it is compacted into) and compaction reads the WAL object back (a GET); with
   * zone routing the 2/3 a broker takes for a leader in another AZ goes through the channel
   * bucket once more (a PUT and a GET).
   */
  s3Requests: { puts: number; gets: number; usd: number } | 'null';
  /** Each must match one assumption. */
  says?: RegExp[];
}

describe('AutoMQ: S3 WAL and data buckets, zone routing', () => {
  const cases: AutoMqCase[] = [
    {
      name: 'automq.zonerouter.channels, every client’s clientRack its AZ id: nothing crosses an AZ',
      config: ZONE_ROUTING,
      groups: 2,
      zoneRouting: true,
      produce: 0,
      consume: 0,
      // PUTs (1 + 1 + 2/3) × 3,285,000, GETs (1 + 2/3) × 3,285,000: $43.80 + $2.19.
      s3Requests: { puts: 8_760_000, gets: 5_475_000, usd: 45.99 },
      says: [/handed over through the channel bucket/],
    },
    {
      name: 'other automq.zonerouter.* keys without a channel: zone routing is off',
      config: { ...AUTOMQ, 'automq.zonerouter.rack.aware': 'true' },
      groups: 1,
      zoneRouting: false,
      produce: 2 / 3,
      consume: 2 / 3,
      s3Requests: { puts: 6_570_000, gets: 3_285_000, usd: 34.16 },
    },
    {
      name: 'the legacy automq.zone.router.enable: zone routing is off',
      config: { ...AUTOMQ, 'automq.zone.router.enable': 'true' },
      groups: 1,
      zoneRouting: false,
      produce: 2 / 3,
      consume: 2 / 3,
      s3Requests: { puts: 6_570_000, gets: 3_285_000, usd: 34.16 },
    },
    {
      name: 'the channel on two brokers of three: zone routing is off, said',
      config: AUTOMQ,
      perBroker: (i): Props =>
        i < 2 ? { 'automq.zonerouter.channels': ZONE_ROUTING['automq.zonerouter.channels']! } : {},
      groups: 1,
      zoneRouting: false,
      produce: 2 / 3,
      consume: 2 / 3,
      s3Requests: { puts: 6_570_000, gets: 3_285_000, usd: 34.16 },
      says: [
        /automq\.zonerouter\.channels is set on some brokers only: zone routing is taken as off/,
      ],
    },
    {
      name: 'no zone routing: produce and consume cross, nothing is replicated',
      config: AUTOMQ,
      groups: 2,
      zoneRouting: false,
      produce: 2 / 3,
      consume: 4 / 3,
      // PUTs 2 × 3,285,000, GETs (compaction) 3,285,000: $32.85 + $1.314.
      s3Requests: { puts: 6_570_000, gets: 3_285_000, usd: 34.16 },
      says: [/partition leaders spread evenly over the brokers/],
    },
    {
      name: 'no producer declares a rate: no S3 request figures',
      config: ZONE_ROUTING,
      groups: 1,
      rate: false,
      zoneRouting: true,
      produce: 0,
      consume: 0,
      s3Requests: 'null',
      says: [/no producer declares throughputMBps: no monthly figure is given/],
    },
  ];
  it.each(cases)('$name', (k) => {
    const e = kafkaVpc({ s3Endpoint: true })
      .bucket(DATA_BUCKET, { kmsKeyId: keyArn(KAFKA_KEY_ID) })
      .bucket(ROUTER_BUCKET);
    const c = clusterOf({
      estate: e,
      clusters: [automqCluster()],
      clients: [...producers('orders', k.rate ?? true, true), ...groups(k.groups)],
      configs: { orders: brokerConfigs(k.config, k.perBroker) },
    });
    expect(c.kind).toBe('automq');
    expect(c.zoneRouting).toBe(k.zoneRouting);
    expect(c.crossAz.byHop).toEqual({
      produce: expect.closeTo(k.produce, 9),
      replicate: 0,
      consume: expect.closeTo(k.consume, 9),
      storage: 0,
    });
    expect(c.crossAz.perProducedByte).toBeCloseTo(k.produce + k.consume, 8);
    expect(pathsOf(c, 'replicate')).toEqual([]);
    for (const re of k.says ?? [])
      expect(
        c.assumptions.some((a) => re.test(a)),
        String(re),
      ).toBe(true);
    const stores = c.stores.map((s) => ({
      node: s.node,
      store: s.store,
      account: s.account,
      region: s.region,
      owner: s.owner,
      state: s.encryption?.state,
      key: s.encryption?.key,
    }));
    const bucket = (name: string, store: string, state: string, key?: string) => ({
      node: `arn:aws:s3:::${name}`,
      store,
      account: A,
      region: EU,
      owner: 'inside',
      state,
      key,
    });
    expect(stores).toEqual([
      bucket(DATA_BUCKET, 's3-data', 'kms', keyArn(KAFKA_KEY_ID)),
      // The channel is a store only when zone routing is on.
      ...(k.zoneRouting ? [bucket(ROUTER_BUCKET, 's3-router', 'sse-s3')] : []),
      bucket(KAFKA_BUCKET, 's3-wal', 'sse-s3'),
    ]);
    // Through the S3 gateway endpoint: no NAT.
    const toS3 = c.paths.filter((p) => p.network);
    expect(toS3.length).toBeGreaterThan(0);
    for (const p of toS3) expect(p.network).toMatchObject({ disposition: 'delivered', nat: false });
    expect(c.elasticity).toMatchObject({ model: 'shared-storage', scalingMovesData: false });
    if (k.s3Requests === 'null') {
      expect(c.s3Requests).toEqual({ putsPerMonth: null, getsPerMonth: null, usdPerMonth: null });
      expect(c.crossAz.gbPerMonth).toBeNull();
      expect(c.crossAz.billedGbPerMonth).toBeNull();
    } else {
      expect(c.s3Requests).toEqual({
        putsPerMonth: k.s3Requests.puts,
        getsPerMonth: k.s3Requests.gets,
        usdPerMonth: k.s3Requests.usd,
      });
      expect(c.crossAz.gbPerMonth).toBeCloseTo((k.produce + k.consume) * GB_AT_10, 1);
      expect(c.crossAz.billedGbPerMonth).toBe(c.crossAz.gbPerMonth);
    }
  });

  it('the channel bucket: each AZ’s brokers hand over what they take for leaders elsewhere', () => {
    // Producers 2, 3, 5 MB/s in euw1-az1/2/3 write to the broker in their AZ; two thirds of
    // the leaders are in other AZs, so each broker hands 2/3 of its AZ's writes on.
    const c = clusterOf({
      estate: kafkaVpc({ s3Endpoint: true }).bucket(DATA_BUCKET).bucket(ROUTER_BUCKET),
      clusters: [automqCluster()],
      clients: producers('orders', true, true),
      configs: { orders: brokerConfigs(ZONE_ROUTING) },
    });
    const router = c.stores.find((s) => s.store === 's3-router');
    expect(router).toMatchObject({
      node: `arn:aws:s3:::${ROUTER_BUCKET}`,
      kind: 'store',
      label: `bucket ${ROUTER_BUCKET}`,
      account: A,
      region: EU,
      owner: 'inside',
    });
    const handed = pathsOf(c, 'durable').filter((p) => last(p).store === 's3-router');
    expect(
      handed.map((p) => [p.hops[0]!.node, p.bytesPerProducedByte, p.crossAz, p.evidence[0]]),
    ).toEqual(
      AZS.map((az, i) => [
        `brokers:orders@${az}`,
        expect.closeTo(([2, 3, 5][i]! / 10) * (2 / 3), 8),
        false,
        { file: 'kafka/broker-0.properties', pointer: '/automq.zonerouter.channels' },
      ]),
    );
    for (const p of handed) expect(p.network).toMatchObject({ disposition: 'delivered' });
    // What each AZ's brokers write to the WAL is what its producers send.
    const wal = pathsOf(c, 'durable').filter((p) => last(p).store === 's3-wal');
    expect(wal.map((p) => p.bytesPerProducedByte)).toEqual([0.2, 0.3, 0.5]);
  });

  it('producers that do not route send nothing through the channel bucket', () => {
    const clients = producers('orders', true, true).map((p) =>
      p.name === 'p1' ? p : { ...p, clientRack: undefined },
    );
    const c = clusterOf({
      estate: kafkaVpc({ s3Endpoint: true }).bucket(DATA_BUCKET).bucket(ROUTER_BUCKET),
      clusters: [automqCluster()],
      clients,
      configs: { orders: brokerConfigs(ZONE_ROUTING) },
    });
    const handed = pathsOf(c, 'durable').filter((p) => last(p).store === 's3-router');
    // Only p1 (2 of 10 MB/s, euw1-az1) routes: its broker hands on the 2/3 led elsewhere.
    expect(handed.map((p) => [p.hops[0]!.node, p.bytesPerProducedByte])).toEqual([
      [`brokers:orders@${AZS[0]}`, expect.closeTo(0.2 * (2 / 3), 8)],
    ]);
  });

  it('zone routing needs the client to say its AZ: others talk to the leaders, said', () => {
    // p1 says its AZ; p2 sets no clientRack; p3's names another AZ. g1 says its AZs; g2-2
    // does not.
    const clients = producers('orders', true, true).map((p) =>
      p.name === 'p2'
        ? { ...p, clientRack: undefined }
        : p.name === 'p3'
          ? { ...p, clientRack: AZS[0] }
          : p,
    );
    const c = clusterOf({
      estate: kafkaVpc({ s3Endpoint: true }).bucket(DATA_BUCKET).bucket(ROUTER_BUCKET),
      clusters: [automqCluster()],
      clients: [
        ...clients,
        ...groups(2, { rack: (g, az) => (g === 2 && az === 1 ? undefined : AZS[az]) }),
      ],
      configs: { orders: brokerConfigs(ZONE_ROUTING) },
    });
    expect(c.zoneRouting).toBe(true);
    // p2 and p3 (3 + 5 of 10 MB/s) to leaders, two thirds of them in other AZs.
    expect(c.crossAz.byHop.produce).toBeCloseTo((0.8 * 2) / 3, 9);
    // g2-2 reads its third from leaders, two thirds of them in other AZs.
    expect(c.crossAz.byHop.consume).toBeCloseTo(2 / 9, 9);
    const produce = pathsOf(c, 'produce');
    expect(produce.filter((p) => p.hops[0]!.node === 'client:p1').map((p) => last(p).azId)).toEqual(
      [AZS[0]],
    );
    expect(produce.filter((p) => p.hops[0]!.node === 'client:p2')).toHaveLength(3);
    for (const who of ['p2', 'p3', 'g2-2'])
      expect(c.assumptions).toContain(
        `client ${who} does not set clientRack to its AZ id: zone routing does not apply to it`,
      );
    expect(c.assumptions.join('\n')).not.toMatch(/client p1 does not set clientRack/);
    expect(c.consumerGroups.map((g) => [g.name, g.rackAware, g.why])).toEqual([
      ['g1', false, undefined],
      [
        'g2',
        false,
        'not every member sets clientRack to its AZ id, which zone routing needs (g2-2)',
      ],
    ]);
  });

  it('the data bucket’s key in an outside account shows on the store', () => {
    const e = kafkaVpc({ s3Endpoint: true })
      .bucket(DATA_BUCKET, { kmsKeyId: keyArn('0a1b2c3d-0000-4000-8000-00000000c0de', C) })
      .key('0a1b2c3d-0000-4000-8000-00000000c0de', { account: C });
    const c = clusterOf({
      estate: e,
      clusters: [automqCluster()],
      clients: producers(),
      configs: { orders: brokerConfigs(AUTOMQ) },
    });
    const data = c.stores.find((s) => s.store === 's3-data')!;
    expect(data.encryption).toMatchObject({ state: 'kms', keyAccount: C, keyOwner: 'undeclared' });
  });

  it('a data bucket whose default key cannot be placed: unknown, not AWS managed', () => {
    // A bare alias in a bucket whose region the snapshot does not hold: its scope is a guess.
    const e = kafkaVpc({ s3Endpoint: true }).bucket(DATA_BUCKET, {
      kmsKeyId: 'alias/acme-kafka',
      noLocation: true,
    });
    const c = clusterOf({
      estate: e,
      clusters: [automqCluster()],
      clients: producers(),
      configs: { orders: brokerConfigs(AUTOMQ) },
    });
    const data = c.stores.find((s) => s.store === 's3-data')!;
    expect(data.encryption).toMatchObject({
      state: 'unknown',
      detail: 'key alias/acme-kafka cannot be placed',
    });
  });
});

// ---------------------------------------------------------------- 3. MSK

const mskClients = (g: number) =>
  [...producers('payments'), ...groups(g, { cluster: 'payments' })].map((c) =>
    c.subnet ? { ...c, subnet: undefined, azId: AZS[1] } : c,
  );

describe('MSK: replication between brokers is not billed', () => {
  it.each([0, 1, 3])('%i groups: charged 2/3 + 2G/3 of 2/3 + 2 + 2G/3', (g) => {
    const c = clusterOf(
      {
        estate: mskEstate(),
        clusters: [{ name: 'payments', kind: 'msk', msk: 'payments' }],
        clients: mskClients(g),
      },
      'payments',
    );
    expect(c.kind).toBe('msk');
    expect(c.arn).toBe(mskClusterArn('payments'));
    expect(c.azIds).toEqual([...AZS]);
    expect(c.replicationFactor.value).toBe(3);
    expect(c.crossAz.perProducedByte).toBeCloseTo(2 / 3 + 2 + (2 * g) / 3, 8);
    expect(c.crossAz.chargedPerProducedByte).toBeCloseTo(2 / 3 + (2 * g) / 3, 8);
    // Every cross-AZ GB, then the billed part (the client traffic), priced on both sides.
    expect(c.crossAz.gbPerMonth).toBeCloseTo((2 / 3 + 2 + (2 * g) / 3) * GB_AT_10, 1);
    expect(c.crossAz.billedGbPerMonth).toBeCloseTo((2 / 3 + (2 * g) / 3) * GB_AT_10, 1);
    expect(c.crossAz.usdPerMonth).toBeCloseTo((2 / 3 + (2 * g) / 3) * GB_AT_10 * 0.02, 2);
    expect(c.stores.map((s) => s.store)).toEqual(Array(3).fill('msk-storage'));
    expect(c.assumptions.join('\n')).toMatch(/one broker assumed in each client subnet/);
  });

  it('brokers from kafka-list-nodes, placed by their interfaces', () => {
    const c = clusterOf(
      {
        estate: mskEstate({ nodes: true }),
        clusters: [{ name: 'payments', kind: 'msk', msk: 'payments' }],
        clients: mskClients(1),
      },
      'payments',
    );
    expect(c.brokers.map((b) => [b.id, b.azId, b.placedBy])).toEqual(
      AZS.map((az, i) => [String(i + 1), az, 'kafka-list-nodes']),
    );
    expect(c.crossAz.chargedPerProducedByte).toBeCloseTo(4 / 3, 8);
  });

  // kafka.clusters[].rackAwareFetch is the documented way to say it for MSK (its cluster
  // configuration is not in the snapshot), and MSK sets broker.rack to the AZ id. Without a
  // node list each AZ of the cluster's subnets is a rack, so the groups fetch in their AZ.
  it('rackAwareFetch: true with client.rack = AZ id, no node list: charged 2/3', () => {
    const c = clusterOf(
      {
        estate: mskEstate(),
        clusters: [{ name: 'payments', kind: 'msk', msk: 'payments', rackAwareFetch: true }],
        clients: mskClients(3),
      },
      'payments',
    );
    expect(c.crossAz.chargedPerProducedByte).toBeCloseTo(2 / 3, 8);
  });

  it('rackAwareFetch: true with client.rack = AZ id and a node list: charged 2/3', () => {
    const c = clusterOf(
      {
        estate: mskEstate({ nodes: true }),
        clusters: [{ name: 'payments', kind: 'msk', msk: 'payments', rackAwareFetch: true }],
        clients: mskClients(3),
      },
      'payments',
    );
    expect(c.crossAz.chargedPerProducedByte).toBeCloseTo(2 / 3, 8);
    expect(c.crossAz.perProducedByte).toBeCloseTo(2 / 3 + 2, 8);
  });
});

// ---------------------------------------------------------------- 4. NAT on the way to S3

interface NatCase {
  name: string;
  vpc: Parameters<typeof kafkaVpc>[0];
  kind: 'kafka-tiered' | 'automq-wal';
  costs?: BoundaryInput['costs'];
  nat: boolean;
  /** Bytes to S3 through NAT per produced byte. */
  natBytes: number;
  /** Bytes to S3 whose packets cross an AZ (brokers of b and c behind the NAT of a). */
  storage: number;
  natPerGb?: number;
}

describe('durable bytes to S3 through a NAT gateway', () => {
  const cases: NatCase[] = [
    {
      name: 'tiered storage, one NAT gateway in eu-west-1a, no S3 endpoint',
      vpc: {},
      kind: 'kafka-tiered',
      nat: true,
      natBytes: 1,
      storage: 2 / 3,
    },
    {
      name: 'tiered storage, a NAT gateway in each AZ: NAT but no AZ crossing',
      vpc: { natPerAz: true },
      kind: 'kafka-tiered',
      nat: true,
      natBytes: 1,
      storage: 0,
    },
    {
      name: 'tiered storage, an S3 gateway endpoint: no NAT',
      vpc: { s3Endpoint: true },
      kind: 'kafka-tiered',
      nat: false,
      natBytes: 0,
      storage: 0,
    },
    {
      name: 'costs.natPerGb overrides $0.045/GB',
      vpc: {},
      kind: 'kafka-tiered',
      costs: { natPerGb: 0.06 },
      nat: true,
      natBytes: 1,
      storage: 2 / 3,
      natPerGb: 0.06,
    },
    {
      // Zone routing: each broker writes what its AZ's producers send (2, 3, 5 of 10 MB/s) to
      // the WAL, and 2/3 of it (what leaders in other AZs take) to the channel bucket.
      name: 'AutoMQ S3 WAL, one NAT gateway, no S3 endpoint: b and c (0.3 + 0.5) cross, twice',
      vpc: {},
      kind: 'automq-wal',
      nat: true,
      // The WAL upload (1), the channel (2/3), then compaction reads the WAL objects and
      // writes stream objects through the same NAT gateway (2).
      natBytes: 1 + 2 / 3 + 2,
      // The WAL (0.8) and the channel (0.8 × 2/3) from b and c.
      storage: 0.8 + (0.8 * 2) / 3,
    },
    {
      name: 'AutoMQ S3 WAL, an S3 gateway endpoint: no NAT',
      vpc: { s3Endpoint: true },
      kind: 'automq-wal',
      nat: false,
      natBytes: 0,
      storage: 0,
    },
  ];
  it.each(cases)('$name', (k) => {
    const e = kafkaVpc(k.vpc).bucket(TIERED_BUCKET).bucket(DATA_BUCKET).bucket(ROUTER_BUCKET);
    const tiered = k.kind === 'kafka-tiered';
    const c = clusterOf({
      estate: e,
      clusters: [tiered ? kafkaCluster() : automqCluster()],
      // AutoMQ: the producers say their AZ, so zone routing applies to them.
      clients: producers('orders', true, !tiered),
      configs: { orders: brokerConfigs(tiered ? TIERED : ZONE_ROUTING) },
      ...(k.costs ? { costs: k.costs } : {}),
    });
    const toS3 = tiered
      ? pathsOf(c, 'tier')
      : pathsOf(c, 'durable').filter((p) => last(p).store === 's3-wal');
    expect(toS3.map((p) => p.hops[0]!.azId)).toEqual([...AZS]);
    for (const p of toS3) {
      expect(p.network?.disposition).toBe('delivered');
      expect(p.network?.nat).toBe(k.nat);
      expect(p.network?.via.includes('nat-gateway')).toBe(k.nat);
    }
    expect(c.nat.perProducedByte).toBeCloseTo(k.natBytes, 8);
    expect(c.nat.gbPerMonth).toBeCloseTo(k.natBytes * GB_AT_10, 1);
    expect(c.nat.usdPerMonth).toBeCloseTo(k.natBytes * GB_AT_10 * (k.natPerGb ?? 0.045), 2);
    expect(c.crossAz.byHop.storage).toBeCloseTo(k.storage, 8);
    // The storage crossing is added to the cluster's cross-AZ bytes.
    const base = tiered ? 2 / 3 + 2 : 0;
    expect(c.crossAz.perProducedByte).toBeCloseTo(base + k.storage, 8);
  });

  it('a tiered bucket in another region: the tier paths cross the region, billed as such', () => {
    const c = clusterOf({
      estate: kafkaVpc({ s3Endpoint: true }).bucket(TIERED_BUCKET, { region: US }),
      clusters: [kafkaCluster()],
      clients: producers(),
      configs: { orders: brokerConfigs({ ...TIERED, 'rsm.config.storage.s3.region': US }) },
    });
    const tier = pathsOf(c, 'tier');
    expect(tier.map((p) => [last(p).region, p.crossRegion, p.network?.disposition])).toEqual(
      Array(3).fill([US, true, 'delivered']),
    );
    expect(c.crossRegion.perProducedByte).toBeCloseTo(1, 8);
    expect(c.crossRegion.usdPerMonth).toBeCloseTo(GB_AT_10 * 0.02, 2);
  });

  it('the tiered store carries the bucket’s account, region and owner', () => {
    const c = clusterOf({
      estate: kafkaVpc().bucket(TIERED_BUCKET, { kmsKeyId: keyArn(KAFKA_KEY_ID) }),
      clusters: [kafkaCluster()],
      clients: producers(),
      configs: { orders: brokerConfigs(TIERED) },
    });
    expect(c.stores.find((s) => s.store === 's3-tiered')).toMatchObject({
      node: `arn:aws:s3:::${TIERED_BUCKET}`,
      account: A,
      region: EU,
      owner: 'inside',
      encryption: { state: 'kms', key: keyArn(KAFKA_KEY_ID), keyOwner: 'inside' },
    });
    expect(c.elasticity.detail).toMatch(/tiered storage/);
  });
});

// ---------------------------------------------------------------- 5. replication links

interface S3ReplCase {
  name: string;
  /** Where the replica bucket is; `region: undefined`: it is not in the snapshot. */
  dest: { account: string; region: string | undefined };
  status?: 'Enabled' | 'Disabled';
  expect:
    | { crossRegion: boolean; crossAccount: boolean; leavesBoundary: boolean; owner: string }
    | 'none';
}

describe('S3 replication of a cluster’s bucket', () => {
  const cases: S3ReplCase[] = [
    {
      name: 'to an undeclared account in us-east-1: crosses region, account and boundary',
      dest: { account: C, region: US },
      expect: { crossRegion: true, crossAccount: true, leavesBoundary: true, owner: 'undeclared' },
    },
    {
      name: 'to the partner’s account in the same region: crosses account and boundary',
      dest: { account: B, region: EU },
      expect: { crossRegion: false, crossAccount: true, leavesBoundary: true, owner: 'partner' },
    },
    {
      name: 'to the same account in another region: crosses the region only',
      dest: { account: A, region: US },
      expect: { crossRegion: true, crossAccount: false, leavesBoundary: false, owner: 'inside' },
    },
    {
      name: 'to a bucket the snapshot does not hold: the account from the rule, no region',
      dest: { account: C, region: undefined },
      expect: { crossRegion: false, crossAccount: true, leavesBoundary: true, owner: 'undeclared' },
    },
    {
      name: 'a disabled rule copies nothing',
      dest: { account: C, region: US },
      status: 'Disabled',
      expect: 'none',
    },
  ];
  for (const kind of ['kafka-tiered', 'automq-wal'] as const)
    it.each(cases)(`${kind}: $name`, (k) => {
      const source = kind === 'kafka-tiered' ? TIERED_BUCKET : KAFKA_BUCKET;
      const replica = 'acme-kafka-replica';
      const e = kafkaVpc({ s3Endpoint: true })
        .bucket(DATA_BUCKET)
        .bucket(TIERED_BUCKET)
        .bucket(ROUTER_BUCKET)
        .bucket(source, {
          replication: {
            rules: [
              {
                destBucket: replica,
                ...(k.dest.account !== A ? { destAccount: k.dest.account } : {}),
                ...(k.status ? { status: k.status } : {}),
              },
            ],
          },
        });
      if (k.dest.region) e.bucket(replica, { account: k.dest.account, region: k.dest.region });
      const c = clusterOf({
        estate: e,
        clusters: [kind === 'kafka-tiered' ? kafkaCluster() : automqCluster()],
        clients: producers('orders', true, true),
        configs: { orders: brokerConfigs(kind === 'kafka-tiered' ? TIERED : ZONE_ROUTING) },
      });
      const out = pathsOf(c, 'replicate-out');
      if (k.expect === 'none') {
        expect(out).toEqual([]);
        expect(c.stores.some((s) => s.store === 's3-replica')).toBe(false);
        return;
      }
      expect(out).toHaveLength(1);
      const p = out[0]!;
      expect(p.hops.map((h) => h.node)).toEqual([
        `arn:aws:s3:::${source}`,
        `arn:aws:s3:::${replica}`,
      ]);
      expect(p.link).toEqual({ name: `replicate-${replica}`, kind: 's3-replication' });
      expect(p.bytesPerProducedByte).toBeCloseTo(1, 8);
      expect({
        crossRegion: p.crossRegion,
        crossAccount: p.crossAccount,
        leavesBoundary: p.leavesBoundary,
        owner: last(p).owner,
      }).toEqual(k.expect);
      const stored = c.stores.find((s) => s.store === 's3-replica');
      expect(stored).toMatchObject({
        node: `arn:aws:s3:::${replica}`,
        account: k.dest.account,
        owner: k.expect.owner,
      });
      expect(stored?.region).toBe(k.dest.region);
      if (!k.dest.region) {
        expect(stored?.encryption?.state).toBe('unknown');
        expect(c.assumptions).toContain(
          `replica bucket ${replica} has no known region: a region crossing cannot be told`,
        );
      }
      expect(c.crossRegion.perProducedByte).toBeCloseTo(k.expect.crossRegion ? 1 : 0, 8);
      expect(c.crossRegion.usdPerMonth).toBeCloseTo(k.expect.crossRegion ? GB_AT_10 * 0.02 : 0, 2);
    });
});

describe('S3 replication when the WAL and the data share a bucket', () => {
  // AutoMQ is often given one bucket for both (s3.wal.path and s3.data.buckets name it). The
  // cluster then has two store entries (s3-wal and s3-data) with the same node; one
  // replication rule must still give one replicate-out path of 1 byte ($525.60 a month at
  // 10 MB/s, not twice that). The channel bucket is another bucket: its objects are not
  // replicated by the rule.
  it('one rule gives one replicate-out path carrying each byte once', () => {
    const e = kafkaVpc({ s3Endpoint: true })
      .bucket(KAFKA_BUCKET, {
        replication: { rules: [{ destBucket: 'acme-kafka-replica', destAccount: C }] },
      })
      .bucket('acme-kafka-replica', { account: C, region: US })
      .bucket(ROUTER_BUCKET);
    const c = clusterOf({
      estate: e,
      clusters: [automqCluster()],
      clients: producers('orders', true, true),
      configs: {
        orders: brokerConfigs({
          ...ZONE_ROUTING,
          's3.data.buckets': `0@s3://${KAFKA_BUCKET}?region=${EU}`,
        }),
      },
    });
    expect(pathsOf(c, 'replicate-out')).toHaveLength(1);
    expect(c.crossRegion.perProducedByte).toBeCloseTo(1, 8);
    expect(c.crossRegion.usdPerMonth).toBeCloseTo(GB_AT_10 * 0.02, 2);
  });
});

interface LinkCase {
  name: string;
  link: { throughputMBps?: number };
  costs?: BoundaryInput['costs'];
  bytes: number;
  perGb: number;
}

describe('declared kafka.links', () => {
  const cases: LinkCase[] = [
    { name: 'MirrorMaker 2 copies everything to us-east-1', link: {}, bytes: 1, perGb: 0.02 },
    {
      name: 'costs.interRegionPerGb overrides $0.02/GB',
      link: {},
      costs: { interRegionPerGb: 0.09 },
      bytes: 1,
      perGb: 0.09,
    },
    {
      name: 'a link that copies 2.5 of 10 MB/s carries a quarter of the bytes',
      link: { throughputMBps: 2.5 },
      bytes: 0.25,
      perGb: 0.02,
    },
  ];
  it.each(cases)('$name', (k) => {
    const out = recordsOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster(), kafkaCluster({ name: 'orders-dr', region: US })],
      clients: producers(),
      links: [{ name: 'mm2-dr', kind: 'mirrormaker2', from: 'orders', to: 'orders-dr', ...k.link }],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
      ...(k.costs ? { costs: k.costs } : {}),
    });
    expect(out.map((c) => c.name)).toEqual(['orders', 'orders-dr']);
    const c = out[0]!;
    const links = pathsOf(c, 'replicate-out');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      link: { name: 'mm2-dr', kind: 'mirrormaker2' },
      crossRegion: true,
      crossAccount: false,
      leavesBoundary: false,
      bytesPerProducedByte: k.bytes,
    });
    expect(links[0]!.hops.map((h) => [h.label, h.region])).toEqual([
      ['cluster orders', EU],
      ['cluster orders-dr', US],
    ]);
    expect(c.crossRegion.perProducedByte).toBeCloseTo(k.bytes, 9);
    expect(c.crossRegion.gbPerMonth).toBeCloseTo(k.bytes * GB_AT_10, 1);
    expect(c.crossRegion.usdPerMonth).toBeCloseTo(k.bytes * GB_AT_10 * k.perGb, 2);
    // The link belongs to its source: the target records no outgoing copy.
    expect(pathsOf(out[1]!, 'replicate-out')).toEqual([]);
    // The target has no producer of its own: the link writes into it at the source's rate.
    expect(out[1]!.producedMBps).toBeCloseTo(10 * k.bytes, 9);
    expect(out[1]!.assumptions).toContain(
      `written by mirrormaker2 mm2-dr from orders at ${10 * k.bytes} MB/s (the source's producers)`,
    );
    expect(out[1]!.crossAz.gbPerMonth).not.toBeNull();
  });

  it('a target with producers of its own keeps their rate', () => {
    const out = recordsOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster(), kafkaCluster({ name: 'orders-dr', region: US })],
      clients: [
        ...producers(),
        {
          name: 'dr-api',
          role: 'producer',
          cluster: 'orders-dr',
          account: A,
          region: US,
          throughputMBps: 1,
        },
      ],
      links: [{ name: 'mm2-dr', kind: 'mirrormaker2', from: 'orders', to: 'orders-dr' }],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    expect(out[1]!.producedMBps).toBe(1);
    expect(out[1]!.assumptions.join('\n')).not.toMatch(/written by/);
  });

  it.each([
    { end: 'to', from: 'orders', to: 'nope' },
    { end: 'from', from: 'nope', to: 'orders' },
  ])('a link naming an undeclared cluster ($end) is a one-line boundary error', (k) => {
    const yaml = [
      'version: 1',
      'name: x',
      'inside:',
      `  accounts: [{ id: "${A}" }]`,
      'kafka:',
      '  clusters:',
      '    - { name: orders, kind: kafka }',
      '  links:',
      `    - { name: mm2, kind: mirrormaker2, from: ${k.from}, to: ${k.to} }`,
      '',
    ].join('\n');
    let err: unknown;
    try {
      parseBoundary(yaml, 'boundary.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toBe(
      `boundary.yaml:9: kafka.links.0.${k.end}: expected the name of a cluster in kafka.clusters, got 'nope'`,
    );
  });
});

/** MSK `payments` (eu-west-1) and `payments-dr` (us-east-1), an MSK Replicator between them. */
function mskReplicated(): Estate {
  const source = mskClusterArn('payments');
  const target = mskClusterArn('payments-dr', A, US);
  const arn = `arn:aws:kafka:${US}:${A}:replicator/payments-dr/7d1c2b3a-4e5f-4a6b-9c8d-0e1f2a3b4c5d-2`;
  return mskEstate()
    .mskCluster('payments-dr', { region: US })
    .file(`${A}/${US}/kafka-list-replicators.json`, {
      Replicators: [
        { ReplicatorArn: arn, ReplicatorName: 'payments-dr', ReplicatorState: 'RUNNING' },
      ],
    })
    .file(`${A}/${US}/kafka-describe-replicator/${encodeURIComponent(arn)}.json`, {
      ReplicatorArn: arn,
      ReplicatorName: 'payments-dr',
      ReplicatorState: 'RUNNING',
      KafkaClusters: [
        { AmazonMskCluster: { MskClusterArn: source }, KafkaClusterAlias: 'payments-a1b2' },
        { AmazonMskCluster: { MskClusterArn: target }, KafkaClusterAlias: 'payments-dr-c3d4' },
      ],
      ReplicationInfoList: [
        { SourceKafkaClusterAlias: 'payments-a1b2', TargetKafkaClusterAlias: 'payments-dr-c3d4' },
      ],
    });
}

describe('MSK Replicator of the snapshot and kafka.links', () => {
  const clusters: ClusterInput[] = [
    { name: 'payments', kind: 'msk', msk: 'payments' },
    { name: 'payments-dr', kind: 'msk', msk: 'payments-dr', region: US },
  ];
  const payApi: ClientInput = {
    name: 'pay-api',
    role: 'producer',
    cluster: 'payments',
    account: A,
    azId: AZS[0],
    throughputMBps: 4,
  };

  it('a declared msk-replicator link the snapshot shows is counted once, said', () => {
    const out = recordsOf({
      estate: mskReplicated(),
      clusters,
      clients: [payApi],
      links: [{ name: 'dr', kind: 'msk-replicator', from: 'payments', to: 'payments-dr' }],
    });
    const c = out.find((x) => x.name === 'payments')!;
    const links = pathsOf(c, 'replicate-out');
    expect(links.map((p) => [p.link, p.bytesPerProducedByte])).toEqual([
      [{ name: 'payments-dr', kind: 'msk-replicator' }, 1],
    ]);
    expect(c.assumptions).toContain(
      'kafka.links dr is MSK Replicator payments-dr of the snapshot: counted once',
    );
    expect(c.crossRegion.perProducedByte).toBeCloseTo(1, 8);
    // The DR cluster is written at the source's rate.
    const dr = out.find((x) => x.name === 'payments-dr')!;
    expect(dr.producedMBps).toBe(4);
    expect(dr.assumptions).toContain(
      "written by msk-replicator payments-dr from payments at 4 MB/s (the source's producers)",
    );
  });

  it('a declared link of another kind between the same clusters is a second copy', () => {
    const c = clusterOf(
      {
        estate: mskReplicated(),
        clusters,
        clients: [payApi],
        links: [{ name: 'mm2', kind: 'mirrormaker2', from: 'payments', to: 'payments-dr' }],
      },
      'payments',
    );
    expect(
      pathsOf(c, 'replicate-out')
        .map((p) => `${p.link?.kind} ${p.link?.name}`)
        .sort(),
    ).toEqual(['mirrormaker2 mm2', 'msk-replicator payments-dr']);
    expect(c.crossRegion.perProducedByte).toBeCloseTo(2, 8);
  });
});

describe('cluster names', () => {
  it.each([
    {
      name: 'MSK clusters of the snapshot sharing a name: made unique by region',
      estate: () => estate().mskCluster('payments').mskCluster('payments', { region: US }),
      clusters: [] as ClusterInput[],
      expect: [
        ['payments@eu-west-1', mskClusterArn('payments')],
        ['payments@us-east-1', mskClusterArn('payments', A, US)],
      ],
    },
    {
      name: 'sharing a name and a region: made unique by account and region',
      estate: () => estate().mskCluster('payments').mskCluster('payments', { account: B }),
      clusters: [] as ClusterInput[],
      expect: [
        [`payments@${A}/eu-west-1`, mskClusterArn('payments')],
        [`payments@${B}/eu-west-1`, mskClusterArn('payments', B)],
      ],
    },
    {
      name: 'the boundary declares one by name and region: it keeps the name, the other is made unique',
      estate: () => estate().mskCluster('payments').mskCluster('payments', { region: US }),
      clusters: [{ name: 'payments', kind: 'msk', msk: 'payments', region: US }] as ClusterInput[],
      expect: [
        ['payments', mskClusterArn('payments', A, US)],
        ['payments@eu-west-1', mskClusterArn('payments')],
      ],
    },
  ])('$name', (k) => {
    const out = recordsOf({ estate: k.estate(), clusters: k.clusters });
    expect(out.map((c) => [c.name, c.arn])).toEqual(k.expect);
  });

  it('a cluster name used twice in the boundary is a one-line error', () => {
    const yaml = [
      'version: 1',
      'name: x',
      'inside:',
      `  accounts: [{ id: "${A}" }]`,
      'kafka:',
      '  clusters:',
      '    - { name: orders, kind: kafka }',
      '    - { name: orders, kind: automq }',
      '',
    ].join('\n');
    let err: unknown;
    try {
      parseBoundary(yaml, 'boundary.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toBe(
      "boundary.yaml:8: kafka.clusters.1.name: expected a cluster name used once, got 'orders' again",
    );
  });
});

// ---------------------------------------------------------------- 6. encryption of disks

const OUTSIDE_KEY = '5e1f0c2a-0000-4000-8000-0000000e0b50';
const INSIDE_KEY = '9b7d1e3f-0000-4000-8000-0000000e0b51';
const PARTNER_KEY = '7c2e4a6b-0000-4000-8000-0000000e0b52';
const AWS_EBS_KEY = '1d3f5a7c-0000-4000-8000-0000000e0b53';

interface DiskCase {
  name: string;
  /** Volumes of i-broker-a (euw1-az1). */
  volumes: { encrypted?: boolean; kmsKeyId?: string }[];
  expect: { state: string; keyOwner?: string; keyAccount?: string; detail?: RegExp };
}

describe('broker disk encryption (describe-volumes)', () => {
  const cases: DiskCase[] = [
    {
      name: 'no volume in the snapshot: unknown',
      volumes: [],
      expect: { state: 'unknown', detail: /describe-volumes holds no volume of i-broker-a/ },
    },
    {
      name: 'an unencrypted volume: none',
      volumes: [{ encrypted: false }],
      expect: { state: 'none', detail: /unencrypted: vol-a-0 \(i-broker-a\)/ },
    },
    {
      name: 'one unencrypted volume among encrypted ones: none',
      volumes: [{ kmsKeyId: keyArn(INSIDE_KEY) }, { encrypted: false }],
      expect: { state: 'none', detail: /vol-a-1/ },
    },
    {
      name: 'a customer key inside: kms, owned inside',
      volumes: [{ kmsKeyId: keyArn(INSIDE_KEY) }],
      expect: { state: 'kms', keyOwner: 'inside', keyAccount: A },
    },
    {
      name: 'a key in an undeclared account: its owner is not inside',
      volumes: [{ kmsKeyId: keyArn(OUTSIDE_KEY, C) }],
      expect: { state: 'kms', keyOwner: 'undeclared', keyAccount: C },
    },
    {
      name: 'a key of the partner: the partner owns it',
      volumes: [{ kmsKeyId: keyArn(PARTNER_KEY, B) }],
      expect: { state: 'kms', keyOwner: 'partner', keyAccount: B },
    },
    {
      name: 'an inside key and an outside key: the outside key decides',
      volumes: [{ kmsKeyId: keyArn(INSIDE_KEY) }, { kmsKeyId: keyArn(OUTSIDE_KEY, C) }],
      expect: { state: 'kms', keyOwner: 'undeclared', keyAccount: C },
    },
    {
      name: 'a partner key and an undeclared key: the least trusted (undeclared) decides',
      volumes: [{ kmsKeyId: keyArn(PARTNER_KEY, B) }, { kmsKeyId: keyArn(OUTSIDE_KEY, C) }],
      expect: { state: 'kms', keyOwner: 'undeclared', keyAccount: C },
    },
    {
      name: 'an undeclared key and a partner key: the undeclared still decides, whatever the order',
      volumes: [{ kmsKeyId: keyArn(OUTSIDE_KEY, C) }, { kmsKeyId: keyArn(PARTNER_KEY, B) }],
      expect: { state: 'kms', keyOwner: 'undeclared', keyAccount: C },
    },
    {
      name: 'the AWS managed aws/ebs key and a partner key: the partner decides',
      volumes: [{ kmsKeyId: keyArn(AWS_EBS_KEY) }, { kmsKeyId: keyArn(PARTNER_KEY, B) }],
      expect: { state: 'kms', keyOwner: 'partner', keyAccount: B },
    },
    {
      name: 'the AWS managed aws/ebs key: aws-managed',
      volumes: [{ kmsKeyId: keyArn(AWS_EBS_KEY) }],
      expect: { state: 'aws-managed' },
    },
  ];
  it.each(cases)('$name', (k) => {
    const e = kafkaVpc()
      .key(INSIDE_KEY)
      .key(AWS_EBS_KEY, { manager: 'AWS', aliases: ['aws/ebs'] })
      .key(OUTSIDE_KEY, { account: C })
      .key(PARTNER_KEY, { account: B });
    k.volumes.forEach((v, i) => {
      e.volume(`vol-a-${i}`, { instance: 'i-broker-a', ...v });
    });
    // The other brokers' disks are encrypted inside, so only AZ 1 varies.
    e.volume('vol-b-0', { instance: 'i-broker-b', kmsKeyId: keyArn(INSIDE_KEY) });
    e.volume('vol-c-0', { instance: 'i-broker-c', kmsKeyId: keyArn(INSIDE_KEY) });
    const c = clusterOf({
      estate: e,
      clusters: [kafkaCluster()],
      clients: producers(),
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    const disk = (az: string) => c.stores.find((s) => s.node === `disk:orders@${az}`)!;
    const enc = disk(AZS[0])!.encryption!;
    expect(enc.state).toBe(k.expect.state);
    if (k.expect.keyOwner) expect(enc.keyOwner).toBe(k.expect.keyOwner);
    if (k.expect.keyAccount) expect(enc.keyAccount).toBe(k.expect.keyAccount);
    if (k.expect.detail) expect(enc.detail).toMatch(k.expect.detail);
    for (const az of AZS.slice(1))
      expect(disk(az).encryption).toMatchObject({ state: 'kms', keyOwner: 'inside' });
  });

  it('an AutoMQ block-device WAL takes the encryption of the broker’s volumes', () => {
    const e = kafkaVpc({ s3Endpoint: true }).bucket(DATA_BUCKET).key(OUTSIDE_KEY, { account: C });
    for (const z of ['a', 'b', 'c'])
      e.volume(`vol-${z}`, { instance: `i-broker-${z}`, kmsKeyId: keyArn(OUTSIDE_KEY, C) });
    const c = clusterOf({
      estate: e,
      clusters: [automqCluster()],
      clients: producers(),
      configs: { orders: brokerConfigs({ ...AUTOMQ, 's3.wal.path': '0@file:///dev/nvme1n1' }) },
    });
    const wal = c.stores.filter((s) => s.store === 'block-wal');
    expect(wal.map((s) => s.azId)).toEqual([...AZS]);
    for (const s of wal)
      expect(s.encryption).toMatchObject({ state: 'kms', keyAccount: C, keyOwner: 'undeclared' });
    expect(c.elasticity.model).toBe('shared-storage');
  });
});

// ---------------------------------------------------------------- 7. assumptions

interface AssumeCase {
  name: string;
  cluster?: Partial<ClusterInput>;
  clients: ClientInput[];
  topics?: string;
  config?: Props;
  /** Each must match one assumption. */
  says: RegExp[];
  gb: 'null' | 'figure';
  byHop?: { produce: number; replicate: number; consume: number };
}

const P = (o: Partial<ClientInput> = {}): ClientInput => ({
  name: 'p',
  role: 'producer',
  cluster: 'orders',
  ...o,
});

/** `kafka-topics --describe`: 3 partitions, RF 2, every leader on broker 0 (euw1-az1). */
const DESCRIBE_ALL_ON_0 = [
  'Topic: orders\tTopicId: 4Qm0wzZ5S3mEVwpAq6yV1g\tPartitionCount: 3\tReplicationFactor: 2\tConfigs: min.insync.replicas=1',
  '\tTopic: orders\tPartition: 0\tLeader: 0\tReplicas: 0,1\tIsr: 0,1',
  '\tTopic: orders\tPartition: 1\tLeader: 0\tReplicas: 0,1\tIsr: 0,1',
  '\tTopic: orders\tPartition: 2\tLeader: 0\tReplicas: 0,1\tIsr: 0,1',
  '',
].join('\n');

describe('assumptions: what the model cannot see, it says', () => {
  const cases: AssumeCase[] = [
    {
      name: 'no producer declared: spread over the AZs, no monthly figure',
      clients: [],
      says: [/no producer declared/, /no consumer declared/],
      gb: 'null',
      byHop: { produce: 2 / 3, replicate: 2, consume: 0 },
    },
    {
      name: 'producers without throughputMBps: no monthly figure',
      clients: producers('orders', false),
      says: [/no producer declares throughputMBps/],
      gb: 'null',
      byHop: { produce: 2 / 3, replicate: 2, consume: 0 },
    },
    {
      name: 'a producer without AZ: all its bytes cross',
      clients: [P({ throughputMBps: 10 })],
      says: [/client p has no azId or subnet: its bytes are counted as crossing an AZ/],
      gb: 'figure',
      byHop: { produce: 1, replicate: 2, consume: 0 },
    },
    {
      name: 'a consumer without AZ: its group’s reads all cross',
      clients: [
        P({ azId: AZS[0], throughputMBps: 10 }),
        { name: 'c', role: 'consumer', cluster: 'orders' },
      ],
      says: [/client c has no azId or subnet/],
      gb: 'figure',
      byHop: { produce: 2 / 3, replicate: 2, consume: 1 },
    },
    {
      name: 'default placement, one producer in euw1-az1',
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      says: [/leaders spread evenly over the brokers/],
      gb: 'figure',
      byHop: { produce: 2 / 3, replicate: 2, consume: 0 },
    },
    {
      name: 'a topic list with every leader on broker 0: the producer in euw1-az1 stays local',
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      topics: DESCRIBE_ALL_ON_0,
      says: [/partition placement from the topic list \(3 partitions/],
      gb: 'figure',
      byHop: { produce: 0, replicate: 1, consume: 0 },
    },
    {
      name: 'a topic list naming a broker that is not placed: that partition is left out',
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      topics: DESCRIBE_ALL_ON_0.replace(
        'Partition: 2\tLeader: 0\tReplicas: 0,1',
        'Partition: 2\tLeader: 7\tReplicas: 7,1',
      ),
      says: [/1 partitions name brokers that could not be placed/, /\(2 partitions/],
      gb: 'figure',
      byHop: { produce: 0, replicate: 1, consume: 0 },
    },
    {
      name: 'a bucket the boundary gives the cluster, no tiered settings: taken as tiered, said',
      cluster: { buckets: ['acme-kafka-wal-*'] },
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      says: [
        /bucket acme-kafka-wal-euw1 is declared to hold records of orders \(kafka\.clusters\[\]\.buckets\): taken as its tiered storage/,
      ],
      gb: 'figure',
      byHop: { produce: 2 / 3, replicate: 2, consume: 0 },
    },
    {
      name: 'no topic list and no default.replication.factor: RF 1, said',
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      config: {},
      says: [/replication factor 1 \(the Apache Kafka default\)/],
      gb: 'figure',
      byHop: { produce: 2 / 3, replicate: 0, consume: 0 },
    },
  ];
  it.each(cases)('$name', (k) => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster(k.cluster)],
      clients: k.clients,
      configs: { orders: brokerConfigs(k.config ?? KAFKA_RF3) },
      ...(k.topics ? { topics: { orders: k.topics } } : {}),
    });
    for (const re of k.says)
      expect(
        c.assumptions.some((a) => re.test(a)),
        String(re),
      ).toBe(true);
    if (k.gb === 'null') {
      expect(c.producedMBps).toBeUndefined();
      expect(c.crossAz.gbPerMonth).toBeNull();
      expect(c.crossAz.usdPerMonth).toBeNull();
      expect(c.crossRegion.gbPerMonth).toBeNull();
      expect(c.nat.usdPerMonth).toBeNull();
    } else {
      expect(c.crossAz.gbPerMonth).toBeCloseTo(c.crossAz.chargedPerProducedByte * GB_AT_10, 0);
    }
    if (k.byHop)
      expect(c.crossAz.byHop).toMatchObject({
        produce: expect.closeTo(k.byHop.produce, 9),
        replicate: expect.closeTo(k.byHop.replicate, 9),
        consume: expect.closeTo(k.byHop.consume, 9),
      });
  });

  it('a client without AZ marks its paths as crossing', () => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ throughputMBps: 10 })],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    const produce = pathsOf(c, 'produce');
    expect(produce).toHaveLength(3);
    for (const p of produce) {
      expect(p.hops[0]!.azId).toBeUndefined();
      expect(p.crossAz).toBe(true);
    }
  });

  it('a setting it cannot read and a node it cannot place are said, not dropped', () => {
    const configs = [
      ...brokerConfigs(KAFKA_RF3).slice(0, 2),
      readNodeConfig('broker-2.properties', 'node.id=2\nlisteners=PLAINTEXT://10.8.9.99:9092\n'),
      readNodeConfig('broker-3.properties', 'node.id=3\nlisteners=BROKEN\n'),
    ];
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      configs: { orders: configs },
    });
    expect(c.brokers.map((b) => b.id)).toEqual(['0', '1']);
    expect(c.assumptions).toContain(
      "broker-3.properties:2: listener 'BROKEN' is not NAME://host:port (ignored)",
    );
    expect(c.assumptions.join('\n')).toMatch(
      /node 2 is left out: no interface of the snapshot holds 10\.8\.9\.99/,
    );
  });

  it.each([
    ['an EC2 default host name', 'ip-10-8-2-20.eu-west-1.compute.internal', ['0', '1']],
    [
      'the interface’s private DNS name in capitals',
      'IP-10-8-2-20.EU-WEST-1.COMPUTE.INTERNAL',
      ['0', '1'],
    ],
    ['a Route 53 name', 'kafka-1.orders.internal', ['0']],
    ['a default host name of another region', 'ip-10-8-2-20.us-east-1.compute.internal', ['0']],
  ])('listener host names: %s', (_name, host, placed) => {
    const configs = [
      brokerConfigs(KAFKA_RF3)[0]!,
      readNodeConfig('broker-1.properties', `node.id=1\nlisteners=PLAINTEXT://${host}:9092\n`),
    ];
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      configs: { orders: configs },
    });
    expect(c.brokers.map((b) => b.id)).toEqual(placed);
    if (placed.length === 1)
      expect(c.assumptions.join('\n')).toMatch(
        /node 1 is left out: .*host names are matched to the interfaces' EC2 private DNS names only/,
      );
  });

  it('the topic list’s replication factor wins over default.replication.factor', () => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
      topics: { orders: DESCRIBE_ALL_ON_0 },
    });
    expect(c.replicationFactor).toEqual({
      value: 2,
      from: 'the topic list (1 topic, weighted by partitions)',
    });
  });
});

describe('topic lists: internal topics, tiering, default placement', () => {
  /** `__consumer_offsets`, 3 partitions, RF 3, leaders on broker 1 (euw1-az2). */
  const OFFSETS = [
    'Topic: __consumer_offsets\tTopicId: 9Qm0wzZ5S3mEVwpAq6yV1h\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: cleanup.policy=compact',
    '\tTopic: __consumer_offsets\tPartition: 0\tLeader: 1\tReplicas: 1,2,0\tIsr: 1,2,0',
    '\tTopic: __consumer_offsets\tPartition: 1\tLeader: 1\tReplicas: 1,2,0\tIsr: 1,2,0',
    '\tTopic: __consumer_offsets\tPartition: 2\tLeader: 1\tReplicas: 1,2,0\tIsr: 1,2,0',
    '',
  ].join('\n');
  const run = (topics: string | undefined, configs = brokerConfigs(KAFKA_RF3)) =>
    clusterOf({
      estate: kafkaVpc({ s3Endpoint: true }).bucket(TIERED_BUCKET),
      clusters: [kafkaCluster()],
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      configs: { orders: configs },
      ...(topics ? { topics: { orders: topics } } : {}),
    });
  const sum = (paths: RecordPath[]) => paths.reduce((t, p) => t + p.bytesPerProducedByte, 0);

  it('internal topics (__…) carry no produced records: left out of the traffic, said', () => {
    const c = run(DESCRIBE_ALL_ON_0 + OFFSETS);
    expect(c.replicationFactor).toEqual({
      value: 2,
      from: 'the topic list (1 topic, weighted by partitions)',
    });
    expect(c.assumptions).toContain('1 internal topic (__…) left out of the traffic');
    expect(c.assumptions.join('\n')).toMatch(
      /partition placement from the topic list \(3 partitions/,
    );
    // As without __consumer_offsets: every leader on broker 0, one follower on broker 1.
    expect(c.crossAz.byHop).toMatchObject({ produce: 0, replicate: 1, consume: 0 });
  });

  it('a topic tiers only when it sets remote.storage.enable=true', () => {
    // The describe text has no remote.storage.enable: Kafka's default, not tiered.
    const c = run(DESCRIBE_ALL_ON_0, brokerConfigs(TIERED));
    expect(pathsOf(c, 'tier')).toEqual([]);
    expect(c.assumptions.join('\n')).not.toMatch(/every topic is assumed/);
  });

  it('tiered topics weigh by partitions: 3 of 6 partitions tier, half the bytes', () => {
    const yaml = [
      'topics:',
      '  - { name: orders, partitions: 3, replicationFactor: 3, remoteStorage: true }',
      '  - { name: audit, partitions: 1, replicationFactor: 3, remoteStorage: false }',
      '  - { name: events, partitions: 2, replicationFactor: 3 }',
      '',
    ].join('\n');
    const c = run(yaml, brokerConfigs(TIERED));
    expect(sum(pathsOf(c, 'tier'))).toBeCloseTo(0.5, 8);
  });

  it('no topic list: every topic is assumed tiered, said', () => {
    const c = run(undefined, brokerConfigs(TIERED));
    expect(sum(pathsOf(c, 'tier'))).toBeCloseTo(1, 8);
    expect(c.assumptions).toContain(
      'no topic list: every topic is assumed to set remote.storage.enable=true (give the topic list for the real share)',
    );
  });

  it('topics without an assignment are placed with their own replication factor', () => {
    // 1 partition at RF 3 and 3 at RF 1: (1 × 2 + 3 × 0) / 4 = 0.5 follower copies per byte
    // (an average RF of 1.5 rounded to 2 would give 1).
    const yaml = [
      'topics:',
      '  - { name: orders, partitions: 1, replicationFactor: 3 }',
      '  - { name: clicks, partitions: 3, replicationFactor: 1 }',
      '',
    ].join('\n');
    const c = run(yaml);
    expect(c.crossAz.byHop.replicate).toBeCloseTo(0.5, 9);
    expect(c.crossAz.byHop.produce).toBeCloseTo(2 / 3, 9);
    expect(sum(pathsOf(c, 'durable'))).toBeCloseTo(1.5, 8);
    expect(c.assumptions).toContain(
      'topics without an assignment: leaders spread evenly over the brokers, replicas on the next AZs, each partition carrying the same traffic',
    );
  });
});

describe('clients in other accounts and regions', () => {
  it('a partner’s producer: its produce paths cross the account and leave the boundary', () => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ account: B, azId: AZS[0], throughputMBps: 10 })],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    const produce = pathsOf(c, 'produce');
    expect(produce.map((p) => [p.hops[0]!.owner, p.crossAccount, p.leavesBoundary])).toEqual(
      Array(3).fill(['partner', true, true]),
    );
    expect(produce.map((p) => p.crossAz)).toEqual([false, true, true]);
  });

  // A consumer in us-east-1 reading from brokers in eu-west-1: AWS bills those bytes as
  // inter-region transfer out of eu-west-1 ($0.02/GB), not also as inter-AZ transfer ($0.01/GB
  // each way): 1 in crossRegion, nothing in crossAz.chargedPerProducedByte.
  it('a consumer in another region is billed as inter-region, not also as inter-AZ', () => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [
        P({ azId: AZS[0], throughputMBps: 10 }),
        { name: 'c-us', role: 'consumer', cluster: 'orders', region: US, azId: 'use1-az1' },
      ],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    expect(c.crossRegion.perProducedByte).toBeCloseTo(1, 8);
    expect(c.crossAz.chargedPerProducedByte).toBeCloseTo(2 / 3 + 2, 8);
  });

  it('a client with no account, subnet or VPC: who runs it is unknown, not outside, said', () => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ azId: AZS[0], throughputMBps: 10 })],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    const produce = pathsOf(c, 'produce');
    expect(produce).toHaveLength(3);
    for (const p of produce) {
      expect(p.hops[0]).toMatchObject({ owner: 'unknown', region: EU });
      expect(p.hops[0]!.account).toBeUndefined();
      expect([p.crossAccount, p.crossRegion, p.leavesBoundary]).toEqual([false, false, false]);
    }
    expect(c.assumptions).toContain(
      'client p names no account, subnet or VPC of the snapshot: who runs it is unknown',
    );
    expect(c.assumptions).toContain('client p names no region: taken to run in eu-west-1');
  });

  it.each([
    ['its subnet', { subnet: 'subnet-kafka-priv-b' }],
    ['its VPC', { vpc: 'vpc-kafka', azId: AZS[1] }],
  ])('a client placed by %s takes its account and region', (_by, where) => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ ...where, throughputMBps: 10 })],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    for (const p of pathsOf(c, 'produce'))
      expect(p.hops[0]).toMatchObject({ account: A, region: EU, azId: AZS[1], owner: 'inside' });
    expect(c.assumptions.join('\n')).not.toMatch(/client p names no/);
  });

  it('a producer in another region is billed as inter-region, not also as inter-AZ', () => {
    const c = clusterOf({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ account: A, region: US, azId: 'use1-az1', throughputMBps: 10 })],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    expect(c.crossAz.byHop.produce).toBe(0);
    expect(c.crossAz.chargedPerProducedByte).toBeCloseTo(2, 8);
    expect(c.crossRegion.perProducedByte).toBeCloseTo(1, 8);
    for (const p of pathsOf(c, 'produce')) expect(p.crossRegion).toBe(true);
  });
});

// ---------------------------------------------------------------- 8. determinism

/** Every kind of path at once: tiered Kafka with S3 replication and a MirrorMaker 2 link. */
const everything = (): Run => ({
  estate: kafkaVpc()
    .bucket(TIERED_BUCKET, {
      replication: { rules: [{ destBucket: 'acme-kafka-replica', destAccount: C }] },
    })
    .bucket('acme-kafka-replica', { account: C, region: US })
    .volume('vol-a', { instance: 'i-broker-a', encrypted: false })
    .volume('vol-b', { instance: 'i-broker-b' }),
  clusters: [kafkaCluster(), kafkaCluster({ name: 'orders-dr', region: US })],
  clients: [...producers(), ...groups(2)],
  links: [{ name: 'mm2-dr', kind: 'mirrormaker2', from: 'orders', to: 'orders-dr' }],
  configs: { orders: brokerConfigs(TIERED) },
});

const ORDER = ['produce', 'durable', 'replicate', 'tier', 'consume', 'replicate-out'];

describe('determinism', () => {
  it('two runs give byte-identical JSON', () => {
    const a = JSON.stringify(recordsOf(everything()));
    const b = JSON.stringify(recordsOf(everything()));
    expect(a.length).toBeGreaterThan(5000);
    expect(b).toBe(a);
  });

  it('clusters by name, paths by kind in record order', () => {
    const out = recordsOf(everything());
    expect(out.map((c) => c.name)).toEqual(['orders', 'orders-dr']);
    const kinds = out[0]!.paths.map((p) => ORDER.indexOf(p.kind));
    expect(kinds).toEqual([...kinds].sort((x, y) => x - y));
    expect(new Set(out[0]!.paths.map((p) => p.kind))).toEqual(new Set(ORDER));
  });

  it('within a kind (but replicate-out), paths by first hop, then last hop', () => {
    const c = recordsOf(everything())[0]!;
    for (const kind of ORDER.slice(0, -1)) {
      const keys = pathsOf(c, kind as RecordPath['kind']).map(
        (p) => `${p.hops[0]!.node}\u0000${last(p).node}`,
      );
      expect(keys, kind).toEqual([...keys].sort());
    }
  });

  // Replication links are found after the cluster's own paths (MSK Replicator, kafka.links,
  // S3 replication); they are sorted with the others by (first hop, last hop).
  it('replicate-out paths are sorted like the others', () => {
    const c = recordsOf(everything())[0]!;
    const keys = pathsOf(c, 'replicate-out').map((p) => `${p.hops[0]!.node}\u0000${last(p).node}`);
    expect(keys).toEqual([...keys].sort());
  });

  // Stores are sorted by (store kind, node), the S3 replica found with the links included.
  it('stores are sorted by kind and node, the S3 replica included', () => {
    const c = recordsOf(everything())[0]!;
    const keys = c.stores.map((s) => `${s.store}\u0000${s.node}`);
    expect(keys).toEqual([...keys].sort());
  });
});

// ---------------------------------------------------------------- 9. CLI

/** Write an estate, a boundary and the broker configs to a temporary folder. */
function onDisk(r: Run): { snapshot: string; boundary: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ownmap-records-'));
  const snapshot = join(dir, 'snapshot');
  for (const [path, value] of Object.entries(r.estate.files())) {
    const file = join(snapshot, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  }
  const boundary = boundaryOf(r);
  for (const c of boundary.kafka.clusters) {
    const configs = r.configs?.[c.name];
    if (!configs) continue;
    mkdirSync(join(dir, c.name));
    c.config = c.name;
    for (const n of configs)
      writeFileSync(
        join(dir, c.name, n.file.split('/').pop()!),
        props(Object.fromEntries([...n.props.byKey].map(([k, v]) => [k, v.value]))),
      );
  }
  const file = join(dir, 'boundary.yaml');
  // JSON is YAML.
  writeFileSync(file, JSON.stringify(boundary, null, 2));
  return { snapshot, boundary: file };
}

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'ownmap', ...args], {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    isTTY: false,
    env: {},
  });
  return { code, stdout, stderr };
}

describe('ownmap paths record', () => {
  const files = onDisk(everything());
  const base = ['paths', 'record', files.snapshot, '--boundary', files.boundary];

  it('json: the ownmap-record-paths/1 report, the same as the library gives', async () => {
    const r = await cli(base);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      format: 'ownmap-record-paths/1',
      boundary: 'records',
      rates: {
        interAzPerGbEachWay: 0.01,
        interRegionPerGb: 0.02,
        natPerGb: 0.045,
        s3ObjectMB: 8,
      },
    });
    expect(report.clusters.map((c: ClusterRecords) => c.name)).toEqual(['orders', 'orders-dr']);
    const orders = report.clusters[0] as ClusterRecords;
    expect(orders.brokers).toHaveLength(3);
    expect(orders.crossAz.perProducedByte).toBeCloseTo(2 / 3 + 2 + 4 / 3 + 2 / 3, 8);
    expect(orders.nat.perProducedByte).toBeCloseTo(1, 8);
    expect(report.gaps).toEqual([]);
    expect((await cli(base)).stdout).toBe(r.stdout);
  });

  it('--cluster keeps one cluster', async () => {
    const r = await cli([...base, '--cluster', 'orders-dr']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).clusters.map((c: ClusterRecords) => c.name)).toEqual(['orders-dr']);
  });

  it('text: a block per cluster with stores, paths, costs and assumptions', async () => {
    const r = await cli([...base, '--format', 'text', '--cluster', 'orders']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^orders \(kafka, 111111111111\/eu-west-1; AZs euw1-az1, euw1-az2, euw1-az3; RF 3\)$/m,
    );
    expect(r.stdout).toContain('durable stores:');
    expect(r.stdout).toMatch(/broker-disk: broker disks of orders in euw1-az1 .*none/);
    expect(r.stdout).toMatch(
      /s3-replica: bucket acme-kafka-replica \[333333333333\/us-east-1; undeclared/,
    );
    expect(r.stdout).toMatch(/replicate-out .*\(mirrormaker2 mm2-dr\).*cross-region/);
    expect(r.stdout).toMatch(/tier .*via NAT/);
    expect(r.stdout).toMatch(/at 10 MB\/s: cross-AZ [\d,]+ GB \$[\d,.]+\/month/);
    expect(r.stdout).toContain('assumptions:');
    expect(r.stdout).not.toContain('gaps');
  });

  it('text: figures that round to a whole number print without a trailing dot', async () => {
    // 3.9999 MB/s prints as 4 (toFixed(3) gives 4.000, not 4.).
    const f = onDisk({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ azId: AZS[0], throughputMBps: 3.9999 })],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
    });
    const r = await cli([
      'paths',
      'record',
      f.snapshot,
      '--boundary',
      f.boundary,
      '--format',
      'text',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}at 4 MB\/s: /m);
    expect(r.stdout).not.toMatch(/\d\.[ ×)]/);
  });

  it('text: control characters in names from the boundary are replaced', async () => {
    const f = onDisk({
      estate: kafkaVpc(),
      clusters: [kafkaCluster()],
      clients: [P({ account: B, azId: AZS[0], throughputMBps: 10 })],
      configs: { orders: brokerConfigs(KAFKA_RF3) },
      parties: [{ name: 'part\u001b[31mner', role: 'partner', accounts: [B] }],
    });
    const r = await cli([
      'paths',
      'record',
      f.snapshot,
      '--boundary',
      f.boundary,
      '--format',
      'text',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('producer p [222222222222/eu-west-1/euw1-az1; part?[31mner]');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('a failed call where the clusters are: listed in gaps (JSON and text), exit 3', async () => {
    const run = everything();
    // describe-volumes failed where the brokers run; a call in a region where no cluster, store
    // or client is does not count.
    run.estate
      .gap({ account: A, region: EU, service: 'ec2', operation: 'describe-volumes' })
      .gap({ account: B, region: 'eu-central-1', service: 'ec2', operation: 'describe-subnets' });
    const f = onDisk(run);
    const args = ['paths', 'record', f.snapshot, '--boundary', f.boundary];
    const json = await cli(args);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout);
    expect(report.gaps).toEqual([
      expect.objectContaining({
        account: A,
        region: EU,
        service: 'ec2',
        operation: 'describe-volumes',
        code: 'AccessDenied',
      }),
    ]);
    const text = await cli([...args, '--format', 'text']);
    expect(text.code).toBe(3);
    expect(text.stdout).toContain(
      'gaps (failed calls where these clusters are; figures there may be incomplete):\n  ec2 describe-volumes in 111111111111/eu-west-1: AccessDenied\n',
    );
  });

  it('a failed call only where no cluster is: no gap, exit 0', async () => {
    const run = everything();
    run.estate.gap({
      account: B,
      region: 'eu-central-1',
      service: 'ec2',
      operation: 'describe-subnets',
    });
    const f = onDisk(run);
    const r = await cli(['paths', 'record', f.snapshot, '--boundary', f.boundary]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).gaps).toEqual([]);
  });

  it('an unknown --cluster exits 2 with one line on stderr', async () => {
    const r = await cli([...base, '--cluster', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'ownmap: --cluster nope: no such cluster (the boundary and snapshot have orders, orders-dr)\n',
    );
  });

  it('--out writes the report to a file and nothing to stdout', async () => {
    const out = join(dirname(files.boundary), 'records.json');
    const r = await cli([...base, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('ownmap-record-paths/1');
    expect(readFileSync(out, 'utf8')).toBe((await cli(base)).stdout);
  });

  it('--out that cannot be written exits 2 with one line', async () => {
    const r = await cli([...base, '--out', join(dirname(files.boundary), 'no', 'such', 'f.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--out .*f\.json: cannot write \(ENOENT\)/);
  });
});
