import type { RuleCase } from '../../test/support/cases.js';
import {
  AUTOMQ_BLOCK_WAL,
  automqS3,
  brokerProperties,
  mskEstate,
  ordersBoundary,
  ordersCluster,
  tieredStorage,
} from '../../test/support/kafka.js';
import { KAFKA_BROKER_IPS as IPS, kafkaVpc } from '../../test/support/network.js';

const A = '111111111111';

const tiered = (bucket: string, region?: string) => brokerProperties(tieredStorage(bucket, region));
const AUTOMQ_S3 = brokerProperties(automqS3());

/** `orders` as Apache Kafka whose records the broker configs place (no bucket declared). */
const kafka = ordersBoundary('kafka', { buckets: false });
const automq = ordersBoundary('automq');

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
    configs: {
      orders: brokerProperties(['default.replication.factor=1'], { ips: IPS.slice(0, 1) }),
    },
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
    // The bucket a broker config names is data-bearing: the bucket rules judge its region,
    // in the snapshot or not.
    name: 'a tiered-storage bucket no scanned account lists, in us-east-1 by its config: a data bucket, left to data-outside-approved-regions',
    estate: kafkaVpc(),
    boundary: kafka,
    configs: { orders: tiered('orders-tiered-use1', 'us-east-1') },
    expect: [],
  },
  {
    name: 'a tiered-storage bucket no scanned account lists, its config names no region: left to data-outside-approved-regions',
    estate: kafkaVpc(),
    boundary: kafka,
    configs: { orders: tiered('orders-tiered') },
    expect: [],
  },
  {
    name: 'the WAL bucket replicated to a replica in us-east-1: left to bucket-replicates-outside',
    estate: replicated('orders-wal-dr-use1', 'us-east-1'),
    boundary: automq,
    configs: { orders: AUTOMQ_S3 },
    expect: [],
  },
  {
    name: 'an AutoMQ block-device WAL in Ireland while only Frankfurt is approved',
    estate: kafkaVpc(),
    boundary: { ...automq, approvedRegions: ['eu-central-1'] },
    configs: { orders: brokerProperties(AUTOMQ_BLOCK_WAL, { ips: IPS.slice(0, 1) }) },
    expect: [
      {
        resource: 'wal:orders@euw1-az1',
        severity: 'high',
        message:
          'Records of automq cluster orders become durable in block-device WAL (/dev/nvme1n1) of orders in euw1-az1 (block-wal) in eu-west-1, outside the approved regions (eu-central-1).',
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
          ordersCluster('kafka', { buckets: false }),
          { name: 'orders-dr', kind: 'kafka', account: A, region: 'us-east-1' },
        ],
      },
    },
    configs: { orders: brokerProperties() },
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
    estate: mskEstate({ region: 'us-east-1' }),
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
