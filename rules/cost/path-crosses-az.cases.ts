import type { RuleCase } from '../../test/support/cases.js';
import { kafkaBoundary, kafkaVpc } from '../../test/support/network.js';

const client = (subnet: string) => ({
  name: 'checkout-api',
  role: 'producer' as const,
  cluster: 'orders',
  subnet,
});

export default [
  {
    name: 'a client in euw1-az1 reaches the brokers of az2 and az3 across an AZ',
    estate: kafkaVpc({ natPerAz: true, s3Endpoint: true, kmsEndpoint: ['a', 'b', 'c'] }),
    boundary: kafkaBoundary([client('subnet-kafka-priv-a')]),
    expect: [
      {
        resource: 'arn:aws:ec2:eu-west-1:111111111111:subnet/subnet-kafka-priv-a',
        severity: 'low',
        message:
          'client checkout-api (subnet-kafka-priv-a) reaches 2 of 3 brokers of orders across an availability zone (euw1-az1 → euw1-az2; euw1-az1 → euw1-az3)',
      },
    ],
  },
  {
    name: 'brokers reach their key through the one NAT gateway in another AZ',
    estate: kafkaVpc({ s3Endpoint: true }),
    boundary: kafkaBoundary(),
    expect: [
      {
        resource: 'arn:aws:kms:eu-west-1:111111111111:key/3f2a9c1e-7b4d-4e8a-9c6f-1a2b3c4d5e6f',
        message: '2 of 3 brokers of orders reach alias/acme-kafka across an availability zone',
      },
    ],
  },
  {
    name: 'endpoints and NAT gateways in every AZ, no clients: replication between brokers is not reported',
    estate: kafkaVpc({ natPerAz: true, s3Endpoint: true, kmsEndpoint: ['a', 'b', 'c'] }),
    boundary: kafkaBoundary(),
    expect: [],
  },
] satisfies RuleCase[];
