/**
 * Cross-AZ bytes per produced byte for one cluster, by hop (produce, replicate, consume), from
 * where brokers and clients sit, the replication factor and the fetch and routing settings;
 * then GB and dollars a month. Pure: placement in, numbers out.
 *
 * The model: partition leaders spread evenly over brokers (so over AZs as brokers are), the
 * followers of a partition on the next racks round-robin (Kafka's rack-aware assignment), each
 * producer writing to every leader, each consumer group reading every record once, from the
 * leader, or from a replica in its own AZ with rack-aware fetching when one is there.
 */

export type ClusterKind = 'kafka' | 'automq' | 'msk';

export interface CostInput {
  kind: ClusterKind;
  /** AZ id of each broker. */
  brokerAzs: string[];
  /** Replication factor (Kafka and MSK; AutoMQ keeps one copy on brokers, durability is S3). */
  replicationFactor: number;
  /** Producers: AZ id and share of the produced bytes (shares are normalised). */
  producers: { azId: string; share: number }[];
  /** Consumer groups: each reads every record once; the AZ ids of its members. */
  consumerGroups: { azIds: string[] }[];
  /** replica.selector.class is the rack-aware selector and clients set client.rack. */
  rackAwareFetch: boolean;
  /** AutoMQ zone-aware routing: clients talk to a broker in their own AZ. */
  zoneRouting: boolean;
}

export interface CrossAz {
  produce: number;
  replicate: number;
  consume: number;
  total: number;
  /** What AWS bills: MSK does not charge replication between its brokers. */
  charged: number;
}

/** Bytes that cross an AZ for each byte produced, by hop. */
export function crossAzPerProducedByte(input: CostInput): CrossAz {
  const azs = [...new Set(input.brokerAzs)].sort();
  const n = input.brokerAzs.length;
  if (!n) return { produce: 0, replicate: 0, consume: 0, total: 0, charged: 0 };
  // Share of leaders in each AZ: as brokers are spread.
  const leaderShare = new Map<string, number>();
  for (const az of input.brokerAzs) leaderShare.set(az, (leaderShare.get(az) ?? 0) + 1 / n);
  const awayFrom = (az: string) => 1 - (leaderShare.get(az) ?? 0);

  const routed = input.kind === 'automq' && input.zoneRouting;
  const totalShare = input.producers.reduce((s, p) => s + p.share, 0) || 1;
  // Produce: to the partition's leader, unless zone routing sends it to a broker in the AZ.
  const produce = routed
    ? 0
    : input.producers.reduce((s, p) => s + (p.share / totalShare) * awayFrom(p.azId), 0);

  // Replicate: Kafka and MSK copy each record to RF-1 followers on the next racks; AutoMQ
  // writes once to S3 (no broker-to-broker copies).
  const rf = Math.max(1, Math.min(input.replicationFactor, n));
  const replicate =
    input.kind === 'automq' ? 0 : rf - 1 - Math.floor((rf - 1) / Math.max(1, azs.length));

  // Consume: every group reads each record once, from the leader, or from a replica in its AZ.
  const replicaAzs = Math.min(rf, azs.length);
  const consume = input.consumerGroups.reduce((s, g) => {
    if (!g.azIds.length) return s;
    const perMember = g.azIds.map((az) => {
      if (routed) return 0;
      if (input.rackAwareFetch && azs.includes(az) && replicaAzs === azs.length) return 0;
      return awayFrom(az);
    });
    return s + perMember.reduce((a, b) => a + b, 0) / perMember.length;
  }, 0);

  const total = produce + replicate + consume;
  return {
    produce,
    replicate,
    consume,
    total,
    charged: input.kind === 'msk' ? produce + consume : total,
  };
}

export interface Rates {
  /** Inter-AZ transfer, each direction (AWS: $0.01/GB in and $0.01/GB out). */
  interAzPerGbEachWay: number;
}

/** AWS EC2 data transfer within a region: $0.01/GB in each direction between AZs. */
export const DEFAULT_RATES: Rates = { interAzPerGbEachWay: 0.01 };

const SECONDS_PER_MONTH = 730 * 3600;

/** GB a month and dollars a month for a produce rate (MB/s) at those cross-AZ bytes. */
export function monthly(
  crossAz: CrossAz,
  producedMBps: number,
  rates: Rates = DEFAULT_RATES,
): { gbPerMonth: number; usdPerMonth: number } {
  const gb = (crossAz.charged * producedMBps * SECONDS_PER_MONTH) / 1000;
  return { gbPerMonth: gb, usdPerMonth: gb * rates.interAzPerGbEachWay * 2 };
}
