import type { RuleCase } from '../../test/support/cases.js';
import { kafkaVpc } from '../../test/support/network.js';

const NAT = 'arn:aws:ec2:eu-west-1:111111111111:natgateway/nat-kafka-a';

export default [
  {
    name: 'one NAT gateway in euw1-az1 serves private subnets of three AZs',
    estate: kafkaVpc(),
    expect: [
      {
        resource: NAT,
        severity: 'low',
        message:
          'NAT gateway nat-kafka-a in euw1-az1 serves 2 subnets of euw1-az2, euw1-az3 through rtb-kafka-private: subnet-kafka-priv-b (euw1-az2), subnet-kafka-priv-c (euw1-az3).',
      },
    ],
  },
  {
    name: 'a NAT gateway per AZ, each routed from its own AZ: passes',
    estate: kafkaVpc({ natPerAz: true }),
    expect: [],
  },
  {
    name: 'AZ ids decide, not names: eu-west-1b of this account is the NAT’s zone id',
    estate: kafkaVpc().availabilityZones('111111111111', 'eu-west-1', {
      'eu-west-1a': 'euw1-az2',
      'eu-west-1b': 'euw1-az2',
      'eu-west-1c': 'euw1-az3',
    }),
    expect: [
      {
        resource: NAT,
        message:
          'serves a subnet of euw1-az3 through rtb-kafka-private: subnet-kafka-priv-c (euw1-az3)',
      },
    ],
  },
] satisfies RuleCase[];
