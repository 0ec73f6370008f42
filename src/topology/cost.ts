/**
 * Where each produced byte travels between AZs inside one cluster, by hop (produce,
 * replicate, consume), from where brokers and clients sit, where partitions live, and the
 * fetch and routing settings; then GB and dollars a month. Pure: placement in, numbers out.
 *
 * The model: each producer writes to every partition's leader in proportion to the
 * partition's weight (partitions of a topic assignment weigh the same; without one, leaders
 * spread evenly over brokers and followers sit on the next racks round-robin, as Kafka's
 * rack-aware assignment places them); every follower copies what its leader takes; each
 * consumer group reads every record once, from the leader, or from a replica in its own AZ
 * with rack-aware fetching when one is there. AutoMQ keeps one copy (its durability is S3);
 * with zone routing, clients talk to a broker in their own AZ and brokers hand records over
 * through S3, so no bulk byte crosses an AZ.
 */

export type ClusterKind = 'kafka' | 'automq' | 'msk';

/** Where one partition's replicas sit. */
export interface PartitionPlacement {
  leaderAz: string;
  /** The AZ of each follower (RF − 1 of them), in replica order. */
  followerAzs: string[];
  /** Share of the traffic; normalised over all partitions. */
  weight: number;
}

export interface CostInput {
  kind: ClusterKind;
  /** AZ id of each broker. */
  brokerAzs: string[];
  /** Replication factor (Kafka and MSK; AutoMQ keeps one copy on brokers, durability is S3). */
  replicationFactor: number;
  /** Partition placement from a topic assignment; without it, leaders spread over brokers. */
  partitions?: PartitionPlacement[];
  /**
   * Producers: AZ id (undefined: not known, counted as crossing), share of produced bytes, and
   * (AutoMQ) whether the client takes part in zone routing (default: yes when it is on).
   */
  producers: { azId: string | undefined; share: number; routed?: boolean }[];
  /**
   * Consumer groups: the AZ ids of the members, the share of the produced bytes the group
   * reads (default 1: every record), whether its members fetch from the nearest replica
   * (default: `rackAwareFetch`; one flag for all or one per member), each member's part of
   * the group's reads (default equal), and (AutoMQ) which members take part in zone routing.
   */
  consumerGroups: {
    azIds: (string | undefined)[];
    share?: number;
    rackAware?: boolean | boolean[];
    weights?: number[];
    routed?: boolean[];
  }[];
  /** replica.selector.class is the rack-aware selector and clients set client.rack. */
  rackAwareFetch: boolean;
  /** AutoMQ zone-aware routing: clients talk to a broker in their own AZ. */
  zoneRouting: boolean;
}

export type CostHop = 'produce' | 'replicate' | 'consume';

/** Bytes from one AZ to another for each produced byte (same-AZ flows included). */
export interface AzFlow {
  hop: CostHop;
  /** Index of the producer or consumer group in the input, for produce and consume. */
  client?: number;
  fromAz: string | undefined;
  toAz: string | undefined;
  bytes: number;
}

export interface CrossAz {
  produce: number;
  replicate: number;
  consume: number;
  total: number;
  /** What AWS bills: MSK does not charge replication between its brokers. */
  charged: number;
}

/** Partitions as the default assignment places them: one led by each broker. */
export function defaultPlacement(
  brokerAzs: readonly string[],
  replicationFactor: number,
): PartitionPlacement[] {
  const azs = [...new Set(brokerAzs)].sort();
  const rf = Math.max(1, Math.min(replicationFactor, brokerAzs.length));
  return brokerAzs.map((leaderAz) => {
    const at = azs.indexOf(leaderAz);
    return {
      leaderAz,
      followerAzs: Array.from({ length: rf - 1 }, (_, j) => azs[(at + j + 1) % azs.length]!),
      weight: 1,
    };
  });
}

const crosses = (a: string | undefined, b: string | undefined) =>
  a === undefined || b === undefined || a !== b;

/** Every AZ-to-AZ flow of a produced byte, merged by hop, client and AZ pair. */
export function azFlows(input: CostInput): AzFlow[] {
  if (!input.brokerAzs.length) return [];
  const parts = input.partitions?.length
    ? input.partitions
    : defaultPlacement(input.brokerAzs, input.replicationFactor);
  const totalWeight = parts.reduce((s, p) => s + p.weight, 0) || 1;
  const brokerAzSet = new Set(input.brokerAzs);
  const routed = input.kind === 'automq' && input.zoneRouting;
  const out = new Map<string, AzFlow>();
  const add = (f: AzFlow) => {
    if (f.bytes <= 0) return;
    const k = `${f.hop}|${f.client ?? ''}|${f.fromAz ?? ''}|${f.toAz ?? ''}`;
    const hit = out.get(k);
    if (hit) hit.bytes += f.bytes;
    else out.set(k, { ...f });
  };
  // Share of leaders in each AZ.
  const leaderShare = new Map<string, number>();
  for (const p of parts)
    leaderShare.set(p.leaderAz, (leaderShare.get(p.leaderAz) ?? 0) + p.weight / totalWeight);

  const totalShare = input.producers.reduce((s, p) => s + p.share, 0) || 1;
  input.producers.forEach((p, client) => {
    const share = p.share / totalShare;
    // Zone routing: the broker in the producer's AZ takes the write and hands it on via S3.
    if (routed && (p.routed ?? true) && p.azId !== undefined && brokerAzSet.has(p.azId)) {
      add({ hop: 'produce', client, fromAz: p.azId, toAz: p.azId, bytes: share });
      return;
    }
    for (const [az, s] of leaderShare)
      add({ hop: 'produce', client, fromAz: p.azId, toAz: az, bytes: share * s });
  });

  // AutoMQ writes once to S3: no broker-to-broker copies.
  if (input.kind !== 'automq')
    for (const p of parts)
      for (const f of p.followerAzs)
        add({ hop: 'replicate', fromAz: p.leaderAz, toAz: f, bytes: p.weight / totalWeight });

  input.consumerGroups.forEach((g, client) => {
    if (!g.azIds.length) return;
    const groupShare = g.share ?? 1;
    const weights = g.weights?.length === g.azIds.length ? g.weights : g.azIds.map(() => 1);
    const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
    for (const [m, az] of g.azIds.entries()) {
      const member = (groupShare * weights[m]!) / weightSum;
      const rackAware = Array.isArray(g.rackAware)
        ? (g.rackAware[m] ?? false)
        : (g.rackAware ?? input.rackAwareFetch);
      if (routed && (g.routed?.[m] ?? true) && az !== undefined && brokerAzSet.has(az)) {
        add({ hop: 'consume', client, fromAz: az, toAz: az, bytes: member });
        continue;
      }
      for (const p of parts) {
        const w = (p.weight / totalWeight) * member;
        const local =
          input.kind !== 'automq' &&
          rackAware &&
          az !== undefined &&
          (p.leaderAz === az || p.followerAzs.includes(az));
        add({ hop: 'consume', client, fromAz: local ? az : p.leaderAz, toAz: az, bytes: w });
      }
    }
  });
  return [...out.values()];
}

/** Bytes that cross an AZ for each byte produced, by hop. */
export function crossAzPerProducedByte(input: CostInput): CrossAz {
  return sumCrossAz(input.kind, azFlows(input));
}

/** Sum the flows that cross an AZ. */
export function sumCrossAz(kind: ClusterKind, flows: readonly AzFlow[]): CrossAz {
  const c = { produce: 0, replicate: 0, consume: 0 };
  for (const f of flows) if (crosses(f.fromAz, f.toAz)) c[f.hop] += f.bytes;
  // Round away float dust so 2/3 + 2 + 2G/3 reads as it should.
  const r = (x: number) => Math.round(x * 1e12) / 1e12;
  const total = r(c.produce + c.replicate + c.consume);
  return {
    produce: r(c.produce),
    replicate: r(c.replicate),
    consume: r(c.consume),
    total,
    charged: kind === 'msk' ? r(c.produce + c.consume) : total,
  };
}

export interface Rates {
  /** Inter-AZ transfer, each direction (AWS: $0.01/GB in and $0.01/GB out). */
  interAzPerGbEachWay: number;
  interRegionPerGb: number;
  natPerGb: number;
  s3PutPer1000: number;
  s3GetPer1000: number;
  s3ObjectMB: number;
}

/**
 * AWS list prices: EC2 data transfer within a region $0.01/GB each direction between AZs,
 * $0.02/GB out to another region (most US and EU pairs), NAT gateway processing $0.045/GB,
 * S3 Standard $0.005 per 1,000 PUTs and $0.0004 per 1,000 GETs (us-east-1).
 */
export const DEFAULT_RATES: Rates = {
  interAzPerGbEachWay: 0.01,
  interRegionPerGb: 0.02,
  natPerGb: 0.045,
  s3PutPer1000: 0.005,
  s3GetPer1000: 0.0004,
  s3ObjectMB: 8,
};

export const SECONDS_PER_MONTH = 730 * 3600;

/** GB a month that `bytesPerProducedByte` makes of a produce rate in MB/s. */
export const gbPerMonth = (bytesPerProducedByte: number, producedMBps: number) =>
  (bytesPerProducedByte * producedMBps * SECONDS_PER_MONTH) / 1000;

/** GB a month and dollars a month for a produce rate (MB/s) at those cross-AZ bytes. */
export function monthly(
  crossAz: CrossAz,
  producedMBps: number,
  rates: Pick<Rates, 'interAzPerGbEachWay'> = DEFAULT_RATES,
): { gbPerMonth: number; usdPerMonth: number } {
  const gb = gbPerMonth(crossAz.charged, producedMBps);
  return { gbPerMonth: gb, usdPerMonth: gb * rates.interAzPerGbEachWay * 2 };
}
