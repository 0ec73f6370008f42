import type { RuleCase } from '../../test/support/cases.js';
import { kafkaBoundary, kafkaVpc } from '../../test/support/network.js';

const kafka = {
  ...kafkaBoundary(),
  kafka: { clusters: [{ ...kafkaBoundary().kafka.clusters[0]!, kind: 'kafka' as const }] },
};
const node = (id: number, extra: string[] = []) =>
  [
    `broker.id=${id}`,
    `listeners=PLAINTEXT://10.8.${id + 1}.20:9092`,
    'log.dirs=/data/kafka',
    ...extra,
  ].join('\n');

export default [
  {
    name: 'Apache Kafka without tiered storage: low',
    estate: kafkaVpc(),
    boundary: kafka,
    configs: { orders: { 'b0.properties': node(0), 'b1.properties': node(1) } },
    expect: [
      {
        resource: 'cluster:orders',
        severity: 'low',
        message:
          'Kafka cluster orders keeps its log on broker disks (log.dirs /data/kafka) in euw1-az1, euw1-az2; tiered storage is off',
      },
    ],
  },
  {
    name: 'Apache Kafka with tiered storage on every node: info',
    estate: kafkaVpc(),
    boundary: kafka,
    configs: {
      orders: {
        'b0.properties': node(0, ['remote.log.storage.system.enable=true']),
        'b1.properties': node(1, ['remote.log.storage.system.enable=true']),
      },
    },
    expect: [
      { resource: 'cluster:orders', severity: 'info', message: 'the active ones stay on disk' },
    ],
  },
  {
    name: 'AutoMQ with its WAL on S3: passes',
    estate: kafkaVpc(),
    boundary: kafkaBoundary(),
    configs: {
      orders: {
        'n0.properties':
          'node.id=0\nlisteners=I://10.8.1.20:9092\ns3.wal.path=0@s3://acme-kafka-wal-euw1?region=eu-west-1',
      },
    },
    expect: [],
  },
  {
    name: 'AutoMQ with a block-device WAL: low',
    estate: kafkaVpc(),
    boundary: kafkaBoundary(),
    configs: {
      orders: {
        'n0.properties':
          'node.id=0\nlisteners=I://10.8.1.20:9092\ns3.wal.path=0@file:///dev/nvme1n1',
      },
    },
    expect: [
      {
        resource: 'cluster:orders',
        severity: 'low',
        message: 'block device (/dev/nvme1n1) on 1 of 1 nodes in euw1-az1',
      },
    ],
  },
] satisfies RuleCase[];
