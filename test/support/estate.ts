/**
 * A fluent builder for tiny estates, as rule case tables describe them.
 *
 * Every file it writes holds what `aws <service> <operation> --output json` prints, with
 * field names taken from the AWS API reference; paths follow src/snapshot/contract.ts.
 * `source()` hands the result to the reader as an in-memory snapshot.
 *
 * Defaults (all deterministic: generated ids and ARNs derive from the names given):
 * - account `111111111111`, region `eu-west-1`; global calls sit under `us-east-1`.
 * - every account that holds a file gets `us-east-1/sts-get-caller-identity.json`.
 * - buckets: SSE `AES256` (the S3 default since January 2023), all four public access
 *   block settings on and object ownership `BucketOwnerEnforced` (the defaults since
 *   April 2023), no policy, no replication. Pass `sse` explicitly when a case cares.
 * - trails: multi-region (the console default), logging, management events only.
 * - list files (list-keys, describe-trails, iam-list-roles, describe-vpcs, …) accumulate
 *   entries across calls; declaring the same resource again replaces its entry.
 * - a `gap()` removes the file of the call that failed, as a scan would leave it; a raw
 *   `file()` always wins.
 * - network resources (route tables, gateways, interfaces, security groups, ACLs, prefix
 *   lists, transit gateways) are written as describe-* prints them: route tables list their
 *   local routes first; a security group's egress defaults to all traffic (as AWS creates
 *   one); an ACL always ends in its `*` deny rules; NAT gateways and interface endpoints get
 *   their requester-managed interfaces; interfaces and instances default their VPC, AZ and
 *   address to their subnet's (declare the subnet first). Derived host addresses are .100-.199
 *   of the subnet, so hand-placed hosts below .100 never collide with them.
 */
import {
  entryForStem,
  fileName,
  GLOBAL_REGION,
  kebabToPascal,
} from '../../src/snapshot/contract.js';
import { type Gap, SNAPSHOT_FORMAT } from '../../src/snapshot/manifest.js';
import { memorySource, type SnapshotSource } from '../../src/snapshot/source.js';
import { VERSION } from '../../src/version.js';

export const DEFAULT_ACCOUNT = '111111111111';
export const DEFAULT_REGION = 'eu-west-1';
export const DEFAULT_CREATED_AT = '2026-11-20T00:00:00Z';

/** When generated resources were "created" (well before any snapshot time). */
const CREATED = '2026-01-05T10:00:00+00:00';

export interface GapInput {
  account: string;
  region: string;
  service: string;
  operation: string;
  param?: string;
  code?: string;
  message?: string;
}

type PabKey =
  | 'BlockPublicAcls'
  | 'IgnorePublicAcls'
  | 'BlockPublicPolicy'
  | 'RestrictPublicBuckets';
export type PublicAccessBlockInput = Partial<Record<PabKey, boolean>>;

export interface ReplicationRuleInput {
  id?: string;
  status?: 'Enabled' | 'Disabled';
  /** Destination bucket name (written as its ARN). */
  destBucket: string;
  destAccount?: string;
  /** AccessControlTranslation Owner=Destination (needs destAccount to be meaningful). */
  ownerOverride?: boolean;
  replicaKmsKeyId?: string;
}

export interface BucketOptions {
  account?: string;
  region?: string;
  policy?: object;
  /** Default 'AES256'; 'aws:kms' when only `kmsKeyId` is given; null = no encryption file. */
  sse?: 'AES256' | 'aws:kms' | 'aws:kms:dsse' | null;
  kmsKeyId?: string;
  bucketKeyEnabled?: boolean;
  replication?: { role?: string; rules: ReplicationRuleInput[] };
  /** Merged over all-true; null = no get-public-access-block file. */
  publicAccessBlock?: PublicAccessBlockInput | null;
  /** get-bucket-policy-status; written when given or when the bucket has a policy. */
  isPublic?: boolean;
  /** No s3-get-bucket-location file (and, unless `listRegion`, no BucketRegion in list-buckets). */
  noLocation?: boolean;
  /** Whether list-buckets carries BucketRegion; default `!noLocation`. */
  listRegion?: boolean;
  /** get-bucket-ownership-controls; default 'BucketOwnerEnforced'; null = no file. */
  objectOwnership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter' | null;
}

export interface KeyOptions {
  account?: string;
  region?: string;
  manager?: 'CUSTOMER' | 'AWS';
  /** Alias names; `alias/` is prepended when missing. */
  aliases?: string[];
  /** Default: the default key policy (account root) or, for AWS keys, the AWS managed policy. */
  policy?: object;
  /** GrantListEntry objects; KeyId, IssuingAccount and GrantId are filled in when missing. */
  grants?: object[];
  /** KeyState, default 'Enabled'. */
  state?: string;
  description?: string;
}

export interface TrailOptions {
  account?: string;
  homeRegion?: string;
  /** Default true. */
  multiRegion?: boolean;
  organization?: boolean;
  /** S3BucketName; default `aws-cloudtrail-logs-<account>-<hash>`. */
  bucket?: string;
  /** Default true; null = no get-trail-status file. */
  logging?: boolean | null;
  /** Default 'none' (management events only). */
  dataEvents?: 'none' | 'all-s3' | string[];
  /** AdvancedEventSelectors verbatim (instead of EventSelectors). */
  advanced?: object[];
  /** null = no get-event-selectors file. */
  selectors?: null;
  /** Other account/region listings of the trail (shadow trails, org trails in members). */
  alsoSeenIn?: { account: string; region: string }[];
}

export interface PeeringSide {
  account: string;
  vpc: string;
  region?: string;
  /** Default: the CIDR of a VPC declared with `vpc()`, if any. */
  cidr?: string;
}

export interface PeeringOptions {
  requester: PeeringSide;
  accepter: PeeringSide;
  /** Status.Code, default 'active'. AWS returns CIDR blocks only for active peerings. */
  status?: string;
  /** Where the listing is written; default the requester's account and region. */
  account?: string;
  region?: string;
}

export interface TgwAttachmentOptions {
  /** Where the listing is written; default the resource owner. */
  account?: string;
  region?: string;
  tgw: string;
  tgwOwner: string;
  resourceOwner: string;
  resourceType?: string;
  resourceId?: string;
  state?: string;
  /** Association.TransitGatewayRouteTableId, when associated. */
  routeTable?: string;
}

export interface RolePermissionsInput {
  /** Inline policies: name → document. */
  inline?: Record<string, object>;
  attached?: { arn: string; document?: object | null }[];
  boundary?: { arn: string; document?: object | null };
}

export interface MskClusterOptions {
  account?: string;
  region?: string;
  /** ClientSubnets; default three generated subnet ids. */
  subnets?: string[];
  /** DataVolumeKMSKeyId; default the AWS managed `aws/kafka` key of the account. */
  kmsKeyArn?: string;
  policy?: object;
}

/** Where a network resource sits; default account `111111111111`, region `eu-west-1`. */
export interface Placed {
  account?: string;
  region?: string;
}

/**
 * One route of a VPC route table: `[destination, target]` or `[destination, target, state]`,
 * or the object form. The destination is an IPv4 CIDR, an IPv6 CIDR (has a `:`) or a prefix
 * list id (`pl-…`); the target's prefix picks the field AWS prints: `local`, `igw-` and
 * `vpce-` → GatewayId, `nat-` → NatGatewayId, `tgw-` → TransitGatewayId, `pcx-` →
 * VpcPeeringConnectionId, `eigw-` → EgressOnlyInternetGatewayId, `eni-` → NetworkInterfaceId,
 * `i-` → InstanceId (with InstanceOwnerId and the instance's NetworkInterfaceId).
 */
export type RouteInput =
  | readonly [dest: string, target: string]
  | readonly [dest: string, target: string, state: 'active' | 'blackhole']
  | {
      dest: string;
      target: string;
      state?: 'active' | 'blackhole';
      /** Default 'CreateRoute'. */
      origin?: 'CreateRoute' | 'CreateRouteTable' | 'EnableVgwRoutePropagation';
    };

export interface RouteTableOptions extends Placed {
  vpc: string;
  /** Routes besides the local ones, which are always written first (one per VPC CIDR). */
  routes?: RouteInput[];
  /** Subnets explicitly associated with the table. */
  subnets?: string[];
  /** The VPC's main route table (an association with Main: true). */
  main?: boolean;
}

/** A security group rule; one IpPermission in the CLI's shape. */
export interface SgRuleInput {
  /** 'tcp' | 'udp' | 'icmp' | '-1' (all); default '-1'. */
  protocol?: 'tcp' | 'udp' | 'icmp' | '-1';
  /** One port or a range; default all ports (0-65535) for tcp/udp, -1 for icmp. */
  ports?: number | readonly [number, number];
  cidrs?: string[];
  ipv6Cidrs?: string[];
  prefixLists?: string[];
  /** Referenced security groups (UserIdGroupPairs). */
  groups?: string[];
  /** UserId of referenced groups; default the rule owner's account. */
  groupOwner?: string;
  /** For a group in a peered VPC: the peering (VpcPeeringConnectionId, PeeringStatus active). */
  groupPeering?: { vpc: string; pcx: string };
}

export interface SecurityGroupOptions extends Placed {
  vpc: string;
  name?: string;
  ingress?: SgRuleInput[];
  /** Default: all traffic to 0.0.0.0/0 (and ::/0 when the VPC has an IPv6 CIDR), as AWS creates. */
  egress?: SgRuleInput[];
}

/** A network ACL entry. The `*` rules (32767, and 32768 for IPv6 VPCs) are always added. */
export interface AclEntryInput {
  rule: number;
  egress: boolean;
  /** Default 'allow'. */
  action?: 'allow' | 'deny';
  /** 'tcp' | 'udp' | 'icmp' | '-1' or a protocol number; written as the number AWS prints. */
  protocol?: string;
  /** Default 0.0.0.0/0 (unless `ipv6Cidr` is given). */
  cidr?: string;
  ipv6Cidr?: string;
  ports?: number | readonly [number, number];
}

export interface NetworkAclOptions extends Placed {
  vpc: string;
  subnets?: string[];
  /** IsDefault; default false. */
  isDefault?: boolean;
  /** Default: the default ACL's entries (rule 100 allows all, in and out). */
  entries?: AclEntryInput[];
}

export interface NetworkInterfaceOptions extends Placed {
  /** The subnet; VPC, AZ, account and region default to the subnet's when it was declared. */
  subnet: string;
  vpc?: string;
  az?: string;
  /** As for `subnet()`: undefined resolves the AZ name, null leaves AvailabilityZoneId out. */
  azId?: string | null;
  /** Default: an address derived from the subnet CIDR. */
  privateIp?: string;
  secondaryIps?: string[];
  /** Association.PublicIp (an Elastic IP or an auto-assigned public IPv4 address). */
  publicIp?: string;
  ipv6?: string[];
  groups?: string[];
  /** Attachment.InstanceId. */
  instance?: string;
  /** InterfaceType; default 'interface'. */
  type?: 'interface' | 'nat_gateway' | 'vpc_endpoint' | 'transit_gateway' | string;
  description?: string;
  requesterManaged?: boolean;
}

export interface InstanceOptions extends Placed {
  subnet: string;
  /** The primary network interface's id; default derived from the instance id. */
  eni?: string;
  privateIp?: string;
  publicIp?: string;
  ipv6?: string[];
  groups?: string[];
  azId?: string | null;
  type?: string;
  state?: 'pending' | 'running' | 'stopping' | 'stopped';
  /** Tags (a broker's cluster, its node id). */
  tags?: Record<string, string>;
}

export interface VolumeOptions {
  /** The instance it is attached to (its account, region and AZ come from that instance). */
  instance: string;
  /** Default true (EBS encryption by default is common; say false to test the gap). */
  encrypted?: boolean;
  /** The KMS key ARN that protects it; default the account's aws/ebs key when encrypted. */
  kmsKeyId?: string;
  device?: string;
  sizeGiB?: number;
}

export interface NatGatewayOptions extends Placed {
  subnet: string;
  vpc?: string;
  /** ConnectivityType; default 'public'. */
  connectivity?: 'public' | 'private';
  /** Default derived; only public NAT gateways get one. */
  publicIp?: string;
  privateIp?: string;
  /** Default 'available'. */
  state?: 'pending' | 'available' | 'deleting' | 'deleted' | 'failed';
  /** The NAT gateway's network interface id; default derived. */
  eni?: string;
}

export interface VpcEndpointOptions extends Placed {
  vpc: string;
  type?: 'Gateway' | 'Interface';
  /** ServiceName; default `com.amazonaws.<region>.s3`. */
  service?: string;
  /** PolicyDocument (written as the string the API returns); default full access; null = none. */
  policy?: object | null;
  /** RouteTableIds of a gateway endpoint; default one table derived from the VPC id. */
  routeTables?: string[];
  /** SubnetIds of an interface endpoint; each gets an endpoint network interface. */
  subnets?: string[];
  /** Subnet → the id of the endpoint network interface there; default derived. */
  enis?: Record<string, string>;
  /** PrivateDnsEnabled; default true for interface endpoints. */
  privateDns?: boolean;
  /** Security groups of an interface endpoint (and of its network interfaces). */
  groups?: string[];
  /** State; default 'available'. */
  state?: string;
}

export interface TransitGatewayOptions extends Placed {
  /** Options.AssociationDefaultRouteTableId (DefaultRouteTableAssociation enabled). */
  defaultAssociation?: string;
  /** Options.PropagationDefaultRouteTableId (DefaultRouteTablePropagation enabled). */
  defaultPropagation?: string;
  asn?: number;
  state?: string;
}

/**
 * A transit gateway route as search-transit-gateway-routes prints it:
 * `[destination, attachment]`, `[destination, 'blackhole']`, or the object form. Propagated
 * routes are generated from `propagations` (one per VPC CIDR of a VPC attachment).
 */
export type TgwRouteInput =
  | readonly [dest: string, attachment: string]
  | {
      /** A CIDR or a prefix list id (`pl-…`, written as PrefixListId). */
      dest: string;
      attachment?: string;
      /** Default 'static'. */
      type?: 'static' | 'propagated';
      /** Default 'active'; 'blackhole' drops matching traffic (and names no attachment). */
      state?: 'active' | 'blackhole';
    };

export interface TgwRouteTableOptions extends Placed {
  tgw: string;
  routes?: TgwRouteInput[];
  /** Attachments associated with the table (each attachment has at most one). */
  associations?: string[];
  /** Attachments that propagate into the table (VPC attachments give a route per VPC CIDR). */
  propagations?: string[];
  defaultAssociation?: boolean;
  defaultPropagation?: boolean;
}

export interface TgwPeeringSide {
  tgw: string;
  account: string;
  region: string;
  /** The route table this side's end of the peering attachment is associated with. */
  routeTable?: string;
}

export interface TgwPeeringOptions {
  requester: TgwPeeringSide;
  accepter: TgwPeeringSide;
  /** State (and Status.Code); default 'available'. */
  state?: string;
}

/** The array key of each list-type contract call (what `empty()` writes). */
export const LIST_KEYS: Readonly<Record<string, string>> = {
  'ec2-describe-availability-zones': 'AvailabilityZones',
  'ec2-describe-vpcs': 'Vpcs',
  'ec2-describe-subnets': 'Subnets',
  'ec2-describe-route-tables': 'RouteTables',
  'ec2-describe-internet-gateways': 'InternetGateways',
  'ec2-describe-egress-only-internet-gateways': 'EgressOnlyInternetGateways',
  'ec2-describe-nat-gateways': 'NatGateways',
  'ec2-describe-vpc-endpoints': 'VpcEndpoints',
  'ec2-describe-vpc-peering-connections': 'VpcPeeringConnections',
  'ec2-describe-transit-gateways': 'TransitGateways',
  'ec2-describe-transit-gateway-attachments': 'TransitGatewayAttachments',
  'ec2-describe-transit-gateway-peering-attachments': 'TransitGatewayPeeringAttachments',
  'ec2-describe-transit-gateway-route-tables': 'TransitGatewayRouteTables',
  'ec2-describe-network-interfaces': 'NetworkInterfaces',
  'ec2-describe-instances': 'Reservations',
  'ec2-describe-volumes': 'Volumes',
  'ec2-describe-security-groups': 'SecurityGroups',
  'ec2-describe-network-acls': 'NetworkAcls',
  'ec2-describe-prefix-lists': 'PrefixLists',
  'ec2-describe-managed-prefix-lists': 'PrefixLists',
  'kms-list-keys': 'Keys',
  'kms-list-aliases': 'Aliases',
  'cloudtrail-describe-trails': 'trailList',
  'kafka-list-clusters-v2': 'ClusterInfoList',
  'kafka-list-clusters': 'ClusterInfoList',
  'kafka-list-replicators': 'Replicators',
  's3-list-buckets': 'Buckets',
  'iam-list-roles': 'Roles',
  'organizations-list-accounts': 'Accounts',
};

// ---------------------------------------------------------------- deterministic ids

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** `length` lowercase hex digits derived from `seed`. */
export function hexId(seed: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++)
    out += fnv1a(`${seed}#${i}`).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** A version-4-shaped UUID derived from `seed`. */
export function uuidFor(seed: string): string {
  const h = hexId(seed, 32);
  const variant = '89ab'[Number.parseInt(h[16]!, 16) % 4]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const DIRECTIONS: Record<string, string> = {
  northeast: 'ne',
  southeast: 'se',
  northwest: 'nw',
  southwest: 'sw',
  central: 'c',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
};

/** `eu-west-1` → `euw1`, `ap-southeast-2` → `apse2`: the prefix of the region's AZ ids. */
export function regionCode(region: string): string {
  const parts = region.split('-');
  const num = parts.pop() ?? '';
  const geo = parts.shift() ?? '';
  return `${geo}${parts.map((p) => DIRECTIONS[p] ?? p[0] ?? '').join('')}${num}`;
}

/** The AZ id a builder gives an AZ name when nothing maps it: `eu-west-1b` → `euw1-az2`. */
export function azIdFor(region: string, azName: string): string {
  const letter = azName.startsWith(region) ? azName.slice(region.length) : '';
  const n = /^[a-z]$/.test(letter) ? letter.charCodeAt(0) - 96 : (fnv1a(azName) % 6) + 1;
  return `${regionCode(region)}-az${n}`;
}

export function keyArn(id: string, account = DEFAULT_ACCOUNT, region = DEFAULT_REGION): string {
  return `arn:aws:kms:${region}:${account}:key/${id}`;
}

export function trailArn(name: string, account = DEFAULT_ACCOUNT, region = DEFAULT_REGION): string {
  return `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;
}

export function roleArn(name: string, account = DEFAULT_ACCOUNT): string {
  const { path, roleName } = splitRoleName(name);
  return `arn:aws:iam::${account}:role${path}${roleName}`;
}

export function mskClusterArn(
  name: string,
  account = DEFAULT_ACCOUNT,
  region = DEFAULT_REGION,
): string {
  return `arn:aws:kafka:${region}:${account}:cluster/${name}/${uuidFor(`msk:${account}:${region}:${name}`)}-2`;
}

/** The key the builder gives a cluster by default: the account's AWS managed `aws/kafka` key. */
export function awsKafkaKeyArn(account = DEFAULT_ACCOUNT, region = DEFAULT_REGION): string {
  return keyArn(uuidFor(`aws/kafka:${account}:${region}`), account, region);
}

function splitRoleName(name: string): { path: string; roleName: string } {
  const slash = name.lastIndexOf('/');
  return slash === -1
    ? { path: '/', roleName: name }
    : { path: `/${name.slice(0, slash).replace(/^\/+/, '')}/`, roleName: name.slice(slash + 1) };
}

function pathOf(
  account: string,
  region: string,
  service: string,
  operation: string,
  param?: string,
): string {
  return `${account}/${region}/${fileName(service, operation, param)}`;
}

function cidrOf(seed: string): string {
  return `10.${fnv1a(seed) % 256}.0.0/16`;
}

// ---------------------------------------------------------------- the builder

type Lazy = () => unknown;

interface ListFile {
  key: string;
  tail: Record<string, unknown>;
  entries: Map<string, Lazy>;
}

export class Estate {
  private readonly createdAt: string;
  private readonly extraRegions: readonly string[];
  /** Manifest accounts, with names. */
  private readonly accounts = new Map<string, string | undefined>();
  /** Accounts that hold files (they get a caller identity). */
  private readonly folders = new Set<string>();
  private readonly regions = new Set<string>();
  private readonly singles = new Map<string, Lazy>();
  private readonly lists = new Map<string, ListFile>();
  private readonly raw = new Map<string, unknown>();
  private readonly authz = new Map<
    string,
    { roles: Map<string, unknown>; policies: Map<string, unknown> }
  >();
  private readonly gapList: Gap[] = [];
  private readonly vpcCidrs = new Map<string, string>();
  private readonly azMaps = new Map<string, Map<string, string>>();
  private readonly vpcIpv6 = new Map<string, string>();
  private readonly subnetInfo = new Map<
    string,
    {
      vpc: string;
      account: string;
      region: string;
      az: string;
      azId: string | null | undefined;
      cidr: () => string;
    }
  >();
  private readonly sgNames = new Map<string, string>();
  private readonly instanceEnis = new Map<string, string>();
  private readonly instancePlacement = new Map<
    string,
    { account: string; region: string; az: string; azId: string | null | undefined }
  >();
  /** Attachment ids (`id` or `id@tgw` for a peering side) → what they attach. */
  private readonly tgwAttachInfo = new Map<
    string,
    { tgw: string; resourceType: string; resourceId: string }
  >();
  /** TGW route table → its transit gateway and the attachments associated with it. */
  private readonly tgwRtbAssoc = new Map<string, { tgw: string | undefined; atts: Set<string> }>();
  private readonly orgs = new Map<string, { management: string; members: string[] }>();

  constructor(opts: { createdAt?: string; regions?: string[] } = {}) {
    this.createdAt = opts.createdAt ?? DEFAULT_CREATED_AT;
    this.extraRegions = opts.regions ?? [];
  }

  // ------------------------------------------------------------ accounts and raw files

  /** Ensures the account folder and its sts-get-caller-identity.json; names it in the manifest. */
  account(id: string, name?: string): this {
    this.folders.add(id);
    this.accounts.set(id, name ?? this.accounts.get(id));
    return this;
  }

  /** Escape hatch: a raw file at a path (JSON value or text). Wins over generated files. */
  file(path: string, value: unknown): this {
    this.raw.set(path, value);
    return this;
  }

  /** An empty listing (`{ "Vpcs": [] }`): the call succeeded and found nothing. */
  empty(service: string, operation: string, o: { account?: string; region?: string } = {}): this {
    const stem = `${service}-${operation}`;
    const key = LIST_KEYS[stem];
    if (!key) throw new Error(`estate.empty: ${stem} is not a list call`);
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = this.regionFor(stem, o.region);
    const path = pathOf(account, region, service, operation);
    if (!this.lists.has(path)) this.lists.set(path, { key, tail: {}, entries: new Map() });
    this.touch(account, region, stem);
    return this;
  }

  /** A failed call: recorded in manifest.json gaps; its file, if generated, is left out. */
  gap(g: GapInput): this {
    const code = g.code ?? 'AccessDenied';
    const action =
      entryForStem(`${g.service}-${g.operation}`)?.action ??
      `${g.service}:${kebabToPascal(g.operation)}`;
    this.gapList.push({
      account: g.account,
      region: g.region,
      service: g.service,
      operation: g.operation,
      ...(g.param !== undefined ? { param: g.param } : {}),
      code,
      message:
        g.message ??
        `An error occurred (${code}) when calling the ${kebabToPascal(g.operation)} operation: not authorized to perform ${action}`,
    });
    if (!this.accounts.has(g.account)) this.accounts.set(g.account, undefined);
    if (entryForStem(`${g.service}-${g.operation}`)?.scope !== 'global') this.regions.add(g.region);
    return this;
  }

  // ------------------------------------------------------------ S3

  bucket(name: string, o: BucketOptions = {}): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const g = GLOBAL_REGION;
    for (const op of [
      'get-bucket-location',
      'get-bucket-policy',
      'get-bucket-policy-status',
      'get-public-access-block',
      'get-bucket-encryption',
      'get-bucket-replication',
      'get-bucket-ownership-controls',
    ]) {
      this.singles.delete(pathOf(account, g, 's3', op, name));
    }

    const listRegion = o.listRegion ?? !o.noLocation;
    this.listEntry(
      account,
      g,
      's3',
      'list-buckets',
      name,
      () => ({
        Name: name,
        CreationDate: CREATED,
        ...(listRegion ? { BucketRegion: region } : {}),
      }),
      { Owner: { ID: hexId(`canonical-user:${account}`, 64) } },
    );
    if (!o.noLocation) {
      // The CLI prints null for us-east-1 (the API returns an empty LocationConstraint).
      this.single(account, g, 's3', 'get-bucket-location', name, () => ({
        LocationConstraint: region === 'us-east-1' ? null : region,
      }));
    }
    if (o.policy !== undefined) {
      const policy = o.policy;
      this.single(account, g, 's3', 'get-bucket-policy', name, () => ({
        Policy: JSON.stringify(policy),
      }));
    }
    if (o.isPublic !== undefined || o.policy !== undefined) {
      const isPublic = o.isPublic ?? false;
      this.single(account, g, 's3', 'get-bucket-policy-status', name, () => ({
        PolicyStatus: { IsPublic: isPublic },
      }));
    }
    if (o.publicAccessBlock !== null) {
      const pab = o.publicAccessBlock ?? {};
      this.single(account, g, 's3', 'get-public-access-block', name, () => ({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: pab.BlockPublicAcls ?? true,
          IgnorePublicAcls: pab.IgnorePublicAcls ?? true,
          BlockPublicPolicy: pab.BlockPublicPolicy ?? true,
          RestrictPublicBuckets: pab.RestrictPublicBuckets ?? true,
        },
      }));
    }
    const sse = o.sse !== undefined ? o.sse : o.kmsKeyId !== undefined ? 'aws:kms' : 'AES256';
    if (sse !== null) {
      const kmsKeyId = o.kmsKeyId;
      const bucketKey = o.bucketKeyEnabled ?? false;
      this.single(account, g, 's3', 'get-bucket-encryption', name, () => ({
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: sse,
                ...(kmsKeyId !== undefined ? { KMSMasterKeyID: kmsKeyId } : {}),
              },
              BucketKeyEnabled: bucketKey,
            },
          ],
        },
      }));
    }
    if (o.replication) {
      const rep = o.replication;
      this.single(account, g, 's3', 'get-bucket-replication', name, () => ({
        ReplicationConfiguration: {
          Role: rep.role ?? `arn:aws:iam::${account}:role/service-role/s3crr_role_for_${name}`,
          Rules: rep.rules.map((r, i) => ({
            ID: r.id ?? `replicate-${r.destBucket}`,
            Priority: i + 1,
            Filter: {},
            Status: r.status ?? 'Enabled',
            ...(r.replicaKmsKeyId !== undefined
              ? { SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } } }
              : {}),
            Destination: {
              Bucket: `arn:aws:s3:::${r.destBucket}`,
              ...(r.destAccount !== undefined ? { Account: r.destAccount } : {}),
              StorageClass: 'STANDARD',
              ...(r.ownerOverride ? { AccessControlTranslation: { Owner: 'Destination' } } : {}),
              ...(r.replicaKmsKeyId !== undefined
                ? { EncryptionConfiguration: { ReplicaKmsKeyID: r.replicaKmsKeyId } }
                : {}),
            },
            DeleteMarkerReplication: { Status: 'Disabled' },
          })),
        },
      }));
    }
    const ownership = o.objectOwnership === undefined ? 'BucketOwnerEnforced' : o.objectOwnership;
    if (ownership !== null) {
      this.single(account, g, 's3', 'get-bucket-ownership-controls', name, () => ({
        OwnershipControls: { Rules: [{ ObjectOwnership: ownership }] },
      }));
    }
    return this;
  }

  /** The account-level block (s3control get-public-access-block); null removes it. */
  accountPublicAccessBlock(account: string, cfg: PublicAccessBlockInput | null = {}): this {
    const path = pathOf(account, GLOBAL_REGION, 's3control', 'get-public-access-block');
    if (cfg === null) {
      this.singles.delete(path);
      return this;
    }
    this.single(account, GLOBAL_REGION, 's3control', 'get-public-access-block', undefined, () => ({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: cfg.BlockPublicAcls ?? true,
        IgnorePublicAcls: cfg.IgnorePublicAcls ?? true,
        BlockPublicPolicy: cfg.BlockPublicPolicy ?? true,
        RestrictPublicBuckets: cfg.RestrictPublicBuckets ?? true,
      },
    }));
    return this;
  }

  // ------------------------------------------------------------ KMS

  key(id: string, o: KeyOptions = {}): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const arn = keyArn(id, account, region);
    const manager = o.manager ?? 'CUSTOMER';
    const state = o.state ?? 'Enabled';
    const aliases = (o.aliases ?? []).map((a) => (a.startsWith('alias/') ? a : `alias/${a}`));

    this.listEntry(account, region, 'kms', 'list-keys', id, () => ({ KeyId: id, KeyArn: arn }));
    for (const alias of aliases) {
      this.listEntry(account, region, 'kms', 'list-aliases', alias, () => ({
        AliasName: alias,
        AliasArn: `arn:aws:kms:${region}:${account}:${alias}`,
        TargetKeyId: id,
        CreationDate: CREATED,
        LastUpdatedDate: CREATED,
      }));
    }
    this.single(account, region, 'kms', 'describe-key', id, () => ({
      KeyMetadata: {
        AWSAccountId: account,
        KeyId: id,
        Arn: arn,
        CreationDate: CREATED,
        Enabled: state === 'Enabled',
        Description: o.description ?? (manager === 'AWS' ? awsKeyDescription(aliases) : ''),
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: state,
        ...(state === 'PendingDeletion' ? { DeletionDate: '2026-12-20T00:00:00+00:00' } : {}),
        Origin: 'AWS_KMS',
        KeyManager: manager,
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        KeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
      },
    }));
    const policy =
      o.policy ??
      (manager === 'AWS'
        ? awsManagedKeyPolicy(account, region, aliases)
        : defaultKeyPolicy(account));
    this.single(account, region, 'kms', 'get-key-policy', id, () => ({
      Policy: JSON.stringify(policy, null, 4),
      PolicyName: 'default',
    }));
    const grants = o.grants ?? [];
    this.single(account, region, 'kms', 'list-grants', id, () => ({
      Grants: grants.map((grant, i) => ({
        KeyId: arn,
        GrantId: hexId(`grant:${arn}:${i}`, 64),
        Name: '',
        CreationDate: CREATED,
        IssuingAccount: `arn:aws:iam::${account}:root`,
        Operations: [],
        ...grant,
      })),
    }));
    return this;
  }

  // ------------------------------------------------------------ CloudTrail

  trail(name: string, o: TrailOptions = {}): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const home = o.homeRegion ?? DEFAULT_REGION;
    const arn = trailArn(name, account, home);
    const dataEvents = o.dataEvents ?? 'none';
    const custom = o.advanced !== undefined || dataEvents !== 'none';
    const entry = () => ({
      Name: name,
      S3BucketName: o.bucket ?? `aws-cloudtrail-logs-${account}-${hexId(`trail:${arn}`, 8)}`,
      IncludeGlobalServiceEvents: true,
      IsMultiRegionTrail: o.multiRegion ?? true,
      HomeRegion: home,
      TrailARN: arn,
      LogFileValidationEnabled: true,
      HasCustomEventSelectors: custom,
      HasInsightSelectors: false,
      IsOrganizationTrail: o.organization ?? false,
    });
    this.listEntry(account, home, 'cloudtrail', 'describe-trails', arn, entry);
    for (const seen of o.alsoSeenIn ?? []) {
      this.listEntry(seen.account, seen.region, 'cloudtrail', 'describe-trails', arn, entry);
    }

    const statusPath = pathOf(account, home, 'cloudtrail', 'get-trail-status', arn);
    this.singles.delete(statusPath);
    if (o.logging !== null) {
      const logging = o.logging ?? true;
      const at = this.createdAt;
      this.single(account, home, 'cloudtrail', 'get-trail-status', arn, () =>
        logging
          ? {
              IsLogging: true,
              LatestDeliveryTime: at,
              StartLoggingTime: CREATED,
              LatestDeliveryAttemptTime: at,
              LatestDeliveryAttemptSucceeded: at,
              TimeLoggingStarted: CREATED,
              TimeLoggingStopped: '',
            }
          : {
              IsLogging: false,
              StartLoggingTime: CREATED,
              StopLoggingTime: at,
              TimeLoggingStarted: CREATED,
              TimeLoggingStopped: at,
            },
      );
    }

    this.singles.delete(pathOf(account, home, 'cloudtrail', 'get-event-selectors', arn));
    if (o.selectors !== null) {
      const advanced = o.advanced;
      this.single(account, home, 'cloudtrail', 'get-event-selectors', arn, () =>
        advanced !== undefined
          ? { TrailARN: arn, AdvancedEventSelectors: advanced }
          : {
              TrailARN: arn,
              EventSelectors: [
                {
                  ReadWriteType: 'All',
                  IncludeManagementEvents: true,
                  DataResources:
                    dataEvents === 'none'
                      ? []
                      : [
                          {
                            Type: 'AWS::S3::Object',
                            Values:
                              dataEvents === 'all-s3'
                                ? ['arn:aws:s3']
                                : dataEvents.map((b) => `arn:aws:s3:::${b}/`),
                          },
                        ],
                  ExcludeManagementEventSources: [],
                },
              ],
            },
      );
    }
    return this;
  }

  // ------------------------------------------------------------ IAM and Organizations

  /**
   * A role in iam-list-roles (merged across calls); the trust policy is written decoded. With
   * `permissions`, the role and its policies also go into iam-get-account-authorization-details
   * (inline policies by name; attached managed policies by ARN, with their default version's
   * document unless `document` is null, as for a policy the file does not hold).
   */
  role(
    name: string,
    o: { account?: string; trust: object; permissions?: RolePermissionsInput } = {
      trust: ec2Trust(),
    },
  ): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const { path, roleName } = splitRoleName(name);
    const arn = roleArn(name, account);
    const trust = o.trust;
    const roleId = `AROA${hexId(`role:${arn}`, 17).toUpperCase()}`;
    this.listEntry(account, GLOBAL_REGION, 'iam', 'list-roles', arn, () => ({
      Path: path,
      RoleName: roleName,
      RoleId: roleId,
      Arn: arn,
      CreateDate: CREATED,
      AssumeRolePolicyDocument: trust,
      MaxSessionDuration: 3600,
    }));
    if (o.permissions) {
      const p = o.permissions;
      const authz = this.authz.get(account) ?? { roles: new Map(), policies: new Map() };
      this.authz.set(account, authz);
      const managed = [...(p.attached ?? []), ...(p.boundary ? [p.boundary] : [])];
      for (const m of managed) {
        if (m.document === null) continue;
        authz.policies.set(m.arn, {
          PolicyName: m.arn.split('/').pop(),
          PolicyId: `ANPA${hexId(`policy:${m.arn}`, 17).toUpperCase()}`,
          Arn: m.arn,
          Path: '/',
          DefaultVersionId: 'v1',
          AttachmentCount: 1,
          PermissionsBoundaryUsageCount: p.boundary?.arn === m.arn ? 1 : 0,
          IsAttachable: true,
          CreateDate: CREATED,
          UpdateDate: CREATED,
          PolicyVersionList: [
            { Document: m.document, VersionId: 'v1', IsDefaultVersion: true, CreateDate: CREATED },
          ],
        });
      }
      authz.roles.set(arn, {
        Path: path,
        RoleName: roleName,
        RoleId: roleId,
        Arn: arn,
        CreateDate: CREATED,
        AssumeRolePolicyDocument: trust,
        InstanceProfileList: [],
        RolePolicyList: Object.entries(p.inline ?? {}).map(([PolicyName, PolicyDocument]) => ({
          PolicyName,
          PolicyDocument,
        })),
        AttachedManagedPolicies: (p.attached ?? []).map((m) => ({
          PolicyName: m.arn.split('/').pop(),
          PolicyArn: m.arn,
        })),
        ...(p.boundary
          ? {
              PermissionsBoundary: {
                PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
                PermissionsBoundaryArn: p.boundary.arn,
              },
            }
          : {}),
        Tags: [],
        RoleLastUsed: {},
      });
      this.file(pathOf(account, GLOBAL_REGION, 'iam', 'get-account-authorization-details'), {
        UserDetailList: [],
        GroupDetailList: [],
        RoleDetailList: [...authz.roles.values()],
        Policies: [...authz.policies.values()],
        IsTruncated: false,
      });
    }
    return this;
  }

  /**
   * describe-organization and list-accounts under the management account. Members that hold
   * files in the estate get describe-organization too (any member account may call it).
   */
  organization(
    id: string,
    o: { management: string; members: { id: string; name?: string }[] },
  ): this {
    const mgmt = o.management;
    const orgArn = `arn:aws:organizations::${mgmt}:organization/${id}`;
    const accountArn = (a: string) => `arn:aws:organizations::${mgmt}:account/${id}/${a}`;
    this.single(mgmt, GLOBAL_REGION, 'organizations', 'describe-organization', undefined, () =>
      describeOrganization(id, orgArn, mgmt, accountArn(mgmt)),
    );
    const members = o.members.some((m) => m.id === mgmt) ? o.members : [{ id: mgmt }, ...o.members];
    for (const m of members) {
      this.listEntry(mgmt, GLOBAL_REGION, 'organizations', 'list-accounts', m.id, () => ({
        Id: m.id,
        Arn: accountArn(m.id),
        Email: `aws+${m.id}@example.com`,
        Name: m.name ?? this.accounts.get(m.id) ?? `account-${m.id}`,
        Status: 'ACTIVE',
        State: 'ACTIVE',
        JoinedMethod: m.id === mgmt ? 'INVITED' : 'CREATED',
        JoinedTimestamp: CREATED,
      }));
    }
    this.orgs.set(id, { management: mgmt, members: members.map((m) => m.id) });
    return this;
  }

  // ------------------------------------------------------------ EC2

  /** A VPC; `ipv6Cidr` adds an Amazon-provided IPv6 block (Ipv6CidrBlockAssociationSet). */
  vpc(
    id: string,
    o: { account?: string; region?: string; cidr?: string; ipv6Cidr?: string } = {},
  ): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const cidr = o.cidr ?? cidrOf(`vpc:${id}`);
    this.vpcCidrs.set(id, cidr);
    if (o.ipv6Cidr !== undefined) this.vpcIpv6.set(id, o.ipv6Cidr);
    else this.vpcIpv6.delete(id);
    const ipv6 = o.ipv6Cidr;
    this.listEntry(account, region, 'ec2', 'describe-vpcs', id, () => ({
      OwnerId: account,
      InstanceTenancy: 'default',
      ...(ipv6 !== undefined
        ? {
            Ipv6CidrBlockAssociationSet: [
              {
                AssociationId: `vpc-cidr-assoc-${hexId(`assoc6:${id}`, 17)}`,
                Ipv6CidrBlock: ipv6,
                Ipv6CidrBlockState: { State: 'associated' },
                NetworkBorderGroup: region,
                Ipv6Pool: 'Amazon',
              },
            ],
          }
        : {}),
      CidrBlockAssociationSet: [
        {
          AssociationId: `vpc-cidr-assoc-${hexId(`assoc:${id}`, 17)}`,
          CidrBlock: cidr,
          CidrBlockState: { State: 'associated' },
        },
      ],
      IsDefault: false,
      VpcId: id,
      State: 'available',
      CidrBlock: cidr,
      DhcpOptionsId: `dopt-${hexId(`dopt:${account}:${region}`, 17)}`,
    }));
    return this;
  }

  /**
   * A VPC endpoint (a gateway endpoint to S3 by default), as describe-vpc-endpoints prints it.
   * An interface endpoint with `subnets` also gets its requester-managed network interfaces
   * in describe-network-interfaces (one per subnet, in the endpoint's security groups).
   */
  vpcEndpoint(id: string, o: VpcEndpointOptions): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const type = o.type ?? 'Gateway';
    const serviceName = o.service ?? `com.amazonaws.${region}.s3`;
    const subnets = type === 'Interface' ? (o.subnets ?? []) : [];
    const groups = o.groups ?? [];
    const privateDns = o.privateDns ?? type === 'Interface';
    const eniOf = (subnet: string) =>
      o.enis?.[subnet] ?? `eni-${hexId(`vpce-eni:${id}:${subnet}`, 17)}`;
    const shortService = serviceName.split('.').slice(3).join('.');
    this.listEntry(account, region, 'ec2', 'describe-vpc-endpoints', id, () => ({
      VpcEndpointId: id,
      VpcEndpointType: type,
      VpcId: o.vpc,
      ServiceName: serviceName,
      State: o.state ?? 'available',
      ...(o.policy === null
        ? {}
        : {
            PolicyDocument: o.policy
              ? JSON.stringify(o.policy)
              : '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
          }),
      RouteTableIds:
        type === 'Gateway' ? (o.routeTables ?? [`rtb-${hexId(`rtb:${o.vpc}`, 17)}`]) : [],
      SubnetIds: subnets,
      Groups: groups.map((g) => ({ GroupId: g, GroupName: this.sgNames.get(g) ?? g })),
      PrivateDnsEnabled: privateDns,
      RequesterManaged: false,
      NetworkInterfaceIds: subnets.map(eniOf),
      DnsEntries:
        type === 'Interface'
          ? [
              {
                DnsName: `${id}-${hexId(`dns:${id}`, 8)}.${shortService}.${region}.vpce.amazonaws.com`,
                HostedZoneId: `Z${hexId(`zone:${region}`, 13).toUpperCase()}`,
              },
              ...(privateDns
                ? [
                    {
                      DnsName: `${shortService}.${region}.amazonaws.com`,
                      HostedZoneId: `Z${hexId(`phz:${id}`, 20).toUpperCase()}`,
                    },
                  ]
                : []),
            ]
          : [],
      CreationTimestamp: CREATED,
      Tags: [],
      OwnerId: account,
    }));
    for (const subnet of subnets) {
      this.networkInterface(eniOf(subnet), {
        subnet,
        account,
        region,
        groups,
        type: 'vpc_endpoint',
        description: `VPC Endpoint Interface ${id}`,
        requesterManaged: true,
      });
    }
    return this;
  }

  /**
   * A subnet. `azId` undefined: taken from `availabilityZones()` for its account and region,
   * else derived from the AZ name (`eu-west-1b` → `euw1-az2`); null: no AvailabilityZoneId.
   */
  subnet(
    id: string,
    o: {
      vpc: string;
      account?: string;
      region?: string;
      az: string;
      azId?: string | null;
      cidr?: string;
      ipv6Cidr?: string;
    },
  ): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    this.subnetInfo.set(id, {
      vpc: o.vpc,
      account,
      region,
      az: o.az,
      azId: o.azId,
      cidr: () => o.cidr ?? this.subnetCidr(id, o.vpc),
    });
    this.listEntry(account, region, 'ec2', 'describe-subnets', id, () => {
      const azId = this.resolveAzId(account, region, o.az, o.azId);
      return {
        AvailabilityZone: o.az,
        ...(azId !== undefined ? { AvailabilityZoneId: azId } : {}),
        AvailableIpAddressCount: 251,
        CidrBlock: o.cidr ?? this.subnetCidr(id, o.vpc),
        DefaultForAz: false,
        MapPublicIpOnLaunch: false,
        State: 'available',
        SubnetId: id,
        VpcId: o.vpc,
        OwnerId: account,
        AssignIpv6AddressOnCreation: false,
        Ipv6CidrBlockAssociationSet:
          o.ipv6Cidr !== undefined
            ? [
                {
                  AssociationId: `subnet-cidr-assoc-${hexId(`assoc6:${id}`, 17)}`,
                  Ipv6CidrBlock: o.ipv6Cidr,
                  Ipv6CidrBlockState: { State: 'associated' },
                },
              ]
            : [],
        SubnetArn: `arn:aws:ec2:${region}:${account}:subnet/${id}`,
      };
    });
    return this;
  }

  /** describe-availability-zones for one account and region: AZ name → AZ id. */
  availabilityZones(account: string, region: string, map: Record<string, string>): this {
    const key = `${account}|${region}`;
    const known = this.azMaps.get(key) ?? new Map<string, string>();
    this.azMaps.set(key, known);
    for (const [zoneName, zoneId] of Object.entries(map)) {
      known.set(zoneName, zoneId);
      this.listEntry(account, region, 'ec2', 'describe-availability-zones', zoneName, () => ({
        OptInStatus: 'opt-in-not-required',
        Messages: [],
        RegionName: region,
        ZoneName: zoneName,
        ZoneId: zoneId,
        GroupName: `${region}-zg-1`,
        NetworkBorderGroup: region,
        ZoneType: 'availability-zone',
        State: 'available',
      }));
    }
    return this;
  }

  peering(id: string, o: PeeringOptions): this {
    const status = o.status ?? 'active';
    const account = o.account ?? o.requester.account;
    const region = o.region ?? o.requester.region ?? DEFAULT_REGION;
    const info = (side: PeeringSide) => {
      const cidr = side.cidr ?? this.vpcCidrs.get(side.vpc);
      const active = status === 'active';
      return {
        ...(active && cidr !== undefined
          ? { CidrBlock: cidr, CidrBlockSet: [{ CidrBlock: cidr }] }
          : {}),
        OwnerId: side.account,
        ...(active
          ? {
              PeeringOptions: {
                AllowDnsResolutionFromRemoteVpc: false,
                AllowEgressFromLocalClassicLinkToRemoteVpc: false,
                AllowEgressFromLocalVpcToRemoteClassicLink: false,
              },
            }
          : {}),
        VpcId: side.vpc,
        Region: side.region ?? DEFAULT_REGION,
      };
    };
    this.listEntry(account, region, 'ec2', 'describe-vpc-peering-connections', id, () => ({
      AccepterVpcInfo: info(o.accepter),
      RequesterVpcInfo: info(o.requester),
      Status: { Code: status, Message: peeringMessage(status, o.accepter.account) },
      Tags: [],
      VpcPeeringConnectionId: id,
    }));
    return this;
  }

  /**
   * A transit gateway attachment in describe-transit-gateway-attachments (written in the
   * resource owner's account unless `account` says otherwise; call again with the other
   * account to list it on both sides). Its Association is `routeTable`, else the TGW route
   * table whose `associations` name it.
   */
  tgwAttachment(id: string, o: TgwAttachmentOptions): this {
    const account = o.account ?? o.resourceOwner;
    const region = o.region ?? DEFAULT_REGION;
    const resourceType = o.resourceType ?? 'vpc';
    const resourceId =
      o.resourceId ?? `${resourceType === 'vpc' ? 'vpc' : resourceType}-${hexId(`res:${id}`, 17)}`;
    const state = o.state ?? 'available';
    this.tgwAttachInfo.set(id, { tgw: o.tgw, resourceType, resourceId });
    if (o.routeTable !== undefined) this.associateTgw(o.routeTable, undefined, id);
    this.listEntry(account, region, 'ec2', 'describe-transit-gateway-attachments', id, () => {
      const rtb = o.routeTable ?? this.tgwAssociationOf(id, o.tgw);
      return {
        TransitGatewayAttachmentId: id,
        TransitGatewayId: o.tgw,
        TransitGatewayOwnerId: o.tgwOwner,
        ResourceOwnerId: o.resourceOwner,
        ResourceType: resourceType,
        ResourceId: resourceId,
        State: state,
        ...(rtb !== undefined
          ? { Association: { TransitGatewayRouteTableId: rtb, State: 'associated' } }
          : {}),
        CreationTime: CREATED,
        Tags: [],
      };
    });
    return this;
  }

  // ------------------------------------------------------------ VPC routing and filtering

  /**
   * A VPC route table (describe-route-tables). Local routes (one per VPC CIDR, IPv6 included)
   * come first, as AWS lists them; `main` adds the Main association, `subnets` the explicit
   * ones.
   */
  routeTable(id: string, o: RouteTableOptions): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const assoc = (seed: string) => `rtbassoc-${hexId(`rtbassoc:${id}:${seed}`, 17)}`;
    this.listEntry(account, region, 'ec2', 'describe-route-tables', id, () => {
      const locals = [this.vpcCidrs.get(o.vpc), this.vpcIpv6.get(o.vpc)].flatMap((cidr) =>
        cidr === undefined
          ? []
          : [
              {
                [cidr.includes(':') ? 'DestinationIpv6CidrBlock' : 'DestinationCidrBlock']: cidr,
                GatewayId: 'local',
                Origin: 'CreateRouteTable',
                State: 'active',
              },
            ],
      );
      return {
        Associations: [
          ...(o.main
            ? [
                {
                  Main: true,
                  RouteTableAssociationId: assoc('main'),
                  RouteTableId: id,
                  AssociationState: { State: 'associated' },
                },
              ]
            : []),
          ...(o.subnets ?? []).map((subnet) => ({
            Main: false,
            RouteTableAssociationId: assoc(subnet),
            RouteTableId: id,
            SubnetId: subnet,
            AssociationState: { State: 'associated' },
          })),
        ],
        PropagatingVgws: [],
        RouteTableId: id,
        Routes: [...locals, ...(o.routes ?? []).map((r) => this.vpcRoute(r, account))],
        Tags: [],
        VpcId: o.vpc,
        OwnerId: account,
      };
    });
    return this;
  }

  /** An internet gateway, attached to `vpc` (State 'available', as the CLI prints it) or detached. */
  internetGateway(id: string, o: Placed & { vpc?: string | null } = {}): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const vpc = o.vpc ?? null;
    this.listEntry(account, region, 'ec2', 'describe-internet-gateways', id, () => ({
      Attachments: vpc === null ? [] : [{ State: 'available', VpcId: vpc }],
      InternetGatewayId: id,
      OwnerId: account,
      Tags: [],
    }));
    return this;
  }

  /** An egress-only internet gateway (IPv6 only), attached to `vpc`. */
  egressOnlyInternetGateway(id: string, o: Placed & { vpc: string }): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    this.listEntry(account, region, 'ec2', 'describe-egress-only-internet-gateways', id, () => ({
      Attachments: [{ State: 'attached', VpcId: o.vpc }],
      EgressOnlyInternetGatewayId: id,
      Tags: [],
    }));
    return this;
  }

  /**
   * A NAT gateway (describe-nat-gateways) and its requester-managed network interface. A public
   * NAT gateway has an Elastic IP; a private one has none.
   */
  natGateway(id: string, o: NatGatewayOptions): this {
    const sub = this.subnetInfo.get(o.subnet);
    const account = o.account ?? sub?.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? sub?.region ?? DEFAULT_REGION;
    const vpc = o.vpc ?? sub?.vpc ?? `vpc-${hexId(`vpc-of:${o.subnet}`, 17)}`;
    const connectivity = o.connectivity ?? 'public';
    const eni = o.eni ?? `eni-${hexId(`nat-eni:${id}`, 17)}`;
    const publicIp =
      connectivity === 'public' ? (o.publicIp ?? publicIpFor(`nat:${id}`)) : undefined;
    const privateIp = () => o.privateIp ?? this.subnetIp(o.subnet, `nat:${id}`);
    this.listEntry(account, region, 'ec2', 'describe-nat-gateways', id, () => ({
      CreateTime: CREATED,
      NatGatewayAddresses: [
        {
          ...(publicIp !== undefined
            ? {
                AllocationId: `eipalloc-${hexId(`eip:${id}`, 17)}`,
                AssociationId: `eipassoc-${hexId(`eipassoc:${id}`, 17)}`,
              }
            : {}),
          NetworkInterfaceId: eni,
          PrivateIp: privateIp(),
          ...(publicIp !== undefined ? { PublicIp: publicIp } : {}),
          IsPrimary: true,
          Status: 'succeeded',
        },
      ],
      NatGatewayId: id,
      State: o.state ?? 'available',
      SubnetId: o.subnet,
      VpcId: vpc,
      Tags: [],
      ConnectivityType: connectivity,
    }));
    this.networkInterface(eni, {
      subnet: o.subnet,
      vpc,
      account,
      region,
      privateIp: o.privateIp ?? this.subnetIp(o.subnet, `nat:${id}`),
      ...(publicIp !== undefined ? { publicIp } : {}),
      groups: [],
      type: 'nat_gateway',
      description: `Interface for NAT Gateway ${id}`,
      requesterManaged: true,
    });
    return this;
  }

  /** A network interface (describe-network-interfaces). */
  networkInterface(id: string, o: NetworkInterfaceOptions): this {
    const sub = this.subnetInfo.get(o.subnet);
    const account = o.account ?? sub?.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? sub?.region ?? DEFAULT_REGION;
    const vpc = o.vpc ?? sub?.vpc ?? `vpc-${hexId(`vpc-of:${o.subnet}`, 17)}`;
    const az = o.az ?? sub?.az ?? `${region}a`;
    const azIdOpt = o.azId !== undefined ? o.azId : sub?.azId;
    const groups = o.groups ?? [];
    const type = o.type ?? 'interface';
    const publicIp = o.publicIp;
    this.listEntry(account, region, 'ec2', 'describe-network-interfaces', id, () => {
      const primary = o.privateIp ?? this.subnetIp(o.subnet, `eni:${id}`);
      const azId = this.resolveAzId(account, region, az, azIdOpt);
      const association =
        publicIp !== undefined
          ? {
              IpOwnerId: type === 'interface' ? 'amazon' : account,
              PublicDnsName: `ec2-${publicIp.replaceAll('.', '-')}.${region}.compute.amazonaws.com`,
              PublicIp: publicIp,
            }
          : undefined;
      const privateDns = (ip: string) => `ip-${ip.replaceAll('.', '-')}.${region}.compute.internal`;
      return {
        ...(association ? { Association: association } : {}),
        ...(o.instance !== undefined
          ? {
              Attachment: {
                AttachTime: CREATED,
                AttachmentId: `eni-attach-${hexId(`attach:${id}`, 17)}`,
                DeleteOnTermination: true,
                DeviceIndex: 0,
                NetworkCardIndex: 0,
                InstanceId: o.instance,
                InstanceOwnerId: account,
                Status: 'attached',
              },
            }
          : {}),
        AvailabilityZone: az,
        ...(azId !== undefined ? { AvailabilityZoneId: azId } : {}),
        Description: o.description ?? '',
        Groups: groups.map((g) => ({ GroupId: g, GroupName: this.sgNames.get(g) ?? g })),
        InterfaceType: type,
        Ipv6Addresses: (o.ipv6 ?? []).map((a) => ({ Ipv6Address: a, IsPrimaryIpv6: false })),
        MacAddress: macFor(id),
        NetworkInterfaceId: id,
        OwnerId: account,
        PrivateDnsName: privateDns(primary),
        PrivateIpAddress: primary,
        PrivateIpAddresses: [primary, ...(o.secondaryIps ?? [])].map((ip, i) => ({
          ...(i === 0 && association ? { Association: association } : {}),
          Primary: i === 0,
          PrivateDnsName: privateDns(ip),
          PrivateIpAddress: ip,
        })),
        RequesterManaged: o.requesterManaged ?? false,
        SourceDestCheck: true,
        Status: 'in-use',
        SubnetId: o.subnet,
        TagSet: [],
        VpcId: vpc,
      };
    });
    return this;
  }

  /** An EBS volume (describe-volumes) attached to an instance made with `instance()`. */
  volume(id: string, o: VolumeOptions): this {
    const inst = this.instancePlacement.get(o.instance);
    if (!inst) throw new Error(`estate: volume ${id}: instance ${o.instance} is not in the estate`);
    const encrypted = o.encrypted ?? true;
    this.listEntry(inst.account, inst.region, 'ec2', 'describe-volumes', id, () => {
      const azId = this.resolveAzId(inst.account, inst.region, inst.az, inst.azId);
      return {
        Attachments: [
          {
            AttachTime: CREATED,
            Device: o.device ?? '/dev/xvdb',
            InstanceId: o.instance,
            State: 'attached',
            VolumeId: id,
            DeleteOnTermination: false,
          },
        ],
        AvailabilityZone: inst.az,
        ...(azId !== undefined ? { AvailabilityZoneId: azId } : {}),
        CreateTime: CREATED,
        Encrypted: encrypted,
        ...(encrypted
          ? {
              KmsKeyId:
                o.kmsKeyId ??
                `arn:aws:kms:${inst.region}:${inst.account}:key/${hexId(`ebs-default:${inst.account}:${inst.region}`, 8)}-0000-4000-8000-${hexId(`ebs:${inst.account}`, 12)}`,
            }
          : {}),
        Size: o.sizeGiB ?? 500,
        State: 'in-use',
        VolumeId: id,
        Iops: 3000,
        VolumeType: 'gp3',
        MultiAttachEnabled: false,
        Throughput: 125,
      };
    });
    return this;
  }

  /**
   * An instance (describe-instances, one reservation each) with its primary network interface,
   * which is also written to describe-network-interfaces (attached to the instance).
   */
  instance(id: string, o: InstanceOptions): this {
    const sub = this.subnetInfo.get(o.subnet);
    const account = o.account ?? sub?.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? sub?.region ?? DEFAULT_REGION;
    const vpc = sub?.vpc ?? `vpc-${hexId(`vpc-of:${o.subnet}`, 17)}`;
    const az = sub?.az ?? `${region}a`;
    const azIdOpt = o.azId !== undefined ? o.azId : sub?.azId;
    const eni = o.eni ?? `eni-${hexId(`instance-eni:${id}`, 17)}`;
    const groups = o.groups ?? [];
    const state = o.state ?? 'running';
    this.instanceEnis.set(id, eni);
    this.instancePlacement.set(id, { account, region, az, azId: azIdOpt });
    this.networkInterface(eni, {
      subnet: o.subnet,
      account,
      region,
      vpc,
      az,
      ...(o.azId !== undefined ? { azId: o.azId } : {}),
      ...(o.privateIp !== undefined ? { privateIp: o.privateIp } : {}),
      ...(o.publicIp !== undefined ? { publicIp: o.publicIp } : {}),
      ...(o.ipv6 !== undefined ? { ipv6: o.ipv6 } : {}),
      groups,
      instance: id,
    });
    this.listEntry(account, region, 'ec2', 'describe-instances', id, () => {
      const privateIp = o.privateIp ?? this.subnetIp(o.subnet, `eni:${eni}`);
      const azId = this.resolveAzId(account, region, az, azIdOpt);
      const sgs = groups.map((g) => ({ GroupId: g, GroupName: this.sgNames.get(g) ?? g }));
      return {
        Groups: [],
        Instances: [
          {
            AmiLaunchIndex: 0,
            ImageId: `ami-${hexId(`ami:${region}`, 17)}`,
            InstanceId: id,
            InstanceType: o.type ?? 'm7g.large',
            LaunchTime: CREATED,
            Monitoring: { State: 'disabled' },
            Placement: {
              AvailabilityZone: az,
              ...(azId !== undefined ? { AvailabilityZoneId: azId } : {}),
              GroupName: '',
              Tenancy: 'default',
            },
            PrivateDnsName: `ip-${privateIp.replaceAll('.', '-')}.${region}.compute.internal`,
            PrivateIpAddress: privateIp,
            ...(o.publicIp !== undefined ? { PublicIpAddress: o.publicIp } : {}),
            State: { Code: INSTANCE_STATE_CODES[state], Name: state },
            SubnetId: o.subnet,
            VpcId: vpc,
            Architecture: 'arm64',
            NetworkInterfaces: [
              {
                Attachment: {
                  AttachTime: CREATED,
                  AttachmentId: `eni-attach-${hexId(`attach:${eni}`, 17)}`,
                  DeleteOnTermination: true,
                  DeviceIndex: 0,
                  Status: 'attached',
                  NetworkCardIndex: 0,
                },
                Groups: sgs,
                Ipv6Addresses: (o.ipv6 ?? []).map((a) => ({ Ipv6Address: a })),
                MacAddress: macFor(eni),
                NetworkInterfaceId: eni,
                OwnerId: account,
                PrivateIpAddress: privateIp,
                PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: privateIp }],
                SourceDestCheck: true,
                Status: 'in-use',
                SubnetId: o.subnet,
                VpcId: vpc,
                InterfaceType: 'interface',
              },
            ],
            SecurityGroups: sgs,
            SourceDestCheck: true,
            Tags: Object.entries(o.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
          },
        ],
        OwnerId: account,
        ReservationId: `r-${hexId(`reservation:${id}`, 17)}`,
      };
    });
    return this;
  }

  /** A security group (describe-security-groups); egress defaults to all traffic anywhere. */
  securityGroup(id: string, o: SecurityGroupOptions): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const name = o.name ?? id;
    this.sgNames.set(id, name);
    this.listEntry(account, region, 'ec2', 'describe-security-groups', id, () => {
      const egress = o.egress ?? [
        {
          protocol: '-1' as const,
          cidrs: ['0.0.0.0/0'],
          ...(this.vpcIpv6.has(o.vpc) ? { ipv6Cidrs: ['::/0'] } : {}),
        },
      ];
      return {
        Description: `${name} (test estate)`,
        GroupName: name,
        IpPermissions: (o.ingress ?? []).map((r) => sgPermission(r, account)),
        OwnerId: account,
        GroupId: id,
        IpPermissionsEgress: egress.map((r) => sgPermission(r, account)),
        Tags: [],
        VpcId: o.vpc,
      };
    });
    return this;
  }

  /**
   * A network ACL (describe-network-acls): entries egress first, each direction by rule
   * number, each ending in the `*` rule that denies what nothing else matched.
   */
  networkAcl(id: string, o: NetworkAclOptions): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    this.listEntry(account, region, 'ec2', 'describe-network-acls', id, () => {
      const ipv6 = this.vpcIpv6.has(o.vpc);
      const given: AclEntryInput[] = o.entries ?? [
        { rule: 100, egress: true },
        { rule: 100, egress: false },
        ...(ipv6
          ? [
              { rule: 101, egress: true, ipv6Cidr: '::/0' },
              { rule: 101, egress: false, ipv6Cidr: '::/0' },
            ]
          : []),
      ];
      const star = (egress: boolean): AclEntryInput[] => [
        { rule: 32767, egress, action: 'deny' },
        ...(ipv6 ? [{ rule: 32768, egress, action: 'deny' as const, ipv6Cidr: '::/0' }] : []),
      ];
      const all = [...given, ...star(true), ...star(false)].sort(
        (a, b) => Number(b.egress) - Number(a.egress) || a.rule - b.rule,
      );
      return {
        Associations: (o.subnets ?? []).map((subnet) => ({
          NetworkAclAssociationId: `aclassoc-${hexId(`aclassoc:${id}:${subnet}`, 17)}`,
          NetworkAclId: id,
          SubnetId: subnet,
        })),
        Entries: all.map(aclEntry),
        IsDefault: o.isDefault ?? false,
        NetworkAclId: id,
        Tags: [],
        VpcId: o.vpc,
        OwnerId: account,
      };
    });
    return this;
  }

  /**
   * An AWS-managed prefix list as describe-prefix-lists prints it (the S3 and DynamoDB lists
   * that gateway endpoint routes name). `service` names it `com.amazonaws.<region>.<service>`.
   */
  prefixList(id: string, o: Placed & { service?: string; name?: string; cidrs: string[] }): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const name = o.name ?? `com.amazonaws.${region}.${o.service ?? 's3'}`;
    this.listEntry(account, region, 'ec2', 'describe-prefix-lists', id, () => ({
      Cidrs: [...o.cidrs],
      PrefixListId: id,
      PrefixListName: name,
    }));
    return this;
  }

  /** A customer-managed prefix list (describe-managed-prefix-lists) and its entries file. */
  managedPrefixList(
    id: string,
    o: Placed & {
      name: string;
      entries: (string | { cidr: string; description?: string })[];
      addressFamily?: 'IPv4' | 'IPv6';
      maxEntries?: number;
    },
  ): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const entries = o.entries.map((e) => (typeof e === 'string' ? { cidr: e } : e));
    this.listEntry(account, region, 'ec2', 'describe-managed-prefix-lists', id, () => ({
      PrefixListId: id,
      AddressFamily: o.addressFamily ?? 'IPv4',
      State: 'create-complete',
      PrefixListArn: `arn:aws:ec2:${region}:${account}:prefix-list/${id}`,
      PrefixListName: o.name,
      MaxEntries: o.maxEntries ?? Math.max(10, entries.length),
      Version: 1,
      Tags: [],
      OwnerId: account,
    }));
    this.single(account, region, 'ec2', 'get-managed-prefix-list-entries', id, () => ({
      Entries: entries.map((e) => ({
        Cidr: e.cidr,
        ...(e.description !== undefined ? { Description: e.description } : {}),
      })),
    }));
    return this;
  }

  // ------------------------------------------------------------ transit gateways

  /** A transit gateway (describe-transit-gateways). */
  transitGateway(id: string, o: TransitGatewayOptions = {}): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    this.listEntry(account, region, 'ec2', 'describe-transit-gateways', id, () => ({
      TransitGatewayId: id,
      TransitGatewayArn: `arn:aws:ec2:${region}:${account}:transit-gateway/${id}`,
      State: o.state ?? 'available',
      OwnerId: account,
      Description: '',
      CreationTime: CREATED,
      Options: {
        AmazonSideAsn: o.asn ?? 64512,
        AutoAcceptSharedAttachments: 'disable',
        DefaultRouteTableAssociation: o.defaultAssociation !== undefined ? 'enable' : 'disable',
        ...(o.defaultAssociation !== undefined
          ? { AssociationDefaultRouteTableId: o.defaultAssociation }
          : {}),
        DefaultRouteTablePropagation: o.defaultPropagation !== undefined ? 'enable' : 'disable',
        ...(o.defaultPropagation !== undefined
          ? { PropagationDefaultRouteTableId: o.defaultPropagation }
          : {}),
        VpnEcmpSupport: 'enable',
        DnsSupport: 'enable',
        SecurityGroupReferencingSupport: 'disable',
        MulticastSupport: 'disable',
      },
      Tags: [],
    }));
    return this;
  }

  /**
   * A transit gateway route table: its listing, search-transit-gateway-routes (the given
   * routes, static unless said otherwise, plus one propagated route per VPC CIDR of each
   * propagating VPC attachment), and its associations and propagations files.
   */
  tgwRouteTable(id: string, o: TgwRouteTableOptions): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    for (const att of o.associations ?? []) this.associateTgw(id, o.tgw, att);
    const entry = this.tgwRtbAssoc.get(id) ?? { tgw: o.tgw, atts: new Set<string>() };
    entry.tgw = o.tgw;
    this.tgwRtbAssoc.set(id, entry);
    const link = (att: string) => {
      const info = this.tgwAttachInfo.get(`${att}@${o.tgw}`) ?? this.tgwAttachInfo.get(att);
      return {
        TransitGatewayAttachmentId: att,
        ResourceId: info?.resourceId ?? `vpc-${hexId(`res:${att}`, 17)}`,
        ResourceType: info?.resourceType ?? 'vpc',
      };
    };
    this.listEntry(account, region, 'ec2', 'describe-transit-gateway-route-tables', id, () => ({
      TransitGatewayRouteTableId: id,
      TransitGatewayId: o.tgw,
      State: 'available',
      DefaultAssociationRouteTable: o.defaultAssociation ?? false,
      DefaultPropagationRouteTable: o.defaultPropagation ?? false,
      CreationTime: CREATED,
      Tags: [],
    }));
    this.single(account, region, 'ec2', 'search-transit-gateway-routes', id, () => {
      const given = (o.routes ?? []).map((r) => {
        const x: Exclude<TgwRouteInput, readonly unknown[]> = Array.isArray(r)
          ? r[1] === 'blackhole'
            ? { dest: r[0] as string, state: 'blackhole' }
            : { dest: r[0] as string, attachment: r[1] as string }
          : (r as Exclude<TgwRouteInput, readonly unknown[]>);
        const blackhole = x.state === 'blackhole';
        return {
          ...(x.dest.startsWith('pl-')
            ? { PrefixListId: x.dest }
            : { DestinationCidrBlock: x.dest }),
          ...(!blackhole && x.attachment !== undefined
            ? { TransitGatewayAttachments: [link(x.attachment)] }
            : {}),
          Type: x.type ?? 'static',
          State: blackhole ? 'blackhole' : 'active',
        };
      });
      const propagated = (o.propagations ?? []).flatMap((att) => {
        const l = link(att);
        if (l.ResourceType !== 'vpc') return [];
        return [this.vpcCidrs.get(l.ResourceId), this.vpcIpv6.get(l.ResourceId)].flatMap((cidr) =>
          cidr === undefined
            ? []
            : [
                {
                  DestinationCidrBlock: cidr,
                  TransitGatewayAttachments: [l],
                  Type: 'propagated',
                  State: 'active',
                },
              ],
        );
      });
      // Propagated routes first: a reader must not rely on order to prefer static ones.
      return { Routes: [...propagated, ...given], AdditionalRoutesAvailable: false };
    });
    this.single(account, region, 'ec2', 'get-transit-gateway-route-table-associations', id, () => ({
      Associations: [...(this.tgwRtbAssoc.get(id)?.atts ?? [])].map((att) => ({
        ...link(att),
        State: 'associated',
      })),
    }));
    const propagations = o.propagations ?? [];
    this.single(account, region, 'ec2', 'get-transit-gateway-route-table-propagations', id, () => ({
      TransitGatewayRouteTablePropagations: propagations.map((att) => ({
        ...link(att),
        State: 'enabled',
      })),
    }));
    return this;
  }

  /**
   * A transit gateway peering attachment: describe-transit-gateway-peering-attachments on both
   * sides, and each side's view in describe-transit-gateway-attachments (ResourceType
   * 'peering', ResourceId the other transit gateway, Association this side's route table).
   */
  tgwPeering(id: string, o: TgwPeeringOptions): this {
    const state = o.state ?? 'available';
    const info = (s: TgwPeeringSide) => ({
      TransitGatewayId: s.tgw,
      OwnerId: s.account,
      Region: s.region,
    });
    for (const [side, other] of [
      [o.requester, o.accepter],
      [o.accepter, o.requester],
    ] as const) {
      this.tgwAttachInfo.set(`${id}@${side.tgw}`, {
        tgw: side.tgw,
        resourceType: 'peering',
        resourceId: other.tgw,
      });
      if (side.routeTable !== undefined) this.associateTgw(side.routeTable, side.tgw, id);
      this.listEntry(
        side.account,
        side.region,
        'ec2',
        'describe-transit-gateway-peering-attachments',
        id,
        () => ({
          TransitGatewayAttachmentId: id,
          RequesterTgwInfo: info(o.requester),
          AccepterTgwInfo: info(o.accepter),
          Options: { DynamicRouting: 'disable' },
          Status: { Code: state, Message: peeringMessage(state, o.accepter.account) },
          State: state,
          CreationTime: CREATED,
          Tags: [],
        }),
      );
      this.listEntry(
        side.account,
        side.region,
        'ec2',
        'describe-transit-gateway-attachments',
        `${id}@${side.tgw}`,
        () => ({
          TransitGatewayAttachmentId: id,
          TransitGatewayId: side.tgw,
          TransitGatewayOwnerId: side.account,
          ResourceOwnerId: other.account,
          ResourceType: 'peering',
          ResourceId: other.tgw,
          State: state,
          ...(side.routeTable !== undefined
            ? { Association: { TransitGatewayRouteTableId: side.routeTable, State: 'associated' } }
            : {}),
          CreationTime: CREATED,
          Tags: [],
        }),
      );
    }
    return this;
  }

  // ------------------------------------------------------------ MSK

  /** A provisioned cluster in kafka-list-clusters-v2; `policy` → kafka-get-cluster-policy/<arn>. */
  mskCluster(name: string, o: MskClusterOptions = {}): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const arn = mskClusterArn(name, account, region);
    const subnets =
      o.subnets ?? ['a', 'b', 'c'].map((s) => `subnet-${hexId(`msk-subnet:${arn}:${s}`, 17)}`);
    const kmsKeyArn = o.kmsKeyArn ?? awsKafkaKeyArn(account, region);
    this.listEntry(account, region, 'kafka', 'list-clusters-v2', arn, () => ({
      ClusterType: 'PROVISIONED',
      ClusterArn: arn,
      ClusterName: name,
      CreationTime: CREATED,
      CurrentVersion: `K${hexId(`version:${arn}`, 13).toUpperCase()}`,
      State: 'ACTIVE',
      Tags: {},
      Provisioned: {
        BrokerNodeGroupInfo: {
          BrokerAZDistribution: 'DEFAULT',
          ClientSubnets: subnets,
          InstanceType: 'kafka.m5.large',
          SecurityGroups: [`sg-${hexId(`msk-sg:${arn}`, 17)}`],
          StorageInfo: { EbsStorageInfo: { VolumeSize: 100 } },
          ConnectivityInfo: { PublicAccess: { Type: 'DISABLED' } },
        },
        CurrentBrokerSoftwareInfo: { KafkaVersion: '3.6.0' },
        EncryptionInfo: {
          EncryptionAtRest: { DataVolumeKMSKeyId: kmsKeyArn },
          EncryptionInTransit: { ClientBroker: 'TLS', InCluster: true },
        },
        EnhancedMonitoring: 'DEFAULT',
        NumberOfBrokerNodes: subnets.length,
        StorageMode: 'LOCAL',
      },
    }));
    this.singles.delete(pathOf(account, region, 'kafka', 'get-cluster-policy', arn));
    if (o.policy !== undefined) {
      const policy = o.policy;
      this.single(account, region, 'kafka', 'get-cluster-policy', arn, () => ({
        CurrentVersion: `E${hexId(`policy:${arn}`, 13).toUpperCase()}`,
        Policy: JSON.stringify(policy),
      }));
    }
    return this;
  }

  // ------------------------------------------------------------ output

  /** Every file, `manifest.json` included, sorted by path. */
  files(): Record<string, unknown> {
    const out = new Map<string, unknown>();
    for (const [path, make] of this.singles) out.set(path, make());
    for (const [path, f] of this.lists) {
      out.set(path, { [f.key]: [...f.entries.values()].map((make) => make()), ...f.tail });
    }
    for (const org of this.orgs.values()) {
      const mgmtFile = out.get(
        pathOf(org.management, GLOBAL_REGION, 'organizations', 'describe-organization'),
      );
      if (mgmtFile === undefined) continue;
      for (const member of org.members) {
        if (member === org.management || !this.folders.has(member)) continue;
        const path = pathOf(member, GLOBAL_REGION, 'organizations', 'describe-organization');
        if (!out.has(path)) out.set(path, structuredClone(mgmtFile));
      }
    }
    for (const account of this.folders) {
      const path = pathOf(account, GLOBAL_REGION, 'sts', 'get-caller-identity');
      if (!out.has(path)) out.set(path, callerIdentity(account));
    }
    for (const g of this.gapList)
      out.delete(pathOf(g.account, g.region, g.service, g.operation, g.param));
    for (const [path, value] of this.raw) out.set(path, value);
    if (!this.raw.has('manifest.json')) out.set('manifest.json', this.manifest());

    const sorted: Record<string, unknown> = {};
    for (const path of [...out.keys()].sort()) sorted[path] = out.get(path);
    return sorted;
  }

  source(label = '<estate>'): SnapshotSource {
    return memorySource(this.files(), label);
  }

  // ------------------------------------------------------------ internals

  private manifest(): Record<string, unknown> {
    const ids = new Set([...this.accounts.keys(), ...this.folders]);
    return {
      format: SNAPSHOT_FORMAT,
      createdAt: this.createdAt,
      tool: { name: 'ownmap', version: VERSION },
      accounts: [...ids].sort().map((id) => {
        const name = this.accounts.get(id);
        return name === undefined ? { id } : { id, name };
      }),
      regions: [...new Set([...this.regions, ...this.extraRegions])].sort(),
      gaps: this.gapList.map((g) => ({ ...g })),
    };
  }

  private regionFor(stem: string, region: string | undefined): string {
    return entryForStem(stem)?.scope === 'global' ? GLOBAL_REGION : (region ?? DEFAULT_REGION);
  }

  private touch(account: string, region: string, stem: string): void {
    this.folders.add(account);
    if (!this.accounts.has(account)) this.accounts.set(account, undefined);
    if (entryForStem(stem)?.scope !== 'global') this.regions.add(region);
  }

  private single(
    account: string,
    region: string,
    service: string,
    operation: string,
    param: string | undefined,
    make: Lazy,
  ): void {
    this.singles.set(pathOf(account, region, service, operation, param), make);
    this.touch(account, region, `${service}-${operation}`);
  }

  private listEntry(
    account: string,
    region: string,
    service: string,
    operation: string,
    id: string,
    make: Lazy,
    tail: Record<string, unknown> = {},
  ): void {
    const stem = `${service}-${operation}`;
    const key = LIST_KEYS[stem];
    if (!key) throw new Error(`estate: ${stem} is not a list call`);
    const path = pathOf(account, region, service, operation);
    let f = this.lists.get(path);
    if (!f) {
      f = { key, tail: {}, entries: new Map() };
      this.lists.set(path, f);
    }
    Object.assign(f.tail, tail);
    f.entries.set(id, make);
    this.touch(account, region, stem);
  }

  private resolveAzId(
    account: string,
    region: string,
    az: string,
    azId: string | null | undefined,
  ): string | undefined {
    if (azId === null) return undefined;
    return azId ?? this.azMaps.get(`${account}|${region}`)?.get(az) ?? azIdFor(region, az);
  }

  /** A host address (.100-.199) inside a declared subnet, derived from `seed`; else in 10.255.0.0/24. */
  private subnetIp(subnet: string, seed: string): string {
    const cidr = this.subnetInfo.get(subnet)?.cidr() ?? '10.255.0.0/24';
    const [a = '10', b = '0', c = '0'] = cidr.split('/')[0]!.split('.');
    return `${a}.${b}.${c}.${100 + (fnv1a(seed) % 100)}`;
  }

  private vpcRoute(r: RouteInput, account: string): Record<string, unknown> {
    const x = Array.isArray(r)
      ? { dest: r[0] as string, target: r[1] as string, state: r[2] as string | undefined }
      : (r as Exclude<RouteInput, readonly unknown[]>);
    const dest = x.dest.startsWith('pl-')
      ? { DestinationPrefixListId: x.dest }
      : x.dest.includes(':')
        ? { DestinationIpv6CidrBlock: x.dest }
        : { DestinationCidrBlock: x.dest };
    const t = x.target;
    let target: Record<string, unknown>;
    if (t === 'local' || t.startsWith('igw-') || t.startsWith('vpce-')) target = { GatewayId: t };
    else if (t.startsWith('nat-')) target = { NatGatewayId: t };
    else if (t.startsWith('tgw-')) target = { TransitGatewayId: t };
    else if (t.startsWith('pcx-')) target = { VpcPeeringConnectionId: t };
    else if (t.startsWith('eigw-')) target = { EgressOnlyInternetGatewayId: t };
    else if (t.startsWith('eni-')) target = { NetworkInterfaceId: t };
    else if (t.startsWith('i-'))
      target = {
        InstanceId: t,
        InstanceOwnerId: account,
        NetworkInterfaceId: this.instanceEnis.get(t) ?? `eni-${hexId(`instance-eni:${t}`, 17)}`,
      };
    else throw new Error(`estate.routeTable: unknown route target ${t}`);
    return {
      ...dest,
      ...target,
      Origin: ('origin' in x ? x.origin : undefined) ?? 'CreateRoute',
      State: x.state ?? 'active',
    };
  }

  private associateTgw(rtb: string, tgw: string | undefined, att: string): void {
    const entry = this.tgwRtbAssoc.get(rtb) ?? { tgw, atts: new Set<string>() };
    if (tgw !== undefined) entry.tgw = tgw;
    entry.atts.add(att);
    this.tgwRtbAssoc.set(rtb, entry);
  }

  /** The route table of `tgw` an attachment is associated with, if any lists it. */
  private tgwAssociationOf(att: string, tgw: string): string | undefined {
    for (const [rtb, e] of this.tgwRtbAssoc)
      if (e.atts.has(att) && (e.tgw === undefined || e.tgw === tgw)) return rtb;
    return undefined;
  }

  private subnetCidr(id: string, vpc: string): string {
    const vpcCidr = this.vpcCidrs.get(vpc) ?? cidrOf(`vpc:${vpc}`);
    const [a = '10', b = '0'] = vpcCidr.split('/')[0]!.split('.');
    return `${a}.${b}.${fnv1a(`subnet:${id}`) % 256}.0/24`;
  }
}

export function estate(opts: { createdAt?: string; regions?: string[] } = {}): Estate {
  return new Estate(opts);
}

// ---------------------------------------------------------------- response bodies

function callerIdentity(account: string): Record<string, unknown> {
  return {
    UserId: `AROA${hexId(`scan-role:${account}`, 17).toUpperCase()}:ownmap-scan`,
    Account: account,
    Arn: `arn:aws:sts::${account}:assumed-role/ownmap-readonly/ownmap-scan`,
  };
}

function describeOrganization(
  id: string,
  arn: string,
  mgmt: string,
  mgmtArn: string,
): Record<string, unknown> {
  return {
    Organization: {
      Id: id,
      Arn: arn,
      FeatureSet: 'ALL',
      MasterAccountArn: mgmtArn,
      MasterAccountId: mgmt,
      MasterAccountEmail: `aws+${mgmt}@example.com`,
      AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    },
  };
}

function ec2Trust(): object {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ],
  };
}

function defaultKeyPolicy(account: string): object {
  return {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  };
}

function awsServiceOf(aliases: string[]): string {
  for (const a of aliases) {
    const m = a.match(/^alias\/aws\/(.+)$/);
    if (m) return m[1]!;
  }
  return 's3';
}

function awsKeyDescription(aliases: string[]): string {
  return `Default key that protects my ${awsServiceOf(aliases)} data when no other key is defined`;
}

/** The policy AWS gives its managed keys (`aws/<service>`): usable only through the service. */
function awsManagedKeyPolicy(account: string, region: string, aliases: string[]): object {
  const service = awsServiceOf(aliases);
  return {
    Version: '2012-10-17',
    Id: `auto-${service}-2`,
    Statement: [
      {
        Sid: `Allow access through ${service} for all principals in the account that are authorized to use ${service}`,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:DescribeKey',
        ],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:CallerAccount': account,
            'kms:ViaService': `${service}.${region}.amazonaws.com`,
          },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
        Resource: '*',
      },
    ],
  };
}

function peeringMessage(code: string, accepterAccount: string): string {
  switch (code) {
    case 'active':
      return 'Active';
    case 'pending-acceptance':
      return `Pending Acceptance by ${accepterAccount}`;
    case 'initiating-request':
      return `Initiating Request to ${accepterAccount}`;
    default:
      return code
        .split('-')
        .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
        .join(' ');
  }
}

const INSTANCE_STATE_CODES: Record<string, number> = {
  pending: 0,
  running: 16,
  stopping: 64,
  stopped: 80,
};

/** A documentation-range public IPv4 address (TEST-NET-3) derived from `seed`. */
function publicIpFor(seed: string): string {
  return `203.0.113.${1 + (fnv1a(seed) % 250)}`;
}

function macFor(seed: string): string {
  const h = hexId(`mac:${seed}`, 10);
  return `0a:${h.match(/../g)!.join(':')}`;
}

const PROTOCOL_NUMBERS: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', all: '-1' };

function portRange(ports: number | readonly [number, number]): { From: number; To: number } {
  return typeof ports === 'number' ? { From: ports, To: ports } : { From: ports[0], To: ports[1] };
}

/** One IpPermission as describe-security-groups prints it. */
function sgPermission(r: SgRuleInput, account: string): Record<string, unknown> {
  const protocol = r.protocol ?? '-1';
  const ports =
    protocol === '-1'
      ? undefined
      : r.ports !== undefined
        ? portRange(r.ports)
        : protocol === 'icmp'
          ? { From: -1, To: -1 }
          : { From: 0, To: 65535 };
  return {
    IpProtocol: protocol,
    ...(ports ? { FromPort: ports.From, ToPort: ports.To } : {}),
    IpRanges: (r.cidrs ?? []).map((c) => ({ CidrIp: c })),
    Ipv6Ranges: (r.ipv6Cidrs ?? []).map((c) => ({ CidrIpv6: c })),
    PrefixListIds: (r.prefixLists ?? []).map((p) => ({ PrefixListId: p })),
    UserIdGroupPairs: (r.groups ?? []).map((g) => ({
      GroupId: g,
      UserId: r.groupOwner ?? account,
      ...(r.groupPeering
        ? {
            VpcId: r.groupPeering.vpc,
            VpcPeeringConnectionId: r.groupPeering.pcx,
            PeeringStatus: 'active',
          }
        : {}),
    })),
  };
}

/** One network ACL entry as describe-network-acls prints it (protocol as a number). */
function aclEntry(e: AclEntryInput): Record<string, unknown> {
  const protocol = PROTOCOL_NUMBERS[e.protocol ?? '-1'] ?? e.protocol ?? '-1';
  const withPorts = (protocol === '6' || protocol === '17') && e.ports !== undefined;
  return {
    ...(e.ipv6Cidr !== undefined
      ? { Ipv6CidrBlock: e.ipv6Cidr }
      : { CidrBlock: e.cidr ?? '0.0.0.0/0' }),
    Egress: e.egress,
    ...(withPorts ? { PortRange: portRange(e.ports!) } : {}),
    Protocol: protocol,
    RuleAction: e.action ?? 'allow',
    RuleNumber: e.rule,
  };
}
