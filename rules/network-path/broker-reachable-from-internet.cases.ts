import type { RuleCase } from '../../test/support/cases.js';
import { kafkaBoundary, kafkaVpc } from '../../test/support/network.js';

const ENI = 'arn:aws:ec2:eu-west-1:111111111111:network-interface/eni-broker-a';

export default [
  {
    name: 'a public broker whose group admits the internet on 9092: high',
    estate: kafkaVpc({ publicBroker: true, brokerIngress: ['0.0.0.0/0'] }),
    boundary: kafkaBoundary(),
    expect: [
      {
        resource: ENI,
        severity: 'high',
        message:
          'Broker 0 of orders (eni-broker-a, 54.72.10.11) is reachable from the internet on port 9092: internet → igw-kafka → eni-broker-a',
      },
    ],
  },
  {
    name: 'a public broker whose group admits only the VPC: passes',
    estate: kafkaVpc({ publicBroker: true }),
    boundary: kafkaBoundary(),
    expect: [],
  },
  {
    name: 'an open group but no public address: passes',
    estate: kafkaVpc({ brokerIngress: ['0.0.0.0/0'] }),
    boundary: kafkaBoundary(),
    expect: [],
  },
  {
    name: 'the security group is not in the snapshot: unknown, not reachable',
    estate: kafkaVpc({ publicBroker: true }).file(
      '111111111111/eu-west-1/ec2-describe-security-groups.json',
      { SecurityGroups: [] },
    ),
    boundary: kafkaBoundary(),
    expect: [
      { resource: ENI, status: 'unknown', message: 'not checked: security group sg-kafka-broker' },
    ],
  },
] satisfies RuleCase[];
