import type { RuleCase } from '../../test/support/cases.js';
import {
  AUTOMQ_BLOCK_WAL,
  automqS3,
  brokerProperties,
  KAFKA_EBS_KEY,
  KAFKA_ON_DISKS,
  kafkaVpcWithVolumes,
  mskEstate,
  ordersBoundary,
} from '../../test/support/kafka.js';
import { KAFKA_BROKER_IPS as IPS, kafkaVpc } from '../../test/support/network.js';

const KAFKA = brokerProperties(KAFKA_ON_DISKS);
const BLOCK_WAL = brokerProperties(AUTOMQ_BLOCK_WAL);

/** `kafkaVpc` with one data volume per broker; `clear` lists the brokers whose volume is not encrypted. */
const withVolumes = (clear: string[] = []) =>
  kafkaVpcWithVolumes((z) =>
    clear.includes(z) ? { encrypted: false } : { kmsKeyId: KAFKA_EBS_KEY },
  );

export default [
  {
    name: 'a Kafka broker’s data volume created before encryption by default: open',
    estate: withVolumes(['b']),
    boundary: ordersBoundary('kafka'),
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
    boundary: ordersBoundary('kafka'),
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
    boundary: ordersBoundary('kafka'),
    configs: { orders: KAFKA },
    expect: [{ resource: 'disk:orders@euw1-az1', message: 'vol-broker-a-root (i-broker-a)' }],
  },
  {
    name: 'AutoMQ block-device WAL on an unencrypted volume: open',
    estate: withVolumes(['c']),
    boundary: ordersBoundary('automq'),
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
    boundary: ordersBoundary('automq'),
    configs: { orders: brokerProperties(automqS3()) },
    expect: [],
  },
  {
    name: 'an unencrypted volume of an instance that is not a broker: passes',
    estate: (() => {
      const e = withVolumes();
      e.instance('i-bastion', { subnet: 'subnet-kafka-pub-a', privateIp: '10.8.10.5' });
      return e.volume('vol-bastion', { instance: 'i-bastion', encrypted: false });
    })(),
    boundary: ordersBoundary('kafka'),
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
    boundary: ordersBoundary('kafka'),
    configs: {
      orders: brokerProperties(['default.replication.factor=1'], { ips: IPS.slice(0, 1) }),
    },
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
    boundary: ordersBoundary('kafka'),
    configs: { orders: brokerProperties([], { ips: IPS.slice(0, 1) }) },
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
    estate: mskEstate(),
    boundary: { kafka: { clusters: [{ name: 'payments', kind: 'msk', msk: 'payments' }] } },
    expect: [],
  },
] satisfies RuleCase[];
