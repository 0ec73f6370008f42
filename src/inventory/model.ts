import type { z } from 'zod';
import type { Gap } from '../snapshot/manifest.js';
import type * as R from './raw.js';

/** Where a fact came from: the snapshot file and the JSON pointer inside it. */
export interface Src {
  file: string;
  pointer: string;
}

export interface Located {
  account: string;
  region: string;
  src: Src;
}

/** A resource kept in its raw API shape, with its place and id. */
export interface Item<T> extends Located {
  id: string;
  raw: T;
  tags: Record<string, string>;
}

type El<T> = T extends readonly (infer U)[] ? U : never;
type Out<S extends z.ZodType> = z.output<S>;

export type RawVpc = El<Out<typeof R.Vpcs>['Vpcs']>;
export type RawSubnet = El<Out<typeof R.Subnets>['Subnets']>;
export type RawRouteTable = El<Out<typeof R.RouteTables>['RouteTables']>;
export type RawRoute = Out<typeof R.Route>;
export type RawIgw = El<Out<typeof R.InternetGateways>['InternetGateways']>;
export type RawEigw = El<Out<typeof R.EgressOnlyInternetGateways>['EgressOnlyInternetGateways']>;
export type RawNat = El<Out<typeof R.NatGateways>['NatGateways']>;
export type RawVpce = El<Out<typeof R.VpcEndpoints>['VpcEndpoints']>;
export type RawPeering = El<Out<typeof R.VpcPeeringConnections>['VpcPeeringConnections']>;
export type RawTgw = El<Out<typeof R.TransitGateways>['TransitGateways']>;
export type RawTgwAttachment = El<
  Out<typeof R.TransitGatewayAttachments>['TransitGatewayAttachments']
>;
export type RawTgwPeering = El<
  Out<typeof R.TransitGatewayPeeringAttachments>['TransitGatewayPeeringAttachments']
>;
export type RawTgwRouteTable = El<
  Out<typeof R.TransitGatewayRouteTables>['TransitGatewayRouteTables']
>;
export type RawTgwRoute = El<Out<typeof R.TransitGatewayRoutes>['Routes']>;
export type RawTgwLink = El<Out<typeof R.TransitGatewayRouteTableAssociations>['Associations']>;
export type RawEni = El<Out<typeof R.NetworkInterfaces>['NetworkInterfaces']>;
export type RawInstance = El<El<Out<typeof R.Instances>['Reservations']>['Instances']>;
export type RawVolume = El<Out<typeof R.Volumes>['Volumes']>;
export type RawSecurityGroup = El<Out<typeof R.SecurityGroups>['SecurityGroups']>;
export type RawNacl = El<Out<typeof R.NetworkAcls>['NetworkAcls']>;
export type RawPrefixList = El<Out<typeof R.PrefixLists>['PrefixLists']>;
export type RawManagedPrefixList = El<Out<typeof R.ManagedPrefixLists>['PrefixLists']>;
export type RawGrant = El<Out<typeof R.KmsListGrants>['Grants']>;
export type RawEventSelectors = Out<typeof R.EventSelectors>;
export type RawReplicationRule = El<
  Out<typeof R.BucketReplication>['ReplicationConfiguration']['Rules']
>;
export type RawPab = Out<typeof R.PublicAccessBlock>['PublicAccessBlockConfiguration'];

/** A policy document: parsed JSON plus where its text sits. */
export interface PolicyDoc {
  doc: unknown;
  src: Src;
}

export interface Subnet extends Item<RawSubnet> {
  vpcId: string;
  /** The AZ id, from the subnet or resolved through describe-availability-zones. */
  azId: string | undefined;
  azName: string | undefined;
}

export interface NetworkInterface extends Item<RawEni> {
  subnetId: string | undefined;
  vpcId: string | undefined;
  azId: string | undefined;
  privateIps: string[];
  publicIps: string[];
}

export interface Instance extends Item<RawInstance> {
  subnetId: string | undefined;
  vpcId: string | undefined;
  azId: string | undefined;
}

export interface Volume extends Item<RawVolume> {
  azId: string | undefined;
  /** Instances the volume is attached to. */
  instanceIds: string[];
}

export interface TgwRouteTable extends Item<RawTgwRouteTable> {
  routes: { raw: RawTgwRoute; src: Src }[] | undefined;
  associations: { raw: RawTgwLink; src: Src }[] | undefined;
  propagations: { raw: RawTgwLink; src: Src }[] | undefined;
}

export interface ManagedPrefixList extends Item<RawManagedPrefixList> {
  entries: { cidr: string; src: Src }[] | undefined;
}

export interface Bucket {
  name: string;
  arn: string;
  /** The account whose s3-list-buckets lists it. */
  account: string;
  /** Undefined when neither the location, head-bucket nor list-buckets says. */
  region: string | undefined;
  regionSrc: Src | undefined;
  src: Src;
  policy: PolicyDoc | undefined;
  policyStatus: { isPublic: boolean | undefined; src: Src } | undefined;
  publicAccessBlock: { config: RawPab; src: Src } | undefined;
  encryption:
    | { algorithm: string | undefined; kmsKeyId: string | undefined; bucketKey: boolean; src: Src }
    | undefined;
  replication:
    | {
        role: string | undefined;
        rules: { raw: RawReplicationRule; src: Src }[];
        src: Src;
      }
    | undefined;
  ownership: { objectOwnership: string | undefined; src: Src } | undefined;
}

export interface KmsKey extends Located {
  id: string;
  arn: string;
  manager: string | undefined;
  state: string | undefined;
  description: string | undefined;
  aliases: string[];
  /** describe-key was present: manager/state are known. */
  described: boolean;
  policy: PolicyDoc | undefined;
  grants: { raw: RawGrant; src: Src }[] | undefined;
}

export interface Trail extends Located {
  arn: string;
  name: string;
  /** The account that owns the trail (from its ARN). */
  ownerAccount: string;
  homeRegion: string;
  bucketName: string | undefined;
  isMultiRegion: boolean;
  isOrganizationTrail: boolean;
  raw: unknown;
  status: { isLogging: boolean; src: Src } | undefined;
  selectors: { raw: RawEventSelectors; src: Src } | undefined;
  /** Every account/region whose describe-trails lists it (shadow trails included). */
  seenIn: { account: string; region: string }[];
}

export interface Role extends Located {
  arn: string;
  name: string;
  trust: PolicyDoc | undefined;
  /**
   * What the role may do, from get-account-authorization-details: inline policies, the ARNs
   * of attached managed policies (documents in `Inventory.managedPolicies`) and the
   * permissions boundary. Undefined when the snapshot holds no such file for the account.
   */
  permissions?: {
    inline: (PolicyDoc & { name: string })[];
    attached: string[];
    boundary: string | undefined;
    src: Src;
  };
}

/** A managed policy's default version. */
export interface ManagedPolicy {
  arn: string;
  name: string | undefined;
  doc: PolicyDoc | undefined;
}

export interface MskCluster extends Located {
  arn: string;
  name: string;
  type: 'PROVISIONED' | 'SERVERLESS' | string;
  state: string | undefined;
  subnets: string[];
  kmsKeyArn: string | undefined;
  nodes:
    | {
        brokerId: number | undefined;
        subnetId: string | undefined;
        ip: string | undefined;
        eniId: string | undefined;
        endpoints: string[];
        src: Src;
      }[]
    | undefined;
  bootstrap: { raw: Record<string, unknown>; src: Src } | undefined;
  policy: PolicyDoc | undefined;
  raw: unknown;
}

export interface Replicator extends Located {
  arn: string;
  name: string;
  state: string | undefined;
  role: string | undefined;
  clusters: { arn: string; alias: string | undefined }[];
  flows: { sourceAlias: string | undefined; targetAlias: string | undefined }[];
  described: boolean;
}

export interface OrgAccount {
  id: string;
  name: string | undefined;
  arn: string | undefined;
  orgId: string | undefined;
  status: string | undefined;
  src: Src;
}

export interface Diagnostic {
  level: 'warning' | 'info';
  code: string;
  message: string;
  file?: string;
}

export interface Inventory {
  snapshot: {
    label: string;
    layout: 'ownmap' | 'cloudmapper';
    createdAt: string | undefined;
    accounts: { id: string; name: string | undefined }[];
    regions: string[];
  };
  gaps: Gap[];
  diagnostics: Diagnostic[];
  /** `account|region|zoneName` → zone id. */
  azIds: Map<string, string>;
  availabilityZones: Item<{ ZoneName: string; ZoneId: string }>[];
  vpcs: Item<RawVpc>[];
  subnets: Subnet[];
  routeTables: Item<RawRouteTable>[];
  internetGateways: Item<RawIgw>[];
  egressOnlyInternetGateways: Item<RawEigw>[];
  natGateways: Item<RawNat>[];
  vpcEndpoints: Item<RawVpce>[];
  vpcPeerings: Item<RawPeering>[];
  transitGateways: Item<RawTgw>[];
  tgwAttachments: Item<RawTgwAttachment>[];
  tgwPeeringAttachments: Item<RawTgwPeering>[];
  tgwRouteTables: TgwRouteTable[];
  networkInterfaces: NetworkInterface[];
  instances: Instance[];
  /** EBS volumes (describe-volumes): the broker disks and their encryption. */
  volumes: Volume[];
  securityGroups: Item<RawSecurityGroup>[];
  networkAcls: Item<RawNacl>[];
  prefixLists: Item<RawPrefixList>[];
  managedPrefixLists: ManagedPrefixList[];
  kmsKeys: KmsKey[];
  trails: Trail[];
  buckets: Bucket[];
  accountPublicAccessBlock: Map<string, { config: RawPab; src: Src }>;
  roles: Role[];
  /** Managed policies by ARN (customer managed ones per account; AWS managed ones shared). */
  managedPolicies: Map<string, ManagedPolicy>;
  organizations: { id: string; masterAccountId: string | undefined; account: string; src: Src }[];
  orgAccounts: OrgAccount[];
  mskClusters: MskCluster[];
  replicators: Replicator[];
  /** Caller identities: which account each folder really is. */
  identities: { account: string; arn: string | undefined; src: Src }[];
}
