/**
 * Kafka helpers for case tables and record-path tests, around `kafkaVpc` and `kafkaBoundary`
 * (network.ts): broker configurations, the `orders` cluster as a boundary declares it, its
 * producer, broker volumes, and an MSK cluster `payments` in a VPC of its own.
 */
import type { BoundaryInput } from '../../src/boundary/schema.js';
import {
  DEFAULT_ACCOUNT,
  DEFAULT_REGION,
  type Estate,
  estate,
  keyArn,
  mskClusterArn,
  type VolumeOptions,
} from './estate.js';
import {
  host,
  KAFKA_BROKER_IPS,
  KAFKA_BUCKET,
  kafkaBoundary,
  kafkaVpc,
  network,
} from './network.js';

type KafkaInput = NonNullable<BoundaryInput['kafka']>;
export type ClientInput = NonNullable<KafkaInput['clients']>[number];
export type ClusterInput = NonNullable<KafkaInput['clusters']>[number];

const A = DEFAULT_ACCOUNT;
const EU = DEFAULT_REGION;

// ---------------------------------------------------------------- broker configurations

export interface BrokerPropertiesOptions {
  /** One broker per address, node ids 0..n-1 (default: the three brokers of `kafkaVpc`). */
  ips?: readonly string[];
  /** Add `process.roles=broker` after node.id. */
  processRoles?: boolean;
  /** broker.rack of broker i, after the listeners. */
  rack?: (i: number) => string;
}

/**
 * server.properties texts of brokers by file name (`broker-<i>.properties`), as a case's
 * `configs` takes them: node.id, listeners on the broker's address, then `extra`.
 */
export function brokerProperties(
  extra: readonly string[] = [],
  o: BrokerPropertiesOptions = {},
): Record<string, string> {
  return Object.fromEntries(
    (o.ips ?? KAFKA_BROKER_IPS).map((ip, i) => [
      `broker-${i}.properties`,
      [
        `node.id=${i}`,
        ...(o.processRoles ? ['process.roles=broker'] : []),
        `listeners=PLAINTEXT://${ip}:9092`,
        ...(o.rack ? [`broker.rack=${o.rack(i)}`] : []),
        ...extra,
      ].join('\n'),
    ]),
  );
}

/** Apache Kafka with its log on the broker disks, replication factor 3. */
export const KAFKA_ON_DISKS = ['log.dirs=/var/lib/kafka/data', 'default.replication.factor=3'];

/** AutoMQ with its data and its WAL in `bucket` (default the WAL bucket of `kafkaVpc`). */
export const automqS3 = (bucket = KAFKA_BUCKET) => [
  `s3.data.buckets=0@s3://${bucket}?region=${EU}`,
  `s3.wal.path=0@s3://${bucket}?region=${EU}`,
];

/**
 * AutoMQ zone routing: the channel (`automq.zonerouter.channels`) through which a broker hands
 * records taken in its AZ to the leader in another, in `bucket` (default the WAL bucket of
 * `kafkaVpc`). Clients take part only when their clientRack is their AZ id.
 */
export const zoneRouter = (bucket = KAFKA_BUCKET) => [
  `automq.zonerouter.channels=0@s3://${bucket}?region=${EU}`,
];

/** AutoMQ with its data in the WAL bucket of `kafkaVpc` and its WAL on a block device. */
export const AUTOMQ_BLOCK_WAL = [
  `s3.data.buckets=0@s3://${KAFKA_BUCKET}?region=${EU}`,
  's3.wal.path=0@file:///dev/nvme1n1',
];

/** Apache Kafka (replication factor 3) tiering to `bucket`; the config names `region` if given. */
export const tieredStorage = (bucket: string, region?: string) => [
  'default.replication.factor=3',
  'remote.log.storage.system.enable=true',
  `rsm.config.storage.s3.bucket.name=${bucket}`,
  ...(region ? [`rsm.config.storage.s3.region=${region}`] : []),
];

// ---------------------------------------------------------------- boundary

/**
 * The cluster `orders` of `kafkaBoundary` as `kind`. With `buckets: false` it declares no
 * bucket, so only the broker configurations place its records.
 */
export const ordersCluster = (
  kind: 'kafka' | 'automq' = 'automq',
  o: { buckets?: boolean } = {},
) => ({
  ...kafkaBoundary().kafka.clusters[0]!,
  kind,
  ...(o.buckets === false ? { buckets: [] } : {}),
});

/** A boundary whose only cluster is `orders` (see `ordersCluster`), with `clients` if given. */
export const ordersBoundary = (
  kind: 'kafka' | 'automq' = 'automq',
  o: { buckets?: boolean; clients?: ClientInput[] } = {},
) => ({
  kafka: {
    clusters: [ordersCluster(kind, o)],
    ...(o.clients ? { clients: o.clients } : {}),
  },
});

/**
 * The producer `checkout-api` of `orders`, at `throughputMBps` if given: in subnet-kafka-priv-a
 * (euw1-az1) of `kafkaVpc`, or placed by `azId` instead. With `clientRack` it says its AZ id
 * (what AutoMQ zone routing needs of a client).
 */
export const checkoutApi = (
  throughputMBps?: number,
  o: { azId?: string; clientRack?: boolean } = {},
): ClientInput => ({
  name: 'checkout-api',
  role: 'producer',
  cluster: 'orders',
  ...(o.azId ? { azId: o.azId } : { subnet: 'subnet-kafka-priv-a' }),
  ...(o.clientRack ? { clientRack: o.azId ?? 'euw1-az1' } : {}),
  ...(throughputMBps !== undefined ? { throughputMBps } : {}),
});

// ---------------------------------------------------------------- broker volumes

/** An inside key (alias kafka-ebs) for broker volumes, added by `kafkaVpcWithVolumes`. */
export const KAFKA_EBS_KEY_ID = '9b7d1e3f-0000-4000-8000-0000000e0b51';
export const KAFKA_EBS_KEY = keyArn(KAFKA_EBS_KEY_ID);

/**
 * `kafkaVpc` with the key `KAFKA_EBS_KEY` and one data volume per broker,
 * `vol-broker-<z>-data` on `i-broker-<z>`, encrypted as `encryption(z)` says.
 */
export function kafkaVpcWithVolumes(
  encryption: (z: 'a' | 'b' | 'c') => Pick<VolumeOptions, 'encrypted' | 'kmsKeyId'>,
): Estate {
  const e = kafkaVpc().key(KAFKA_EBS_KEY_ID, { aliases: ['kafka-ebs'] });
  for (const z of ['a', 'b', 'c'] as const)
    e.volume(`vol-broker-${z}-data`, { instance: `i-broker-${z}`, ...encryption(z) });
  return e;
}

// ---------------------------------------------------------------- MSK

export interface MskEstateOptions {
  /** Brokers 1–3 listed by kafka-list-nodes, one interface in each subnet at 10.20.<i>.100. */
  nodes?: boolean;
  /** The key of the cluster's volumes (default the account's aws/kafka key). */
  kmsKeyArn?: string;
  /** The region of the VPC and the cluster (default eu-west-1). */
  region?: string;
}

/**
 * An MSK cluster `payments` in account 111111111111, in subnet-msk-a/b/c (10.20.0-2.0/24, AZs
 * <region>a/b/c) of vpc-msk (10.20.0.0/16).
 */
export function mskEstate(o: MskEstateOptions = {}): Estate {
  const region = o.region ?? EU;
  const e = estate();
  const subnets = ['a', 'b', 'c'].map((z) => `subnet-msk-${z}`);
  network(e, {
    vpc: 'vpc-msk',
    cidr: '10.20.0.0/16',
    region,
    subnets: Object.fromEntries(
      subnets.map((s, i) => [s, [`${region}${'abc'[i]}`, `10.20.${i}.0/24`]]),
    ),
  });
  e.mskCluster('payments', {
    region,
    subnets,
    ...(o.kmsKeyArn ? { kmsKeyArn: o.kmsKeyArn } : {}),
  });
  if (!o.nodes) return e;
  const arn = mskClusterArn('payments', A, region);
  subnets.forEach((s, i) => {
    host(e, `eni-msk-${i + 1}`, s, `10.20.${i}.100`, { vpc: 'vpc-msk' });
  });
  return e.file(`${A}/${region}/kafka-list-nodes/${encodeURIComponent(arn)}.json`, {
    NodeInfoList: subnets.map((s, i) => ({
      NodeARN: `arn:aws:kafka:${region}:${A}:broker/payments/${i + 1}`,
      NodeType: 'BROKER',
      InstanceType: 'kafka.m5.large',
      BrokerNodeInfo: {
        AttachedENIId: `eni-msk-${i + 1}`,
        BrokerId: i + 1,
        ClientSubnet: s,
        ClientVpcIpAddress: `10.20.${i}.100`,
        Endpoints: [`b-${i + 1}.payments.abc123.c2.kafka.${region}.amazonaws.com`],
      },
    })),
  });
}
