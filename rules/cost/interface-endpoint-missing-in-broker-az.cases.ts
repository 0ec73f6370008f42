import type { RuleCase } from '../../test/support/cases.js';
import { kafkaBoundary, kafkaVpc } from '../../test/support/network.js';

const EP = 'arn:aws:ec2:eu-west-1:111111111111:vpc-endpoint/vpce-kafka-kms';

export default [
  {
    name: 'the KMS endpoint has no interface in the AZ of broker 2',
    estate: kafkaVpc({ kmsEndpoint: ['a', 'b'] }),
    boundary: kafkaBoundary(),
    expect: [
      {
        resource: EP,
        severity: 'low',
        message:
          'Interface endpoint vpce-kafka-kms (kms) has interfaces in euw1-az1, euw1-az2 only; orders broker 2 in euw1-az3 cross an AZ for every call.',
      },
    ],
  },
  {
    name: 'an interface in every broker AZ: passes',
    estate: kafkaVpc({ kmsEndpoint: ['a', 'b', 'c'] }),
    boundary: kafkaBoundary(),
    expect: [],
  },
  {
    name: 'no cluster declared: the endpoint is not weighed',
    estate: kafkaVpc({ kmsEndpoint: ['a'] }),
    expect: [],
  },
] satisfies RuleCase[];
