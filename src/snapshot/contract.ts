/**
 * The snapshot contract: every file a snapshot may hold, one entry per AWS API call.
 * The scanner writes exactly these; the reader reads exactly these. A file holds what
 * `aws <service> <operation> --output json` prints (pages merged, no `$metadata`).
 */

export type Scope = 'region' | 'global';

export interface ContractEntry {
  /** CLI service name, the first half of the file name (`ec2`, `s3`, `s3control`). */
  service: string;
  /** CLI operation name in kebab case (`describe-vpcs`). */
  operation: string;
  /** IAM action the call needs, as rules name it in `needs`. */
  action: string;
  /** `global` calls sit under `us-east-1`, as the AWS CLI would make them. */
  scope: Scope;
  /** What the per-resource parameter is, for calls made once per resource. */
  param?: string;
}

export const GLOBAL_REGION = 'us-east-1';

/**
 * IAM actions whose names differ from the API operation (the IAM Service Authorization
 * Reference lists them); every other action is `<service>:<Operation>`.
 */
const IAM_ACTION: Record<string, string> = {
  's3-list-buckets': 's3:ListAllMyBuckets',
  's3-head-bucket': 's3:ListBucket',
  's3-get-bucket-encryption': 's3:GetEncryptionConfiguration',
  's3-get-bucket-replication': 's3:GetReplicationConfiguration',
  's3-get-public-access-block': 's3:GetBucketPublicAccessBlock',
  's3control-get-public-access-block': 's3:GetAccountPublicAccessBlock',
};

const r = (service: string, operation: string, param?: string): ContractEntry => ({
  service,
  operation,
  action: IAM_ACTION[`${service}-${operation}`] ?? `${service}:${kebabToPascal(operation)}`,
  scope: 'region',
  ...(param ? { param } : {}),
});
const g = (service: string, operation: string, param?: string): ContractEntry => ({
  ...r(service, operation, param),
  scope: 'global',
});

export const CONTRACT: readonly ContractEntry[] = [
  r('ec2', 'describe-availability-zones'),
  r('ec2', 'describe-vpcs'),
  r('ec2', 'describe-subnets'),
  r('ec2', 'describe-route-tables'),
  r('ec2', 'describe-internet-gateways'),
  r('ec2', 'describe-egress-only-internet-gateways'),
  r('ec2', 'describe-nat-gateways'),
  r('ec2', 'describe-vpc-endpoints'),
  r('ec2', 'describe-vpc-peering-connections'),
  r('ec2', 'describe-transit-gateways'),
  r('ec2', 'describe-transit-gateway-attachments'),
  r('ec2', 'describe-transit-gateway-peering-attachments'),
  r('ec2', 'describe-transit-gateway-route-tables'),
  r('ec2', 'search-transit-gateway-routes', 'transit-gateway-route-table-id'),
  r('ec2', 'get-transit-gateway-route-table-associations', 'transit-gateway-route-table-id'),
  r('ec2', 'get-transit-gateway-route-table-propagations', 'transit-gateway-route-table-id'),
  r('ec2', 'describe-network-interfaces'),
  r('ec2', 'describe-instances'),
  r('ec2', 'describe-volumes'),
  r('ec2', 'describe-security-groups'),
  r('ec2', 'describe-network-acls'),
  r('ec2', 'describe-prefix-lists'),
  r('ec2', 'describe-managed-prefix-lists'),
  r('ec2', 'get-managed-prefix-list-entries', 'prefix-list-id'),
  r('kms', 'list-keys'),
  r('kms', 'list-aliases'),
  r('kms', 'describe-key', 'key-id'),
  r('kms', 'get-key-policy', 'key-id'),
  r('kms', 'list-grants', 'key-id'),
  r('cloudtrail', 'describe-trails'),
  r('cloudtrail', 'get-trail-status', 'trail-arn'),
  r('cloudtrail', 'get-event-selectors', 'trail-arn'),
  r('kafka', 'list-clusters-v2'),
  r('kafka', 'list-clusters'),
  r('kafka', 'list-nodes', 'cluster-arn'),
  r('kafka', 'get-bootstrap-brokers', 'cluster-arn'),
  r('kafka', 'get-cluster-policy', 'cluster-arn'),
  r('kafka', 'list-replicators'),
  r('kafka', 'describe-replicator', 'replicator-arn'),
  g('sts', 'get-caller-identity'),
  g('s3', 'list-buckets'),
  g('s3', 'get-bucket-location', 'bucket'),
  g('s3', 'head-bucket', 'bucket'),
  g('s3', 'get-bucket-policy', 'bucket'),
  g('s3', 'get-bucket-policy-status', 'bucket'),
  g('s3', 'get-public-access-block', 'bucket'),
  g('s3', 'get-bucket-encryption', 'bucket'),
  g('s3', 'get-bucket-replication', 'bucket'),
  g('s3', 'get-bucket-ownership-controls', 'bucket'),
  g('s3control', 'get-public-access-block'),
  g('iam', 'list-roles'),
  g('iam', 'get-account-authorization-details'),
  g('organizations', 'describe-organization'),
  g('organizations', 'list-accounts'),
];

const BY_NAME = new Map(CONTRACT.map((e) => [`${e.service}-${e.operation}`, e]));
/** The entries a `needs` action names: every call that action authorises. */
export function entriesForAction(action: string): ContractEntry[] {
  const a = action.toLowerCase();
  return CONTRACT.filter((e) => e.action.toLowerCase() === a);
}

/** The contract entry for a file stem such as `ec2-describe-vpcs`, if it is one. */
export function entryForStem(stem: string): ContractEntry | undefined {
  return BY_NAME.get(stem);
}

export function kebabToPascal(s: string): string {
  return s
    .split('-')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join('');
}

/** `describe-vpcs` + params → the file path inside an account/region folder. */
export function fileName(service: string, operation: string, param?: string): string {
  const stem = `${service}-${operation}`;
  return param === undefined ? `${stem}.json` : `${stem}/${encodeParam(param)}.json`;
}

/** Parameters are URL-encoded so that ARNs (with `:` and `/`) make one safe file name. */
export function encodeParam(param: string): string {
  return encodeURIComponent(param).replace(/\*/g, '%2A');
}

export function decodeParam(name: string): string {
  return decodeURIComponent(name.endsWith('.json') ? name.slice(0, -5) : name);
}
