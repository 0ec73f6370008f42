import type { RuleCase } from '../../test/support/cases.js';
import { estate, keyArn } from '../../test/support/estate.js';
import { kafkaBoundary, kafkaVpc, network } from '../../test/support/network.js';

const INSIDE_KEY = keyArn('9b7d1e3f-0000-4000-8000-0000000e0b51');
const IPS = ['10.8.1.20', '10.8.2.20', '10.8.3.20'];

/** server.properties of brokers 0..n-1 of `kafkaVpc`. */
const nodes = (extra: string[] = [], ips = IPS) =>
  Object.fromEntries(
    ips.map((ip, i) => [
      `broker-${i}.properties`,
      [`node.id=${i}`, `listeners=PLAINTEXT://${ip}:9092`, ...extra].join('\n'),
    ]),
  );
const KAFKA = nodes(['log.dirs=/var/lib/kafka/data', 'default.replication.factor=3']);
const BLOCK_WAL = nodes([
  's3.data.buckets=0@s3://acme-kafka-wal-euw1?region=eu-west-1',
  's3.wal.path=0@file:///dev/nvme1n1',
]);

const cluster = (kind: 'kafka' | 'automq') => ({
  kafka: { clusters: [{ ...kafkaBoundary().kafka.clusters[0]!, kind }] },
});

/** `kafkaVpc` with one data volume per broker; `clear` lists the brokers whose volume is not encrypted. */
const withVolumes = (clear: string[] = []) => {
  const e = kafkaVpc().key('9b7d1e3f-0000-4000-8000-0000000e0b51', { aliases: ['kafka-ebs'] });
  for (const z of ['a', 'b', 'c'])
    e.volume(`vol-broker-${z}-data`, {
      instance: `i-broker-${z}`,
      ...(clear.includes(z) ? { encrypted: false } : { kmsKeyId: INSIDE_KEY }),
    });
  return e;
};

export default [
  {
    name: 'a Kafka broker’s data volume created before encryption by default: open',
    estate: withVolumes(['b']),
    boundary: cluster('kafka'),
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'disk:orders@euw1-az2',
        severity: 'high',
        message:
          'Broker disks of orders in euw1-az2 (broker-disk), a durable hop of kafka cluster orders, is not encrypted at rest: unencrypted: vol-broker-b-data (i-broker-b).',
      },
    ],
  },
  {
    name: 'every broker volume encrypted with an inside key: passes',
    estate: withVolumes(),
    boundary: cluster('kafka'),
    configs: { orders: KAFKA },
    expect: [],
  },
  {
    name: 'an unencrypted root volume beside an encrypted data volume still counts',
    estate: withVolumes().volume('vol-broker-a-root', {
      instance: 'i-broker-a',
      encrypted: false,
      device: '/dev/xvda',
      sizeGiB: 8,
    }),
    boundary: cluster('kafka'),
    configs: { orders: KAFKA },
    expect: [{ resource: 'disk:orders@euw1-az1', message: 'vol-broker-a-root (i-broker-a)' }],
  },
  {
    name: 'AutoMQ block-device WAL on an unencrypted volume: open',
    estate: withVolumes(['c']),
    boundary: cluster('automq'),
    configs: { orders: BLOCK_WAL },
    expect: [
      {
        resource: 'wal:orders@euw1-az3',
        message:
          'Block-device WAL (/dev/nvme1n1) of orders in euw1-az3 (block-wal), a durable hop of automq cluster orders, is not encrypted at rest',
      },
    ],
  },
  {
    name: 'AutoMQ with its WAL in S3: unencrypted broker volumes hold no records, passes',
    estate: withVolumes(['a', 'b', 'c']),
    boundary: cluster('automq'),
    configs: {
      orders: nodes([
        's3.data.buckets=0@s3://acme-kafka-wal-euw1?region=eu-west-1',
        's3.wal.path=0@s3://acme-kafka-wal-euw1?region=eu-west-1',
      ]),
    },
    expect: [],
  },
  {
    name: 'an unencrypted volume of an instance that is not a broker: passes',
    estate: (() => {
      const e = withVolumes();
      e.instance('i-bastion', { subnet: 'subnet-kafka-pub-a', privateIp: '10.8.10.5' });
      return e.volume('vol-bastion', { instance: 'i-bastion', encrypted: false });
    })(),
    boundary: cluster('kafka'),
    configs: { orders: KAFKA },
    expect: [],
  },
  {
    name: 'describe-volumes failed in the brokers’ account and region: unknown',
    estate: withVolumes(['a']).gap({
      account: '111111111111',
      region: 'eu-west-1',
      service: 'ec2',
      operation: 'describe-volumes',
    }),
    boundary: cluster('kafka'),
    configs: { orders: nodes(['default.replication.factor=1'], IPS.slice(0, 1)) },
    expect: [
      {
        resource: 'disk:orders@euw1-az1',
        status: 'unknown',
        message: 'ec2 describe-volumes failed in 111111111111/eu-west-1 (AccessDenied)',
      },
    ],
  },
  {
    name: 'describe-volumes lists no volume of the brokers: unknown',
    estate: kafkaVpc(),
    boundary: cluster('kafka'),
    configs: { orders: nodes([], IPS.slice(0, 1)) },
    expect: [
      {
        resource: 'disk:orders@euw1-az1',
        status: 'unknown',
        message: 'describe-volumes holds no volume of i-broker-a',
      },
    ],
  },
  {
    name: 'MSK broker storage is always encrypted: passes',
    estate: (() => {
      const e = estate();
      const subnets = ['a', 'b', 'c'].map((z) => `subnet-msk-${z}`);
      network(e, {
        vpc: 'vpc-msk',
        cidr: '10.20.0.0/16',
        subnets: Object.fromEntries(
          subnets.map((s, i) => [s, [`eu-west-1${'abc'[i]}`, `10.20.${i}.0/24`]]),
        ),
      });
      return e.mskCluster('payments', { subnets });
    })(),
    boundary: { kafka: { clusters: [{ name: 'payments', kind: 'msk', msk: 'payments' }] } },
    expect: [],
  },
] satisfies RuleCase[];
