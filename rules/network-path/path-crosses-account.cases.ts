import type { RuleCase } from '../../test/support/cases.js';
import { kafkaBoundary, kafkaVpc, network } from '../../test/support/network.js';

const PARTNER = '222222222222';
const MEMBER = '444444444444';

/** A client VPC in another account, peered with vpc-kafka. */
const peeredClient = (account: string) => {
  const e = kafkaVpc({ natPerAz: true, s3Endpoint: true, kmsEndpoint: ['a', 'b', 'c'] });
  network(e, {
    vpc: 'vpc-client',
    cidr: '10.9.0.0/16',
    account,
    subnets: { 'subnet-client-a': ['eu-west-1a', '10.9.1.0/24'] },
    main: [['10.8.0.0/16', 'pcx-client']],
  });
  return e.peering('pcx-client', {
    requester: { vpc: 'vpc-client', account },
    accepter: { vpc: 'vpc-kafka', account: '111111111111' },
  });
};
const client = {
  name: 'partner-feed',
  role: 'consumer' as const,
  cluster: 'orders',
  subnet: 'subnet-client-a',
};

export default [
  {
    name: 'a declared partner’s client over a peering: the path leaves the boundary, high',
    estate: peeredClient(PARTNER),
    boundary: {
      ...kafkaBoundary([client]),
      parties: [{ name: 'partner', role: 'partner', accounts: [PARTNER] }],
    },
    expect: [
      {
        resource: `arn:aws:ec2:eu-west-1:${PARTNER}:subnet/subnet-client-a`,
        severity: 'high',
        message:
          /client partner-feed \(subnet-client-a\) reaches 3 of 3 brokers of orders across an account \(222222222222 → 111111111111\), leaving the boundary/,
      },
    ],
  },
  {
    name: 'a client in another inside account: medium',
    estate: peeredClient(MEMBER),
    boundary: {
      ...kafkaBoundary([client]),
      inside: { accounts: [{ id: '111111111111' }, { id: MEMBER }] },
    },
    expect: [
      {
        resource: `arn:aws:ec2:eu-west-1:${MEMBER}:subnet/subnet-client-a`,
        severity: 'medium',
        message: 'across an account (444444444444 → 111111111111):',
      },
    ],
  },
  {
    name: 'a client in the brokers’ account: passes',
    estate: kafkaVpc({ natPerAz: true, s3Endpoint: true, kmsEndpoint: ['a', 'b', 'c'] }),
    boundary: kafkaBoundary([{ ...client, subnet: 'subnet-kafka-priv-a' }]),
    expect: [],
  },
] satisfies RuleCase[];
