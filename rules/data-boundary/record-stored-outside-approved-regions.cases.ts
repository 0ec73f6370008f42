import type { RuleCase } from '../../test/support/cases.js';
import { estate } from '../../test/support/estate.js';
import { kafkaBoundary, kafkaVpc, network } from '../../test/support/network.js';

const A = '111111111111';
const IPS = ['10.8.1.20', '10.8.2.20', '10.8.3.20'];

/** server.properties of brokers 0..n-1 of `kafkaVpc`. */
const nodes = (extra: string[] = [], ips = IPS) =>
  Object.fromEntries(
    ips.map((ip, i) => [
      `broker-${i}.properties`,
      [`node.id=${i}`, `listeners=PLAINTEXT://${ip}:9092`, ...extra].join('\n'),
    ]),
  );
const tiered = (bucket: string, region?: string) =>
  nodes([
    'default.replication.factor=3',
    'remote.log.storage.system.enable=true',
    `rsm.config.storage.s3.bucket.name=${bucket}`,
    ...(region ? [`rsm.config.storage.s3.region=${region}`] : []),
  ]);
const AUTOMQ_S3 = nodes([
  's3.data.buckets=0@s3://acme-kafka-wal-euw1?region=eu-west-1',
  's3.wal.path=0@s3://acme-kafka-wal-euw1?region=eu-west-1',
]);

const orders = kafkaBoundary().kafka.clusters[0]!;
/** `orders` as Apache Kafka whose records the broker configs place (no bucket declared). */
const kafka = { kafka: { clusters: [{ ...orders, kind: 'kafka' as const, buckets: [] }] } };
const automq = { kafka: { clusters: [orders] } };

/** The WAL bucket of `kafkaVpc`, replicated by S3 replication to `dest` in `region`. */
const replicated = (dest: string, region: string) =>
  kafkaVpc()
    .bucket('acme-kafka-wal-euw1', {
      replication: { rules: [{ id: `crr-${region}`, destBucket: dest }] },
    })
    .bucket(dest, { region });

export default [
  {
    name: 'Kafka brokers in Ireland while only Frankfurt is approved: their disks',
    estate: kafkaVpc(),
    boundary: { ...kafka, approvedRegions: ['eu-central-1'] },
    configs: { orders: nodes(['default.replication.factor=1'], IPS.slice(0, 1)) },
    expect: [
      {
        resource: 'disk:orders@euw1-az1',
        severity: 'high',
        message:
          'Records of kafka cluster orders become durable in broker disks of orders in euw1-az1 (broker-disk) in eu-west-1, outside the approved regions (eu-central-1).',
      },
    ],
  },
  {
    name: 'a tiered-storage bucket no scanned account lists, in us-east-1 by its config',
    estate: kafkaVpc(),
    boundary: kafka,
    configs: { orders: tiered('orders-tiered-use1', 'us-east-1') },
    expect: [
      {
        resource: 'arn:aws:s3:::orders-tiered-use1',
        message:
          'become durable in bucket orders-tiered-use1 (s3-tiered) in us-east-1, outside the approved regions (eu-west-1)',
      },
    ],
  },
  {
    name: 'a tiered-storage bucket no scanned account lists, its config names no region: unknown',
    estate: kafkaVpc(),
    boundary: kafka,
    configs: { orders: tiered('orders-tiered') },
    expect: [
      {
        resource: 'arn:aws:s3:::orders-tiered',
        status: 'unknown',
        message:
          'become durable in bucket orders-tiered, whose region the snapshot does not hold, so whether it is an approved region (eu-west-1) is unknown',
      },
    ],
  },
  {
    name: 'the WAL bucket replicated to a replica in us-east-1',
    estate: replicated('orders-wal-dr-use1', 'us-east-1'),
    boundary: automq,
    configs: { orders: AUTOMQ_S3 },
    expect: [
      {
        resource: 'arn:aws:s3:::orders-wal-dr-use1',
        message:
          'Records of automq cluster orders become durable in bucket orders-wal-dr-use1 (s3-replica) in us-east-1, outside the approved regions (eu-west-1).',
      },
    ],
  },
  {
    name: 'a replica in the same region: passes',
    estate: replicated('orders-wal-backup-euw1', 'eu-west-1'),
    boundary: automq,
    configs: { orders: AUTOMQ_S3 },
    expect: [],
  },
  {
    name: 'a tiered bucket of the snapshot in us-east-1: left to data-outside-approved-regions',
    estate: kafkaVpc().bucket('orders-tiered-use1', { region: 'us-east-1' }),
    boundary: kafka,
    configs: { orders: tiered('orders-tiered-use1', 'us-east-1') },
    expect: [],
  },
  {
    name: 'a declared DR cluster in us-east-1 whose stores the model cannot place',
    estate: kafkaVpc(),
    boundary: {
      kafka: {
        clusters: [
          { ...orders, kind: 'kafka', buckets: [] },
          { name: 'orders-dr', kind: 'kafka', account: A, region: 'us-east-1' },
        ],
      },
    },
    configs: { orders: nodes() },
    expect: [
      {
        resource: 'cluster:orders-dr',
        message:
          'kafka cluster orders-dr runs in us-east-1, outside the approved regions (eu-west-1): its records are durable there.',
      },
    ],
  },
  {
    name: 'an MSK cluster in us-east-1: left to data-outside-approved-regions',
    estate: (() => {
      const e = estate();
      const subnets = ['a', 'b', 'c'].map((z) => `subnet-msk-${z}`);
      network(e, {
        vpc: 'vpc-msk',
        cidr: '10.20.0.0/16',
        region: 'us-east-1',
        subnets: Object.fromEntries(
          subnets.map((s, i) => [s, [`us-east-1${'abc'[i]}`, `10.20.${i}.0/24`]]),
        ),
      });
      return e.mskCluster('payments', { region: 'us-east-1', subnets });
    })(),
    boundary: { kafka: { clusters: [{ name: 'payments', kind: 'msk', msk: 'payments' }] } },
    expect: [],
  },
  {
    name: 'no approved regions declared: nothing to judge',
    estate: replicated('orders-wal-dr-use1', 'us-east-1'),
    boundary: { ...automq, approvedRegions: [] },
    configs: { orders: AUTOMQ_S3 },
    expect: [],
  },
] satisfies RuleCase[];
