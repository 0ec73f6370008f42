import type { RuleCase } from '../../test/support/cases.js';
import { type Estate, estate, mskClusterArn } from '../../test/support/estate.js';
import {
  automqS3,
  brokerProperties,
  ordersBoundary,
  ordersCluster,
} from '../../test/support/kafka.js';
import { kafkaBoundary, kafkaVpc, network } from '../../test/support/network.js';

const A = '111111111111';
const VENDOR = '222222222222';
const STRANGER = '333333333333';

/** AutoMQ brokers of `kafkaVpc` with their data and WAL in `bucket`. */
const automqBrokers = (bucket: string) => brokerProperties(automqS3(bucket));

const streamco = { name: 'streamco', role: 'vendor' as const, accounts: [VENDOR] };
const orders = ordersCluster();

/** `orders` (AutoMQ, inside) with a MirrorMaker 2 link to `target`. */
const mirrored = (target: { name: string; account?: string }) => ({
  kafka: {
    clusters: [orders, { kind: 'kafka' as const, region: 'eu-west-1', ...target }],
    links: [
      { name: 'mm2-analytics', kind: 'mirrormaker2' as const, from: 'orders', to: target.name },
    ],
  },
});

/** A vendor-run VPC with one Kafka broker (BYOC gone wrong: the fleet runs in their account). */
const vendorFleet = (): Estate => {
  const e = estate();
  network(e, {
    vpc: 'vpc-streamco',
    cidr: '10.50.0.0/16',
    account: VENDOR,
    subnets: { 'subnet-streamco-a': ['eu-west-1a', '10.50.1.0/24'] },
  });
  return e.instance('i-streamco-broker-0', {
    subnet: 'subnet-streamco-a',
    privateIp: '10.50.1.20',
  });
};

/** MSK `payments` (inside) and an MSK Replicator copying it into `target` (not scanned). */
const replicatedMsk = (target: string): Estate => {
  const e = estate().mskCluster('payments');
  const source = mskClusterArn('payments');
  const arn = `arn:aws:kafka:eu-west-1:${A}:replicator/payments-to-partner/0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5-2`;
  return e
    .empty('kafka', 'list-replicators')
    .file(`${A}/eu-west-1/kafka-list-replicators.json`, {
      Replicators: [
        { ReplicatorArn: arn, ReplicatorName: 'payments-to-partner', ReplicatorState: 'RUNNING' },
      ],
    })
    .file(`${A}/eu-west-1/kafka-describe-replicator/${encodeURIComponent(arn)}.json`, {
      ReplicatorArn: arn,
      ReplicatorName: 'payments-to-partner',
      ReplicatorState: 'RUNNING',
      ServiceExecutionRoleArn: `arn:aws:iam::${A}:role/payments-msk-replicator`,
      KafkaClusters: [
        { AmazonMskCluster: { MskClusterArn: source }, KafkaClusterAlias: 'payments-src' },
        { AmazonMskCluster: { MskClusterArn: target }, KafkaClusterAlias: 'partner-dst' },
      ],
      ReplicationInfoList: [
        {
          SourceKafkaClusterAlias: 'payments-src',
          TargetKafkaClusterAlias: 'partner-dst',
          TargetCompressionType: 'NONE',
        },
      ],
    });
};
const PARTNER_MSK = mskClusterArn('ledger-ingest', VENDOR);

export default [
  {
    name: 'MirrorMaker 2 into a cluster in an undeclared account: critical',
    estate: kafkaVpc(),
    boundary: mirrored({ name: 'orders-analytics', account: STRANGER }),
    configs: { orders: automqBrokers('acme-kafka-wal-euw1') },
    expect: [
      {
        resource: 'cluster:orders-analytics',
        severity: 'critical',
        message: `Records of cluster orders are replicated by mirrormaker2 mm2-analytics to cluster orders-analytics in account ${STRANGER}, held by an undeclared account outside the boundary.`,
      },
    ],
  },
  {
    name: 'the same link into a declared vendor’s cluster: high',
    estate: kafkaVpc(),
    boundary: { ...mirrored({ name: 'orders-analytics', account: VENDOR }), parties: [streamco] },
    configs: { orders: automqBrokers('acme-kafka-wal-euw1') },
    expect: [
      {
        resource: 'cluster:orders-analytics',
        severity: 'high',
        message: 'held by party streamco outside the boundary',
      },
    ],
  },
  {
    name: 'a link into a cluster whose account nobody declared or scanned: unknown',
    estate: kafkaVpc(),
    boundary: mirrored({ name: 'orders-mirror' }),
    configs: { orders: automqBrokers('acme-kafka-wal-euw1') },
    expect: [
      {
        resource: 'cluster:orders-mirror',
        status: 'unknown',
        message:
          'are replicated by mirrormaker2 mm2-analytics to cluster orders-mirror, whose account is unknown',
      },
    ],
  },
  {
    name: 'a link into an inside cluster, stores all inside: passes',
    estate: kafkaVpc(),
    boundary: mirrored({ name: 'orders-analytics', account: A }),
    configs: { orders: automqBrokers('acme-kafka-wal-euw1') },
    expect: [],
  },
  {
    name: 'a broker fleet running in the vendor’s account: its disks, high',
    estate: vendorFleet(),
    boundary: {
      parties: [streamco],
      kafka: {
        clusters: [{ name: 'orders', kind: 'kafka', account: VENDOR, region: 'eu-west-1' }],
      },
    },
    configs: { orders: brokerProperties([], { ips: ['10.50.1.20'] }) },
    expect: [
      {
        resource: 'disk:orders@euw1-az1',
        severity: 'high',
        message: `Records of kafka cluster orders become durable in broker disks of orders in euw1-az1 (broker-disk) in account ${VENDOR}, held by party streamco outside the boundary.`,
      },
    ],
  },
  {
    // A bucket a broker config names is data-bearing, in the snapshot or not: the bucket rules
    // say its holder is unknown.
    name: 'a WAL bucket no scanned account lists: left to data-in-outside-account',
    estate: kafkaVpc(),
    boundary: ordersBoundary('automq', { buckets: false }),
    configs: { orders: automqBrokers('orders-wal-7731') },
    expect: [],
  },
  {
    name: 'a WAL bucket of the snapshot in the vendor’s account: left to data-in-outside-account',
    estate: kafkaVpc().bucket('streamco-orders-wal', { account: VENDOR }),
    boundary: { parties: [streamco], ...ordersBoundary('automq', { buckets: false }) },
    configs: { orders: automqBrokers('streamco-orders-wal') },
    expect: [],
  },
  {
    name: 'S3 replication of the WAL bucket to a stranger: left to bucket-replicates-outside',
    estate: kafkaVpc().bucket('acme-kafka-wal-euw1', {
      replication: {
        rules: [{ id: 'offsite', destBucket: 'offsite-copy-7731', destAccount: STRANGER }],
      },
    }),
    boundary: kafkaBoundary(),
    configs: { orders: automqBrokers('acme-kafka-wal-euw1') },
    expect: [],
  },
  {
    name: 'an MSK cluster in the vendor’s account: left to data-in-outside-account',
    estate: estate().mskCluster('payments', { account: VENDOR }),
    boundary: {
      parties: [streamco],
      kafka: {
        clusters: [{ name: 'payments', kind: 'msk', msk: 'payments', account: VENDOR }],
      },
    },
    expect: [],
  },
  {
    name: 'an MSK Replicator into the vendor’s MSK cluster: high on the target',
    estate: replicatedMsk(PARTNER_MSK),
    boundary: { parties: [streamco] },
    expect: [
      {
        resource: PARTNER_MSK,
        severity: 'high',
        message:
          /^Records of cluster payments are replicated by msk-replicator payments-to-partner to cluster .*ledger-ingest.* in account 222222222222, held by party streamco outside the boundary\.$/,
      },
    ],
  },
] satisfies RuleCase[];
