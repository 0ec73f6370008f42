import type { RuleCase } from '../../test/support/cases.js';
import { kafkaBoundary, kafkaVpc } from '../../test/support/network.js';

const node = (id: number, ip: string, rack: string) =>
  [
    `node.id=${id}`,
    'process.roles=broker,controller',
    `listeners=INTERNAL://${ip}:9092,CONTROLLER://${ip}:9093`,
    `advertised.listeners=INTERNAL://${ip}:9092`,
    `broker.rack=${rack}`,
    's3.data.buckets=0@s3://acme-kafka-wal-euw1?region=eu-west-1',
  ].join('\n');
const eni = (z: string) => `arn:aws:ec2:eu-west-1:111111111111:network-interface/eni-broker-${z}`;
const withConfig = (a: string, b: string, c: string) => ({
  orders: {
    'node-0.properties': node(0, '10.8.1.20', a),
    'node-1.properties': node(1, '10.8.2.20', b),
    'node-2.properties': node(2, '10.8.3.20', c),
  },
});

export default [
  {
    name: 'racks are the AZ ids of the brokers’ subnets: passes',
    estate: kafkaVpc(),
    boundary: kafkaBoundary(),
    configs: withConfig('euw1-az1', 'euw1-az2', 'euw1-az3'),
    expect: [],
  },
  {
    name: 'two brokers swapped their racks: two findings',
    estate: kafkaVpc(),
    boundary: kafkaBoundary(),
    configs: withConfig('euw1-az1', 'euw1-az3', 'euw1-az2'),
    expect: [
      {
        resource: eni('b'),
        severity: 'medium',
        message:
          'Broker 1 of orders sets broker.rack=euw1-az3 in node-1.properties, but runs in euw1-az2',
      },
      { resource: eni('c'), severity: 'medium', message: 'broker.rack=euw1-az2' },
    ],
  },
  {
    name: 'AZ names as racks: right in this account, low',
    estate: kafkaVpc().availabilityZones('111111111111', 'eu-west-1', {
      'eu-west-1a': 'euw1-az1',
      'eu-west-1b': 'euw1-az2',
      'eu-west-1c': 'euw1-az3',
    }),
    boundary: kafkaBoundary(),
    configs: withConfig('eu-west-1a', 'euw1-az2', 'euw1-az3'),
    expect: [{ resource: eni('a'), severity: 'low', message: 'an AZ name' }],
  },
  {
    name: 'a node whose listener address no interface holds: unknown',
    estate: kafkaVpc(),
    boundary: kafkaBoundary(),
    configs: {
      orders: { 'node-9.properties': node(9, '10.8.9.99', 'euw1-az1') },
    },
    expect: [
      {
        resource: 'config:orders/node-9.properties',
        status: 'unknown',
        message: 'no interface of the snapshot holds 10.8.9.99',
      },
    ],
  },
  {
    name: 'no configuration files: nothing to compare',
    estate: kafkaVpc(),
    boundary: kafkaBoundary(),
    expect: [],
  },
] satisfies RuleCase[];
