import type { RuleCase } from '../../test/support/cases.js';
import { keyArn } from '../../test/support/estate.js';
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
import { kafkaVpc } from '../../test/support/network.js';

const VENDOR = '222222222222';
const STRANGER = '333333333333';
const VENDOR_KEY = keyArn('0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0', VENDOR);
const STRANGER_KEY = keyArn('5e1f0c2a-0000-4000-8000-0000000e0b50', STRANGER);
/** A key ARN with an empty account field: the key's holder cannot be told. */
const NO_ACCOUNT_KEY = 'arn:aws:kms:eu-west-1::key/6a7b8c9d-0000-4000-8000-0000000e0b54';

const KAFKA = brokerProperties(KAFKA_ON_DISKS);
const AUTOMQ_S3 = brokerProperties(automqS3());

const streamco = { name: 'streamco', role: 'vendor' as const, accounts: [VENDOR] };

/** `kafkaVpc` with one data volume per broker; `keys` gives a broker's key (default inside). */
const withVolumes = (keys: Record<string, string | undefined> = {}) =>
  kafkaVpcWithVolumes((z) => {
    const k = z in keys ? keys[z] : KAFKA_EBS_KEY;
    return k !== undefined ? { kmsKeyId: k } : {};
  });

export default [
  {
    name: 'a broker volume restored from a snapshot under an undeclared account’s key: high',
    estate: withVolumes({ a: STRANGER_KEY }),
    boundary: ordersBoundary('kafka'),
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'disk:orders@euw1-az1',
        severity: 'high',
        message: `Broker disks of orders in euw1-az1 (broker-disk), a durable hop of kafka cluster orders, is encrypted with ${STRANGER_KEY} in account ${STRANGER}, held by an undeclared account outside the boundary.`,
      },
    ],
  },
  {
    name: 'the same under a declared vendor’s key: medium',
    estate: withVolumes({ a: VENDOR_KEY }),
    boundary: { ...ordersBoundary('kafka'), parties: [streamco] },
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'disk:orders@euw1-az1',
        severity: 'medium',
        message: `in account ${VENDOR}, held by party streamco outside the boundary`,
      },
    ],
  },
  {
    name: 'an inside key on one volume and an outside key on another of the AZ: the outside key decides',
    estate: withVolumes().volume('vol-broker-b-extra', {
      instance: 'i-broker-b',
      kmsKeyId: STRANGER_KEY,
    }),
    boundary: ordersBoundary('kafka'),
    configs: { orders: KAFKA },
    expect: [{ resource: 'disk:orders@euw1-az2', severity: 'high', message: STRANGER_KEY }],
  },
  {
    name: 'AutoMQ block-device WAL on a volume under the vendor’s key',
    estate: withVolumes({ c: VENDOR_KEY }),
    boundary: { ...ordersBoundary('automq'), parties: [streamco] },
    configs: { orders: brokerProperties(AUTOMQ_BLOCK_WAL) },
    expect: [
      {
        resource: 'wal:orders@euw1-az3',
        severity: 'medium',
        message: 'Block-device WAL (/dev/nvme1n1) of orders in euw1-az3 (block-wal)',
      },
    ],
  },
  {
    name: 'inside customer keys and the account’s own aws/ebs key: passes',
    estate: withVolumes({ b: undefined }),
    boundary: ordersBoundary('kafka'),
    configs: { orders: KAFKA },
    expect: [],
  },
  {
    name: 'MSK volumes under a vendor key: a data key, left to data-in-outside-account',
    estate: mskEstate({ kmsKeyArn: VENDOR_KEY }),
    boundary: {
      parties: [streamco],
      kafka: { clusters: [{ name: 'payments', kind: 'msk', msk: 'payments' }] },
    },
    expect: [],
  },
  {
    name: 'every broker disk under the same undeclared key: one finding listing the stores',
    estate: withVolumes({ a: STRANGER_KEY, b: STRANGER_KEY, c: STRANGER_KEY }),
    boundary: ordersBoundary('kafka'),
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'disk:orders@euw1-az1',
        severity: 'high',
        message: `3 durable hops of kafka cluster orders (broker disks of orders in euw1-az1, broker disks of orders in euw1-az2, broker disks of orders in euw1-az3) are encrypted with ${STRANGER_KEY} in account ${STRANGER}, held by an undeclared account outside the boundary.`,
      },
    ],
  },
  {
    name: 'two outside keys on the disks of one cluster: one finding per key',
    estate: withVolumes({ a: STRANGER_KEY, b: VENDOR_KEY, c: STRANGER_KEY }),
    boundary: { ...ordersBoundary('kafka'), parties: [streamco] },
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'disk:orders@euw1-az2',
        severity: 'medium',
        message: `Broker disks of orders in euw1-az2 (broker-disk), a durable hop of kafka cluster orders, is encrypted with ${VENDOR_KEY}`,
      },
      {
        resource: 'disk:orders@euw1-az1',
        severity: 'high',
        message:
          '2 durable hops of kafka cluster orders (broker disks of orders in euw1-az1, broker disks of orders in euw1-az3) are',
      },
    ],
  },
  {
    name: 'a disk key whose ARN names no account: whose holder is unknown',
    estate: withVolumes({ a: NO_ACCOUNT_KEY }),
    boundary: ordersBoundary('kafka'),
    configs: { orders: KAFKA },
    expect: [
      {
        resource: 'disk:orders@euw1-az1',
        status: 'unknown',
        message: `Broker disks of orders in euw1-az1 (broker-disk), a durable hop of kafka cluster orders, is encrypted with ${NO_ACCOUNT_KEY}, whose account cannot be told, so whether its holder is inside is unknown.`,
      },
    ],
  },
  {
    name: 'MSK with the account’s aws/kafka key: passes',
    estate: mskEstate(),
    boundary: { kafka: { clusters: [{ name: 'payments', kind: 'msk', msk: 'payments' }] } },
    expect: [],
  },
  {
    name: 'S3 replicas of the WAL bucket under an undeclared account’s ReplicaKmsKeyID: left to bucket-replicates-outside',
    estate: kafkaVpc()
      .bucket('acme-kafka-wal-euw1', {
        replication: {
          rules: [{ id: 'dr', destBucket: 'orders-wal-dr-euw1', replicaKmsKeyId: STRANGER_KEY }],
        },
      })
      .bucket('orders-wal-dr-euw1'),
    boundary: ordersBoundary('automq'),
    configs: { orders: AUTOMQ_S3 },
    expect: [],
  },
  {
    name: 'the WAL bucket’s own default key outside: left to data-bucket-key-not-inside',
    estate: kafkaVpc().bucket('acme-kafka-wal-euw1', { kmsKeyId: STRANGER_KEY }),
    boundary: ordersBoundary('automq'),
    configs: { orders: AUTOMQ_S3 },
    expect: [],
  },
  {
    // The disks' encryption is unknown: durable-hop-unencrypted reports the gap; this rule
    // makes no unknown of it (handlesGaps).
    name: 'describe-volumes failed: no key to judge, left to durable-hop-unencrypted',
    estate: withVolumes().gap({
      account: '111111111111',
      region: 'eu-west-1',
      service: 'ec2',
      operation: 'describe-volumes',
    }),
    boundary: ordersBoundary('kafka'),
    configs: { orders: KAFKA },
    expect: [],
  },
] satisfies RuleCase[];
