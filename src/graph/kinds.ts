/**
 * Node and edge kinds, declared once. Rules, reports, the SVG legend and the docs read
 * this list; nothing else names a kind.
 */
export const NODE_KINDS = {
  owner: {
    label: 'Owner',
    group: 'ownership',
    description: 'inside the boundary, a declared party, or undeclared',
  },
  account: {
    label: 'AWS account',
    group: 'ownership',
    description: 'an AWS account (scanned or only referenced)',
  },
  region: { label: 'Region', group: 'ownership', description: 'one region of one account' },
  az: {
    label: 'Availability zone',
    group: 'ownership',
    description: 'a physical AZ, keyed by AZ id',
  },
  vpc: { label: 'VPC', group: 'network', description: 'a virtual private cloud' },
  subnet: { label: 'Subnet', group: 'network', description: 'a subnet in one AZ' },
  'route-table': { label: 'Route table', group: 'network', description: 'a VPC route table' },
  'internet-gateway': {
    label: 'Internet gateway',
    group: 'network',
    description: 'an internet gateway',
  },
  'egress-only-internet-gateway': {
    label: 'Egress-only internet gateway',
    group: 'network',
    description: 'IPv6 egress-only gateway',
  },
  'nat-gateway': {
    label: 'NAT gateway',
    group: 'network',
    description: 'a NAT gateway in one subnet',
  },
  'vpc-endpoint': {
    label: 'VPC endpoint',
    group: 'network',
    description: 'a gateway or interface endpoint',
  },
  'vpc-peering': {
    label: 'VPC peering',
    group: 'network',
    description: 'a peering connection between two VPCs',
  },
  'transit-gateway': {
    label: 'Transit gateway',
    group: 'network',
    description: 'a transit gateway',
  },
  'tgw-attachment': {
    label: 'TGW attachment',
    group: 'network',
    description: 'a transit gateway attachment',
  },
  'tgw-route-table': {
    label: 'TGW route table',
    group: 'network',
    description: 'a transit gateway route table',
  },
  'network-interface': { label: 'Network interface', group: 'compute', description: 'an ENI' },
  instance: { label: 'EC2 instance', group: 'compute', description: 'an EC2 instance' },
  bucket: { label: 'S3 bucket', group: 'data', description: 'an S3 bucket' },
  'kms-key': { label: 'KMS key', group: 'data', description: 'a KMS key' },
  trail: { label: 'CloudTrail trail', group: 'evidence', description: 'a CloudTrail trail' },
  'iam-role': { label: 'IAM role', group: 'access', description: 'an IAM role' },
  'msk-cluster': { label: 'MSK cluster', group: 'data', description: 'an Amazon MSK cluster' },
  'msk-broker': {
    label: 'MSK broker',
    group: 'compute',
    description: 'one broker node of an MSK cluster',
  },
  'msk-replicator': { label: 'MSK Replicator', group: 'data', description: 'an MSK Replicator' },
  internet: { label: 'Internet', group: 'network', description: 'the public internet' },
} as const;

export const EDGE_KINDS = {
  contains: { label: 'contains', description: 'ownership and placement hierarchy' },
  'in-az': { label: 'in AZ', description: 'placed in an availability zone (by AZ id)' },
  'uses-route-table': {
    label: 'uses route table',
    description: 'a subnet (or VPC, main table) routes through a table',
  },
  route: { label: 'route', description: 'a route table entry to its target' },
  attached: { label: 'attached', description: 'a network interface attached to what uses it' },
  encrypts: { label: 'encrypts', description: 'a KMS key encrypts a bucket, cluster or trail' },
  'logs-to': { label: 'logs to', description: 'a trail delivers its log files to a bucket' },
  'replicates-to': {
    label: 'replicates to',
    description: 'data copied to another bucket or cluster',
  },
  trusts: { label: 'trusts', description: 'a role trust policy names an account' },
  peers: { label: 'peers', description: 'a VPC peering connection joins a VPC' },
  'tgw-attach': {
    label: 'TGW attachment',
    description: 'a VPC or peer joined to a transit gateway',
  },
} as const;

export type NodeKind = keyof typeof NODE_KINDS;
export type EdgeKind = keyof typeof EDGE_KINDS;
