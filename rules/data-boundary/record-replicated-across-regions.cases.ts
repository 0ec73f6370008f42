import type { RuleCase } from '../../test/support/cases.js';
import { type Estate, estate, mskClusterArn } from '../../test/support/estate.js';
import {
  brokerProperties,
  checkoutApi,
  ordersCluster,
  tieredStorage,
} from '../../test/support/kafka.js';
import { kafkaVpc } from '../../test/support/network.js';

const A = '111111111111';
const TIERED = 'acme-kafka-tiered-euw1';

const KAFKA = brokerProperties(['default.replication.factor=3']);
const KAFKA_TIERED = brokerProperties(tieredStorage(TIERED, 'eu-west-1'));

const producer = checkoutApi(10);
const orders = ordersCluster('kafka', { buckets: false });

/** `orders` with a MirrorMaker 2 link to `orders-dr` in `region`. */
const mirrored = (region: string, throughputMBps?: number) => ({
  kafka: {
    clusters: [orders, { name: 'orders-dr', kind: 'kafka' as const, account: A, region }],
    clients: [producer],
    links: [
      {
        name: 'mm2-dr',
        kind: 'mirrormaker2' as const,
        from: 'orders',
        to: 'orders-dr',
        ...(throughputMBps !== undefined ? { throughputMBps } : {}),
      },
    ],
  },
});

/** The tiered-storage bucket, replicated by S3 replication to `dest` (in the snapshot when `region`). */
const tieredReplicated = (dest: string, region?: string) => {
  const e = kafkaVpc().bucket(TIERED, {
    replication: { rules: [{ id: 'crr-dr', destBucket: dest }] },
  });
  return region ? e.bucket(dest, { region }) : e;
};

/** MSK `payments` in eu-west-1 copied by an MSK Replicator into `payments-dr` in `region`. */
const mskReplicated = (region: string): Estate => {
  const source = mskClusterArn('payments');
  const target = mskClusterArn('payments-dr', A, region);
  const arn = `arn:aws:kafka:${region}:${A}:replicator/payments-dr/7d1c2b3a-4e5f-4a6b-9c8d-0e1f2a3b4c5d-2`;
  return estate()
    .mskCluster('payments')
    .mskCluster('payments-dr', { region })
    .file(`${A}/${region}/kafka-list-replicators.json`, {
      Replicators: [
        { ReplicatorArn: arn, ReplicatorName: 'payments-dr', ReplicatorState: 'RUNNING' },
      ],
    })
    .file(`${A}/${region}/kafka-describe-replicator/${encodeURIComponent(arn)}.json`, {
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
};

export default [
  {
    name: 'MirrorMaker 2 into us-east-1, a region that is not approved: high',
    estate: kafkaVpc(),
    boundary: mirrored('us-east-1'),
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'cluster:orders',
        severity: 'high',
        message:
          'Records of kafka cluster orders are replicated by mirrormaker2 mm2-dr from cluster orders in eu-west-1 to cluster orders-dr in us-east-1, a region that is not approved (eu-west-1): 26,280 GB and $525.60 a month at $0.02/GB (1 byte per produced byte at 10 MB/s).',
      },
    ],
  },
  {
    name: 'the same link with us-east-1 approved for disaster recovery: medium',
    estate: kafkaVpc(),
    boundary: { ...mirrored('us-east-1'), approvedRegions: ['eu-west-1', 'us-east-1'] },
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'cluster:orders',
        severity: 'medium',
        message:
          'Records of kafka cluster orders are replicated by mirrormaker2 mm2-dr from cluster orders in eu-west-1 to cluster orders-dr in us-east-1: 26,280 GB and $525.60 a month at $0.02/GB (1 byte per produced byte at 10 MB/s).',
      },
    ],
  },
  {
    name: 'a link that copies 2.5 of 10 MB/s, at a negotiated $0.09/GB',
    estate: kafkaVpc(),
    boundary: {
      ...mirrored('eu-central-1', 2.5),
      approvedRegions: ['eu-west-1', 'eu-central-1'],
      costs: { interRegionPerGb: 0.09 },
    },
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'cluster:orders',
        message:
          '6,570 GB and $591.30 a month at $0.09/GB (0.25 bytes per produced byte at 10 MB/s)',
      },
    ],
  },
  {
    name: 'MirrorMaker 2 to a second cluster in the same region: passes',
    estate: kafkaVpc(),
    boundary: mirrored('eu-west-1'),
    configs: { orders: KAFKA },
    expect: [],
  },
  {
    name: 'S3 replication of the tiered-storage bucket to Frankfurt',
    estate: tieredReplicated('acme-kafka-tiered-euc1', 'eu-central-1'),
    boundary: {
      approvedRegions: ['eu-west-1', 'eu-central-1'],
      kafka: { clusters: [orders], clients: [producer] },
    },
    configs: { orders: KAFKA_TIERED },
    expect: [
      {
        resource: 'cluster:orders',
        severity: 'medium',
        message:
          'replicated by s3-replication crr-dr from bucket acme-kafka-tiered-euw1 in eu-west-1 to bucket acme-kafka-tiered-euc1 in eu-central-1: 26,280 GB',
      },
    ],
  },
  {
    name: 'S3 replication of the tiered-storage bucket to us-east-1, not approved: left to bucket-replicates-outside',
    estate: tieredReplicated('acme-kafka-tiered-use1', 'us-east-1'),
    boundary: { kafka: { clusters: [orders], clients: [producer] } },
    configs: { orders: KAFKA_TIERED },
    expect: [],
  },
  {
    name: 'S3 replication of the tiered-storage bucket within the region: passes',
    estate: tieredReplicated('acme-kafka-tiered-euw1-backup', 'eu-west-1'),
    boundary: { kafka: { clusters: [orders], clients: [producer] } },
    configs: { orders: KAFKA_TIERED },
    expect: [],
  },
  {
    name: 'a replica bucket the snapshot does not hold: its region is not known, not reported',
    estate: tieredReplicated('acme-kafka-tiered-elsewhere'),
    boundary: { kafka: { clusters: [orders], clients: [producer] } },
    configs: { orders: KAFKA_TIERED },
    expect: [],
  },
  {
    name: 'an MSK Replicator copying payments into Frankfurt: no producer rate, per byte',
    estate: mskReplicated('eu-central-1'),
    boundary: { approvedRegions: ['eu-west-1', 'eu-central-1'] },
    expect: [
      {
        resource: mskClusterArn('payments'),
        severity: 'medium',
        message:
          "Records of msk cluster payments are replicated by msk-replicator payments-dr from cluster payments in eu-west-1 to cluster payments-dr in eu-central-1: 1 byte per produced byte (declare producers' throughputMBps for a monthly figure).",
      },
    ],
  },
  {
    name: 'no approved regions declared: a cross-region link stays medium',
    estate: kafkaVpc(),
    boundary: { ...mirrored('us-east-1'), approvedRegions: [] },
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'cluster:orders',
        severity: 'medium',
        message: 'to cluster orders-dr in us-east-1: ',
      },
    ],
  },
] satisfies RuleCase[];
