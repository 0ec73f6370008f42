/**
 * Packet paths: a table of routing cases. Each case is a tiny estate (written in the AWS CLI
 * shapes by the estate builder), a source, a destination and what AWS would do with the
 * packet: its disposition, the kinds of the hops it takes (and the ids that decide it), the
 * crossings (AZ, region, account, boundary, internet) and, when it is stopped, what stopped it.
 *
 * The comment above each case names the AWS documentation rule the expectation rests on. A
 * case whose expectation the implementation does not meet, and where the documentation sides
 * with the case, was fixed in the implementation; those cases sit in PATH_PITFALLS with the
 * reason.
 *
 * Conventions of the expected hop lists (PathResult.hops): the first hop is the source
 * interface (`eni`, or `subnet` for a subnet source, `internet` from the internet); route
 * lookups in subnets are not hops; the last hop is the destination (`eni`, `address` for an
 * address no interface holds, `service`, `internet`). Crossings are compared as a sorted list
 * of kinds. Accounts: 111111111111 is inside the boundary, 222222222222 a declared party,
 * 333333333333 undeclared.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildInventory } from '../src/inventory/build.js';
import * as R from '../src/inventory/raw.js';
import { buildNetwork, type OwnerInfo } from '../src/paths/network.js';
import {
  type CrossingKind,
  type Disposition,
  type PathResult,
  type PathSource,
  type PathTarget,
  type TraceOptions,
  tracePacket,
} from '../src/paths/trace.js';
import { readSnapshot } from '../src/snapshot/reader.js';
import { type Estate, estate, type RouteInput } from './support/estate.js';
import { host, network, short } from './support/network.js';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const EU = 'eu-west-1';
const US = 'us-east-1';

const OWNERS: Record<string, OwnerInfo> = {
  [A]: { kind: 'inside', name: 'platform' },
  [B]: { kind: 'party', name: 'partner' },
};
const ownerOf = (account: string | undefined): OwnerInfo =>
  (account && OWNERS[account]) || { kind: 'undeclared', name: account ?? 'unknown' };

// ---------------------------------------------------------------- the case shape

interface PathExpect {
  /** One disposition, or the ones AWS leaves open (e.g. no route vs. denied). */
  disposition: Disposition | Disposition[];
  /** Hop kinds, in order, exactly. */
  hops?: string[];
  /** Ids that must appear in this order among the hops' nodes (as substrings). */
  nodes?: string[];
  /** Crossing kinds, compared sorted; [] = none. */
  crossings?: CrossingKind[];
  /** What stopped the packet (PathResult.blockedBy.rule). */
  blockedBy?: RegExp;
  /** The path stopped for lack of data (PathResult.incomplete); default false. */
  incomplete?: boolean;
  /** Something on the way could not be checked (PathResult.unchecked). */
  unchecked?: RegExp;
}

interface PathCase {
  name: string;
  estate: () => Estate;
  from: PathSource;
  to: PathTarget;
  /** Default tcp/443. */
  opts?: TraceOptions;
  expect: PathExpect;
}

interface PathDisagreement extends PathCase {
  /** Why the case, not the implementation, follows AWS: the documentation it rests on. */
  why: string;
}

// ---------------------------------------------------------------- estate helpers

const S3_EU = 'pl-6da54004';
const S3_EU_CIDRS = ['52.218.0.0/17', '52.92.0.0/17', '3.5.64.0/21'];
const S3_US = 'pl-63a5400a';
const S3_US_CIDRS = ['52.216.0.0/15', '3.5.0.0/19', '54.231.0.0/16'];
const DDB_EU = 'pl-6fa54006';
const DDB_EU_CIDRS = ['52.119.240.0/21', '35.71.72.0/22'];

/**
 * The application VPC used by most cases (account A, eu-west-1, 10.1.0.0/16):
 * - public subnets pub-a (eu-west-1a, 10.1.0.0/24) and pub-b (eu-west-1b), routed to igw-app;
 * - private subnets priv-a (eu-west-1a, 10.1.1.0/24) and priv-b (eu-west-1b, 10.1.2.0/24),
 *   routed by rtb-app-private to nat-app-a, a public NAT gateway in pub-a;
 * - eni-app-a (10.1.1.10, priv-a) and eni-app-b (10.1.2.10, priv-b) in sg-app-open;
 * - eni-web (10.1.0.10, pub-a) with the public address 203.0.113.10.
 * AZ ids: eu-west-1a → euw1-az1, eu-west-1b → euw1-az2.
 */
function app(o: { privateRoutes?: RouteInput[] } = {}): Estate {
  const e = estate();
  network(e, {
    vpc: 'vpc-app',
    cidr: '10.1.0.0/16',
    subnets: {
      'subnet-app-pub-a': [`${EU}a`, '10.1.0.0/24'],
      'subnet-app-pub-b': [`${EU}b`, '10.1.10.0/24'],
      'subnet-app-priv-a': [`${EU}a`, '10.1.1.0/24'],
      'subnet-app-priv-b': [`${EU}b`, '10.1.2.0/24'],
    },
  });
  e.internetGateway('igw-app', { vpc: 'vpc-app' })
    .routeTable('rtb-app-public', {
      vpc: 'vpc-app',
      routes: [['0.0.0.0/0', 'igw-app']],
      subnets: ['subnet-app-pub-a', 'subnet-app-pub-b'],
    })
    .natGateway('nat-app-a', { subnet: 'subnet-app-pub-a', privateIp: '10.1.0.5' })
    .routeTable('rtb-app-private', {
      vpc: 'vpc-app',
      routes: o.privateRoutes ?? [['0.0.0.0/0', 'nat-app-a']],
      subnets: ['subnet-app-priv-a', 'subnet-app-priv-b'],
    });
  host(e, 'eni-app-a', 'subnet-app-priv-a', '10.1.1.10', { vpc: 'vpc-app' });
  host(e, 'eni-app-b', 'subnet-app-priv-b', '10.1.2.10', { vpc: 'vpc-app' });
  host(e, 'eni-web', 'subnet-app-pub-a', '10.1.0.10', {
    vpc: 'vpc-app',
    publicIp: '203.0.113.10',
  });
  return e;
}

/** app() with an S3 gateway endpoint routed from rtb-app-private (and eu-west-1's S3 list). */
function appWithS3(): Estate {
  return app({
    privateRoutes: [
      ['0.0.0.0/0', 'nat-app-a'],
      [S3_EU, 'vpce-s3'],
    ],
  })
    .prefixList(S3_EU, { service: 's3', cidrs: S3_EU_CIDRS })
    .vpcEndpoint('vpce-s3', { vpc: 'vpc-app', routeTables: ['rtb-app-private'] });
}

/** app() with a KMS interface endpoint in `subnets`, reachable on 443 from the VPC. */
function appWithKms(subnets: string[], privateDns = true): Estate {
  return app()
    .securityGroup('sg-vpce-kms', {
      vpc: 'vpc-app',
      ingress: [{ protocol: 'tcp', ports: 443, cidrs: ['10.1.0.0/16'] }],
    })
    .vpcEndpoint('vpce-kms', {
      vpc: 'vpc-app',
      type: 'Interface',
      service: `com.amazonaws.${EU}.kms`,
      subnets,
      enis: { 'subnet-app-priv-a': 'eni-vpce-kms-a', 'subnet-app-priv-b': 'eni-vpce-kms-b' },
      groups: ['sg-vpce-kms'],
      privateDns,
    });
}

/** Two VPCs of account A in eu-west-1a, peered: vpc-req (10.1.0.0/16) and vpc-acc (10.2.0.0/16). */
function peered(
  o: {
    status?: string;
    routeState?: 'active' | 'blackhole';
    accepter?: { account?: string; region?: string; az?: string };
    requesterAccount?: string;
  } = {},
): Estate {
  const e = estate();
  const reqAccount = o.requesterAccount ?? A;
  const accAccount = o.accepter?.account ?? A;
  const accRegion = o.accepter?.region ?? EU;
  const state = o.routeState ?? 'active';
  network(e, {
    vpc: 'vpc-req',
    cidr: '10.1.0.0/16',
    account: reqAccount,
    subnets: { 'subnet-req': [`${EU}a`, '10.1.1.0/24'] },
    main: [['10.2.0.0/16', 'pcx-req-acc', state]],
  });
  network(e, {
    vpc: 'vpc-acc',
    cidr: '10.2.0.0/16',
    account: accAccount,
    region: accRegion,
    subnets: { 'subnet-acc': [o.accepter?.az ?? `${accRegion}a`, '10.2.1.0/24'] },
    main: [['10.1.0.0/16', 'pcx-req-acc', state]],
  });
  const peering = {
    requester: { account: reqAccount, vpc: 'vpc-req', region: EU },
    accepter: { account: accAccount, vpc: 'vpc-acc', region: accRegion },
    ...(o.status ? { status: o.status } : {}),
  };
  e.peering('pcx-req-acc', peering);
  if (accAccount !== reqAccount || accRegion !== EU)
    e.peering('pcx-req-acc', { ...peering, account: accAccount, region: accRegion });
  host(e, 'eni-req', 'subnet-req', '10.1.1.10', { vpc: 'vpc-req' });
  host(e, 'eni-acc', 'subnet-acc', '10.2.1.10', { vpc: 'vpc-acc' });
  return e;
}

/**
 * A transit gateway hub in account A, eu-west-1: spokes vpc-spoke-a (10.10.0.0/16) and
 * vpc-spoke-b (10.20.0.0/16) associated with tgw-rtb-spokes, which holds only what
 * vpc-shared (10.9.0.0/16) propagates; vpc-shared is associated with tgw-rtb-shared, where
 * both spokes propagate. Every VPC routes 10.0.0.0/8 to tgw-hub from its main table.
 */
function hub(o: { spokeRoutes?: Parameters<Estate['tgwRouteTable']>[1]['routes'] } = {}): Estate {
  const e = estate();
  const vpcs = [
    ['vpc-spoke-a', '10.10.0.0/16', 'subnet-spoke-a', '10.10.1.0/24', 'eni-spoke-a', '10.10.1.10'],
    ['vpc-spoke-b', '10.20.0.0/16', 'subnet-spoke-b', '10.20.1.0/24', 'eni-spoke-b', '10.20.1.10'],
    ['vpc-shared', '10.9.0.0/16', 'subnet-shared', '10.9.1.0/24', 'eni-shared', '10.9.1.10'],
  ] as const;
  e.transitGateway('tgw-hub');
  for (const [vpc, cidr, subnet, subnetCidr, eni, ip] of vpcs) {
    network(e, {
      vpc,
      cidr,
      subnets: { [subnet]: [`${EU}a`, subnetCidr] },
      main: [['10.0.0.0/8', 'tgw-hub']],
    });
    host(e, eni, subnet, ip, { vpc });
    e.tgwAttachment(`tgw-attach-${short(vpc)}`, {
      tgw: 'tgw-hub',
      tgwOwner: A,
      resourceOwner: A,
      resourceId: vpc,
    });
  }
  e.tgwRouteTable('tgw-rtb-spokes', {
    tgw: 'tgw-hub',
    associations: ['tgw-attach-spoke-a', 'tgw-attach-spoke-b'],
    propagations: ['tgw-attach-shared'],
    ...(o.spokeRoutes ? { routes: o.spokeRoutes } : {}),
  }).tgwRouteTable('tgw-rtb-shared', {
    tgw: 'tgw-hub',
    associations: ['tgw-attach-shared'],
    propagations: ['tgw-attach-spoke-a', 'tgw-attach-spoke-b'],
  });
  return e;
}

/** Two VPCs in one subnet pair for security group and ACL cases: app (priv-a) → db (db-a). */
function appAndDb(
  o: { dbIngress?: Parameters<Estate['securityGroup']>[1]['ingress'] } = {},
): Estate {
  const e = app();
  e.subnet('subnet-app-db-a', { vpc: 'vpc-app', az: `${EU}a`, cidr: '10.1.3.0/24' });
  // The default ACL of vpc-app covers the new subnet too.
  appDefaultAcl(e, DB_SUBNETS);
  e.securityGroup('sg-app', { vpc: 'vpc-app' });
  e.securityGroup('sg-db', {
    vpc: 'vpc-app',
    ingress: o.dbIngress ?? [{ protocol: 'tcp', ports: 5432, groups: ['sg-app'] }],
  });
  host(e, 'eni-app-a', 'subnet-app-priv-a', '10.1.1.10', { groups: ['sg-app'] });
  host(e, 'eni-db', 'subnet-app-db-a', '10.1.3.10', { groups: ['sg-db'] });
  return e;
}

type AclEntries = Parameters<Estate['networkAcl']>[1]['entries'];

/** The subnets of app() (each associated with exactly one network ACL). */
const APP_SUBNETS = [
  'subnet-app-pub-a',
  'subnet-app-pub-b',
  'subnet-app-priv-a',
  'subnet-app-priv-b',
];

/** vpc-app's default ACL (allow all), associated with `subnets`. */
function appDefaultAcl(e: Estate, subnets: string[]): Estate {
  return e.networkAcl('acl-app-default', { vpc: 'vpc-app', isDefault: true, subnets });
}

/** Moves `subnet` of vpc-app from the default ACL (which keeps `all` but it) to its own ACL. */
function appOwnAcl(
  e: Estate,
  id: string,
  subnet: string,
  entries: AclEntries,
  all: string[] = APP_SUBNETS,
): Estate {
  appDefaultAcl(
    e,
    all.filter((s) => s !== subnet),
  );
  return e.networkAcl(id, { vpc: 'vpc-app', subnets: [subnet], entries });
}

const DB_SUBNETS = [...APP_SUBNETS, 'subnet-app-db-a'];

/** A subnet ACL for appAndDb()'s db-a subnet. */
function dbAcl(e: Estate, entries: AclEntries): Estate {
  return appOwnAcl(e, 'acl-app-db', 'subnet-app-db-a', entries, DB_SUBNETS);
}

const eni = (id: string): { kind: 'eni'; id: string } => ({ kind: 'eni', id });
const ip = (address: string): { kind: 'ip'; ip: string } => ({ kind: 'ip', ip: address });
const service = (name: string, region = EU): PathTarget => ({
  kind: 'service',
  service: name,
  region,
});
const INTERNET = { kind: 'internet' } as const;

// ---------------------------------------------------------------- the cases

/**
 * What the snapshot cannot settle, and paths that leave a VPC: missing data makes a path
 * incomplete (never a proof of no route), and network ACLs apply on the way out too.
 */
const INCOMPLETE_AND_EXITS: PathCase[] = [
  // TGW peering (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html): the far side's
  // route table decides; without it in the snapshot the path cannot be finished.
  {
    name: 'TGW peering whose far side was not scanned: incomplete, with the region crossing',
    estate: () => {
      const e = tgwPeered();
      const files = e.files();
      const out = estate();
      for (const [path, value] of Object.entries(files))
        if (path !== 'manifest.json' && !path.startsWith(`${B}/`)) out.file(path, value);
      return out.account(A);
    },
    from: eni('eni-eu'),
    to: { kind: 'ip', ip: '10.50.1.10' },
    expect: {
      disposition: 'no-route',
      incomplete: true,
      nodes: ['eni-eu', 'tgw-eu', 'tgw-attach-peer', 'tgw-us'],
      crossings: ['account', 'boundary', 'region'],
      blockedBy: /far side of TGW peering tgw-attach-peer/,
    },
  },
  // Security groups (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html):
  // the rules of all an interface's groups are aggregated; a group the snapshot lacks may allow.
  {
    name: 'SG: one of two groups is not in the snapshot: delivered, and said so',
    estate: () =>
      host(appAndDb({ dbIngress: [] }), 'eni-db', 'subnet-app-db-a', '10.1.3.10', {
        groups: ['sg-db', 'sg-missing'],
      }),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { port: 5432 },
    expect: { disposition: 'delivered', unchecked: /sg-missing/ },
  },
  // Network ACLs (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html):
  // outbound rules apply to all traffic leaving the subnet, through a gateway too.
  {
    name: 'NACL: a public subnet whose outbound rules allow only 10.0.0.0/8 cannot reach the internet',
    estate: () => {
      const e = app();
      return appOwnAcl(e, 'acl-web', 'subnet-app-pub-a', [
        { rule: 100, egress: true, cidr: '10.0.0.0/8' },
        { rule: 100, egress: false },
      ]);
    },
    from: eni('eni-web'),
    to: { kind: 'internet' },
    expect: { disposition: 'denied', blockedBy: /acl-.*outbound/ },
  },
];

const PATH_CASES: PathCase[] = [
  ...INCOMPLETE_AND_EXITS,
  // ------------------------------------------------------------ route tables
  // VPC route tables, "Route priority": the most specific route that matches the traffic
  // (longest prefix match) decides; "Peering configurations with specific routes": one VPC
  // peered with two VPCs whose CIDRs overlap routes by the more specific route.
  {
    name: 'longest prefix: a /24 beats a /16',
    estate: lpm,
    from: eni('eni-web'),
    to: ip('10.20.5.9'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'address'],
      nodes: ['eni-web', 'pcx-narrow'],
      crossings: [],
    },
  },
  // VPC route tables, "Route priority" (longest prefix match).
  {
    name: 'longest prefix: a /16 beats 0.0.0.0/0',
    estate: lpm,
    from: eni('eni-web'),
    to: ip('10.20.9.9'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'address'],
      nodes: ['pcx-wide'],
      crossings: [],
    },
  },
  // VPC route tables, "Route priority": all other traffic uses the 0.0.0.0/0 route (here the
  // internet gateway; the interface has a public IPv4 address).
  {
    name: 'longest prefix: 0.0.0.0/0 takes the rest',
    estate: lpm,
    from: eni('eni-web'),
    to: ip('93.184.216.34'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'internet-gateway', 'internet'],
      nodes: ['igw-app'],
      crossings: ['internet'],
    },
  },
  // VPC route tables, "Subnet route tables": a subnet not explicitly associated with a route
  // table is implicitly associated with the main route table.
  {
    name: 'main table: a subnet with no explicit association uses the main route table',
    estate: () =>
      app()
        .subnet('subnet-app-data-a', { vpc: 'vpc-app', az: `${EU}a`, cidr: '10.1.3.0/24' })
        .networkAcl('acl-app-default', {
          vpc: 'vpc-app',
          isDefault: true,
          subnets: [...APP_SUBNETS, 'subnet-app-data-a'],
        })
        .routeTable('rtb-app-main', {
          vpc: 'vpc-app',
          main: true,
          routes: [['0.0.0.0/0', 'nat-app-a']],
        })
        .networkInterface('eni-data', {
          subnet: 'subnet-app-data-a',
          privateIp: '10.1.3.10',
          groups: ['sg-app-open'],
        }),
    from: eni('eni-data'),
    to: INTERNET,
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'internet-gateway', 'internet'],
      nodes: ['eni-data', 'nat-app-a', 'igw-app'],
      crossings: ['internet'],
    },
  },
  // VPC route tables, "Subnet route tables": an explicit association replaces the main route
  // table for that subnet (main sends 0.0.0.0/0 to the NAT; the subnet's table to the igw).
  {
    name: 'main table: an explicit association overrides the main route table',
    estate: () =>
      app().routeTable('rtb-app-main', {
        vpc: 'vpc-app',
        main: true,
        routes: [['0.0.0.0/0', 'nat-app-a']],
      }),
    from: eni('eni-web'),
    to: INTERNET,
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'internet-gateway', 'internet'],
      nodes: ['eni-web', 'igw-app'],
      crossings: ['internet'],
    },
  },
  // EC2 API Route.State: "blackhole" means the route's target isn't available (here a deleted
  // NAT gateway); matching traffic is dropped.
  {
    name: 'blackhole route: the NAT gateway it names was deleted',
    estate: () => app({ privateRoutes: [['0.0.0.0/0', 'nat-0deleted', 'blackhole']] }),
    from: eni('eni-app-a'),
    to: INTERNET,
    expect: { disposition: 'blackhole', hops: ['eni'], blockedBy: /blackhole/ },
  },
  // VPC route tables: traffic matches only the routes in the table; with no matching route
  // (only the local route here) the packet is dropped.
  {
    name: 'no route: nothing but the local route matches',
    estate: () => app({ privateRoutes: [] }),
    from: eni('eni-app-a'),
    to: ip('172.16.0.5'),
    expect: { disposition: 'no-route', hops: ['eni'] },
  },
  // VPC route tables, "Route table concepts": the local route covers communication within
  // the VPC; security groups and network ACLs still apply.
  {
    name: 'local route: interface to interface in another subnet of the same AZ',
    estate: () => {
      const e = app();
      host(e, 'eni-app-a2', 'subnet-app-pub-a', '10.1.0.20', { vpc: 'vpc-app' });
      return e;
    },
    from: eni('eni-app-a'),
    to: eni('eni-app-a2'),
    expect: { disposition: 'delivered', hops: ['eni', 'eni'], crossings: [] },
  },
  // VPC route tables, longest prefix over a customer-managed prefix list: "a prefix list
  // route matches its entries"; VPC route priority puts the /16 entry above 0.0.0.0/0.
  {
    name: 'customer-managed prefix list route to a peering connection',
    estate: () =>
      peered()
        .managedPrefixList('pl-0partners', { name: 'partner-networks', entries: ['10.2.0.0/16'] })
        .routeTable('rtb-req-main', {
          vpc: 'vpc-req',
          main: true,
          routes: [['pl-0partners', 'pcx-req-acc']],
        }),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'eni'],
      nodes: ['pcx-req-acc', 'eni-acc'],
      crossings: [],
    },
  },
  // The source kinds: an IPv4 address held by an interface traces as that interface.
  {
    name: 'source by address: the interface that holds it',
    estate: () => app(),
    from: ip('10.1.1.10'),
    to: INTERNET,
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'internet-gateway', 'internet'],
      nodes: ['eni-app-a', 'nat-app-a'],
      crossings: ['internet'],
    },
  },

  // ------------------------------------------------------------ availability zones
  // Regions and Zones, "AZ IDs": AZ ids identify the same location across accounts; AZ
  // names map independently per account. Two subnets in different AZ ids cross an AZ.
  {
    name: 'AZ: interface to interface in another AZ of the same VPC',
    estate: () => app(),
    from: eni('eni-app-a'),
    to: eni('eni-app-b'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'eni'],
      crossings: ['az'],
    },
  },
  // AZ IDs: the same AZ name (eu-west-1a) in two accounts maps to different AZ ids (euw1-az1
  // vs euw1-az3): the packet crosses AZs though the names agree.
  {
    name: 'AZ ids decide: same AZ name in two accounts, different AZ ids',
    estate: () =>
      peered({ accepter: { account: B } })
        .availabilityZones(A, EU, { [`${EU}a`]: 'euw1-az1', [`${EU}b`]: 'euw1-az2' })
        .availabilityZones(B, EU, { [`${EU}a`]: 'euw1-az3', [`${EU}b`]: 'euw1-az1' }),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'eni'],
      crossings: ['account', 'az', 'boundary'],
    },
  },
  // AZ IDs: different names (eu-west-1a in A, eu-west-1b in B) for the same AZ id: no AZ
  // crossing.
  {
    name: 'AZ ids decide: different AZ names in two accounts, the same AZ id',
    estate: () =>
      peered({ accepter: { account: B, az: `${EU}b` } })
        .availabilityZones(A, EU, { [`${EU}a`]: 'euw1-az2', [`${EU}b`]: 'euw1-az3' })
        .availabilityZones(B, EU, { [`${EU}a`]: 'euw1-az1', [`${EU}b`]: 'euw1-az2' }),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'eni'],
      crossings: ['account', 'boundary'],
    },
  },
  // AZ IDs via describe-availability-zones: subnets and interfaces that carry only the AZ
  // name are placed by the account's name → id mapping.
  {
    name: 'AZ ids decide: ids resolved through describe-availability-zones',
    estate: () => {
      const e = estate().availabilityZones(A, EU, {
        [`${EU}a`]: 'euw1-az3',
        [`${EU}b`]: 'euw1-az1',
      });
      network(e, {
        vpc: 'vpc-app',
        cidr: '10.1.0.0/16',
        subnets: {},
      });
      for (const [id, az, cidr] of [
        ['subnet-x', `${EU}a`, '10.1.1.0/24'],
        ['subnet-y', `${EU}b`, '10.1.2.0/24'],
      ] as const)
        e.subnet(id, { vpc: 'vpc-app', az, cidr, azId: null });
      e.networkAcl('acl-app-default', {
        vpc: 'vpc-app',
        isDefault: true,
        subnets: ['subnet-x', 'subnet-y'],
      });
      e.networkInterface('eni-x', {
        subnet: 'subnet-x',
        privateIp: '10.1.1.10',
        groups: ['sg-app-open'],
        azId: null,
      });
      e.networkInterface('eni-y', {
        subnet: 'subnet-y',
        privateIp: '10.1.2.10',
        groups: ['sg-app-open'],
        azId: null,
      });
      return e;
    },
    from: eni('eni-x'),
    to: eni('eni-y'),
    expect: { disposition: 'delivered', hops: ['eni', 'eni'], crossings: ['az'] },
  },

  // ------------------------------------------------------------ NAT gateways
  // NAT gateways, "Public NAT gateway": instances in private subnets reach the internet
  // through a public NAT gateway in a public subnet, whose route table sends 0.0.0.0/0 to the
  // internet gateway.
  {
    name: 'NAT: private subnet → NAT gateway in the same AZ → internet gateway',
    estate: () => app(),
    from: eni('eni-app-a'),
    to: INTERNET,
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'internet-gateway', 'internet'],
      nodes: ['eni-app-a', 'nat-app-a', 'igw-app'],
      crossings: ['internet'],
    },
  },
  // NAT gateways: "a NAT gateway is created in a specific Availability Zone"; resources in
  // other AZs that share it send their traffic across AZs (and lose access if its AZ fails).
  {
    name: 'NAT: NAT gateway in another AZ (az crossing)',
    estate: () => app(),
    from: eni('eni-app-b'),
    to: INTERNET,
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'internet-gateway', 'internet'],
      nodes: ['eni-app-b', 'nat-app-a'],
      crossings: ['az', 'internet'],
    },
  },
  // NAT gateways, "Private NAT gateway": instances reach other VPCs through a private NAT
  // gateway and a transit gateway.
  {
    name: 'NAT: private NAT gateway → transit gateway → another VPC',
    estate: () => privateNat(),
    from: eni('eni-app-a'),
    to: eni('eni-legacy'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'transit-gateway', 'tgw-attachment', 'eni'],
      nodes: ['eni-app-a', 'nat-app-private', 'tgw-hub', 'tgw-attach-legacy', 'eni-legacy'],
      crossings: [],
    },
  },
  // NAT gateways, "Private NAT gateway": "if you route traffic from the private NAT gateway
  // to the internet gateway, the internet gateway drops the traffic" (it has no public
  // address).
  {
    name: 'NAT: private NAT gateway routed to the internet gateway is dropped',
    estate: () =>
      privateNat({ defaultViaPrivate: true }).routeTable('rtb-app-natp', {
        vpc: 'vpc-app',
        routes: [
          ['10.60.0.0/16', 'tgw-hub'],
          ['0.0.0.0/0', 'igw-app'],
        ],
        subnets: ['subnet-app-natp-a'],
      }),
    from: eni('eni-app-a'),
    to: INTERNET,
    expect: {
      disposition: 'denied',
      hops: ['eni', 'nat-gateway'],
      blockedBy: /no public IPv4 address/,
    },
  },

  // ------------------------------------------------------------ internet gateways and IPv6
  // Internet gateways, "Enable internet access": an instance needs a public IPv4 address (or
  // an Elastic IP) to communicate with the internet over IPv4 through an internet gateway.
  {
    name: 'igw: no public IPv4 address on the interface (denied)',
    estate: () => {
      const e = app();
      host(e, 'eni-web-private', 'subnet-app-pub-a', '10.1.0.20', { vpc: 'vpc-app' });
      return e;
    },
    from: eni('eni-web-private'),
    to: INTERNET,
    expect: { disposition: 'denied', hops: ['eni'], blockedBy: /no public IPv4 address/ },
  },
  // Internet gateways: an instance with a public IPv4 address in a subnet routed to the
  // internet gateway reaches the internet (the instance's primary interface carries it).
  {
    name: 'igw: instance with a public IPv4 address',
    estate: () =>
      app().instance('i-web', {
        subnet: 'subnet-app-pub-a',
        eni: 'eni-i-web',
        privateIp: '10.1.0.30',
        publicIp: '203.0.113.30',
        groups: ['sg-app-open'],
      }),
    from: { kind: 'instance', id: 'i-web' },
    to: INTERNET,
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'internet-gateway', 'internet'],
      nodes: ['eni-i-web', 'igw-app'],
      crossings: ['internet'],
    },
  },
  // Internet gateways, IPv6: "IPv6 addresses are globally unique, and are therefore public
  // by default"; ::/0 to the internet gateway needs no public IPv4 address.
  {
    name: 'igw: IPv6 through the internet gateway needs no public IPv4 address',
    estate: () => ipv6Vpc([['::/0', 'igw-v6']]).internetGateway('igw-v6', { vpc: 'vpc-v6' }),
    from: eni('eni-v6'),
    to: ip('2a05:d018:1:2::10'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'internet-gateway', 'internet'],
      crossings: ['internet'],
    },
  },
  // Egress-only internet gateways: outbound-only IPv6 internet access through a route ::/0 →
  // eigw-….
  {
    name: 'IPv6: egress-only internet gateway',
    estate: () =>
      ipv6Vpc([['::/0', 'eigw-v6']]).egressOnlyInternetGateway('eigw-v6', { vpc: 'vpc-v6' }),
    from: eni('eni-v6'),
    to: ip('2a05:d018:1:2::10'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'egress-only-gateway', 'internet'],
      nodes: ['eigw-v6'],
      crossings: ['internet'],
    },
  },
  // VPC route tables, "Longest prefix match": routes to IPv4 and IPv6 are independent; an
  // IPv4 default route does not carry IPv6 traffic.
  {
    name: 'IPv6: no IPv6 route (only an IPv4 default route)',
    estate: () => ipv6Vpc([['0.0.0.0/0', 'igw-v6']]).internetGateway('igw-v6', { vpc: 'vpc-v6' }),
    from: eni('eni-v6'),
    to: ip('2a05:d018:1:2::10'),
    expect: { disposition: 'no-route', hops: ['eni'] },
  },
  // Egress-only internet gateways: "An egress-only internet gateway is for use with IPv6
  // traffic only"; IPv4 needs a NAT gateway. IPv4 and IPv6 routes are independent.
  {
    name: 'IPv6: an egress-only gateway does not carry IPv4',
    estate: () =>
      ipv6Vpc([['::/0', 'eigw-v6']]).egressOnlyInternetGateway('eigw-v6', { vpc: 'vpc-v6' }),
    from: eni('eni-v6'),
    to: ip('93.184.216.34'),
    expect: { disposition: 'no-route', hops: ['eni'] },
  },

  // ------------------------------------------------------------ gateway endpoints
  // Gateway endpoints, "Routing": the endpoint's route has the service's prefix list as its
  // destination; traffic from subnets whose route table has it goes to S3 through the
  // endpoint, in the endpoint's Region.
  {
    name: 'gateway endpoint: S3 in the same region',
    estate: appWithS3,
    from: eni('eni-app-a'),
    to: service('s3'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'gateway-endpoint', 'service'],
      nodes: ['eni-app-a', 'vpce-s3'],
      crossings: [],
    },
  },
  // Gateway endpoints: "Gateway endpoints support only traffic to the same Region"; S3 in
  // another Region is reached on its public endpoint (NAT gateway, internet gateway).
  {
    name: 'gateway endpoint: S3 in another region goes through the NAT gateway',
    estate: () => appWithS3().prefixList(S3_US, { region: US, service: 's3', cidrs: S3_US_CIDRS }),
    from: eni('eni-app-a'),
    to: service('s3', US),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'internet-gateway', 'service'],
      nodes: ['nat-app-a', 'igw-app'],
      crossings: ['internet', 'region'],
    },
  },
  // Gateway endpoints support only the same Region; S3's public endpoints in other Regions
  // are public addresses, reached through the default route whether or not the snapshot
  // holds that Region's prefix list (a scan of eu-west-1 alone does not).
  {
    name: 'gateway endpoint: S3 in another region, its prefix list not in the snapshot',
    estate: appWithS3,
    from: eni('eni-app-a'),
    to: service('s3', US),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'internet-gateway', 'service'],
      nodes: ['nat-app-a', 'igw-app'],
      crossings: ['internet', 'region'],
    },
  },
  // Gateway endpoints: the endpoint applies only to subnets whose route table holds its
  // route (here only the main table, which no subnet uses); the others reach S3 on its
  // public endpoint through their own default route.
  {
    name: 'gateway endpoint: not in the subnet route table, S3 goes through the NAT gateway',
    estate: () =>
      app()
        .prefixList(S3_EU, { service: 's3', cidrs: S3_EU_CIDRS })
        .vpcEndpoint('vpce-s3', { vpc: 'vpc-app', routeTables: ['rtb-app-main'] })
        .routeTable('rtb-app-main', { vpc: 'vpc-app', main: true, routes: [[S3_EU, 'vpce-s3']] }),
    from: eni('eni-app-a'),
    to: service('s3'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'internet-gateway', 'service'],
      nodes: ['nat-app-a', 'igw-app'],
      crossings: ['internet'],
    },
  },
  // NAT gateways send translated traffic on by the route table of the NAT gateway's subnet:
  // when that table (not the client's) holds the endpoint route, S3 traffic leaves the NAT
  // gateway through the gateway endpoint.
  {
    name: 'gateway endpoint: reached from the NAT gateway’s subnet',
    estate: () =>
      app()
        .prefixList(S3_EU, { service: 's3', cidrs: S3_EU_CIDRS })
        .vpcEndpoint('vpce-s3', { vpc: 'vpc-app', routeTables: ['rtb-app-public'] })
        .routeTable('rtb-app-public', {
          vpc: 'vpc-app',
          routes: [
            ['0.0.0.0/0', 'igw-app'],
            [S3_EU, 'vpce-s3'],
          ],
          subnets: ['subnet-app-pub-a', 'subnet-app-pub-b'],
        }),
    from: eni('eni-app-a'),
    to: service('s3'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'gateway-endpoint', 'service'],
      nodes: ['nat-app-a', 'vpce-s3'],
      crossings: [],
    },
  },
  // Gateway endpoints: DynamoDB has gateway endpoints too, routed by its own prefix list.
  {
    name: 'gateway endpoint: DynamoDB',
    estate: () =>
      app({
        privateRoutes: [
          ['0.0.0.0/0', 'nat-app-a'],
          [DDB_EU, 'vpce-ddb'],
        ],
      })
        .prefixList(DDB_EU, { service: 'dynamodb', cidrs: DDB_EU_CIDRS })
        .vpcEndpoint('vpce-ddb', {
          vpc: 'vpc-app',
          service: `com.amazonaws.${EU}.dynamodb`,
          routeTables: ['rtb-app-private'],
        }),
    from: eni('eni-app-b'),
    to: service('dynamodb'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'gateway-endpoint', 'service'],
      nodes: ['vpce-ddb'],
      crossings: [],
    },
  },
  // Gateway endpoints from a subnet (no interface): the subnet's route table decides.
  {
    name: 'gateway endpoint: from a subnet',
    estate: appWithS3,
    from: { kind: 'subnet', id: 'subnet-app-priv-b' },
    to: service('s3'),
    expect: {
      disposition: 'delivered',
      hops: ['subnet', 'gateway-endpoint', 'service'],
      nodes: ['subnet-app-priv-b', 'vpce-s3'],
      crossings: [],
    },
  },

  // ------------------------------------------------------------ interface endpoints
  // Interface endpoints, "Private DNS": with private DNS the service's default name resolves
  // to the endpoint network interfaces in the VPC; the one in the client's AZ keeps the
  // request in that AZ (ownmap's model: the same-AZ interface when there is one).
  {
    name: 'interface endpoint: KMS with private DNS in the same AZ',
    estate: () => appWithKms(['subnet-app-priv-a', 'subnet-app-priv-b']),
    from: eni('eni-app-a'),
    to: service('kms'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'interface-endpoint', 'service'],
      nodes: ['eni-app-a', 'vpce-kms'],
      crossings: [],
    },
  },
  // Interface endpoints: "an endpoint network interface in each subnet that you enable"; a
  // client in an AZ without one reaches an interface in another AZ.
  {
    name: 'interface endpoint: KMS with private DNS only in another AZ (az crossing)',
    estate: () => appWithKms(['subnet-app-priv-b']),
    from: eni('eni-app-a'),
    to: service('kms'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'interface-endpoint', 'service'],
      nodes: ['vpce-kms'],
      crossings: ['az'],
    },
  },
  // Interface endpoints: "If private DNS is not enabled, the service's default DNS name
  // resolves to public IP addresses": the request follows the normal routes (NAT, igw).
  {
    name: 'interface endpoint: KMS without private DNS uses the normal route',
    estate: () => appWithKms(['subnet-app-priv-a', 'subnet-app-priv-b'], false),
    from: eni('eni-app-a'),
    to: service('kms'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'internet-gateway', 'service'],
      nodes: ['nat-app-a'],
      crossings: ['internet'],
    },
  },
  // Interface endpoints, "Security groups": the endpoint's security group must allow the
  // clients' traffic on the service port.
  {
    name: 'interface endpoint: its security group does not admit the client',
    estate: () =>
      appWithKms(['subnet-app-priv-a']).securityGroup('sg-vpce-kms', {
        vpc: 'vpc-app',
        ingress: [{ protocol: 'tcp', ports: 443, cidrs: ['10.1.2.0/24'] }],
      }),
    from: eni('eni-app-a'),
    to: service('kms'),
    expect: {
      disposition: 'denied',
      hops: ['eni', 'interface-endpoint'],
      blockedBy: /sg-vpce-kms.*ingress/,
    },
  },
  // Interface endpoints, "Private DNS": the private hosted zone is associated with the
  // endpoint's VPC only; a peered VPC resolves the public name and uses its own routes (none
  // here beyond the peering).
  {
    name: 'interface endpoint: private DNS does not reach a peered VPC',
    estate: () =>
      peered().vpcEndpoint('vpce-kms', {
        vpc: 'vpc-acc',
        type: 'Interface',
        service: `com.amazonaws.${EU}.kms`,
        subnets: ['subnet-acc'],
        groups: ['sg-acc-open'],
      }),
    from: eni('eni-req'),
    to: service('kms'),
    expect: { disposition: 'no-route', hops: ['eni'] },
  },

  // ------------------------------------------------------------ VPC peering
  // VPC peering, "Update your route tables": each VPC routes the other's CIDR to the peering
  // connection; traffic flows either way (requester → accepter).
  {
    name: 'peering: requester → accepter',
    estate: () => peered(),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'eni'],
      nodes: ['eni-req', 'pcx-req-acc', 'eni-acc'],
      crossings: [],
    },
  },
  // VPC peering: the connection works both ways (accepter → requester).
  {
    name: 'peering: accepter → requester',
    estate: () => peered(),
    from: eni('eni-acc'),
    to: eni('eni-req'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'eni'],
      nodes: ['eni-acc', 'pcx-req-acc', 'eni-req'],
      crossings: [],
    },
  },
  // VPC peering: "VPCs can be in different accounts" — the path crosses the account, and
  // here the boundary (the accepter belongs to a declared party).
  {
    name: 'peering: cross-account (account and boundary crossings)',
    estate: () => peered({ accepter: { account: B } }),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'eni'],
      crossings: ['account', 'boundary'],
    },
  },
  // Boundary: a party and an undeclared account are both outside; between them the path
  // crosses an account but not the boundary.
  {
    name: 'peering: between two accounts outside the boundary (no boundary crossing)',
    estate: () => peered({ requesterAccount: B, accepter: { account: C } }),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    expect: { disposition: 'delivered', hops: ['eni', 'peering', 'eni'], crossings: ['account'] },
  },
  // VPC peering, "inter-Region VPC peering": the VPCs can be in different Regions; the
  // traffic crosses the Region (AZ ids of different Regions are not compared).
  {
    name: 'peering: cross-region (region crossing)',
    estate: () => peered({ accepter: { region: US } }),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'eni'],
      crossings: ['region'],
    },
  },
  // VPC peering lifecycle: a deleted peering connection carries no traffic; routes to it
  // show State blackhole.
  {
    name: 'peering: deleted connection, blackhole route',
    estate: () => peered({ status: 'deleted', routeState: 'blackhole' }),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    expect: { disposition: 'blackhole', hops: ['eni'], blockedBy: /blackhole|deleted/ },
  },
  // VPC peering lifecycle: only an active connection carries traffic; a route to a peering
  // still pending acceptance drops it.
  {
    name: 'peering: pending acceptance (not active)',
    estate: () => peered({ status: 'pending-acceptance' }),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    expect: { disposition: 'blackhole', hops: ['eni'], blockedBy: /pending|not active/ },
  },
  // VPC peering limitations, "Transitive peering": A peered with B and B with C does not
  // let A reach C through B, even with a route for C's CIDR to A–B.
  {
    name: 'peering: not transitive (destination beyond the peer VPC)',
    estate: () => {
      const e = peered();
      network(e, {
        vpc: 'vpc-third',
        cidr: '10.3.0.0/16',
        subnets: { 'subnet-third': [`${EU}a`, '10.3.1.0/24'] },
        main: [['10.2.0.0/16', 'pcx-acc-third']],
      });
      host(e, 'eni-third', 'subnet-third', '10.3.1.10', { vpc: 'vpc-third' });
      e.peering('pcx-acc-third', {
        requester: { account: A, vpc: 'vpc-acc' },
        accepter: { account: A, vpc: 'vpc-third' },
      });
      e.routeTable('rtb-req-main', {
        vpc: 'vpc-req',
        main: true,
        routes: [
          ['10.2.0.0/16', 'pcx-req-acc'],
          ['10.3.0.0/16', 'pcx-req-acc'],
        ],
      });
      e.routeTable('rtb-acc-main', {
        vpc: 'vpc-acc',
        main: true,
        routes: [
          ['10.1.0.0/16', 'pcx-req-acc'],
          ['10.3.0.0/16', 'pcx-acc-third'],
        ],
      });
      return e;
    },
    from: eni('eni-req'),
    to: eni('eni-third'),
    expect: { disposition: 'no-route', hops: ['eni', 'peering'], nodes: ['pcx-req-acc'] },
  },
  // VPC peering limitations, "Edge to edge routing through a gateway": a VPC cannot use the
  // internet gateway (or NAT gateway) of its peer.
  {
    name: 'peering: no edge-to-edge routing to the peer’s internet gateway',
    estate: () =>
      peered()
        .routeTable('rtb-req-main', {
          vpc: 'vpc-req',
          main: true,
          routes: [['0.0.0.0/0', 'pcx-req-acc']],
        })
        .internetGateway('igw-acc', { vpc: 'vpc-acc' })
        .routeTable('rtb-acc-main', {
          vpc: 'vpc-acc',
          main: true,
          routes: [
            ['10.1.0.0/16', 'pcx-req-acc'],
            ['0.0.0.0/0', 'igw-acc'],
          ],
        }),
    from: eni('eni-req'),
    to: INTERNET,
    expect: { disposition: 'no-route', hops: ['eni', 'peering'] },
  },
  // Security groups, "Reference security groups in peered VPCs" (same Region): a rule may
  // name a group of the peer VPC as its source.
  {
    name: 'peering: security group rule that references the peer VPC’s group',
    estate: () =>
      peered()
        .securityGroup('sg-req-app', { vpc: 'vpc-req' })
        .securityGroup('sg-acc-db', {
          vpc: 'vpc-acc',
          ingress: [
            {
              protocol: 'tcp',
              ports: 5432,
              groups: ['sg-req-app'],
              groupPeering: { vpc: 'vpc-req', pcx: 'pcx-req-acc' },
            },
          ],
        })
        .networkInterface('eni-req', {
          subnet: 'subnet-req',
          privateIp: '10.1.1.10',
          groups: ['sg-req-app'],
        })
        .networkInterface('eni-acc', {
          subnet: 'subnet-acc',
          privateIp: '10.2.1.10',
          groups: ['sg-acc-db'],
        }),
    from: eni('eni-req'),
    to: eni('eni-acc'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'delivered', hops: ['eni', 'peering', 'eni'], crossings: [] },
  },

  // ------------------------------------------------------------ transit gateways
  // Transit gateway route tables, "Segmentation": spokes associated with a route table that
  // holds only the shared VPC's routes cannot reach each other.
  {
    name: 'TGW: spoke A cannot reach spoke B (segmented route tables)',
    estate: () => hub(),
    from: eni('eni-spoke-a'),
    to: eni('eni-spoke-b'),
    expect: {
      disposition: 'no-route',
      hops: ['eni', 'transit-gateway'],
      nodes: ['eni-spoke-a', 'tgw-hub'],
    },
  },
  // Transit gateway route tables, "Route propagation": the shared VPC's attachment propagates
  // its CIDR into the spokes' table.
  {
    name: 'TGW: spoke A reaches shared services (propagated route)',
    estate: () => hub(),
    from: eni('eni-spoke-a'),
    to: eni('eni-shared'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'transit-gateway', 'tgw-attachment', 'eni'],
      nodes: ['eni-spoke-a', 'tgw-hub', 'tgw-attach-shared', 'eni-shared'],
      crossings: [],
    },
  },
  // Transit gateway route tables: each attachment is associated with one route table; the
  // shared VPC's table holds both spokes' propagated routes.
  {
    name: 'TGW: shared services reach spoke B (its own association)',
    estate: () => hub(),
    from: eni('eni-shared'),
    to: eni('eni-spoke-b'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'transit-gateway', 'tgw-attachment', 'eni'],
      nodes: ['tgw-attach-spoke-b', 'eni-spoke-b'],
      crossings: [],
    },
  },
  // Transit gateway route tables, "Blackhole routes" and route evaluation: the most specific
  // route wins; a static blackhole route drops matching traffic.
  {
    name: 'TGW: a more specific static blackhole route drops the traffic',
    estate: () => hub({ spokeRoutes: [['10.9.1.0/24', 'blackhole']] }),
    from: eni('eni-spoke-a'),
    to: eni('eni-shared'),
    expect: {
      disposition: 'blackhole',
      hops: ['eni', 'transit-gateway'],
      blockedBy: /blackhole/,
    },
  },
  // Transit gateways, "Prefix list references": each entry of a prefix list referenced in a
  // transit gateway route table is a route to the attachment.
  {
    name: 'TGW: a prefix list reference route',
    estate: () =>
      hub({
        spokeRoutes: [{ dest: 'pl-0spokes', attachment: 'tgw-attach-spoke-b' }],
      }).managedPrefixList('pl-0spokes', { name: 'spokes', entries: ['10.20.0.0/16'] }),
    from: eni('eni-spoke-a'),
    to: eni('eni-spoke-b'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'transit-gateway', 'tgw-attachment', 'eni'],
      nodes: ['tgw-attach-spoke-b', 'eni-spoke-b'],
      crossings: [],
    },
  },
  // Transit gateway peering: "static routes in each transit gateway route table point to
  // the peering attachment"; the peer transit gateway routes with the table its side of the
  // attachment is associated with. Cross-Region and cross-account.
  {
    name: 'TGW: cross-region, cross-account peering (region, account and boundary crossings)',
    estate: tgwPeered,
    from: eni('eni-eu'),
    to: eni('eni-us'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'transit-gateway', 'tgw-peering', 'transit-gateway', 'tgw-attachment', 'eni'],
      nodes: ['eni-eu', 'tgw-eu', 'tgw-attach-peer', 'tgw-us', 'tgw-attach-us', 'eni-us'],
      crossings: ['account', 'boundary', 'region'],
    },
  },
  // Transit gateway peering, the way back: the accepter's VPC table and its TGW's static
  // route for the requester's CIDR.
  {
    name: 'TGW: cross-region peering, accepter → requester',
    estate: tgwPeered,
    from: eni('eni-us'),
    to: eni('eni-eu'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'transit-gateway', 'tgw-peering', 'transit-gateway', 'tgw-attachment', 'eni'],
      nodes: ['eni-us', 'tgw-us', 'tgw-attach-peer', 'tgw-eu', 'tgw-attach-eu', 'eni-eu'],
      crossings: ['account', 'boundary', 'region'],
    },
  },

  // ------------------------------------------------------------ security groups
  // Security groups, "Security group rules": with no outbound rule that allows the traffic
  // the instance cannot send it (only tcp/5432 is allowed out here).
  {
    name: 'SG: no egress rule allows the packet (denied)',
    estate: () =>
      appAndDb({
        dbIngress: [{ protocol: 'tcp', ports: 443, cidrs: ['10.1.0.0/16'] }],
      }).securityGroup('sg-app', {
        vpc: 'vpc-app',
        egress: [{ protocol: 'tcp', ports: 5432, cidrs: ['10.1.0.0/16'] }],
      }),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    expect: { disposition: 'denied', hops: ['eni'], blockedBy: /sg-app.*egress/ },
  },
  // Security groups, "Security group referencing": a rule whose source is a security group
  // allows traffic from the network interfaces associated with it.
  {
    name: 'SG: ingress allowed by a security group reference',
    estate: () => appAndDb(),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'delivered', hops: ['eni', 'eni'], crossings: [] },
  },
  // Security group referencing: an interface outside the referenced group is not admitted.
  {
    name: 'SG: a source outside the referenced group is denied',
    estate: () => appAndDb(),
    from: eni('eni-app-b'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'denied', hops: ['eni', 'eni'], blockedBy: /sg-db.*ingress/ },
  },
  // Security groups, prefix lists as sources: "a rule that references a prefix list allows
  // the CIDRs in the list".
  {
    name: 'SG: ingress allowed by a customer-managed prefix list',
    estate: () =>
      appAndDb({
        dbIngress: [{ protocol: 'tcp', ports: 5432, prefixLists: ['pl-0clients'] }],
      }).managedPrefixList('pl-0clients', {
        name: 'db-clients',
        entries: [{ cidr: '10.1.1.0/24', description: 'app subnet a' }],
      }),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'delivered', hops: ['eni', 'eni'], crossings: [] },
  },
  // Security groups with a prefix list: a source outside the list's CIDRs is not admitted.
  {
    name: 'SG: a source outside the prefix list is denied',
    estate: () =>
      appAndDb({
        dbIngress: [{ protocol: 'tcp', ports: 5432, prefixLists: ['pl-0clients'] }],
      }).managedPrefixList('pl-0clients', { name: 'db-clients', entries: ['10.1.2.0/24'] }),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'denied', hops: ['eni', 'eni'], blockedBy: /sg-db.*ingress/ },
  },
  // Security groups are stateful: "responses to allowed inbound traffic are allowed to flow
  // out, regardless of outbound rules" — a destination group with no outbound rule.
  {
    name: 'SG: stateful, the destination needs no outbound rule for the reply',
    estate: () =>
      appAndDb().securityGroup('sg-db', {
        vpc: 'vpc-app',
        ingress: [{ protocol: 'tcp', ports: 5432, groups: ['sg-app'] }],
        egress: [],
      }),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'delivered', hops: ['eni', 'eni'] },
  },
  // Security group rules name a protocol: a tcp rule does not admit udp.
  {
    name: 'SG: a tcp rule does not admit udp',
    estate: () => appAndDb(),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'udp', port: 5432 },
    expect: { disposition: 'denied', hops: ['eni', 'eni'], blockedBy: /sg-db.*ingress/ },
  },

  // Security groups apply to the instance's network interfaces: an instance as the
  // destination is its primary interface.
  {
    name: 'SG: an instance as the destination (its interface’s groups)',
    estate: () =>
      appAndDb().instance('i-db', {
        subnet: 'subnet-app-db-a',
        eni: 'eni-i-db',
        privateIp: '10.1.3.30',
        groups: ['sg-db'],
      }),
    from: eni('eni-app-a'),
    to: { kind: 'instance', id: 'i-db' },
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'delivered', hops: ['eni', 'eni'], nodes: ['eni-app-a', 'eni-i-db'] },
  },

  // ------------------------------------------------------------ network ACLs
  // Network ACLs, "Network ACL rules": rules are evaluated from the lowest number; the first
  // rule that matches applies regardless of higher-numbered rules (90 deny before 100 allow).
  {
    name: 'NACL: an earlier, lower-numbered deny rule wins',
    estate: () =>
      dbAcl(appAndDb(), [
        {
          rule: 90,
          egress: false,
          action: 'deny',
          protocol: 'tcp',
          ports: 5432,
          cidr: '10.1.1.0/24',
        },
        { rule: 100, egress: false, action: 'allow' },
        { rule: 100, egress: true, action: 'allow' },
      ]),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'denied', blockedBy: /acl-app-db.*\b90\b/ },
  },
  // Network ACL rules: first match wins — rule 100 allows before rule 200 would deny.
  {
    name: 'NACL: allow at 100 before deny at 200',
    estate: () =>
      dbAcl(appAndDb(), [
        { rule: 100, egress: false, protocol: 'tcp', ports: 5432, cidr: '10.1.0.0/16' },
        { rule: 200, egress: false, action: 'deny', cidr: '10.1.1.0/24' },
        { rule: 100, egress: true, protocol: 'tcp', ports: [1024, 65535], cidr: '10.1.0.0/16' },
      ]),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'delivered', hops: ['eni', 'eni'] },
  },
  // Network ACLs are stateless, "Ephemeral ports": the reply leaves the destination subnet to
  // the client's ephemeral port (1024-65535), which the outbound rules must allow.
  {
    name: 'NACL: the reply to an ephemeral port is denied',
    estate: () =>
      dbAcl(appAndDb(), [
        { rule: 100, egress: false, protocol: 'tcp', ports: 5432, cidr: '10.1.0.0/16' },
        { rule: 100, egress: true, protocol: 'tcp', ports: [0, 1023], cidr: '10.1.0.0/16' },
      ]),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'denied', blockedBy: /acl-app-db/ },
  },
  // Network ACLs, "Ephemeral ports": outbound 1024-65535 lets the replies out.
  {
    name: 'NACL: the reply to an ephemeral port is allowed',
    estate: () =>
      dbAcl(appAndDb(), [
        { rule: 100, egress: false, protocol: 'tcp', ports: 5432, cidr: '10.1.0.0/16' },
        { rule: 100, egress: true, protocol: 'tcp', ports: [1024, 65535], cidr: '10.1.0.0/16' },
      ]),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'delivered', hops: ['eni', 'eni'] },
  },
  // Network ACLs: the source subnet's outbound rules apply too (the '*' rule denies what no
  // numbered rule allows).
  {
    name: 'NACL: the source subnet does not let the packet out',
    estate: () =>
      appOwnAcl(
        appAndDb(),
        'acl-app-priv-a',
        'subnet-app-priv-a',
        [{ rule: 100, egress: false }],
        DB_SUBNETS,
      ),
    from: eni('eni-app-a'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'denied', blockedBy: /acl-app-priv-a/ },
  },
  // Network ACLs "control traffic in and out of a subnet": two interfaces in one subnet
  // talk without crossing its ACL (here one that denies everything).
  {
    name: 'NACL: not applied within one subnet',
    estate: () => {
      const e = dbAcl(appAndDb(), []);
      host(e, 'eni-db-2', 'subnet-app-db-a', '10.1.3.20', { groups: ['sg-app'] });
      return e;
    },
    from: eni('eni-db-2'),
    to: eni('eni-db'),
    opts: { protocol: 'tcp', port: 5432 },
    expect: { disposition: 'delivered', hops: ['eni', 'eni'], crossings: [] },
  },

  // ------------------------------------------------------------ from the internet
  // Internet gateways: an instance with a public IPv4 address in a subnet routed to the
  // internet gateway is reachable from the internet when its ACL and security group allow.
  {
    name: 'internet → interface with a public IPv4 address and an open group',
    estate: webFacing,
    from: INTERNET,
    to: eni('eni-web'),
    expect: {
      disposition: 'delivered',
      hops: ['internet', 'internet-gateway', 'eni'],
      nodes: ['igw-app', 'eni-web'],
      crossings: ['internet'],
    },
  },
  // Internet gateways, "Enable internet access": the subnet's route table needs a route to
  // the internet gateway (here the interface sits in a private subnet routed to a NAT).
  {
    name: 'internet → interface whose subnet has no route to the internet gateway',
    estate: () =>
      webFacing().networkInterface('eni-web', {
        subnet: 'subnet-app-priv-a',
        privateIp: '10.1.1.20',
        publicIp: '203.0.113.10',
        groups: ['sg-web'],
      }),
    from: INTERNET,
    to: eni('eni-web'),
    expect: { disposition: ['no-route', 'denied'] },
  },
  // Security groups: with no inbound rule that allows the traffic it is dropped.
  {
    name: 'internet → interface whose security group is closed to the internet',
    estate: () =>
      webFacing().securityGroup('sg-web', {
        vpc: 'vpc-app',
        ingress: [{ protocol: 'tcp', ports: 443, cidrs: ['10.0.0.0/8'] }],
      }),
    from: INTERNET,
    to: eni('eni-web'),
    expect: {
      disposition: 'denied',
      hops: ['internet', 'internet-gateway', 'eni'],
      blockedBy: /sg-web.*ingress/,
    },
  },
  // Internet gateways: without a public IPv4 address the internet cannot address the
  // interface.
  {
    name: 'internet → interface without a public IPv4 address',
    estate: () =>
      webFacing().networkInterface('eni-web', {
        subnet: 'subnet-app-pub-a',
        privateIp: '10.1.0.10',
        groups: ['sg-web'],
      }),
    from: INTERNET,
    to: eni('eni-web'),
    expect: { disposition: ['no-route', 'denied'] },
  },
  // Network ACLs: the subnet's inbound rules apply to traffic from the internet.
  {
    name: 'internet → interface whose subnet ACL denies the port',
    estate: () =>
      appOwnAcl(webFacing(), 'acl-app-web', 'subnet-app-pub-a', [
        { rule: 100, egress: false, protocol: 'tcp', ports: 22 },
        { rule: 100, egress: true },
      ]),
    from: INTERNET,
    to: eni('eni-web'),
    expect: { disposition: 'denied', blockedBy: /acl-app-web/ },
  },
  // Egress-only internet gateways "prevent the internet from initiating an IPv6 connection"
  // with your instances.
  {
    name: 'internet → IPv6-only interface behind an egress-only gateway',
    estate: () =>
      ipv6Vpc([['::/0', 'eigw-v6']]).egressOnlyInternetGateway('eigw-v6', { vpc: 'vpc-v6' }),
    from: INTERNET,
    to: ip('2a05:d018:abc:6601::10'),
    expect: { disposition: ['no-route', 'denied'] },
  },
];

// ---------------------------------------------------------------- more estates

/** LPM: vpc-app's public subnet routes 10.20.0.0/16 → pcx-wide, 10.20.5.0/24 → pcx-narrow. */
function lpm(): Estate {
  const e = estate();
  network(e, {
    vpc: 'vpc-app',
    cidr: '10.1.0.0/16',
    subnets: { 'subnet-app-pub-a': [`${EU}a`, '10.1.0.0/24'] },
  });
  network(e, {
    vpc: 'vpc-wide',
    cidr: '10.20.0.0/16',
    subnets: { 'subnet-wide': [`${EU}a`, '10.20.9.0/24'] },
    main: [['10.1.0.0/16', 'pcx-wide']],
  });
  network(e, {
    vpc: 'vpc-narrow',
    cidr: '10.20.5.0/24',
    subnets: { 'subnet-narrow': [`${EU}a`, '10.20.5.0/26'] },
    main: [['10.1.0.0/16', 'pcx-narrow']],
  });
  e.internetGateway('igw-app', { vpc: 'vpc-app' }).routeTable('rtb-app-public', {
    vpc: 'vpc-app',
    routes: [
      ['0.0.0.0/0', 'igw-app'],
      ['10.20.0.0/16', 'pcx-wide'],
      ['10.20.5.0/24', 'pcx-narrow'],
    ],
    subnets: ['subnet-app-pub-a'],
  });
  for (const [pcx, vpc] of [
    ['pcx-wide', 'vpc-wide'],
    ['pcx-narrow', 'vpc-narrow'],
  ] as const)
    e.peering(pcx, { requester: { account: A, vpc: 'vpc-app' }, accepter: { account: A, vpc } });
  host(e, 'eni-web', 'subnet-app-pub-a', '10.1.0.10', {
    vpc: 'vpc-app',
    publicIp: '203.0.113.10',
  });
  return e;
}

/**
 * app() with a private NAT gateway (nat-app-private, 10.1.5.5 in natp-a, eu-west-1a): priv-a
 * routes 10.60.0.0/16 to it, and its subnet routes 10.60.0.0/16 to tgw-hub, which reaches
 * vpc-legacy (10.60.0.0/16) with eni-legacy at 10.60.1.10.
 */
function privateNat(o: { legacyIngress?: string[]; defaultViaPrivate?: boolean } = {}): Estate {
  const e = app({
    privateRoutes: [
      ['0.0.0.0/0', o.defaultViaPrivate ? 'nat-app-private' : 'nat-app-a'],
      ['10.60.0.0/16', 'nat-app-private'],
    ],
  });
  e.subnet('subnet-app-natp-a', { vpc: 'vpc-app', az: `${EU}a`, cidr: '10.1.5.0/24' })
    .networkAcl('acl-app-default', {
      vpc: 'vpc-app',
      isDefault: true,
      subnets: [...APP_SUBNETS, 'subnet-app-natp-a'],
    })
    .natGateway('nat-app-private', {
      subnet: 'subnet-app-natp-a',
      connectivity: 'private',
      privateIp: '10.1.5.5',
    })
    .routeTable('rtb-app-natp', {
      vpc: 'vpc-app',
      routes: [['10.60.0.0/16', 'tgw-hub']],
      subnets: ['subnet-app-natp-a'],
    });
  network(e, {
    vpc: 'vpc-legacy',
    cidr: '10.60.0.0/16',
    subnets: { 'subnet-legacy': [`${EU}a`, '10.60.1.0/24'] },
    main: [['10.1.0.0/16', 'tgw-hub']],
  });
  e.securityGroup('sg-legacy', {
    vpc: 'vpc-legacy',
    ingress: [{ protocol: 'tcp', ports: 443, cidrs: o.legacyIngress ?? ['10.0.0.0/8'] }],
  });
  host(e, 'eni-legacy', 'subnet-legacy', '10.60.1.10', { groups: ['sg-legacy'] });
  e.transitGateway('tgw-hub');
  for (const vpc of ['vpc-app', 'vpc-legacy'])
    e.tgwAttachment(`tgw-attach-${short(vpc)}`, {
      tgw: 'tgw-hub',
      tgwOwner: A,
      resourceOwner: A,
      resourceId: vpc,
    });
  e.tgwRouteTable('tgw-rtb-all', {
    tgw: 'tgw-hub',
    associations: ['tgw-attach-app', 'tgw-attach-legacy'],
    propagations: ['tgw-attach-app', 'tgw-attach-legacy'],
  });
  return e;
}

/** A dual-stack VPC (vpc-v6) with one subnet whose table has `routes`, and eni-v6. */
function ipv6Vpc(routes: RouteInput[]): Estate {
  const e = estate();
  network(e, {
    vpc: 'vpc-v6',
    cidr: '10.6.0.0/16',
    ipv6: '2a05:d018:abc:6600::/56',
    subnets: {
      'subnet-v6': { az: `${EU}a`, cidr: '10.6.1.0/24', ipv6: '2a05:d018:abc:6601::/64' },
    },
  });
  e.routeTable('rtb-v6', { vpc: 'vpc-v6', routes, subnets: ['subnet-v6'] });
  host(e, 'eni-v6', 'subnet-v6', '10.6.1.10', {
    vpc: 'vpc-v6',
    ipv6: ['2a05:d018:abc:6601::10'],
  });
  return e;
}

/**
 * Cross-region, cross-account transit gateway peering: tgw-eu (A, eu-west-1) with vpc-eu
 * (10.10.0.0/16) and tgw-us (B, us-east-1) with vpc-us (10.50.0.0/16), joined by
 * tgw-attach-peer; each side routes the other's CIDR statically to the peering attachment.
 */
function tgwPeered(): Estate {
  const e = estate();
  network(e, {
    vpc: 'vpc-eu',
    cidr: '10.10.0.0/16',
    subnets: { 'subnet-eu': [`${EU}a`, '10.10.1.0/24'] },
    main: [['10.50.0.0/16', 'tgw-eu']],
  });
  network(e, {
    vpc: 'vpc-us',
    cidr: '10.50.0.0/16',
    account: B,
    region: US,
    subnets: { 'subnet-us': [`${US}a`, '10.50.1.0/24'] },
    main: [['10.10.0.0/16', 'tgw-us']],
  });
  host(e, 'eni-eu', 'subnet-eu', '10.10.1.10', { vpc: 'vpc-eu' });
  host(e, 'eni-us', 'subnet-us', '10.50.1.10', { vpc: 'vpc-us' });
  e.transitGateway('tgw-eu')
    .transitGateway('tgw-us', { account: B, region: US })
    .tgwAttachment('tgw-attach-eu', {
      tgw: 'tgw-eu',
      tgwOwner: A,
      resourceOwner: A,
      resourceId: 'vpc-eu',
    })
    .tgwAttachment('tgw-attach-us', {
      tgw: 'tgw-us',
      tgwOwner: B,
      resourceOwner: B,
      resourceId: 'vpc-us',
      region: US,
    })
    .tgwPeering('tgw-attach-peer', {
      requester: { tgw: 'tgw-eu', account: A, region: EU, routeTable: 'tgw-rtb-eu' },
      accepter: { tgw: 'tgw-us', account: B, region: US, routeTable: 'tgw-rtb-us' },
    })
    .tgwRouteTable('tgw-rtb-eu', {
      tgw: 'tgw-eu',
      associations: ['tgw-attach-eu'],
      propagations: ['tgw-attach-eu'],
      routes: [['10.50.0.0/16', 'tgw-attach-peer']],
    })
    .tgwRouteTable('tgw-rtb-us', {
      tgw: 'tgw-us',
      account: B,
      region: US,
      associations: ['tgw-attach-us'],
      propagations: ['tgw-attach-us'],
      routes: [['10.10.0.0/16', 'tgw-attach-peer']],
    });
  return e;
}

/** app() with eni-web (public 203.0.113.10, pub-a) in sg-web, open to the internet on 443. */
function webFacing(): Estate {
  return app()
    .securityGroup('sg-web', {
      vpc: 'vpc-app',
      ingress: [{ protocol: 'tcp', ports: 443, cidrs: ['0.0.0.0/0'] }],
    })
    .networkInterface('eni-web', {
      subnet: 'subnet-app-pub-a',
      privateIp: '10.1.0.10',
      publicIp: '203.0.113.10',
      groups: ['sg-web'],
    });
}

// ---------------------------------------------------------------- disagreements

/**
 * Pitfalls: cases an earlier tracer got wrong against the AWS documentation (source NAT, an
 * address in a gateway endpoint's prefix list, static over prefix-list and propagated routes).
 * Each `why` names the documentation the case follows. They run with the table.
 */
const PATH_PITFALLS: PathDisagreement[] = [
  // NAT gateways, "How NAT gateways work": the NAT gateway replaces the source address of
  // the instances with its own private address, so the destination sees (and its security
  // group must admit) the NAT gateway's address, here only its subnet 10.1.5.0/24.
  {
    name: 'NAT: the destination sees the private NAT gateway’s address',
    why: "NAT gateways (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html, 'NAT gateway basics' / 'Private NAT gateway'): the NAT gateway replaces the source IP address of the instances with the private IP address of the NAT gateway. Past the NAT hop the destination sees 10.1.5.5, which sg-legacy admits; the implementation keeps the original source (10.1.1.10) after the NAT hop and denies at sg-legacy ingress. The same applies to NACLs downstream of any NAT gateway.",
    estate: () => privateNat({ legacyIngress: ['10.1.5.0/24'] }),
    from: eni('eni-app-a'),
    to: eni('eni-legacy'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'nat-gateway', 'transit-gateway', 'tgw-attachment', 'eni'],
      nodes: ['nat-app-private', 'eni-legacy'],
      crossings: [],
    },
  },
  // Gateway endpoints: the route matches by the prefix list's CIDRs, so an address of S3 in
  // the list goes through the endpoint too (VPC route priority: the list's /17 beats 0/0).
  {
    name: 'gateway endpoint: an S3 address in the prefix list',
    why: "Gateway endpoints (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html, 'Routing'): the endpoint route's destination is the service's prefix list, and route selection is by longest prefix over its CIDRs (VPC route tables, 'Route priority'). A packet to 52.218.1.10 (in pl-6da54004's 52.218.0.0/17) matches that route and reaches S3 through vpce-s3; the implementation selects the route and then refuses it because the destination was given as an address, not as a service ('gateway endpoint vpce-s3 leads to s3, not to 52.218.1.10').",
    estate: appWithS3,
    from: eni('eni-app-a'),
    to: ip('52.218.1.10'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'gateway-endpoint', 'service'],
      nodes: ['vpce-s3'],
      crossings: [],
    },
  },
  // VPC route tables, "Route priority": longest prefix first, then static routes before
  // prefix list routes — a static route overlapping a prefix list route of the same length
  // takes priority (the prefix list route is listed first here).
  {
    name: 'route priority: a static route beats a prefix list route of the same length',
    why: "VPC route tables, 'Route priority' (https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html): the route priority summary is 1. longest prefix, 2. static routes, 3. prefix list routes, 4. propagated routes, so a static route of the same length as a prefix list entry wins. The implementation breaks the /16 tie by route order (the prefix list route is listed first) and takes pcx-narrow, whose VPC does not hold 10.20.9.9 (no-route).",
    estate: () =>
      lpm()
        .managedPrefixList('pl-0narrow', { name: 'narrow-networks', entries: ['10.20.0.0/16'] })
        .routeTable('rtb-app-public', {
          vpc: 'vpc-app',
          routes: [
            ['pl-0narrow', 'pcx-narrow'],
            ['10.20.0.0/16', 'pcx-wide'],
            ['0.0.0.0/0', 'igw-app'],
          ],
          subnets: ['subnet-app-pub-a'],
        }),
    from: eni('eni-web'),
    to: ip('10.20.9.9'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'peering', 'address'],
      nodes: ['pcx-wide'],
      crossings: [],
    },
  },
  // Transit gateways, "Route evaluation order": for the same destination, static routes have
  // higher precedence than propagated routes.
  {
    name: 'TGW: a static route beats a propagated route for the same prefix',
    why: "Transit gateways, 'Route evaluation order' (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html): for routes with the same destination, static routes have higher precedence than propagated routes. search-transit-gateway-routes lists both 10.9.0.0/16 routes (here the propagated one first); the implementation takes the first listed (propagated → tgw-attach-shared) instead of the static one (tgw-attach-shared-dr).",
    estate: () => {
      const e = hub({ spokeRoutes: [['10.9.0.0/16', 'tgw-attach-shared-dr']] });
      network(e, {
        vpc: 'vpc-shared-dr',
        cidr: '10.9.0.0/16',
        subnets: { 'subnet-shared-dr': [`${EU}a`, '10.9.2.0/24'] },
        main: [['10.0.0.0/8', 'tgw-hub']],
      });
      host(e, 'eni-shared-dr', 'subnet-shared-dr', '10.9.2.10', { vpc: 'vpc-shared-dr' });
      return e.tgwAttachment('tgw-attach-shared-dr', {
        tgw: 'tgw-hub',
        tgwOwner: A,
        resourceOwner: A,
        resourceId: 'vpc-shared-dr',
        routeTable: 'tgw-rtb-shared',
      });
    },
    from: eni('eni-spoke-a'),
    to: ip('10.9.2.10'),
    expect: {
      disposition: 'delivered',
      hops: ['eni', 'transit-gateway', 'tgw-attachment', 'eni'],
      nodes: ['tgw-attach-shared-dr', 'eni-shared-dr'],
      crossings: [],
    },
  },
];

// ---------------------------------------------------------------- running the table

/** The zod schema of every file a path case writes, by file stem. */
const SCHEMAS: Record<string, z.ZodType> = {
  'ec2-describe-availability-zones': R.AvailabilityZones,
  'ec2-describe-vpcs': R.Vpcs,
  'ec2-describe-subnets': R.Subnets,
  'ec2-describe-route-tables': R.RouteTables,
  'ec2-describe-internet-gateways': R.InternetGateways,
  'ec2-describe-egress-only-internet-gateways': R.EgressOnlyInternetGateways,
  'ec2-describe-nat-gateways': R.NatGateways,
  'ec2-describe-vpc-endpoints': R.VpcEndpoints,
  'ec2-describe-vpc-peering-connections': R.VpcPeeringConnections,
  'ec2-describe-transit-gateways': R.TransitGateways,
  'ec2-describe-transit-gateway-attachments': R.TransitGatewayAttachments,
  'ec2-describe-transit-gateway-peering-attachments': R.TransitGatewayPeeringAttachments,
  'ec2-describe-transit-gateway-route-tables': R.TransitGatewayRouteTables,
  'ec2-search-transit-gateway-routes': R.TransitGatewayRoutes,
  'ec2-get-transit-gateway-route-table-associations': R.TransitGatewayRouteTableAssociations,
  'ec2-get-transit-gateway-route-table-propagations': R.TransitGatewayRouteTablePropagations,
  'ec2-describe-network-interfaces': R.NetworkInterfaces,
  'ec2-describe-instances': R.Instances,
  'ec2-describe-security-groups': R.SecurityGroups,
  'ec2-describe-network-acls': R.NetworkAcls,
  'ec2-describe-prefix-lists': R.PrefixLists,
  'ec2-describe-managed-prefix-lists': R.ManagedPrefixLists,
  'ec2-get-managed-prefix-list-entries': R.ManagedPrefixListEntries,
  'sts-get-caller-identity': R.CallerIdentity,
};

function trace(c: PathCase): PathResult {
  const inv = buildInventory(readSnapshot(c.estate().source(c.name)));
  return tracePacket(buildNetwork(inv, ownerOf), c.from, c.to, {
    protocol: 'tcp',
    port: 443,
    ...c.opts,
  });
}

/** What differs between a result and a case's expectation (empty = as expected). */
function mismatches(r: PathResult, x: PathExpect): string[] {
  const out: string[] = [];
  const dispositions = Array.isArray(x.disposition) ? x.disposition : [x.disposition];
  if (!dispositions.includes(r.disposition))
    out.push(`disposition ${r.disposition}, expected ${dispositions.join(' or ')}`);
  const kinds = r.hops.map((h) => h.kind);
  if (x.hops && kinds.join(' → ') !== x.hops.join(' → '))
    out.push(`hops ${kinds.join(' → ')}, expected ${x.hops.join(' → ')}`);
  if (x.nodes) {
    let at = 0;
    for (const id of x.nodes) {
      const i = r.hops.findIndex((h, j) => j >= at && h.node.includes(id));
      if (i === -1) {
        out.push(`no hop ${id} (in order) among ${r.hops.map((h) => h.node).join(', ')}`);
        break;
      }
      at = i;
    }
  }
  if (x.crossings) {
    const got = r.crossings.map((c) => c.kind).sort();
    const want = [...x.crossings].sort();
    if (got.join(',') !== want.join(','))
      out.push(`crossings [${got.join(', ')}], expected [${want.join(', ')}]`);
  }
  if (r.disposition === 'denied' && !r.blockedBy) out.push('denied without blockedBy');
  if (r.incomplete !== (x.incomplete ?? false))
    out.push(`incomplete ${r.incomplete}, expected ${x.incomplete ?? false}`);
  if (x.unchecked && !r.unchecked.some((u) => x.unchecked!.test(u)))
    out.push(`unchecked ${JSON.stringify(r.unchecked)} has nothing matching ${x.unchecked}`);
  if (x.blockedBy && !x.blockedBy.test(r.blockedBy?.rule ?? ''))
    out.push(`blockedBy "${r.blockedBy?.rule ?? ''}" does not match ${x.blockedBy}`);
  return out;
}

function summary(r: PathResult): string {
  return JSON.stringify(
    {
      disposition: r.disposition,
      hops: r.hops.map((h) => `${h.kind}:${h.node}${h.azId ? `@${h.azId}` : ''}`),
      crossings: r.crossings.map((c) => `${c.kind} (${c.detail})`),
      blockedBy: r.blockedBy?.rule,
      unchecked: r.unchecked,
    },
    null,
    2,
  );
}

describe('packet paths', () => {
  it('the table is large enough and its names are unique', () => {
    expect(PATH_CASES.length + PATH_PITFALLS.length).toBeGreaterThanOrEqual(45);
    const names = [...PATH_CASES, ...PATH_PITFALLS].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([...PATH_CASES, ...PATH_PITFALLS])(
    'estate in AWS shapes: $name',
    ({ name, estate: make }) => {
      const files = make().files();
      for (const [path, value] of Object.entries(files)) {
        if (path === 'manifest.json') continue;
        const stem = path.split('/')[2]!.replace(/\.json$/, '');
        const schema = SCHEMAS[stem];
        expect(schema, `${name}: no schema for ${stem}`).toBeDefined();
        const parsed = schema!.safeParse(value);
        expect(parsed.success, `${path}: ${parsed.error?.message}`).toBe(true);
      }
      const inv = buildInventory(readSnapshot(make().source(name)));
      expect(inv.diagnostics, name).toEqual([]);
      // AWS associates each subnet with exactly one network ACL and at most one route table.
      const acls = inv.networkAcls.flatMap((a) => a.raw.Associations.map((x) => x.SubnetId));
      expect(acls.sort(), `${name}: one ACL per subnet`).toEqual(
        inv.subnets.map((s) => s.id).sort(),
      );
      const tables = inv.routeTables.flatMap((t) =>
        t.raw.Associations.flatMap((x) => (x.SubnetId ? [x.SubnetId] : [])),
      );
      expect(new Set(tables).size, `${name}: one route table per subnet`).toBe(tables.length);
    },
  );

  it.each([...PATH_CASES, ...PATH_PITFALLS])('$name', (c) => {
    const r = trace(c);
    expect(mismatches(r, c.expect), summary(r)).toEqual([]);
  });
});
