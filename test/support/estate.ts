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

  vpc(id: string, o: { account?: string; region?: string; cidr?: string } = {}): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const cidr = o.cidr ?? cidrOf(`vpc:${id}`);
    this.vpcCidrs.set(id, cidr);
    this.listEntry(account, region, 'ec2', 'describe-vpcs', id, () => ({
      OwnerId: account,
      InstanceTenancy: 'default',
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

  /** A VPC endpoint (a gateway endpoint to S3 by default), as describe-vpc-endpoints prints it. */
  vpcEndpoint(
    id: string,
    o: {
      vpc: string;
      account?: string;
      region?: string;
      type?: 'Gateway' | 'Interface';
      service?: string;
      /** PolicyDocument (written as the string the API returns); default full access; null = none. */
      policy?: object | null;
    },
  ): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    const type = o.type ?? 'Gateway';
    this.listEntry(account, region, 'ec2', 'describe-vpc-endpoints', id, () => ({
      VpcEndpointId: id,
      VpcEndpointType: type,
      VpcId: o.vpc,
      ServiceName: o.service ?? `com.amazonaws.${region}.s3`,
      State: 'available',
      ...(o.policy === null
        ? {}
        : {
            PolicyDocument: o.policy
              ? JSON.stringify(o.policy)
              : '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
          }),
      RouteTableIds: type === 'Gateway' ? [`rtb-${hexId(`rtb:${o.vpc}`, 17)}`] : [],
      SubnetIds: [],
      Groups: [],
      PrivateDnsEnabled: type === 'Interface',
      RequesterManaged: false,
      NetworkInterfaceIds: [],
      DnsEntries: [],
      CreationTimestamp: CREATED,
      Tags: [],
      OwnerId: account,
    }));
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
    },
  ): this {
    const account = o.account ?? DEFAULT_ACCOUNT;
    const region = o.region ?? DEFAULT_REGION;
    this.listEntry(account, region, 'ec2', 'describe-subnets', id, () => {
      const azId =
        o.azId === null
          ? undefined
          : (o.azId ?? this.azMaps.get(`${account}|${region}`)?.get(o.az) ?? azIdFor(region, o.az));
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
        Ipv6CidrBlockAssociationSet: [],
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

  tgwAttachment(id: string, o: TgwAttachmentOptions): this {
    const account = o.account ?? o.resourceOwner;
    const region = o.region ?? DEFAULT_REGION;
    const resourceType = o.resourceType ?? 'vpc';
    const resourceId =
      o.resourceId ?? `${resourceType === 'vpc' ? 'vpc' : resourceType}-${hexId(`res:${id}`, 17)}`;
    const state = o.state ?? 'available';
    this.listEntry(account, region, 'ec2', 'describe-transit-gateway-attachments', id, () => ({
      TransitGatewayAttachmentId: id,
      TransitGatewayId: o.tgw,
      TransitGatewayOwnerId: o.tgwOwner,
      ResourceOwnerId: o.resourceOwner,
      ResourceType: resourceType,
      ResourceId: resourceId,
      State: state,
      ...(o.routeTable !== undefined
        ? { Association: { TransitGatewayRouteTableId: o.routeTable, State: 'associated' } }
        : {}),
      CreationTime: CREATED,
      Tags: [],
    }));
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
