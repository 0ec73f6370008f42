import type { RuleCase } from '../../test/support/cases.js';
import { estate, mskClusterArn } from '../../test/support/estate.js';

const INSIDE = '111111111111';
const VENDOR = '222222222222';
const STRANGER = '999999999999';
const ORG = 'o-a1b2c3d4e5';
const ARN = mskClusterArn('orders');
const TOPICS = `arn:aws:kafka:eu-west-1:${INSIDE}:topic/orders/*`;

const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
/** The cross-account statement the MSK guide gives for multi-VPC private connectivity. */
const connectivity = (principal: unknown, extra: object = {}) => ({
  Sid: 'MultiVpcConnectivity',
  Effect: 'Allow',
  Principal: principal,
  Action: [
    'kafka:CreateVpcConnection',
    'kafka:GetBootstrapBrokers',
    'kafka:DescribeCluster',
    'kafka:DescribeClusterV2',
  ],
  Resource: ARN,
  ...extra,
});
const vendor = [{ name: 'streamco', role: 'vendor' as const, accounts: [VENDOR] }];

export default [
  {
    name: 'multi-VPC connectivity for a declared vendor: medium, names the private connection',
    estate: estate().mskCluster('orders', {
      policy: policy(connectivity({ AWS: [VENDOR] })),
    }),
    boundary: { parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message:
          /account 222222222222 \(streamco\) can kafka:CreateVpcConnection, kafka:GetBootstrapBrokers, kafka:DescribeCluster, kafka:DescribeClusterV2 .*statement MultiVpcConnectivity.*private connection/,
      },
    ],
  },
  {
    name: 'an undeclared account with topic reads: high',
    estate: estate().mskCluster('orders', {
      policy: policy({
        Sid: 'Consume',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${STRANGER}:role/reader` },
        Action: ['kafka-cluster:Connect', 'kafka-cluster:ReadData', 'kafka-cluster:DescribeTopic'],
        Resource: [ARN, TOPICS],
      }),
    }),
    expect: [
      {
        resource: ARN,
        severity: 'high',
        message:
          /account 999999999999 \(undeclared\) as arn:aws:iam::999999999999:role\/reader can kafka-cluster:Connect.*ReadData/,
      },
    ],
  },
  {
    name: 'two statements for one account: one finding with every action and both statements',
    estate: estate().mskCluster('orders', {
      policy: policy(
        {
          Sid: 'Iam',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
          Action: 'kafka-cluster:Connect',
          Resource: ARN,
        },
        connectivity({ AWS: [VENDOR] }),
      ),
    }),
    boundary: { parties: vendor },
    expect: [
      {
        resource: ARN,
        severity: 'medium',
        message:
          /can kafka-cluster:Connect, kafka:CreateVpcConnection.*statement Iam, statement MultiVpcConnectivity.*private connection/,
      },
    ],
  },
  {
    name: 'a policy that is not JSON: unknown, not a pass',
    estate: estate()
      .mskCluster('orders')
      .file(`${INSIDE}/eu-west-1/kafka-get-cluster-policy/${encodeURIComponent(ARN)}.json`, {
        CurrentVersion: 'K1',
        Policy: '"not a policy"',
      }),
    expect: [{ resource: ARN, status: 'unknown', message: 'could not be read' }],
  },
  {
    name: 'Principal "*": anonymous is critical, any other account high',
    estate: estate().mskCluster('orders', { policy: policy(connectivity('*')) }),
    expect: [
      { resource: ARN, severity: 'critical', message: 'anonymous' },
      { resource: ARN, severity: 'high', message: 'any other AWS account' },
    ],
  },
  {
    name: 'Principal "*" held to the inside organization: passes',
    estate: estate()
      .organization(ORG, { management: INSIDE, members: [] })
      .mskCluster('orders', {
        policy: policy(
          connectivity('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': ORG } } }),
        ),
      }),
    boundary: { inside: { accounts: [{ id: INSIDE }], organizations: [ORG] } },
    expect: [],
  },
  {
    name: 'only the inside account: passes',
    estate: estate().mskCluster('orders', {
      policy: policy(connectivity({ AWS: `arn:aws:iam::${INSIDE}:root` })),
    }),
    expect: [],
  },
  {
    name: 'a Deny for every action outside the account removes the grant',
    estate: estate().mskCluster('orders', {
      policy: policy(connectivity({ AWS: [VENDOR] }), {
        Sid: 'DenyOutside',
        Effect: 'Deny',
        Principal: '*',
        Action: 'kafka:*',
        Resource: ARN,
        Condition: { StringNotEquals: { 'aws:PrincipalAccount': INSIDE } },
      }),
    }),
    boundary: { parties: vendor },
    expect: [],
  },
  {
    name: 'a condition key the evaluator does not fill: unknown',
    estate: estate().mskCluster('orders', {
      policy: policy(
        connectivity(
          { AWS: [VENDOR] },
          { Condition: { StringEquals: { 'aws:RequestTag/team': 'streaming' } } },
        ),
      ),
    }),
    boundary: { parties: vendor },
    expect: [
      {
        resource: ARN,
        status: 'unknown',
        message: 'aws:RequestTag/team in the request is not known',
      },
    ],
  },
  {
    name: 'a cluster without a policy, and a cluster in an outside account: nothing to report',
    estate: estate()
      .mskCluster('orders')
      .mskCluster('streamco-internal', {
        account: VENDOR,
        policy: policy(connectivity({ AWS: [STRANGER] })),
      }),
    boundary: { parties: vendor },
    expect: [],
  },
  {
    name: 'get-cluster-policy failed: unknown',
    estate: estate().mskCluster('orders').gap({
      account: INSIDE,
      region: 'eu-west-1',
      service: 'kafka',
      operation: 'get-cluster-policy',
      param: ARN,
    }),
    expect: [
      { resource: ARN, status: 'unknown', message: 'Could not check: kafka get-cluster-policy' },
    ],
  },
] satisfies RuleCase[];
