#!/usr/bin/env node
/**
 * Deterministic generator of synthetic ownmap estates for the benchmark.
 *
 *   node bench/synth.mjs --resources 10000 --out /tmp/estate-10k [--seed 1]
 *   node bench/synth.mjs --resources 100000 --clusters 1000 --brokers 10000 --out /tmp/estate-rec
 *
 * Writes <out>/snapshot/ (raw AWS CLI JSON, the layout of src/snapshot/contract.ts),
 * <out>/boundary.yaml and <out>/synth.json (what was generated: exact resource count
 * by kind, files, bytes; written last, so its presence means the estate is complete).
 *
 * Same --resources and --seed give byte-identical output: randomness comes from a seeded
 * PRNG (mulberry32), one stream for the estate plan and one per account; dates are fixed.
 * "Resources" are the distinct AWS resources the snapshot describes (VPCs, subnets, route
 * tables, gateways, endpoints, peerings, transit gateways and their attachments and route
 * tables, ENIs, instances, security groups, network ACLs, buckets, KMS keys, trails, IAM
 * roles, MSK clusters and broker nodes). A resource two listings show (a peering in both
 * accounts, an organization trail in every member) counts once. The generator hits the
 * requested count exactly for any N ≥ ~500.
 *
 * With --clusters (and --brokers, default 10 per cluster) the Kafka part of the estate is
 * replaced by exactly that many declared clusters and brokers, for the record-path benchmark:
 * Apache Kafka placed by broker configs or by instance tags, AutoMQ with configs (S3 or
 * block-device WAL, zone routing), MSK with list-nodes; declared producers and consumers, a
 * few kafka.links, broker configs and topic lists under <out>/kafka/, and describe-volumes.
 * Without --clusters the output is byte-identical to what it was before the option existed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Bump when the output changes, so cached estates are regenerated. */
export const GENERATOR_VERSION = 1;
/** Bump when the output of --clusters changes (the default output does not depend on it). */
export const KAFKA_ESTATE_VERSION = 1;

const GLOBAL = 'us-east-1';
const CREATED_AT = '2026-11-20T09:00:00Z';
const APPROVED = ['eu-west-1', 'eu-central-1', 'eu-west-2'];
const REGIONS = {
  'eu-west-1': 'euw1',
  'eu-central-1': 'euc1',
  'eu-west-2': 'euw2',
  'eu-west-3': 'euw3',
  'eu-north-1': 'eun1',
  'eu-south-1': 'eus1',
  'us-east-1': 'use1',
  'us-east-2': 'use2',
  'us-west-2': 'usw2',
  'ca-central-1': 'cac1',
  'ap-southeast-1': 'apse1',
  'ap-northeast-1': 'apne1',
};
// Extra regions beyond eu-west-1; approved ones appear more often.
const REGION_POOL = [
  'eu-central-1',
  'eu-central-1',
  'eu-west-2',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'eu-south-1',
  'us-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'ap-southeast-1',
  'ap-northeast-1',
];
const PARTIES = [
  { name: 'AutoMQ', role: 'vendor', account: '558844771122', what: 'AutoMQ BYOC control plane' },
  { name: 'StreamOps', role: 'support', account: '771122334455', what: 'Kafka support vendor' },
  { name: 'DataPartner', role: 'partner', account: '846219370551', what: 'analytics partner' },
];
export const RESOURCE_KINDS = [
  'vpc',
  'subnet',
  'route-table',
  'internet-gateway',
  'nat-gateway',
  'vpc-endpoint',
  'vpc-peering',
  'transit-gateway',
  'tgw-attachment',
  'tgw-peering-attachment',
  'tgw-route-table',
  'network-interface',
  'instance',
  'security-group',
  'network-acl',
  'bucket',
  'kms-key',
  'trail',
  'iam-role',
  'msk-cluster',
  'msk-broker-node',
];

// ------------------------------------------------------------------ PRNG and helpers

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts: stable seeds and stable AWS-wide ids (prefix lists). */
function hash32(...parts) {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  float() {
    return this.next();
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  hex(n) {
    let s = '';
    while (s.length < n)
      s += Math.floor(this.next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return s.slice(0, n);
  }
  alnum(n) {
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let s = '';
    for (let i = 0; i < n; i++) s += abc[Math.floor(this.next() * abc.length)];
    return s;
  }
  uuid() {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[this.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
  shuffle(list) {
    const a = [...list];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  /** An ISO time between 2024-01-01 and the snapshot, as the CLI prints it. */
  date(ms = false) {
    const t = Date.UTC(2024, 0, 1) + this.int(0, 1000) * 86_400_000 + this.int(0, 86_399) * 1000;
    const iso = new Date(t).toISOString().slice(0, 19);
    return ms ? `${iso}.${this.int(100_000, 999_999)}+00:00` : `${iso}+00:00`;
  }
}

/** As src/snapshot/contract.ts encodeParam: one safe file name per parameter. */
export function encodeParam(param) {
  return encodeURIComponent(param).replace(/\*/g, '%2A');
}

const tags = (obj) => Object.entries(obj).map(([Key, Value]) => ({ Key, Value }));
const policyText = (statements, pretty) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, pretty ? 4 : undefined);

class Writer {
  constructor(root) {
    this.root = root;
    this.files = 0;
    this.bytes = 0;
    this.dirs = new Set();
  }
  put(rel, data) {
    const path = join(this.root, rel);
    const dir = dirname(path);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    const text = `${JSON.stringify(data, null, 4)}\n`;
    writeFileSync(path, text);
    this.files++;
    this.bytes += Buffer.byteLength(text);
  }
  call(account, region, service, operation, data, param) {
    const stem = `${service}-${operation}`;
    this.put(
      param === undefined
        ? `${account}/${region}/${stem}.json`
        : `${account}/${region}/${stem}/${encodeParam(param)}.json`,
      data,
    );
  }
}

// ------------------------------------------------------------------ the estate

/**
 * Generate an estate of `resources` resources into `out`. Returns the summary that is
 * also written to <out>/synth.json.
 */
export function synthesize({ resources, out, seed = 1, clusters = 0, brokers }) {
  const N = Math.floor(resources);
  if (!(N > 0)) throw new Error('--resources must be a positive integer');
  const C = Math.floor(clusters);
  const BR = brokers === undefined ? 10 * C : Math.floor(brokers);
  if (!(C >= 0)) throw new Error('--clusters must be a non-negative integer');
  if (C > 0 && !(BR >= 3 * C)) throw new Error('--brokers must be at least 3 per cluster');
  const root = resolve(out);
  rmSync(root, { recursive: true, force: true });
  const snapDir = join(root, 'snapshot');
  mkdirSync(snapDir, { recursive: true });
  const w = new Writer(snapDir);
  const started = performance.now();

  const counts = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, 0]));
  const count = (kind, n = 1) => {
    counts[kind] += n;
  };
  const total = () => Object.values(counts).reduce((a, b) => a + b, 0);

  // ---- the plan: accounts, their kinds, regions and budgets
  const plan = new Rng(hash32('ownmap-bench', GENERATOR_VERSION, seed, N, 'plan'));
  const A = Math.max(2, Math.round(N / 500));
  const orgId = `o-${plan.hex(10)}`;
  const accounts = [];
  for (let i = 0; i < A; i++) {
    const id = String(100_000_000_000 + (i + 1) * 76_543_211 + plan.int(0, 9_999));
    const role =
      i === 0 ? 'management' : i === 1 ? 'log-archive' : i === 2 ? 'network' : 'workload';
    let kind = 'member';
    if (role === 'workload') {
      const r = plan.float();
      kind = r < 0.05 ? 'standalone' : r < 0.08 ? 'acquired' : 'member';
    }
    const name =
      role === 'workload'
        ? `${plan.pick(['streaming', 'payments', 'analytics', 'platform', 'orders', 'search', 'ml', 'iot'])}-${plan.pick(['prod', 'prod', 'staging', 'dev', 'dr'])}-${String(i).padStart(3, '0')}`
        : role;
    const extra = plan.int(2, 5);
    const regions = ['eu-west-1'];
    for (const r of plan.shuffle(REGION_POOL)) {
      if (regions.length > extra) break;
      if (!regions.includes(r)) regions.push(r);
    }
    accounts.push({ i, id, role, kind, name, regions, weight: 0.5 + 1.5 * plan.float() ** 2 });
  }
  if (A >= 6) {
    if (!accounts.some((a) => a.kind === 'acquired')) accounts[A - 1].kind = 'acquired';
    if (!accounts.some((a) => a.kind === 'standalone')) accounts[A - 2].kind = 'standalone';
  }
  const W = accounts.reduce((s, a) => s + a.weight, 0);
  let given = 0;
  for (const a of accounts) {
    a.budget = Math.floor((N * a.weight) / W);
    given += a.budget;
  }
  for (let i = 0; given < N; i = (i + 1) % A, given++) accounts[i].budget++;

  const mgmt = accounts[0];
  const logArchive = accounts[1];
  const hub = accounts[Math.min(2, A - 1)];
  const orgTrailBucket = `acme-org-cloudtrail-${logArchive.id}`;
  const orgTrailKey = `arn:aws:kms:eu-west-1:${logArchive.id}:key/${plan.uuid()}`;
  const orgTrailArn = `arn:aws:cloudtrail:eu-west-1:${mgmt.id}:trail/acme-org-trail`;
  const undeclared = [];
  for (let i = 0; i < Math.max(3, Math.ceil(A / 25)); i++)
    undeclared.push(String(900_000_000_000 + plan.int(0, 99_999_999_999)));
  const acquired = accounts.filter((a) => a.kind === 'acquired');
  for (const a of acquired) a.logBucket = `acquired-cloudtrail-logs-${a.id}`;
  const inOrg = (a) => a.kind === 'member' || a.role !== 'workload';
  // --clusters: the planned Kafka estate (its own PRNG stream; none of this runs without it).
  const kplan = C > 0 ? planKafka(seed, N, C, BR, accounts) : undefined;
  const kafkaOut = kplan ? { clusters: [], clients: [], links: [], files: 0, bytes: 0 } : undefined;

  // Transit gateways of the network hub, one per hub region, shared with the organization.
  const tgws = new Map();
  for (const region of hub.regions) {
    tgws.set(region, {
      region,
      id: `tgw-${plan.hex(17)}`,
      rtb: `tgw-rtb-${plan.hex(17)}`,
      owner: hub.id,
      asn: 64512 + tgws.size,
      attachments: [],
    });
    count('transit-gateway');
    count('tgw-route-table');
    hub.budget -= 2;
  }
  if (hub.regions.length > 1) hub.budget -= 1; // the hub's inter-region TGW peering

  // Things written once every account is generated (they list other accounts' resources).
  const peeringsByScope = new Map(); // `${account}|${region}` → peering entries
  const vpcRegistry = []; // earlier accounts' VPCs, peering candidates
  const gaps = [];
  const seq = { dataBucket: 0, bucket: 0, customerKey: 0, ownTrail: 0, msk: 0 };
  const automqClusters = []; // for the boundary's kafka section
  const mskClusters = [];

  // ---- one account
  for (const acct of accounts) {
    const r = new Rng(hash32('ownmap-bench', GENERATOR_VERSION, seed, N, 'account', acct.i));
    const A_ID = acct.id;
    const start = total();
    const used = () => total() - start;
    const B = acct.budget;
    const regions = acct.regions.map((name, ri) => {
      const ids = r.shuffle([1, 2, 3]);
      return {
        name,
        count,
        // One region's describe-instances call fails (a gap): it holds no instances.
        instancesGap: acct.i === 1 && ri === 1,
        primary: ri === 0,
        short: REGIONS[name],
        azs: ['a', 'b', 'c'].map((s, k) => ({
          name: `${name}${s}`,
          id: `${REGIONS[name]}-az${ids[k]}`,
        })),
        vpcs: [],
        subnets: [],
        routeTables: [],
        igws: [],
        nats: [],
        vpces: [],
        sgs: [],
        nacls: [],
        enis: [],
        reservations: [],
        tgwAttachments: [],
        keys: [],
        aliases: [],
        msk: [],
        trails: [],
        // describe-volumes, written only for --clusters (broker disk encryption).
        volumes: kplan ? [] : undefined,
      };
    });
    let cidrB = r.int(0, 40);

    // -- networks
    const addVpc = (R, { isDefault = false, name }) => {
      const vpcId = `vpc-${r.hex(17)}`;
      const b = isDefault ? null : cidrB++ % 256;
      const cidr = isDefault ? '172.31.0.0/16' : `10.${b}.0.0/16`;
      const V = { id: vpcId, cidr, isDefault, private: [], public: [], sgs: [], R, name };
      R.vpcs.push({
        OwnerId: A_ID,
        InstanceTenancy: 'default',
        CidrBlockAssociationSet: [
          {
            AssociationId: `vpc-cidr-assoc-${r.hex(17)}`,
            CidrBlock: cidr,
            CidrBlockState: { State: 'associated' },
          },
        ],
        IsDefault: isDefault,
        BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
        VpcId: vpcId,
        State: 'available',
        CidrBlock: cidr,
        DhcpOptionsId: `dopt-${r.hex(17)}`,
        ...(isDefault
          ? {}
          : { Tags: tags({ Name: name, 'acme:environment': acct.name.split('-')[1] ?? 'prod' }) }),
      });
      count('vpc');
      const subnet = (tier, k, third) => {
        const az = R.azs[k];
        const id = `subnet-${r.hex(17)}`;
        const base = isDefault ? 16 * k : 16 * (k + 3 * third);
        const sCidr = isDefault ? `172.31.${base}.0/20` : `10.${b}.${base}.0/20`;
        const S = { id, az, base, prefix: isDefault ? '172.31' : `10.${b}`, next: 4 };
        // --clusters: addresses are kept unique per subnet (brokers are placed by address).
        if (kplan) S.taken = new Set();
        R.subnets.push({
          AvailabilityZoneId: az.id,
          MapCustomerOwnedIpOnLaunch: false,
          OwnerId: A_ID,
          AssignIpv6AddressOnCreation: false,
          Ipv6CidrBlockAssociationSet: [],
          ...(isDefault
            ? {}
            : { Tags: tags({ Name: `${name}-${tier}-${az.name}`, 'acme:tier': tier }) }),
          SubnetArn: `arn:aws:ec2:${R.name}:${A_ID}:subnet/${id}`,
          EnableDns64: false,
          Ipv6Native: false,
          PrivateDnsNameOptionsOnLaunch: {
            HostnameType: 'ip-name',
            EnableResourceNameDnsARecord: false,
            EnableResourceNameDnsAAAARecord: false,
          },
          BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
          SubnetId: id,
          State: 'available',
          VpcId: vpcId,
          CidrBlock: sCidr,
          AvailableIpAddressCount: 4000 + r.int(0, 90),
          AvailabilityZone: az.name,
          DefaultForAz: isDefault,
          MapPublicIpOnLaunch: isDefault || tier === 'public',
        });
        count('subnet');
        return S;
      };
      const rtb = (label, routes, assoc, main = false) => {
        const id = `rtb-${r.hex(17)}`;
        R.routeTables.push({
          Associations: [
            ...(main
              ? [
                  {
                    Main: true,
                    RouteTableAssociationId: `rtbassoc-${r.hex(17)}`,
                    RouteTableId: id,
                    AssociationState: { State: 'associated' },
                  },
                ]
              : []),
            ...assoc.map((s) => ({
              Main: false,
              RouteTableAssociationId: `rtbassoc-${r.hex(17)}`,
              RouteTableId: id,
              SubnetId: s.id,
              AssociationState: { State: 'associated' },
            })),
          ],
          PropagatingVgws: [],
          RouteTableId: id,
          Routes: [
            {
              DestinationCidrBlock: cidr,
              GatewayId: 'local',
              Origin: 'CreateRouteTable',
              State: 'active',
            },
            ...routes,
          ],
          ...(label ? { Tags: tags({ Name: label }) } : {}),
          VpcId: vpcId,
          OwnerId: A_ID,
        });
        count('route-table');
        return { id, routes: R.routeTables.at(-1).Routes };
      };
      const igwId = `igw-${r.hex(17)}`;
      R.igws.push({
        Attachments: [{ State: 'available', VpcId: vpcId }],
        InternetGatewayId: igwId,
        OwnerId: A_ID,
        ...(isDefault ? {} : { Tags: tags({ Name: `${name}-igw` }) }),
      });
      count('internet-gateway');
      V.nacl = `acl-${r.hex(17)}`;
      const sg = (gname, desc, ingress) => {
        const id = `sg-${r.hex(17)}`;
        R.sgs.push({
          GroupId: id,
          IpPermissionsEgress: [
            {
              IpProtocol: '-1',
              UserIdGroupPairs: [],
              IpRanges: [{ CidrIp: '0.0.0.0/0' }],
              Ipv6Ranges: [],
              PrefixListIds: [],
            },
          ],
          VpcId: vpcId,
          SecurityGroupArn: `arn:aws:ec2:${R.name}:${A_ID}:security-group/${id}`,
          OwnerId: A_ID,
          GroupName: gname,
          Description: desc,
          ...(gname === 'default' ? {} : { Tags: tags({ Name: gname }) }),
          IpPermissions: ingress(id),
        });
        count('security-group');
        V.sgs.push({ id, name: gname });
        return id;
      };
      V.sg = sg;
      sg('default', 'default VPC security group', (id) => [
        {
          IpProtocol: '-1',
          UserIdGroupPairs: [{ UserId: A_ID, GroupId: id }],
          IpRanges: [],
          Ipv6Ranges: [],
          PrefixListIds: [],
        },
      ]);

      if (isDefault) {
        for (let k = 0; k < 3; k++) V.public.push(subnet('default', k, 0));
        rtb(
          null,
          [
            {
              DestinationCidrBlock: '0.0.0.0/0',
              GatewayId: igwId,
              Origin: 'CreateRoute',
              State: 'active',
            },
          ],
          [],
          true,
        );
      } else {
        for (let k = 0; k < 3; k++) V.private.push(subnet('private', k, 0));
        for (let k = 0; k < 3; k++) V.public.push(subnet('public', k, 1));
        rtb(`${name}-main`, [], [], true);
        rtb(
          `${name}-public`,
          [
            {
              DestinationCidrBlock: '0.0.0.0/0',
              GatewayId: igwId,
              Origin: 'CreateRoute',
              State: 'active',
            },
          ],
          V.public,
        );
        // NAT: one per AZ in well-funded VPCs, else one shared.
        const natsPerAz = r.chance(0.35);
        const natIds = [];
        for (let k = 0; k < (natsPerAz ? 3 : 1); k++) {
          const natId = `nat-${r.hex(17)}`;
          const eniId = `eni-${r.hex(17)}`;
          const pub = V.public[k];
          const ip = `${pub.prefix}.${pub.base + r.int(0, 15)}.${r.int(4, 250)}`;
          const publicIp = `${r.pick([3, 18, 34, 52, 54])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
          R.nats.push({
            CreateTime: r.date(),
            NatGatewayAddresses: [
              {
                AllocationId: `eipalloc-${r.hex(17)}`,
                NetworkInterfaceId: eniId,
                PrivateIp: ip,
                PublicIp: publicIp,
                AssociationId: `eipassoc-${r.hex(17)}`,
                IsPrimary: true,
                Status: 'succeeded',
              },
            ],
            NatGatewayId: natId,
            State: 'available',
            SubnetId: pub.id,
            VpcId: vpcId,
            Tags: tags({ Name: `${name}-nat-${pub.az.name.slice(-1)}` }),
            ConnectivityType: 'public',
          });
          count('nat-gateway');
          R.enis.push(
            eni(r, A_ID, R, {
              id: eniId,
              subnet: pub,
              vpcId,
              ip,
              description: `Interface for NAT Gateway ${natId}`,
              type: 'nat_gateway',
              requesterManaged: true,
              publicIp,
            }),
          );
          natIds.push(natId);
        }
        // S3 gateway endpoint on the private route tables.
        const s3e = `vpce-${r.hex(17)}`;
        const privRtbs = [];
        const singlePrivate = r.chance(0.3);
        for (let k = 0; k < (singlePrivate ? 1 : 3); k++) {
          const nat = natIds[natsPerAz ? k : 0];
          const routes = [];
          const broken = r.chance(0.02);
          routes.push(
            r.chance(0.03)
              ? {
                  DestinationCidrBlock: '0.0.0.0/0',
                  GatewayId: igwId,
                  Origin: 'CreateRoute',
                  State: 'active',
                }
              : {
                  DestinationCidrBlock: '0.0.0.0/0',
                  NatGatewayId: broken ? `nat-${r.hex(17)}` : nat,
                  Origin: 'CreateRoute',
                  State: broken ? 'blackhole' : 'active',
                },
          );
          routes.push({
            DestinationPrefixListId: prefixListId('s3', R.name),
            GatewayId: s3e,
            Origin: 'CreateRoute',
            State: 'active',
          });
          privRtbs.push(
            rtb(
              `${name}-private${singlePrivate ? '' : `-${R.azs[k].name}`}`,
              routes,
              singlePrivate ? V.private : [V.private[k]],
            ),
          );
        }
        V.privateRtbs = privRtbs;
        R.vpces.push({
          VpcEndpointId: s3e,
          VpcEndpointType: 'Gateway',
          VpcId: vpcId,
          ServiceName: `com.amazonaws.${R.name}.s3`,
          State: 'available',
          PolicyDocument: policyText(
            r.chance(0.5)
              ? [
                  {
                    Sid: 'AllowBucketsInOwnOrganization',
                    Effect: 'Allow',
                    Principal: '*',
                    Action: 's3:*',
                    Resource: '*',
                    Condition: { StringEquals: { 'aws:ResourceOrgID': orgId } },
                  },
                  {
                    Sid: 'AllowAmazonLinuxRepositories',
                    Effect: 'Allow',
                    Principal: '*',
                    Action: 's3:GetObject',
                    Resource: `arn:aws:s3:::al2023-repos-${R.name}-de612dc2/*`,
                  },
                ]
              : [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
          ),
          RouteTableIds: privRtbs.map((t) => t.id),
          SubnetIds: [],
          Groups: [],
          IpAddressType: 'ipv4',
          PrivateDnsEnabled: false,
          RequesterManaged: false,
          NetworkInterfaceIds: [],
          DnsEntries: [],
          CreationTimestamp: r.date(true),
          Tags: tags({ Name: `${name}-s3-gateway` }),
          OwnerId: A_ID,
        });
        count('vpc-endpoint');
        V.s3Endpoint = s3e;
        const appSg = sg(`${name}-app`, 'Application instances', () => [
          {
            IpProtocol: 'tcp',
            FromPort: 443,
            ToPort: 443,
            UserIdGroupPairs: [],
            IpRanges: [{ CidrIp: cidr, Description: 'VPC' }],
            Ipv6Ranges: [],
            PrefixListIds: [],
          },
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            UserIdGroupPairs: [],
            IpRanges: [{ CidrIp: '10.0.0.0/8', Description: 'bastions' }],
            Ipv6Ranges: [],
            PrefixListIds: [],
          },
        ]);
        V.appSg = appSg;
        // Interface endpoints (kms, sts, ecr.api, ...), one ENI per AZ, in richer VPCs.
        if (used() < 0.35 * B) {
          const endpointSg = sg(`${name}-endpoints`, 'Interface endpoints', () => [
            {
              IpProtocol: 'tcp',
              FromPort: 443,
              ToPort: 443,
              UserIdGroupPairs: [],
              IpRanges: [{ CidrIp: cidr }],
              Ipv6Ranges: [],
              PrefixListIds: [],
            },
          ]);
          for (const svc of r
            .shuffle(['kms', 'sts', 'ecr.api', 'logs', 'secretsmanager'])
            .slice(0, r.int(1, 3))) {
            const id = `vpce-${r.hex(17)}`;
            const enis = V.private.map((s) => {
              const e = eni(r, A_ID, R, {
                subnet: s,
                vpcId,
                description: `VPC Endpoint Interface ${id}`,
                type: 'vpc_endpoint',
                requesterManaged: true,
                groups: [{ GroupId: endpointSg, GroupName: `${name}-endpoints` }],
              });
              R.enis.push(e);
              return e.NetworkInterfaceId;
            });
            R.vpces.push({
              VpcEndpointId: id,
              VpcEndpointType: 'Interface',
              VpcId: vpcId,
              ServiceName: `com.amazonaws.${R.name}.${svc}`,
              State: 'available',
              PolicyDocument: policyText(
                [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
                true,
              ),
              RouteTableIds: [],
              SubnetIds: V.private.map((s) => s.id),
              Groups: [{ GroupId: endpointSg, GroupName: `${name}-endpoints` }],
              IpAddressType: 'ipv4',
              DnsOptions: { DnsRecordIpType: 'ipv4' },
              PrivateDnsEnabled: true,
              RequesterManaged: false,
              NetworkInterfaceIds: enis,
              DnsEntries: [
                {
                  DnsName: `${id}-${r.hex(8)}.${svc}.${R.name}.vpce.amazonaws.com`,
                  HostedZoneId: `Z${r.alnum(12)}`,
                },
              ],
              CreationTimestamp: r.date(true),
              Tags: tags({ Name: `${name}-${svc}` }),
              OwnerId: A_ID,
            });
            count('vpc-endpoint');
          }
        }
        // Transit gateway attachment to the hub's gateway in this region.
        const tgw = tgws.get(R.name);
        if (tgw && (acct === hub || r.chance(0.6))) {
          const att = {
            TransitGatewayAttachmentId: `tgw-attach-${r.hex(17)}`,
            TransitGatewayId: tgw.id,
            TransitGatewayOwnerId: tgw.owner,
            ResourceOwnerId: A_ID,
            ResourceType: 'vpc',
            ResourceId: vpcId,
            State: 'available',
            Association: { TransitGatewayRouteTableId: tgw.rtb, State: 'associated' },
            CreationTime: r.date(),
            Tags: tags({ Name: name }),
          };
          count('tgw-attachment');
          R.tgwAttachments.push(att);
          R.sharedTgw = tgw;
          tgw.attachments.push({ att, cidr });
          for (const t of privRtbs)
            t.routes.push({
              DestinationCidrBlock: '10.0.0.0/8',
              TransitGatewayId: tgw.id,
              Origin: 'CreateRoute',
              State: 'active',
            });
        }
        // Peering: with an earlier VPC (same or another account), or outside the estate.
        if (r.chance(0.1)) {
          let peer;
          const outside = r.float();
          if (outside < 0.1) {
            const p = r.pick(PARTIES);
            peer = {
              account: p.account,
              region: R.name,
              vpcId: `vpc-${r.hex(17)}`,
              cidr: `172.${r.int(16, 31)}.0.0/16`,
              scanned: false,
            };
          } else if (outside < 0.15) {
            peer = {
              account: r.pick(undeclared),
              region: R.name,
              vpcId: `vpc-${r.hex(17)}`,
              cidr: `192.168.${r.int(0, 255)}.0/24`,
              scanned: false,
            };
          } else if (vpcRegistry.length > 0) {
            peer = { ...r.pick(vpcRegistry), scanned: true };
          }
          if (peer) {
            const pcx = `pcx-${r.hex(17)}`;
            const info = (account, region, v, c) => ({
              CidrBlock: c,
              CidrBlockSet: [{ CidrBlock: c }],
              OwnerId: account,
              PeeringOptions: { AllowDnsResolutionFromRemoteVpc: false },
              VpcId: v,
              Region: region,
            });
            const entry = {
              AccepterVpcInfo: info(peer.account, peer.region, peer.vpcId, peer.cidr),
              RequesterVpcInfo: info(A_ID, R.name, vpcId, cidr),
              Status: { Code: 'active', Message: 'Active' },
              Tags: tags({ Name: `${name}-to-${peer.vpcId}` }),
              VpcPeeringConnectionId: pcx,
            };
            count('vpc-peering');
            const scopes = [`${A_ID}|${R.name}`];
            if (peer.scanned && `${peer.account}|${peer.region}` !== scopes[0])
              scopes.push(`${peer.account}|${peer.region}`);
            for (const s of scopes) {
              if (!peeringsByScope.has(s)) peeringsByScope.set(s, []);
              peeringsByScope.get(s).push(entry);
            }
            for (const t of privRtbs)
              t.routes.push({
                DestinationCidrBlock: peer.cidr,
                VpcPeeringConnectionId: pcx,
                Origin: 'CreateRoute',
                State: 'active',
              });
          }
        }
        vpcRegistry.push({ account: A_ID, region: R.name, vpcId, cidr });
      }
      R.nacls.push({
        Associations: [...V.private, ...V.public].map((s) => ({
          NetworkAclAssociationId: `aclassoc-${r.hex(17)}`,
          NetworkAclId: V.nacl,
          SubnetId: s.id,
        })),
        Entries: [
          {
            CidrBlock: '0.0.0.0/0',
            Egress: true,
            Protocol: '-1',
            RuleAction: 'allow',
            RuleNumber: 100,
          },
          {
            CidrBlock: '0.0.0.0/0',
            Egress: true,
            Protocol: '-1',
            RuleAction: 'deny',
            RuleNumber: 32767,
          },
          {
            CidrBlock: '0.0.0.0/0',
            Egress: false,
            Protocol: '-1',
            RuleAction: 'allow',
            RuleNumber: 100,
          },
          {
            CidrBlock: '0.0.0.0/0',
            Egress: false,
            Protocol: '-1',
            RuleAction: 'deny',
            RuleNumber: 32767,
          },
        ],
        IsDefault: true,
        NetworkAclId: V.nacl,
        Tags: [],
        VpcId: vpcId,
        OwnerId: A_ID,
      });
      count('network-acl');
      return V;
    };

    for (const R of regions) {
      R.main = addVpc(R, { name: `${acct.name}-${R.short}` });
      if (used() < 0.3 * B && r.chance(R.primary ? 0.5 : 0.2))
        R.vpcs2 = addVpc(R, { name: `${acct.name}-${R.short}-b` });
      if (used() < 0.4 * B && r.chance(0.3)) addVpc(R, { isDefault: true, name: 'default' });
    }

    // -- KMS: AWS managed keys per region, data keys per cluster, application keys.
    const addKey = (R, { alias, manager = 'CUSTOMER', description, external, id = r.uuid() }) => {
      const arn = `arn:aws:kms:${R.name}:${A_ID}:key/${id}`;
      const key = { id, arn, alias, manager, description, external, R, gap: false };
      if (manager === 'CUSTOMER') {
        seq.customerKey++;
        if (seq.customerKey === 7) key.gap = true;
      }
      R.keys.push(key);
      if (alias)
        R.aliases.push({
          AliasName: alias,
          AliasArn: `arn:aws:kms:${R.name}:${A_ID}:${alias}`,
          TargetKeyId: id,
          CreationDate: r.date(true),
          LastUpdatedDate: r.date(true),
        });
      count('kms-key');
      return key;
    };
    for (const R of regions) {
      R.awsS3 = addKey(R, {
        alias: 'alias/aws/s3',
        manager: 'AWS',
        description: 'Default key that protects my S3 objects when no other key is defined',
      });
      R.awsEbs = addKey(R, {
        alias: 'alias/aws/ebs',
        manager: 'AWS',
        description: 'Default key that protects my EBS volumes when no other key is defined',
      });
    }
    if (acct === logArchive)
      addKey(regions[0], {
        alias: 'alias/org-cloudtrail',
        id: orgTrailKey.split('/')[1],
        description: 'Organization CloudTrail logs',
      });

    // -- IAM roles (global)
    const roles = [];
    const addRole = (name, trust, { path = '/', description, encoded = false } = {}) => {
      const doc = { Version: '2012-10-17', Statement: trust };
      roles.push({
        Path: path,
        RoleName: name,
        RoleId: `AROA${r.alnum(17)}`,
        Arn: `arn:aws:iam::${A_ID}:role${path}${name}`,
        CreateDate: r.date(),
        AssumeRolePolicyDocument: encoded ? encodeURIComponent(JSON.stringify(doc)) : doc,
        ...(description ? { Description: description } : {}),
        MaxSessionDuration: 3600,
      });
      count('iam-role');
      return `arn:aws:iam::${A_ID}:role${path}${name}`;
    };
    const service = (svc) => [
      { Effect: 'Allow', Principal: { Service: svc }, Action: 'sts:AssumeRole' },
    ];
    const adminRole = addRole(
      `AWSReservedSSO_AdministratorAccess_${r.hex(16)}`,
      [
        {
          Effect: 'Allow',
          Principal: {
            Federated: `arn:aws:iam::${A_ID}:saml-provider/AWSSSO_${r.hex(16)}_DO_NOT_DELETE`,
          },
          Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ],
      { path: '/aws-reserved/sso.amazonaws.com/eu-west-1/' },
    );
    if (inOrg(acct) && acct !== mgmt)
      addRole('OrganizationAccountAccessRole', [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${mgmt.id}:root` },
          Action: 'sts:AssumeRole',
        },
      ]);
    addRole(
      'ownmap-readonly',
      [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${mgmt.id}:root` },
          Action: 'sts:AssumeRole',
          Condition: {
            ArnLike: {
              'aws:PrincipalArn': `arn:aws:iam::${mgmt.id}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_SecurityAudit_*`,
            },
          },
        },
      ],
      { description: 'Read-only role assumed by the security team to run ownmap scan' },
    );
    addRole('AWSServiceRoleForTrustedAdvisor', service('trustedadvisor.amazonaws.com'), {
      path: '/aws-service-role/trustedadvisor.amazonaws.com/',
    });

    // -- Kafka: AutoMQ BYOC clusters (brokers on EC2, records in S3) and MSK clusters.
    const buckets = [];
    const addBucket = (b) => {
      seq.bucket++;
      buckets.push(b);
      count('bucket');
      return b;
    };
    const dataBucketExtras = (b) => {
      seq.dataBucket++;
      if (seq.dataBucket === 5 || seq.dataBucket === 41) b.encryptionGap = true;
      return b;
    };
    // One AutoMQ BYOC cluster (brokers on EC2, records in S3), one MSK cluster. `plan` is a
    // cluster of --clusters; without it they draw exactly what they always drew.
    const addAutomq = (R, plan) => {
      const name =
        plan?.name ??
        `${r.pick(['orders', 'clicks', 'payments', 'events', 'telemetry', 'audit', 'ledger'])}-${r.hex(3)}`;
      const region = R;
      const key = addKey(region, {
        alias: `alias/automq-${name}-data`,
        description: `AutoMQ ${name} cluster: SSE-KMS for the WAL and data buckets`,
      });
      const brokerRole = addRole(`automq-broker-${name}`, service('ec2.amazonaws.com'), {
        description: `Instance role of the AutoMQ ${name} brokers (S3 WAL, data and ops buckets)`,
      });
      addRole(
        `automq-byoc-control-plane-${name}`,
        [
          {
            Effect: 'Allow',
            Principal: {
              AWS: `arn:aws:iam::${PARTIES[0].account}:role/automq-byoc-orchestrator`,
            },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': `automq-byoc-${r.hex(16)}` } },
          },
        ],
        {
          description: `AutoMQ BYOC control plane: provisions, upgrades and rolls back the ${name} cluster`,
        },
      );
      const V = plan?.V ?? region.main;
      const brokerSg = V.sg(
        `automq-${name}-broker`,
        `AutoMQ ${name} brokers and KRaft controllers`,
        (id) => [
          {
            IpProtocol: 'tcp',
            FromPort: 9092,
            ToPort: 9092,
            UserIdGroupPairs: [],
            IpRanges: [{ CidrIp: V.cidr, Description: 'Kafka clients' }],
            Ipv6Ranges: [],
            PrefixListIds: [],
          },
          {
            IpProtocol: 'tcp',
            FromPort: 9093,
            ToPort: 9093,
            UserIdGroupPairs: [
              { Description: 'KRaft controller quorum', UserId: A_ID, GroupId: id },
            ],
            IpRanges: [],
            Ipv6Ranges: [],
            PrefixListIds: [],
          },
        ],
      );
      const nodes = [];
      for (let n = 0; n < (plan?.brokers ?? 3); n++) {
        const subnet = V.private[(n + (plan?.offset ?? 0)) % 3];
        const instance = addInstance(r, A_ID, region, V, subnet, {
          name: `automq-${name}-broker-${n}`,
          type: 'm7g.xlarge',
          sg: { GroupId: brokerSg, GroupName: `automq-${name}-broker` },
          profile: `arn:aws:iam::${A_ID}:instance-profile/automq-broker-${name}`,
          extraTags: {
            'automq:cluster': name,
            'automq:node-id': String(n),
            'automq:process-roles': n < 3 ? 'broker,controller' : 'broker',
            'automq:deployment': 'byoc',
          },
          // A block-device WAL is an EBS volume under the cluster's key.
          ...(plan?.wal === 'block' ? { dataVolume: { size: 20, key: key.arn } } : {}),
        });
        nodes.push({ n, subnet, instance });
      }
      // Records live in the cluster's region; a fraction of clusters run outside the approved ones.
      const bucketRegion = r.chance(0.05) ? r.pick(['us-east-1', 'ap-southeast-1']) : region.name;
      const names = ['wal', 'data', 'ops'].map(
        (p) => `acme-automq-${name}-${p}-${A_ID}-${REGIONS[bucketRegion]}`,
      );
      automqClusters.push({
        name,
        account: A_ID,
        region: region.name,
        buckets: names,
        key: `alias/automq-${name}-data`,
      });
      for (const [p, bname] of ['wal', 'data', 'ops'].map((p, k) => [p, names[k]])) {
        const enc = r.float();
        addBucket(
          dataBucketExtras({
            name: bname,
            region: bucketRegion,
            data: true,
            encryption:
              p === 'ops' && enc < 0.3
                ? { SSEAlgorithm: 'AES256' }
                : enc < 0.06
                  ? { SSEAlgorithm: 'aws:kms' }
                  : enc < 0.08
                    ? {
                        SSEAlgorithm: 'aws:kms',
                        KMSMasterKeyID: `arn:aws:kms:${bucketRegion}:${r.pick(undeclared)}:key/${r.uuid()}`,
                      }
                    : enc < 0.12
                      ? {
                          SSEAlgorithm: 'aws:kms',
                          KMSMasterKeyID: `arn:aws:kms:${key.R.name}:${A_ID}:alias/automq-${name}-data`,
                        }
                      : { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key.arn },
            policy: automqBucketPolicy(r, bname, brokerRole, V.s3Endpoint),
            replication:
              p === 'data' && r.chance(0.15)
                ? replicationTo(r, A_ID, bname, undeclared)
                : undefined,
          }),
        );
      }
      return { name, names, key, bucketRegion, nodes, V };
    };
    const addMsk = (R, plan) => {
      seq.msk++;
      const name =
        plan?.name ?? `${r.pick(['payments', 'ingest', 'cdc', 'metrics', 'search'])}-${r.hex(3)}`;
      const arn = `arn:aws:kafka:${R.name}:${A_ID}:cluster/${name}/${r.uuid()}-${r.int(1, 9)}`;
      const choice = r.float();
      let kmsArn;
      if (choice < 0.7)
        kmsArn = addKey(R, {
          alias: `alias/kafka-${name}-data`,
          description: `MSK ${name} data volumes`,
        }).arn;
      else {
        if (!R.awsKafka)
          R.awsKafka = addKey(R, {
            alias: 'alias/aws/kafka',
            manager: 'AWS',
            description: 'Default key that protects my MSK data when no other key is defined',
          });
        kmsArn = R.awsKafka.arn;
      }
      const V = plan?.V ?? R.main;
      const sgId = V.sg(`msk-${name}`, `MSK ${name} brokers`, () => [
        {
          IpProtocol: 'tcp',
          FromPort: 9098,
          ToPort: 9098,
          UserIdGroupPairs: [],
          IpRanges: [{ CidrIp: '10.0.0.0/8' }],
          Ipv6Ranges: [],
          PrefixListIds: [],
        },
      ]);
      const brokers = plan?.brokers ?? (r.chance(0.3) ? 6 : 3);
      const dns = r.alnum(6).toLowerCase();
      const nodes = [];
      for (let n = 0; n < brokers; n++) {
        const s = V.private[(n + (plan?.offset ?? 0)) % 3];
        const e = eni(r, A_ID, R, {
          subnet: s,
          vpcId: V.id,
          description: `Amazon MSK network interface for cluster ${arn}`,
          type: 'interface',
          requesterManaged: true,
          groups: [{ GroupId: sgId, GroupName: `msk-${name}` }],
        });
        R.enis.push(e);
        nodes.push({
          AddedToClusterTime: r.date(true),
          BrokerNodeInfo: {
            AttachedENIId: e.NetworkInterfaceId,
            BrokerId: n + 1,
            ClientSubnet: s.id,
            ClientVpcIpAddress: e.PrivateIpAddress,
            CurrentBrokerSoftwareInfo: { KafkaVersion: '3.7.x.kraft' },
            Endpoints: [`b-${n + 1}.${name}.${dns}.c${r.int(1, 9)}.kafka.${R.name}.amazonaws.com`],
          },
          InstanceType: 'm7g.large',
          NodeARN: `arn:aws:kafka:${R.name}:${A_ID}:broker/${name}/${arn.split('/')[2]}/${r.uuid()}`,
          NodeType: 'BROKER',
        });
      }
      // The second MSK cluster's list-nodes call fails (a gap): its nodes are not written.
      const listNodesGap = !plan && seq.msk === 2;
      if (!listNodesGap) count('msk-broker-node', brokers);
      count('msk-cluster');
      const policy =
        r.chance(0.3) &&
        policyText(
          [
            {
              Sid: 'CrossAccountConsumers',
              Effect: 'Allow',
              Principal: {
                AWS: [
                  `arn:aws:iam::${r.chance(0.7) ? PARTIES[2].account : r.pick(undeclared)}:root`,
                ],
              },
              Action: [
                'kafka:CreateVpcConnection',
                'kafka:GetBootstrapBrokers',
                'kafka:DescribeClusterV2',
              ],
              Resource: arn,
            },
          ],
          true,
        );
      R.msk.push({
        name,
        arn,
        kmsArn,
        subnets: V.private.map((s) => s.id),
        sgId,
        brokers,
        nodes,
        dns,
        policy,
        listNodesGap,
        ...(plan?.tiered ? { storageMode: 'TIERED' } : {}),
      });
      mskClusters.push(arn);
      // A tiered-storage / sink bucket per MSK cluster (the org trail covers acme-kafka-*).
      if (r.chance(0.6))
        addBucket(
          dataBucketExtras({
            name: `acme-kafka-${name}-sink-${A_ID}-${R.short}`,
            region: R.name,
            data: true,
            encryption: r.chance(0.15)
              ? { SSEAlgorithm: 'AES256' }
              : { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: kmsArn },
            replication: r.chance(0.1)
              ? replicationTo(r, A_ID, `acme-kafka-${name}-sink`, undeclared)
              : undefined,
          }),
        );
      return { name, arn, V };
    };
    // (With --clusters, the planned clusters below take the place of these.)
    for (const R of kplan ? [] : regions) {
      const wantAutomq = R.instancesGap
        ? 0
        : used() < 0.45 * B
          ? R.primary
            ? (r.chance(0.5) ? 1 : 0) + (r.chance(0.15) ? 1 : 0)
            : r.chance(0.12)
              ? 1
              : 0
          : 0;
      for (let c = 0; c < wantAutomq; c++) addAutomq(R);
      const wantMsk = used() < 0.5 * B && r.chance(R.primary ? 0.3 : 0.1);
      if (wantMsk) addMsk(R);
    }
    // --clusters: this account's planned clusters, their broker configs and their clients.
    const addPlanned = (c) => {
      const R = regions[c.regionIndex];
      c.V = R.vpcs2 && c.vpcPick < 0.25 ? R.vpcs2 : R.main;
      const V = c.V;
      const files = []; // [relative path under <out>, text]
      const declared = { name: c.name, kind: c.kind };
      const endpoint = (region) => `https://s3.${region}.amazonaws.com`;
      const s3uri = (id, bucket, region) =>
        `${id}@s3://${bucket}?region=${region}&endpoint=${endpoint(region)}&authType=instance`;
      let brokerAzs = [];
      if (c.kind === 'automq') {
        const a = addAutomq(R, c);
        const [wal, data, ops] = a.names;
        const voters = a.nodes
          .slice(0, 3)
          .map((x) => `${x.n}@${x.instance.PrivateIpAddress}:9093`)
          .join(',');
        for (const { n, subnet, instance } of a.nodes) {
          const ip = instance.PrivateIpAddress;
          const controller = n < 3;
          files.push([
            `kafka/${c.name}/node-${n}.properties`,
            [
              `# AutoMQ cluster "${c.name}", node ${n} (EC2 ${instance.InstanceId}, ${subnet.az.id}).`,
              '# Rendered by the AutoMQ BYOC control plane.',
              `node.id=${n}`,
              `process.roles=${controller ? 'broker,controller' : 'broker'}`,
              `controller.quorum.voters=${voters}`,
              'controller.listener.names=CONTROLLER',
              `listeners=INTERNAL://${ip}:9092${controller ? `,CONTROLLER://${ip}:9093` : ''}`,
              `advertised.listeners=INTERNAL://${ip}:9092`,
              'listener.security.protocol.map=INTERNAL:SASL_SSL,CONTROLLER:SSL',
              'inter.broker.listener.name=INTERNAL',
              `broker.rack=${subnet.az.id}`,
              'elasticstream.enable=true',
              `s3.data.buckets=${s3uri(0, data, a.bucketRegion)}`,
              `s3.ops.buckets=${s3uri(1, ops, a.bucketRegion)}`,
              `s3.wal.path=${c.wal === 's3' ? s3uri(2, wal, a.bucketRegion) : '0@file:///dev/nvme1n1'}`,
              ...(c.zoneRouting
                ? [`automq.zonerouter.channels=${s3uri(0, wal, a.bucketRegion)}`]
                : []),
              ...(c.rackAware
                ? [
                    'replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector',
                  ]
                : []),
              '',
            ].join('\n'),
          ]);
        }
        brokerAzs = a.nodes.map((x) => x.subnet.az);
        Object.assign(declared, {
          account: A_ID,
          region: R.name,
          config: `kafka/${c.name}`,
          buckets: a.names,
          keys: [`alias/automq-${c.name}-data`],
        });
      } else if (c.kind === 'msk') {
        const m = addMsk(R, c);
        brokerAzs = Array.from({ length: c.brokers }, (_, n) => V.private[(n + c.offset) % 3].az);
        declared.msk = m.arn;
        if (c.rackAware) declared.rackAwareFetch = true;
      } else {
        // Apache Kafka on EC2: placed by its broker configs, or by instance tags alone.
        const name = c.name;
        const key = addKey(R, {
          alias: `alias/kafka-${name}-ebs`,
          description: `Apache Kafka ${name}: broker volumes`,
        });
        const sgId = V.sg(`kafka-${name}-broker`, `Apache Kafka ${name} brokers`, (id) => [
          {
            IpProtocol: 'tcp',
            FromPort: 9092,
            ToPort: 9092,
            UserIdGroupPairs: [],
            IpRanges: [{ CidrIp: V.cidr, Description: 'Kafka clients' }],
            Ipv6Ranges: [],
            PrefixListIds: [],
          },
          {
            IpProtocol: 'tcp',
            FromPort: 9093,
            ToPort: 9093,
            UserIdGroupPairs: [{ Description: 'KRaft controllers', UserId: A_ID, GroupId: id }],
            IpRanges: [],
            Ipv6Ranges: [],
            PrefixListIds: [],
          },
        ]);
        const u = r.float();
        const volumeKey = u < 0.9 ? key.arn : u < 0.95 ? R.awsEbs.arn : false;
        const sg = { GroupId: sgId, GroupName: `kafka-${name}-broker` };
        const nodes = [];
        for (let n = 0; n < c.brokers; n++) {
          const subnet = V.private[(n + c.offset) % 3];
          const tagSet =
            c.mode === 'tags' && c.tagStyle === 'role'
              ? { Role: 'kafka-broker', KafkaNodeId: String(n), KafkaRack: subnet.az.id }
              : { 'kafka:cluster': name, 'kafka:broker-id': String(n), 'kafka:role': 'broker' };
          const instance = addInstance(r, A_ID, R, V, subnet, {
            name: `${name}-broker-${n}`,
            type: r.pick(['r7g.xlarge', 'r7g.2xlarge', 'm7g.2xlarge', 'i4g.xlarge']),
            sg,
            extraTags: tagSet,
            dataVolume: { size: r.pick([500, 1000, 2000]), key: volumeKey },
          });
          nodes.push({ n, subnet, instance });
        }
        const controllers = [];
        if (c.controllers)
          for (let k = 0; k < 3; k++) {
            const subnet = V.private[(k + c.offset) % 3];
            const instance = addInstance(r, A_ID, R, V, subnet, {
              name: `${name}-controller-${k}`,
              type: 'm7g.large',
              sg,
              extraTags: { Role: 'kafka-controller', 'kafka:node-id': String(1000 + k) },
              dataVolume: { size: 50, key: volumeKey },
            });
            controllers.push({ n: 1000 + k, subnet, instance });
          }
        const tieredBucket = c.tiered ? `acme-kafka-${name}-tiered-${A_ID}-${R.short}` : undefined;
        if (tieredBucket) {
          const enc = r.float();
          addBucket(
            dataBucketExtras({
              name: tieredBucket,
              region: R.name,
              data: true,
              encryption:
                enc < 0.2
                  ? { SSEAlgorithm: 'AES256' }
                  : enc < 0.3
                    ? { SSEAlgorithm: 'aws:kms' }
                    : { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key.arn },
              replication: r.chance(0.15)
                ? replicationTo(r, A_ID, `acme-kafka-${name}-tiered`, undeclared)
                : undefined,
            }),
          );
        }
        brokerAzs = nodes.map((x) => x.subnet.az);
        Object.assign(declared, {
          account: A_ID,
          region: R.name,
          ...(c.mode === 'config' ? { config: `kafka/${name}` } : {}),
          buckets: tieredBucket ? [tieredBucket] : [],
          keys: [`alias/kafka-${name}-ebs`],
        });
        if (c.mode === 'config') {
          const quorum = controllers.length ? controllers : nodes.slice(0, 3);
          const voters = quorum.map((x) => `${x.n}@${x.instance.PrivateIpAddress}:9093`).join(',');
          const text = (n, ip, rack, roles) =>
            [
              `# Apache Kafka cluster "${name}", node ${n}.`,
              `node.id=${n}`,
              `process.roles=${roles}`,
              `controller.quorum.voters=${voters}`,
              'controller.listener.names=CONTROLLER',
              `listeners=${[roles.includes('broker') ? `INTERNAL://${ip}:9092` : '', roles.includes('controller') ? `CONTROLLER://${ip}:9093` : ''].filter(Boolean).join(',')}`,
              ...(roles.includes('broker') ? [`advertised.listeners=INTERNAL://${ip}:9092`] : []),
              'listener.security.protocol.map=INTERNAL:SASL_SSL,CONTROLLER:SSL',
              'inter.broker.listener.name=INTERNAL',
              `broker.rack=${rack}`,
              'log.dirs=/data/kafka-logs',
              `default.replication.factor=${c.rf}`,
              `min.insync.replicas=${Math.min(2, c.rf)}`,
              ...(c.rackAware
                ? [
                    'replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector',
                  ]
                : []),
              ...(tieredBucket
                ? [
                    'remote.log.storage.system.enable=true',
                    'remote.log.storage.manager.class.name=io.aiven.kafka.tieredstorage.RemoteStorageManager',
                    'rsm.config.storage.backend.class=io.aiven.kafka.tieredstorage.storage.s3.S3Storage',
                    `rsm.config.storage.s3.bucket.name=${tieredBucket}`,
                    `rsm.config.storage.s3.region=${R.name}`,
                  ]
                : []),
              '',
            ].join('\n');
          for (const { n, subnet, instance } of nodes)
            files.push([
              `kafka/${name}/broker-${n}.properties`,
              text(
                n,
                instance.PrivateIpAddress,
                c.rackByName ? subnet.az.name : subnet.az.id,
                controllers.length || n >= 3 ? 'broker' : 'broker,controller',
              ),
            ]);
          for (const { n, subnet, instance } of controllers)
            files.push([
              `kafka/${name}/controller-${n}.properties`,
              text(n, instance.PrivateIpAddress, subnet.az.id, 'controller'),
            ]);
          // A decommissioned broker whose configuration was left behind: its address is on no
          // interface of the snapshot (an unplaced node).
          if (c.stale) {
            const S = V.private[c.offset];
            const ip = `${S.prefix}.${S.base + 15}.254`;
            S.taken.add(ip);
            files.push([
              `kafka/${name}/broker-${c.brokers}.properties`,
              text(c.brokers, ip, S.az.id, 'broker'),
            ]);
          }
          if (c.topics) {
            const ids = nodes.map((x) => x.n);
            const topicCount = r.int(2, 6);
            const lines = [];
            const yaml = ['topics:'];
            for (let t = 0; t < topicCount; t++) {
              const topic = `${r.pick(['orders', 'payments', 'clicks', 'events', 'audit', 'cdc'])}.${r.pick(['v1', 'v2', 'raw', 'enriched'])}.${t}`;
              const partitions = r.pick([6, 12, 24, 48]);
              const rf = Math.min(c.rf, ids.length);
              const remote = tieredBucket ? r.chance(0.7) : undefined;
              if (c.topics === 'yaml')
                yaml.push(
                  `  - name: ${topic}\n    partitions: ${partitions}\n    replicationFactor: ${rf}${remote === undefined ? '' : `\n    remoteStorage: ${remote}`}`,
                );
              else {
                lines.push(
                  `Topic: ${topic}\tTopicId: ${r.alnum(22)}\tPartitionCount: ${partitions}\tReplicationFactor: ${rf}\tConfigs: min.insync.replicas=2${remote === undefined ? '' : `,remote.storage.enable=${remote}`}`,
                );
                for (let p = 0; p < partitions; p++) {
                  const replicas = Array.from(
                    { length: rf },
                    (_, k) => ids[(p + k * (1 + (t % 2))) % ids.length],
                  );
                  lines.push(
                    `\tTopic: ${topic}\tPartition: ${p}\tLeader: ${replicas[0]}\tReplicas: ${replicas.join(',')}\tIsr: ${replicas.join(',')}`,
                  );
                }
              }
            }
            const file = `kafka/${name}/topics.${c.topics === 'yaml' ? 'yaml' : 'txt'}`;
            files.push([file, `${(c.topics === 'yaml' ? yaml : lines).join('\n')}\n`]);
            declared.topics = file;
          }
        }
      }
      for (const [rel, text] of files) {
        const path = join(root, rel);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        kafkaOut.files++;
        kafkaOut.bytes += Buffer.byteLength(text);
      }
      kafkaOut.clusters.push(declared);
      // Producers and consumer groups, with their AZ ids and throughput.
      const where = (role) => {
        const az = r.chance(0.6) ? r.pick(brokerAzs) : r.pick(R.azs);
        const subnet = V.private.find((s) => s.az.id === az.id);
        const u = r.float();
        return u < 0.4
          ? { account: A_ID, region: R.name, subnet: subnet.id, azId: az.id }
          : u < 0.7
            ? { account: A_ID, region: R.name, azId: az.id }
            : u < 0.85
              ? { account: A_ID, region: R.name, vpc: V.id, azId: az.id }
              : u < 0.97 || role === 'consumer'
                ? { account: A_ID, region: R.name, subnet: subnet.id }
                : { account: A_ID, region: R.name };
      };
      let produced = 0;
      const producers = r.int(1, 3);
      for (let k = 0; k < producers; k++) {
        const rate = r.chance(0.92) ? r.int(1, 120) : undefined;
        produced += rate ?? 0;
        kafkaOut.clients.push({
          name: `${c.name}-producer-${k}`,
          role: 'producer',
          cluster: c.name,
          ...where('producer'),
          ...(rate !== undefined ? { throughputMBps: rate } : {}),
        });
      }
      const groups = r.int(1, 3);
      for (let g = 0; g < groups; g++) {
        const members = r.int(1, 2);
        const fanOut = r.pick([1, 1, 1, 2, 3]);
        for (let k = 0; k < members; k++) {
          const at = where('consumer');
          const rack = at.azId ?? (at.subnet && V.private.find((s) => s.id === at.subnet).az.id);
          kafkaOut.clients.push({
            name: `${c.name}-consumer-${g}-${k}`,
            role: 'consumer',
            cluster: c.name,
            group: `${c.name}-group-${g}`,
            ...at,
            ...(produced
              ? { throughputMBps: Math.round((10 * produced * fanOut) / members) / 10 }
              : {}),
            ...(c.rackAware && rack ? { clientRack: rack } : {}),
          });
        }
      }
    };
    if (kplan) for (const c of kplan.byAccount.get(acct) ?? []) addPlanned(c);

    // -- application keys up to ~3% of the budget
    const keyBudget = Math.max(1, Math.round(B * 0.03));
    const customerKeys = () =>
      regions.reduce((s, R) => s + R.keys.filter((k) => k.manager === 'CUSTOMER').length, 0);
    while (customerKeys() < keyBudget) {
      const R = r.chance(0.5) ? regions[0] : r.pick(regions);
      addKey(R, {
        alias: r.chance(0.85)
          ? `alias/${r.pick(['app', 'backup', 'secrets', 'rds', 'logs', 'ebs-cmk'])}-${r.hex(6)}`
          : undefined,
        description: r.pick(['Application secrets', 'RDS storage', 'Backups', 'EBS volumes', '']),
        external: r.chance(0.06)
          ? r.chance(0.6)
            ? r.pick(PARTIES).account
            : r.pick(undeclared)
          : undefined,
      });
    }

    // -- buckets up to ~10% of the budget
    if (acct === logArchive)
      addBucket({
        name: orgTrailBucket,
        region: 'eu-west-1',
        encryption: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: orgTrailKey },
        trailBucket: true,
      });
    if (acct.logBucket)
      addBucket({
        name: acct.logBucket,
        region: 'eu-west-1',
        encryption: { SSEAlgorithm: 'AES256' },
        trailBucket: true,
      });
    const bucketBudget = Math.max(3, Math.round(B * 0.1));
    while (buckets.length < bucketBudget) {
      const purpose = r.pick([
        'tfstate',
        'artifacts',
        'logs',
        'backups',
        'athena-results',
        'static-assets',
        'cur-reports',
        'exports',
        'ml-features',
        'config',
      ]);
      const region = r.chance(0.15) ? GLOBAL : r.pick(acct.regions);
      addBucket({
        name: `acme-${purpose}-${A_ID}-${REGIONS[region]}-${r.hex(4)}`,
        region,
        encryption: r.chance(0.8)
          ? { SSEAlgorithm: 'AES256' }
          : {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: r.chance(0.5)
                ? undefined
                : `arn:aws:kms:${region}:${A_ID}:key/${r.uuid()}`,
            },
        policy: r.chance(0.35)
          ? genericBucketPolicy(r, `acme-${purpose}`, A_ID, undeclared)
          : undefined,
        replication: r.chance(0.03)
          ? replicationTo(r, A_ID, `acme-${purpose}`, undeclared)
          : undefined,
      });
    }
    // A few data buckets the boundary recognises by name in non-approved regions (legacy exports).
    if (r.chance(0.25)) {
      const region = r.pick(['us-east-1', 'us-west-2', 'ap-northeast-1']);
      addBucket(
        dataBucketExtras({
          name: `acme-kafka-legacy-export-${A_ID}-${REGIONS[region]}`,
          region,
          data: true,
          encryption: { SSEAlgorithm: 'AES256' },
        }),
      );
    }

    // -- more roles up to ~5% of the budget
    const roleBudget = Math.max(6, Math.round(B * 0.05));
    while (roles.length < roleBudget) {
      const t = r.float();
      const app = `${r.pick(['api', 'worker', 'etl', 'connect', 'lambda', 'batch', 'ci'])}-${r.hex(4)}`;
      if (t < 0.55)
        addRole(
          `${app}-role`,
          service(
            r.pick([
              'ec2.amazonaws.com',
              'lambda.amazonaws.com',
              'ecs-tasks.amazonaws.com',
              'kafkaconnect.amazonaws.com',
            ]),
          ),
          { encoded: r.chance(0.05) },
        );
      else if (t < 0.8) {
        const other = r.pick(accounts).id;
        addRole(`${app}-cross-account`, [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${other}:root` },
            Action: 'sts:AssumeRole',
          },
        ]);
      } else if (t < 0.9) {
        const p = r.pick(PARTIES);
        addRole(
          `${p.name.toLowerCase()}-${app}`,
          [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${p.account}:root` },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'sts:ExternalId': r.hex(20) } },
            },
          ],
          { description: `${p.what} access` },
        );
      } else if (t < 0.985) {
        addRole(`legacy-vendor-${app}`, [
          {
            Effect: 'Allow',
            Principal: {
              AWS: `arn:aws:iam::${r.pick(undeclared)}:role/${r.pick(['deploy', 'support', 'monitoring'])}`,
            },
            Action: 'sts:AssumeRole',
          },
        ]);
      } else {
        addRole(`public-${app}`, [
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:PrincipalOrgID': orgId } },
          },
        ]);
      }
    }

    // -- CloudTrail: the organization trail (management account) and accounts' own trails.
    const ownTrails = [];
    const automqNames = buckets
      .filter((b) => b.data && b.name.startsWith('acme-automq-'))
      .map((b) => b.name);
    const wantsOwn =
      acct.kind !== 'member'
        ? r.chance(0.5)
        : automqNames.length > 0
          ? r.chance(0.6)
          : r.chance(0.1);
    if (acct === mgmt) count('trail'); // the organization trail, listed in every member
    if (wantsOwn) {
      seq.ownTrail++;
      const home = r.chance(0.8) ? regions[0] : r.pick(regions);
      const name = `${acct.name}-audit`;
      const dest =
        acct.kind === 'acquired'
          ? acct.logBucket
          : r.chance(0.04) && acquired.length
            ? r.pick(acquired).logBucket
            : r.chance(0.03)
              ? `siem-ingest-${r.pick(undeclared)}`
              : orgTrailBucket;
      const arn = `arn:aws:cloudtrail:${home.name}:${A_ID}:trail/${name}`;
      const values = automqNames.filter(() => !r.chance(0.15)).map((b) => `arn:aws:s3:::${b}/`);
      ownTrails.push({
        R: home,
        raw: {
          Name: name,
          S3BucketName: dest,
          IncludeGlobalServiceEvents: true,
          IsMultiRegionTrail: acct.kind !== 'member' ? r.chance(0.7) : r.chance(0.5),
          HomeRegion: home.name,
          TrailARN: arn,
          LogFileValidationEnabled: r.chance(0.7),
          HasCustomEventSelectors: true,
          HasInsightSelectors: false,
          IsOrganizationTrail: false,
        },
        logging: !r.chance(0.05),
        selectorsGap: seq.ownTrail === 2,
        selectors: r.chance(0.1)
          ? {
              TrailARN: arn,
              AdvancedEventSelectors: [
                {
                  Name: 'Management events',
                  FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
                },
                {
                  Name: 'AutoMQ object events',
                  FieldSelectors: [
                    { Field: 'eventCategory', Equals: ['Data'] },
                    { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
                    { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::acme-automq-'] },
                  ],
                },
              ],
            }
          : {
              TrailARN: arn,
              EventSelectors: [
                {
                  ReadWriteType: 'All',
                  IncludeManagementEvents: true,
                  DataResources: values.length ? [{ Type: 'AWS::S3::Object', Values: values }] : [],
                  ExcludeManagementEventSources: [],
                },
              ],
            },
      });
      count('trail');
    }

    // -- workloads: instances (+ENIs) fill the account's budget exactly.
    let remaining = B - used();
    const homes = regions
      .filter((R) => !R.instancesGap)
      .flatMap((R) => [R.main, ...(R.vpcs2 ? [R.vpcs2] : [])]);
    while (remaining >= 2) {
      const V = r.chance(0.4) ? homes[0] : r.pick(homes);
      const pub = r.chance(0.08);
      const subnet = pub ? r.pick(V.public) : r.pick(V.private);
      const two = remaining >= 3 && r.chance(0.08);
      addInstance(r, A_ID, V.R, V, subnet, {
        name: `${r.pick(['api', 'worker', 'etl', 'connect', 'bastion', 'batch', 'proxy'])}-${r.hex(5)}`,
        type: r.pick(['m7g.large', 'm7i.xlarge', 'c7g.2xlarge', 'r7g.large', 't4g.medium']),
        sg: { GroupId: V.appSg, GroupName: `${V.name}-app` },
        publicIp: pub,
        secondEni: two,
      });
      remaining -= two ? 3 : 2;
    }
    if (remaining === 1) {
      const V = homes[0];
      V.sg(`${V.name}-spare`, 'Reserved', () => []);
      remaining = 0;
    }

    // -- write this account
    for (const R of regions) {
      const call = (op, data, param, svc = 'ec2') => w.call(A_ID, R.name, svc, op, data, param);
      call('describe-availability-zones', {
        AvailabilityZones: R.azs.map((az) => ({
          OptInStatus: 'opt-in-not-required',
          Messages: [],
          RegionName: R.name,
          ZoneName: az.name,
          ZoneId: az.id,
          GroupName: `${R.name}-zg-1`,
          NetworkBorderGroup: R.name,
          ZoneType: 'availability-zone',
          State: 'available',
        })),
      });
      call('describe-vpcs', { Vpcs: R.vpcs });
      call('describe-subnets', { Subnets: R.subnets });
      call('describe-route-tables', { RouteTables: R.routeTables });
      call('describe-internet-gateways', { InternetGateways: R.igws });
      call('describe-egress-only-internet-gateways', { EgressOnlyInternetGateways: [] });
      call('describe-nat-gateways', { NatGateways: R.nats });
      call('describe-vpc-endpoints', { VpcEndpoints: R.vpces });
      call('describe-network-interfaces', { NetworkInterfaces: R.enis });
      if (R.instancesGap) {
        gaps.push({
          account: A_ID,
          region: R.name,
          service: 'ec2',
          operation: 'describe-instances',
          code: 'RequestLimitExceeded',
          message: 'Request limit exceeded.',
        });
      } else {
        call('describe-instances', { Reservations: R.reservations });
      }
      if (R.volumes) call('describe-volumes', { Volumes: R.volumes });
      call('describe-security-groups', { SecurityGroups: R.sgs });
      call('describe-network-acls', { NetworkAcls: R.nacls });
      const s3pl = prefixListId('s3', R.name);
      const ddbpl = prefixListId('dynamodb', R.name);
      call('describe-prefix-lists', {
        PrefixLists: [
          {
            PrefixListId: ddbpl,
            PrefixListName: `com.amazonaws.${R.name}.dynamodb`,
            Cidrs: prefixCidrs('dynamodb', R.name),
          },
          {
            PrefixListId: s3pl,
            PrefixListName: `com.amazonaws.${R.name}.s3`,
            Cidrs: prefixCidrs('s3', R.name),
          },
        ],
      });
      call('describe-managed-prefix-lists', {
        PrefixLists: [ddbpl, s3pl].map((id, k) => ({
          PrefixListId: id,
          AddressFamily: 'IPv4',
          State: 'create-complete',
          PrefixListArn: `arn:aws:ec2:${R.name}:aws:prefix-list/${id}`,
          PrefixListName: `com.amazonaws.${R.name}.${k ? 's3' : 'dynamodb'}`,
          Tags: [],
          OwnerId: 'AWS',
        })),
      });
      call(
        'get-managed-prefix-list-entries',
        { Entries: prefixCidrs('dynamodb', R.name).map((Cidr) => ({ Cidr })) },
        ddbpl,
      );
      call(
        'get-managed-prefix-list-entries',
        { Entries: prefixCidrs('s3', R.name).map((Cidr) => ({ Cidr })) },
        s3pl,
      );
      // Transit gateways: the hub's own (its files are written at the end), shared ones here.
      if (acct !== hub) {
        call('describe-transit-gateways', {
          TransitGateways: R.sharedTgw ? [tgwEntry(R.sharedTgw)] : [],
        });
        call('describe-transit-gateway-attachments', {
          TransitGatewayAttachments: R.tgwAttachments,
        });
        call('describe-transit-gateway-peering-attachments', {
          TransitGatewayPeeringAttachments: [],
        });
        call('describe-transit-gateway-route-tables', { TransitGatewayRouteTables: [] });
      }
      // KMS
      call(
        'list-keys',
        { Keys: R.keys.map((k) => ({ KeyId: k.id, KeyArn: k.arn })) },
        undefined,
        'kms',
      );
      const awsAliases = [
        'alias/aws/dynamodb',
        'alias/aws/rds',
        'alias/aws/secretsmanager',
        'alias/aws/sns',
        'alias/aws/sqs',
      ]
        .filter((a) => !R.aliases.some((x) => x.AliasName === a))
        .map((a) => ({ AliasName: a, AliasArn: `arn:aws:kms:${R.name}:${A_ID}:${a}` }));
      call(
        'list-aliases',
        {
          Aliases: [...R.aliases, ...awsAliases].sort((a, b) =>
            a.AliasName < b.AliasName ? -1 : 1,
          ),
        },
        undefined,
        'kms',
      );
      for (const k of R.keys) {
        if (k.gap) {
          for (const op of ['describe-key', 'get-key-policy'])
            gaps.push({
              account: A_ID,
              region: R.name,
              service: 'kms',
              operation: op,
              param: k.id,
              code: 'AccessDeniedException',
              message: `User: arn:aws:sts::${A_ID}:assumed-role/ownmap-readonly/scan is not authorized to perform: kms:${op === 'describe-key' ? 'DescribeKey' : 'GetKeyPolicy'} on resource: ${k.arn} because no resource-based policy allows the action`,
            });
        } else {
          call('describe-key', keyMetadata(r, A_ID, k), k.id, 'kms');
          call(
            'get-key-policy',
            { Policy: keyPolicy(A_ID, adminRole, k, R), PolicyName: 'default' },
            k.id,
            'kms',
          );
        }
        call(
          'list-grants',
          { Grants: k.manager === 'CUSTOMER' ? grants(r, A_ID, k, undeclared) : [] },
          k.id,
          'kms',
        );
      }
      // CloudTrail: the org trail shows in every member's eu-west-1; own trails in their home.
      const trails = [];
      if (R.name === 'eu-west-1' && inOrg(acct)) trails.push({ org: true });
      for (const t of ownTrails) if (t.R === R) trails.push(t);
      call(
        'describe-trails',
        {
          trailList: trails.map((t) =>
            t.org ? orgTrailEntry(orgTrailBucket, orgTrailKey, orgTrailArn) : t.raw,
          ),
        },
        undefined,
        'cloudtrail',
      );
      for (const t of trails) {
        const arn = t.org ? orgTrailArn : t.raw.TrailARN;
        call('get-trail-status', trailStatus(r, t.org ? true : t.logging), arn, 'cloudtrail');
        if (t.selectorsGap) {
          gaps.push({
            account: A_ID,
            region: R.name,
            service: 'cloudtrail',
            operation: 'get-event-selectors',
            param: arn,
            code: 'AccessDeniedException',
            message: 'not authorized to perform: cloudtrail:GetEventSelectors',
          });
        } else {
          call(
            'get-event-selectors',
            t.org ? orgTrailSelectors(orgTrailArn) : t.selectors,
            arn,
            'cloudtrail',
          );
        }
      }
      // MSK
      const v2 = R.msk.map((c) => mskV2(r, c));
      call('list-clusters-v2', { ClusterInfoList: v2 }, undefined, 'kafka');
      call('list-clusters', { ClusterInfoList: v2.map(mskV1) }, undefined, 'kafka');
      call('list-replicators', { Replicators: [] }, undefined, 'kafka');
      for (const c of R.msk) {
        if (c.listNodesGap)
          gaps.push({
            account: A_ID,
            region: R.name,
            service: 'kafka',
            operation: 'list-nodes',
            param: c.arn,
            code: 'ServiceUnavailableException',
            message: 'Service Unavailable',
          });
        else call('list-nodes', { NodeInfoList: c.nodes }, c.arn, 'kafka');
        const boot = c.nodes.map((n) => `${n.BrokerNodeInfo.Endpoints[0]}:9098`).join(',');
        call('get-bootstrap-brokers', { BootstrapBrokerStringSaslIam: boot }, c.arn, 'kafka');
        if (c.policy)
          call(
            'get-cluster-policy',
            { CurrentVersion: r.alnum(14), Policy: c.policy },
            c.arn,
            'kafka',
          );
      }
    }

    // Global calls, under us-east-1.
    const g = (svc, op, data, param) => w.call(A_ID, GLOBAL, svc, op, data, param);
    g('sts', 'get-caller-identity', {
      UserId: `AROA${r.alnum(17)}:ownmap-scan-20261120`,
      Account: A_ID,
      Arn: `arn:aws:sts::${A_ID}:assumed-role/ownmap-readonly/ownmap-scan-20261120`,
    });
    g('s3control', 'get-public-access-block', {
      PublicAccessBlockConfiguration: pab(r.chance(0.85)),
    });
    g('iam', 'list-roles', { Roles: roles });
    if (inOrg(acct)) {
      g('organizations', 'describe-organization', {
        Organization: {
          Id: orgId,
          Arn: `arn:aws:organizations::${mgmt.id}:organization/${orgId}`,
          FeatureSet: 'ALL',
          MasterAccountArn: `arn:aws:organizations::${mgmt.id}:account/${orgId}/${mgmt.id}`,
          MasterAccountId: mgmt.id,
          MasterAccountEmail: 'aws-root+management@acme.example',
          AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
        },
      });
    }
    if (acct === mgmt) {
      const members = accounts.filter(inOrg).map((a) => ({
        Id: a.id,
        Arn: `arn:aws:organizations::${mgmt.id}:account/${orgId}/${a.id}`,
        Email: `aws+${a.name}@acme.example`,
        Name: a.name,
        Status: 'ACTIVE',
        JoinedMethod: a === mgmt ? 'INVITED' : 'CREATED',
        JoinedTimestamp: r.date(true),
      }));
      const suspended = String(100_000_000_000 + plan.int(0, 99_999_999));
      members.push({
        Id: suspended,
        Arn: `arn:aws:organizations::${mgmt.id}:account/${orgId}/${suspended}`,
        Email: 'aws+closed@acme.example',
        Name: 'closed-sandbox',
        Status: 'SUSPENDED',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: r.date(true),
      });
      g('organizations', 'list-accounts', { Accounts: members });
    }
    buckets.sort((a, b) => (a.name < b.name ? -1 : 1));
    g('s3', 'list-buckets', {
      Buckets: buckets.map((b) => ({
        Name: b.name,
        CreationDate: r.date(),
        BucketRegion: b.region,
      })),
      Owner: { ID: r.hex(64) },
    });
    for (const b of buckets) {
      const locGap = b.name === buckets[0].name && acct.i === 0;
      if (locGap) {
        gaps.push({
          account: A_ID,
          region: GLOBAL,
          service: 's3',
          operation: 'get-bucket-location',
          param: b.name,
          code: 'AccessDenied',
          message: 'Access Denied',
        });
      } else if (r.chance(0.95)) {
        g(
          's3',
          'get-bucket-location',
          {
            LocationConstraint:
              b.region === 'us-east-1'
                ? null
                : b.region === 'eu-west-1' && r.chance(0.05)
                  ? 'EU'
                  : b.region,
          },
          b.name,
        );
      } else {
        g('s3', 'head-bucket', { BucketRegion: b.region, AccessPointAlias: false }, b.name);
      }
      if (b.policy) {
        g('s3', 'get-bucket-policy', { Policy: b.policy }, b.name);
        g('s3', 'get-bucket-policy-status', { PolicyStatus: { IsPublic: false } }, b.name);
      }
      if (r.chance(0.85))
        g('s3', 'get-public-access-block', { PublicAccessBlockConfiguration: pab(true) }, b.name);
      if (b.encryptionGap) {
        gaps.push({
          account: A_ID,
          region: GLOBAL,
          service: 's3',
          operation: 'get-bucket-encryption',
          param: b.name,
          code: 'AccessDenied',
          message: 'Access Denied',
        });
      } else {
        g(
          's3',
          'get-bucket-encryption',
          {
            ServerSideEncryptionConfiguration: {
              Rules: [
                {
                  ApplyServerSideEncryptionByDefault: {
                    SSEAlgorithm: b.encryption.SSEAlgorithm,
                    ...(b.encryption.KMSMasterKeyID
                      ? { KMSMasterKeyID: b.encryption.KMSMasterKeyID }
                      : {}),
                  },
                  BucketKeyEnabled: b.encryption.SSEAlgorithm !== 'AES256',
                },
              ],
            },
          },
          b.name,
        );
      }
      if (b.replication)
        g('s3', 'get-bucket-replication', { ReplicationConfiguration: b.replication }, b.name);
      if (r.chance(0.7))
        g(
          's3',
          'get-bucket-ownership-controls',
          { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
          b.name,
        );
    }
    if (used() !== B && N >= 500) {
      // Not fatal: tiny budgets can overshoot; synth.json reports the exact count.
      acct.overshoot = used() - B;
    }
  }

  // ---- deferred files: the hub's transit gateway files, peering connections
  for (const R of hub.regions) {
    const t = tgws.get(R);
    const call = (op, data, param) => w.call(hub.id, R, 'ec2', op, data, param);
    call('describe-transit-gateways', { TransitGateways: [tgwEntry(t)] });
    call('describe-transit-gateway-attachments', {
      TransitGatewayAttachments: t.attachments.map((a) => a.att),
    });
    call('describe-transit-gateway-route-tables', {
      TransitGatewayRouteTables: [
        {
          TransitGatewayRouteTableId: t.rtb,
          TransitGatewayId: t.id,
          State: 'available',
          DefaultAssociationRouteTable: true,
          DefaultPropagationRouteTable: true,
          CreationTime: '2024-02-06T10:05:00+00:00',
          Tags: tags({ Name: `hub-${REGIONS[R]}` }),
        },
      ],
    });
    const link = (a, State) => ({
      TransitGatewayAttachmentId: a.att.TransitGatewayAttachmentId,
      ResourceId: a.att.ResourceId,
      ResourceType: 'vpc',
      State,
    });
    call(
      'search-transit-gateway-routes',
      {
        Routes: t.attachments.map((a) => ({
          DestinationCidrBlock: a.cidr,
          TransitGatewayAttachments: [
            {
              ResourceId: a.att.ResourceId,
              TransitGatewayAttachmentId: a.att.TransitGatewayAttachmentId,
              ResourceType: 'vpc',
            },
          ],
          Type: 'propagated',
          State: 'active',
        })),
        AdditionalRoutesAvailable: false,
      },
      t.rtb,
    );
    call(
      'get-transit-gateway-route-table-associations',
      { Associations: t.attachments.map((a) => link(a, 'associated')) },
      t.rtb,
    );
    call(
      'get-transit-gateway-route-table-propagations',
      { TransitGatewayRouteTablePropagations: t.attachments.map((a) => link(a, 'enabled')) },
      t.rtb,
    );
    // One inter-region peering between the hub's first two gateways.
    const peers = [];
    const [r0, r1] = hub.regions;
    if (r1 && (R === r0 || R === r1)) {
      const a = tgws.get(r0);
      const b = tgws.get(r1);
      peers.push({
        TransitGatewayAttachmentId: `tgw-attach-${(hash32('tgw-peer', a.id, b.id) >>> 0).toString(16).padStart(8, '0')}${a.id.slice(4, 13)}`,
        RequesterTgwInfo: { TransitGatewayId: a.id, OwnerId: hub.id, Region: r0 },
        AccepterTgwInfo: { TransitGatewayId: b.id, OwnerId: hub.id, Region: r1 },
        Status: { Code: 'available', Message: 'Available' },
        State: 'available',
        CreationTime: '2024-02-07T09:00:00+00:00',
        Tags: tags({ Name: `hub-${REGIONS[r0]}-to-${REGIONS[r1]}` }),
      });
      if (R === r0) count('tgw-peering-attachment');
    }
    call('describe-transit-gateway-peering-attachments', {
      TransitGatewayPeeringAttachments: peers,
    });
  }
  for (const a of accounts)
    for (const region of a.regions)
      w.call(a.id, region, 'ec2', 'describe-vpc-peering-connections', {
        VpcPeeringConnections: peeringsByScope.get(`${a.id}|${region}`) ?? [],
      });

  // ---- manifest and boundary
  const allRegions = [...new Set([GLOBAL, ...accounts.flatMap((a) => a.regions)])].sort();
  w.put('manifest.json', {
    format: 'ownmap-snapshot/1',
    createdAt: CREATED_AT,
    tool: { name: 'ownmap', version: '0.1.0' },
    accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
    regions: allRegions,
    gaps,
  });
  const boundary = boundaryYaml({
    N,
    orgId,
    accounts,
    mgmt,
    logArchive,
    hub,
    automqClusters,
    mskClusters,
    undeclared,
    kafka: kafkaOut && addLinks(kplan, kafkaOut),
  });
  writeFileSync(join(root, 'boundary.yaml'), boundary);

  const summary = {
    generator: 'ownmap-bench-synth',
    version: GENERATOR_VERSION,
    seed,
    requested: N,
    resources: total(),
    byKind: counts,
    accounts: A,
    accountKinds: Object.fromEntries(
      ['member', 'standalone', 'acquired'].map((k) => [
        k,
        accounts.filter((a) => a.kind === k).length,
      ]),
    ),
    regions: allRegions.length,
    files: w.files,
    bytes: w.bytes,
    gaps: gaps.length,
    snapshot: 'snapshot',
    boundary: 'boundary.yaml',
    ...(kafkaOut ? { kafka: kafkaSummary(kplan, kafkaOut) } : {}),
    complete: true,
  };
  writeFileSync(join(root, 'synth.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return { ...summary, generatedInMs: Math.round(performance.now() - started) };
}

// ------------------------------------------------------------------ --clusters: the Kafka estate

const CLUSTER_WORDS = [
  'orders',
  'clicks',
  'payments',
  'events',
  'telemetry',
  'audit',
  'ledger',
  'ingest',
  'cdc',
  'metrics',
  'search',
  'fraud',
  'inventory',
  'shipping',
];

/**
 * The clusters of --clusters: kind, placement mode, broker count (exactly `brokers` in all),
 * settings, and the workload account that hosts each (weighted by what its budget can hold).
 * One PRNG stream of its own, so the plan does not move any other draw.
 */
function planKafka(seed, N, C, BR, accounts) {
  const kp = new Rng(hash32('ownmap-bench', GENERATOR_VERSION, seed, N, 'kafka', C, BR));
  const names = new Set();
  const list = [];
  for (let i = 0; i < C; i++) {
    const u = kp.float();
    // 30% Apache Kafka with broker configs, 15% Kafka placed by instance tags, 35% AutoMQ with
    // configs, 20% MSK.
    const kind = u < 0.45 ? 'kafka' : u < 0.8 ? 'automq' : 'msk';
    const mode =
      u < 0.3 ? 'config' : u < 0.45 ? 'tags' : kind === 'automq' ? 'config' : 'list-nodes';
    let name;
    do name = `${kp.pick(CLUSTER_WORDS)}-${kp.hex(4)}`;
    while (names.has(name));
    names.add(name);
    const v = kp.float();
    const t = kp.float();
    list.push({
      i,
      name,
      kind,
      mode,
      brokers:
        kind === 'msk'
          ? 3 * kp.int(1, 4)
          : 3 + Math.floor(v * v * (mode === 'tags' ? 9 : kind === 'automq' ? 10 : 13)),
      offset: kp.int(0, 2),
      regionPick: kp.float(),
      vpcPick: kp.float(),
      wal: kind === 'automq' ? (kp.chance(0.75) ? 's3' : 'block') : undefined,
      zoneRouting: kind === 'automq' && kp.chance(0.4),
      tiered: kind === 'msk' ? kp.chance(0.3) : kind === 'kafka' && kp.chance(0.4),
      controllers: kind === 'kafka' && mode === 'config' && kp.chance(0.35),
      rf: kp.chance(0.85) ? 3 : 2,
      rackAware: kp.chance(0.35),
      rackByName: kind === 'kafka' && mode === 'config' && kp.chance(0.05),
      tagStyle: kp.chance(0.5) ? 'role' : 'cluster',
      topics:
        kind === 'kafka' && mode === 'config'
          ? t < 0.15
            ? 'describe'
            : t < 0.4
              ? 'yaml'
              : undefined
          : undefined,
      stale: kind === 'kafka' && mode === 'config' && kp.chance(0.03),
    });
  }
  // Exactly BR brokers: scale the self-managed clusters, then hand out the rest one by one.
  const sum = (xs) => xs.reduce((a, c) => a + c.brokers, 0);
  const msk = list.filter((c) => c.kind === 'msk');
  const rest = list.filter((c) => c.kind !== 'msk');
  const want = BR - sum(msk);
  if (want < 3 * rest.length) throw new Error('--brokers is too small for the MSK clusters drawn');
  if (!rest.length && want !== 0) throw new Error('--brokers: every cluster drawn is MSK');
  const f = want / sum(rest);
  for (const c of rest) c.brokers = Math.max(3, Math.round(c.brokers * f));
  let d = want - sum(rest);
  const order = kp.shuffle(rest);
  for (let k = 0; d !== 0; k++) {
    const c = order[k % order.length];
    if (d > 0) {
      c.brokers++;
      d--;
    } else if (c.brokers > 3) {
      c.brokers--;
      d++;
    }
  }
  // Hosts: workload accounts, weighted by what is left of their budget after networks and the
  // usual keys, buckets and roles; the largest clusters are placed first.
  const hosts = accounts.filter((a) => a.role === 'workload');
  const room = new Map(
    hosts.map((a) => [a, Math.max(0, Math.floor(0.78 * a.budget - 45 * a.regions.length - 20))]),
  );
  const cost = (c) =>
    2 * c.brokers +
    (c.kind === 'automq' ? 8 : c.kind === 'msk' ? 4 : 4 + (c.controllers ? 6 : 0)) +
    (c.tiered ? 1 : 0);
  const byAccount = new Map();
  for (const c of [...list].sort((a, b) => cost(b) - cost(a) || a.i - b.i)) {
    const fits = hosts.filter((a) => room.get(a) >= cost(c));
    if (!fits.length)
      throw new Error(
        `--clusters ${C} --brokers ${BR} do not fit in ${N} resources: raise --resources`,
      );
    let x = kp.float() * fits.reduce((s, a) => s + room.get(a), 0);
    let host = fits[fits.length - 1];
    for (const a of fits) {
      x -= room.get(a);
      if (x < 0) {
        host = a;
        break;
      }
    }
    room.set(host, room.get(host) - cost(c));
    c.account = host.id;
    // Most clusters in the account's first region, the rest spread over the others.
    c.regionIndex =
      c.regionPick < 0.65 || host.regions.length === 1
        ? 0
        : 1 + Math.floor(((c.regionPick - 0.65) / 0.35) * (host.regions.length - 1));
    if (!byAccount.has(host)) byAccount.set(host, []);
    byAccount.get(host).push(c);
  }
  for (const cs of byAccount.values()) cs.sort((a, b) => a.i - b.i);
  return { kp, list, byAccount };
}

/** A few kafka.links between declared clusters (MirrorMaker 2, cluster linking, others). */
function addLinks(kplan, out) {
  const kp = kplan.kp;
  const byName = new Map(kplan.list.map((c) => [c.name, c]));
  const names = out.clusters.map((c) => c.name);
  const n = Math.max(1, Math.round(names.length / 50));
  for (let k = 0; k < n && names.length > 1; k++) {
    const from = kp.pick(names);
    let to = kp.pick(names);
    while (to === from) to = kp.pick(names);
    const kind = byName.get(from).kind;
    out.links.push({
      name: `${from}-to-${to}`,
      kind:
        kind === 'msk'
          ? 'msk-replicator'
          : kind === 'kafka'
            ? kp.pick(['mirrormaker2', 'cluster-linking'])
            : kp.pick(['mirrormaker2', 'other']),
      from,
      to,
      ...(kp.chance(0.5) ? { throughputMBps: kp.int(1, 40) } : {}),
    });
  }
  return out;
}

function kafkaSummary(kplan, out) {
  const byKind = {};
  for (const c of kplan.list) {
    const k = c.kind === 'msk' ? 'msk' : `${c.kind}-${c.mode}`;
    byKind[k] ??= { clusters: 0, brokers: 0 };
    byKind[k].clusters++;
    byKind[k].brokers += c.brokers;
  }
  return {
    version: KAFKA_ESTATE_VERSION,
    clusters: kplan.list.length,
    brokers: kplan.list.reduce((s, c) => s + c.brokers, 0),
    byKind,
    automqS3Wal: kplan.list.filter((c) => c.wal === 's3').length,
    automqZoneRouting: kplan.list.filter((c) => c.zoneRouting).length,
    tiered: kplan.list.filter((c) => c.tiered).length,
    staleConfigs: kplan.list.filter((c) => c.stale).length,
    topicLists: kplan.list.filter((c) => c.topics).length,
    clients: out.clients.length,
    links: out.links.length,
    files: out.files,
    bytes: out.bytes,
  };
}

/** The boundary's kafka section for --clusters (YAML, strings JSON-quoted). */
function kafkaYaml({ clusters, clients, links }) {
  const q = (s) => JSON.stringify(s);
  const item = (o) =>
    Object.entries(o)
      .map(([k, v], i) => {
        const lead = i === 0 ? '    - ' : '      ';
        if (Array.isArray(v))
          return v.length
            ? `${lead}${k}:\n${v.map((x) => `        - ${q(x)}`).join('\n')}`
            : `${lead}${k}: []`;
        return `${lead}${k}: ${typeof v === 'string' ? q(v) : v}`;
      })
      .join('\n');
  const list = (key, xs) => (xs.length ? [`  ${key}:`, ...xs.map(item)] : [`  ${key}: []`]);
  return [...list('clusters', clusters), ...list('clients', clients), ...list('links', links)].join(
    '\n',
  );
}

// ------------------------------------------------------------------ shapes

function eni(
  r,
  account,
  R,
  {
    id,
    subnet,
    vpcId,
    ip,
    description = '',
    type = 'interface',
    requesterManaged = false,
    groups = [],
    instanceId,
    publicIp,
    deviceIndex = 0,
  },
) {
  const eniId = id ?? `eni-${r.hex(17)}`;
  const pick = () => `${subnet.prefix}.${subnet.base + r.int(0, 15)}.${r.int(4, 250)}`;
  let addr = ip ?? pick();
  // Only with --clusters: a subnet never hands out an address twice.
  if (subnet.taken) {
    while (ip === undefined && subnet.taken.has(addr)) addr = pick();
    subnet.taken.add(addr);
  }
  const dns = `ip-${addr.replaceAll('.', '-')}.${R.name}.compute.internal`;
  R.count('network-interface');
  return {
    ...(instanceId
      ? {
          Attachment: {
            AttachTime: r.date(),
            AttachmentId: `eni-attach-${r.hex(17)}`,
            DeleteOnTermination: deviceIndex === 0,
            DeviceIndex: deviceIndex,
            NetworkCardIndex: 0,
            InstanceId: instanceId,
            InstanceOwnerId: account,
            Status: 'attached',
          },
        }
      : requesterManaged
        ? {
            Attachment: {
              AttachmentId: `ela-attach-${r.hex(17)}`,
              DeleteOnTermination: false,
              DeviceIndex: 1,
              InstanceOwnerId: 'amazon-aws',
              Status: 'attached',
            },
          }
        : {}),
    ...(publicIp && typeof publicIp === 'string'
      ? { Association: { IpOwnerId: 'amazon', PublicDnsName: '', PublicIp: publicIp } }
      : {}),
    AvailabilityZone: subnet.az.name,
    Description: description,
    Groups: groups,
    InterfaceType: type,
    Ipv6Addresses: [],
    MacAddress: `0a:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}:${r.hex(2)}`,
    NetworkInterfaceId: eniId,
    OwnerId: account,
    PrivateDnsName: dns,
    PrivateIpAddress: addr,
    PrivateIpAddresses: [{ Primary: true, PrivateDnsName: dns, PrivateIpAddress: addr }],
    RequesterId: requesterManaged ? `AROA${r.alnum(17)}` : undefined,
    RequesterManaged: requesterManaged,
    SourceDestCheck: true,
    Status: 'in-use',
    SubnetId: subnet.id,
    TagSet: [],
    VpcId: vpcId,
    Operator: { Managed: false },
  };
}

function addInstance(
  r,
  account,
  R,
  V,
  subnet,
  { name, type, sg, profile, extraTags = {}, publicIp = false, secondEni = false, dataVolume },
) {
  const id = `i-${r.hex(17)}`;
  const pubAddr = publicIp
    ? `${r.pick([3, 18, 34, 52, 54])}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`
    : undefined;
  const primary = eni(r, account, R, {
    subnet,
    vpcId: V.id,
    instanceId: id,
    groups: [sg],
    publicIp: pubAddr,
  });
  R.enis.push(primary);
  const enis = [primary];
  if (secondEni) {
    const e = eni(r, account, R, {
      subnet,
      vpcId: V.id,
      instanceId: id,
      groups: [sg],
      deviceIndex: 1,
    });
    R.enis.push(e);
    enis.push(e);
  }
  const launch = r.date();
  const instance = {
    Architecture: type.includes('g.') ? 'arm64' : 'x86_64',
    BlockDeviceMappings: [
      {
        DeviceName: '/dev/xvda',
        Ebs: {
          AttachTime: launch,
          DeleteOnTermination: true,
          Status: 'attached',
          VolumeId: `vol-${r.hex(17)}`,
        },
      },
    ],
    ClientToken: `terraform-${r.hex(26)}`,
    EbsOptimized: true,
    EnaSupport: true,
    Hypervisor: 'xen',
    ...(profile ? { IamInstanceProfile: { Arn: profile, Id: `AIPA${r.alnum(17)}` } } : {}),
    NetworkInterfaces: enis.map((e, k) => ({
      Attachment: {
        AttachTime: launch,
        AttachmentId: e.Attachment.AttachmentId,
        DeleteOnTermination: k === 0,
        DeviceIndex: k,
        Status: 'attached',
        NetworkCardIndex: 0,
      },
      Description: '',
      Groups: [sg],
      Ipv6Addresses: [],
      MacAddress: e.MacAddress,
      NetworkInterfaceId: e.NetworkInterfaceId,
      OwnerId: account,
      PrivateDnsName: e.PrivateDnsName,
      PrivateIpAddress: e.PrivateIpAddress,
      PrivateIpAddresses: e.PrivateIpAddresses,
      SourceDestCheck: true,
      Status: 'in-use',
      SubnetId: subnet.id,
      VpcId: V.id,
      InterfaceType: 'interface',
      Operator: { Managed: false },
    })),
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    SecurityGroups: [sg],
    SourceDestCheck: true,
    Tags: tags({ Name: name, ...extraTags }),
    VirtualizationType: 'hvm',
    CpuOptions: { CoreCount: 2, ThreadsPerCore: type.includes('g.') ? 1 : 2 },
    CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
    HibernationOptions: { Configured: false },
    MetadataOptions: {
      State: 'applied',
      HttpTokens: r.chance(0.9) ? 'required' : 'optional',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    BootMode: 'uefi',
    PlatformDetails: 'Linux/UNIX',
    UsageOperation: 'RunInstances',
    UsageOperationUpdateTime: launch,
    PrivateDnsNameOptions: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    MaintenanceOptions: { AutoRecovery: 'default', RebootMigration: 'default' },
    CurrentInstanceBootMode: 'uefi',
    NetworkPerformanceOptions: { BandwidthWeighting: 'default' },
    Operator: { Managed: false },
    InstanceId: id,
    ImageId: `ami-${r.hex(17)}`,
    State: { Code: 16, Name: 'running' },
    PrivateDnsName: primary.PrivateDnsName,
    PublicDnsName: '',
    StateTransitionReason: '',
    AmiLaunchIndex: 0,
    ProductCodes: [],
    InstanceType: type,
    LaunchTime: launch,
    Placement: {
      AvailabilityZoneId: subnet.az.id,
      GroupName: '',
      Tenancy: 'default',
      AvailabilityZone: subnet.az.name,
    },
    Monitoring: { State: 'disabled' },
    SubnetId: subnet.id,
    VpcId: V.id,
    PrivateIpAddress: primary.PrivateIpAddress,
    ...(pubAddr ? { PublicIpAddress: pubAddr } : {}),
  };
  // describe-volumes (only with --clusters): the root volume, and a broker's data volume.
  if (R.volumes) {
    const root = instance.BlockDeviceMappings[0].Ebs.VolumeId;
    // EBS encryption by default is a setting of the account's region.
    R.ebsByDefault ??= r.chance(0.85);
    R.volumes.push(
      volume(subnet, id, root, '/dev/xvda', 16, launch, R.ebsByDefault && R.awsEbs.arn),
    );
    if (dataVolume) {
      const vid = `vol-${r.hex(17)}`;
      instance.BlockDeviceMappings.push({
        DeviceName: '/dev/sdf',
        Ebs: { AttachTime: launch, DeleteOnTermination: false, Status: 'attached', VolumeId: vid },
      });
      R.volumes.push(volume(subnet, id, vid, '/dev/sdf', dataVolume.size, launch, dataVolume.key));
    }
  }
  // ASGs launch one instance per reservation; some reservations hold a few.
  const last = R.reservations.at(-1);
  if (last && last.Instances.length < 3 && r.chance(0.3)) last.Instances.push(instance);
  else
    R.reservations.push({
      ReservationId: `r-${r.hex(17)}`,
      OwnerId: account,
      Groups: [],
      Instances: [instance],
    });
  R.count('instance');
  return instance;
}

/** A describe-volumes entry; `key` false for an unencrypted volume. */
function volume(subnet, instanceId, id, device, size, time, key) {
  return {
    Attachments: [
      {
        AttachTime: time,
        Device: device,
        InstanceId: instanceId,
        State: 'attached',
        VolumeId: id,
        DeleteOnTermination: device === '/dev/xvda',
      },
    ],
    AvailabilityZone: subnet.az.name,
    CreateTime: time,
    Encrypted: Boolean(key),
    ...(key ? { KmsKeyId: key } : {}),
    Size: size,
    SnapshotId: '',
    State: 'in-use',
    VolumeId: id,
    Iops: 3000,
    VolumeType: 'gp3',
    MultiAttachEnabled: false,
    Throughput: 125,
  };
}

function automqBucketPolicy(r, bucket, brokerRole, vpce) {
  const st = [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
    {
      Sid: 'DenyObjectAccessOutsideOwnVpce',
      Effect: 'Deny',
      Principal: '*',
      Action: [
        's3:GetObject*',
        's3:PutObject*',
        's3:DeleteObject*',
        's3:RestoreObject',
        's3:AbortMultipartUpload',
        's3:ListMultipartUploadParts',
      ],
      Resource: `arn:aws:s3:::${bucket}/*`,
      Condition: { StringNotEquals: { 'aws:SourceVpce': vpce } },
    },
    {
      Sid: 'AllowAutoMQBrokersObjects',
      Effect: 'Allow',
      Principal: { AWS: brokerRole },
      Action: [
        's3:GetObject',
        's3:PutObject',
        's3:DeleteObject',
        's3:AbortMultipartUpload',
        's3:ListMultipartUploadParts',
      ],
      Resource: `arn:aws:s3:::${bucket}/*`,
    },
    {
      Sid: 'AllowAutoMQBrokersBucket',
      Effect: 'Allow',
      Principal: { AWS: brokerRole },
      Action: ['s3:ListBucket', 's3:ListBucketMultipartUploads', 's3:GetBucketLocation'],
      Resource: `arn:aws:s3:::${bucket}`,
    },
  ];
  if (r.chance(0.08))
    st.push({
      Sid: 'AllowPartnerAnalyticsRead',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${PARTIES[2].account}:role/analytics-reader` },
      Action: ['s3:GetObject'],
      Resource: `arn:aws:s3:::${bucket}/*`,
    });
  return policyText(st, false);
}

function genericBucketPolicy(r, _prefix, account, undeclared) {
  const st = [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::*'],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
    {
      Sid: 'AccountAccess',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 's3:*',
      Resource: '*',
    },
  ];
  if (r.chance(0.05))
    st.push({
      Sid: 'LegacyVendorRead',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${r.pick(undeclared)}:root` },
      Action: ['s3:GetObject', 's3:ListBucket'],
      Resource: '*',
    });
  return policyText(st, false);
}

function replicationTo(r, account, base, undeclared) {
  const t = r.float();
  let dest;
  let destAccount;
  let owner = false;
  if (t < 0.45) {
    dest = `${base}-dr-${account}-${r.pick(['euc1', 'euw2'])}`;
    destAccount = account;
  } else if (t < 0.6) {
    dest = `${base}-dr-${account}-use1`;
    destAccount = account;
  } else if (t < 0.8) {
    const p = r.pick(PARTIES);
    dest = `${p.name.toLowerCase()}-dr-${r.hex(6)}`;
    destAccount = p.account;
    owner = true;
  } else if (t < 0.92) {
    destAccount = r.pick(undeclared);
    dest = `backup-${destAccount}-${r.hex(4)}`;
    owner = true;
  } else {
    dest = `archive-${r.hex(8)}`;
  }
  return {
    Role: `arn:aws:iam::${account}:role/s3-replication-${r.hex(4)}`,
    Rules: [
      {
        ID: `replicate-${r.hex(4)}`,
        Priority: 1,
        Filter: { Prefix: '' },
        Status: r.chance(0.95) ? 'Enabled' : 'Disabled',
        SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: 'Enabled' } },
        Destination: {
          Bucket: `arn:aws:s3:::${dest}`,
          ...(destAccount ? { Account: destAccount } : {}),
          StorageClass: 'STANDARD',
          ...(owner ? { AccessControlTranslation: { Owner: 'Destination' } } : {}),
        },
        DeleteMarkerReplication: { Status: 'Disabled' },
      },
    ],
  };
}

function keyMetadata(r, account, k) {
  return {
    KeyMetadata: {
      AWSAccountId: account,
      KeyId: k.id,
      Arn: k.arn,
      CreationDate: r.date(true),
      Enabled: true,
      Description: k.description ?? '',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: k.manager,
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false,
    },
  };
}

function keyPolicy(account, adminRole, k, R) {
  if (k.manager === 'AWS') {
    const svc = k.alias?.split('/')[2] ?? 's3';
    return policyText(
      [
        {
          Sid: `Allow access through ${svc} for all principals in the account that are authorized to use it`,
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
              'kms:ViaService': `${svc}.${R.name}.amazonaws.com`,
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
      true,
    );
  }
  const st = [
    {
      Sid: 'EnableIAMPolicies',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${account}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'AllowKeyAdministration',
      Effect: 'Allow',
      Principal: { AWS: adminRole },
      Action: [
        'kms:Create*',
        'kms:Describe*',
        'kms:Enable*',
        'kms:List*',
        'kms:Put*',
        'kms:Update*',
        'kms:Revoke*',
        'kms:Disable*',
        'kms:Get*',
        'kms:Delete*',
        'kms:TagResource',
        'kms:UntagResource',
        'kms:ScheduleKeyDeletion',
        'kms:CancelKeyDeletion',
      ],
      Resource: '*',
    },
  ];
  if (k.external)
    st.push({
      Sid: 'AllowExternalDecrypt',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${k.external}:root` },
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Resource: '*',
    });
  return policyText(st, true);
}

function grants(r, account, k, undeclared) {
  const out = [];
  const n = r.chance(0.6) ? 0 : r.int(1, 3);
  for (let i = 0; i < n; i++) {
    const outside = r.chance(0.03);
    out.push({
      KeyId: k.arn,
      GrantId: r.hex(64),
      Name: outside ? `support-${r.hex(6)}` : '',
      CreationDate: r.date(true),
      GranteePrincipal: outside
        ? `arn:aws:iam::${r.pick(undeclared)}:role/support`
        : `arn:aws:iam::${account}:role/${r.pick(['api', 'worker', 'etl'])}-${r.hex(4)}-role`,
      ...(outside ? {} : { RetiringPrincipal: `arn:aws:iam::${account}:root` }),
      IssuingAccount: `arn:aws:iam::${account}:root`,
      Operations: ['Decrypt', 'GenerateDataKey', 'DescribeKey'].slice(0, r.int(1, 3)),
      ...(r.chance(0.3)
        ? { Constraints: { EncryptionContextSubset: { 'aws:ebs:id': `vol-${r.hex(17)}` } } }
        : {}),
    });
  }
  return out;
}

function orgTrailEntry(bucket, key, arn) {
  return {
    Name: 'acme-org-trail',
    S3BucketName: bucket,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    HomeRegion: 'eu-west-1',
    TrailARN: arn,
    LogFileValidationEnabled: true,
    KmsKeyId: key,
    HasCustomEventSelectors: true,
    HasInsightSelectors: false,
    IsOrganizationTrail: true,
  };
}

function orgTrailSelectors(arn) {
  return {
    TrailARN: arn,
    AdvancedEventSelectors: [
      {
        Name: 'Management events',
        FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
      },
      {
        Name: 'Kafka sink and tiered-storage object events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::acme-kafka-'] },
        ],
      },
    ],
  };
}

function trailStatus(r, logging) {
  const t = r.date(true);
  return {
    IsLogging: logging,
    LatestDeliveryTime: t,
    LatestDigestDeliveryTime: t,
    StartLoggingTime: '2025-03-04T10:12:33.118000+00:00',
    LatestDeliveryAttemptTime: t.replace(/\.\d+\+00:00$/, 'Z'),
    LatestNotificationAttemptTime: '',
    LatestNotificationAttemptSucceeded: '',
    LatestDeliveryAttemptSucceeded: t.replace(/\.\d+\+00:00$/, 'Z'),
    TimeLoggingStarted: '2025-03-04T10:12:33Z',
    TimeLoggingStopped: logging ? '' : '2026-10-01T12:00:00Z',
  };
}

function tgwEntry(t) {
  return {
    TransitGatewayId: t.id,
    TransitGatewayArn: `arn:aws:ec2:${t.region}:${t.owner}:transit-gateway/${t.id}`,
    State: 'available',
    OwnerId: t.owner,
    Description: `Shared hub transit gateway (${t.region})`,
    CreationTime: '2024-02-06T10:03:17+00:00',
    Options: {
      AmazonSideAsn: t.asn,
      AutoAcceptSharedAttachments: 'disable',
      DefaultRouteTableAssociation: 'enable',
      AssociationDefaultRouteTableId: t.rtb,
      DefaultRouteTablePropagation: 'enable',
      PropagationDefaultRouteTableId: t.rtb,
      VpnEcmpSupport: 'enable',
      DnsSupport: 'enable',
      SecurityGroupReferencingSupport: 'disable',
      MulticastSupport: 'disable',
    },
    Tags: tags({ Name: `hub-tgw-${REGIONS[t.region]}` }),
  };
}

function mskV2(r, c) {
  return {
    ClusterType: 'PROVISIONED',
    ClusterArn: c.arn,
    ClusterName: c.name,
    CreationTime: r.date(true),
    CurrentVersion: r.alnum(14),
    State: 'ACTIVE',
    Tags: { team: 'streaming-platform', environment: 'prod' },
    Provisioned: {
      BrokerNodeGroupInfo: {
        BrokerAZDistribution: 'DEFAULT',
        ClientSubnets: c.subnets,
        InstanceType: 'kafka.m7g.large',
        SecurityGroups: [c.sgId],
        StorageInfo: { EbsStorageInfo: { VolumeSize: 1000 } },
        ConnectivityInfo: {
          PublicAccess: { Type: 'DISABLED' },
          VpcConnectivity: {
            ClientAuthentication: {
              Sasl: { Scram: { Enabled: false }, Iam: { Enabled: true } },
              Tls: { Enabled: false },
            },
          },
        },
      },
      CurrentBrokerSoftwareInfo: { KafkaVersion: '3.7.x.kraft' },
      ClientAuthentication: {
        Sasl: { Scram: { Enabled: false }, Iam: { Enabled: true } },
        Tls: { CertificateAuthorityArnList: [], Enabled: false },
        Unauthenticated: { Enabled: false },
      },
      EncryptionInfo: {
        EncryptionAtRest: { DataVolumeKMSKeyId: c.kmsArn },
        EncryptionInTransit: { ClientBroker: 'TLS', InCluster: true },
      },
      EnhancedMonitoring: 'PER_BROKER',
      LoggingInfo: {
        BrokerLogs: {
          CloudWatchLogs: { Enabled: true, LogGroup: `/aws/msk/${c.name}` },
          Firehose: { Enabled: false },
          S3: { Enabled: false },
        },
      },
      NumberOfBrokerNodes: c.brokers,
      StorageMode: c.storageMode ?? 'LOCAL',
      CustomerActionStatus: 'NONE',
    },
  };
}

function mskV1(v2) {
  const p = v2.Provisioned;
  return {
    BrokerNodeGroupInfo: p.BrokerNodeGroupInfo,
    ClientAuthentication: p.ClientAuthentication,
    ClusterArn: v2.ClusterArn,
    ClusterName: v2.ClusterName,
    CreationTime: v2.CreationTime,
    CurrentBrokerSoftwareInfo: p.CurrentBrokerSoftwareInfo,
    CurrentVersion: v2.CurrentVersion,
    EncryptionInfo: p.EncryptionInfo,
    EnhancedMonitoring: p.EnhancedMonitoring,
    NumberOfBrokerNodes: p.NumberOfBrokerNodes,
    State: v2.State,
    Tags: v2.Tags,
  };
}

function pab(on) {
  return {
    BlockPublicAcls: on,
    IgnorePublicAcls: on,
    BlockPublicPolicy: on,
    RestrictPublicBuckets: on,
  };
}

function prefixListId(svc, region) {
  return `pl-${hash32('pl', svc, region).toString(16).padStart(8, '0')}`;
}

function prefixCidrs(svc, region) {
  const h = hash32('cidrs', svc, region);
  return [0, 1, 2, 3].map(
    (k) => `${[3, 18, 52, 54][k]}.${(h >>> (k * 8)) & 0xff}.${k * 32}.0/${19 + k}`,
  );
}

function boundaryYaml({
  N,
  orgId,
  accounts,
  mgmt,
  logArchive,
  hub,
  automqClusters,
  mskClusters,
  undeclared,
  kafka,
}) {
  const q = (s) => JSON.stringify(s);
  const lines = [];
  lines.push(
    `# Synthetic boundary for the ownmap benchmark (${N} resources, generator v${GENERATOR_VERSION}).`,
  );
  lines.push('version: 1');
  lines.push(`name: synthetic-${N}`);
  lines.push('inside:');
  lines.push('  organizations:');
  lines.push(`    - ${orgId}`);
  lines.push('  accounts:');
  for (const a of new Set([
    mgmt,
    logArchive,
    hub,
    ...accounts.filter((x) => x.kind === 'standalone'),
  ]))
    lines.push(`    - id: ${q(a.id)}\n      name: ${a.name}`);
  lines.push('approvedRegions:');
  for (const r of APPROVED) lines.push(`  - ${r}`);
  lines.push('parties:');
  for (const p of PARTIES) {
    lines.push(
      `  - name: ${p.name}\n    role: ${p.role}\n    accounts:\n      - ${q(p.account)}\n    description: ${q(p.what)}`,
    );
  }
  lines.push('data:');
  lines.push('  buckets:');
  lines.push('    - acme-automq-*');
  lines.push('    - acme-kafka-*');
  lines.push('  keys:');
  lines.push('    - alias/automq-*');
  lines.push('    - alias/kafka-*');
  lines.push('kafka:');
  if (kafka) lines.push(kafkaYaml(kafka));
  else lines.push('  clusters:');
  for (const c of kafka ? [] : automqClusters.slice(0, 2)) {
    lines.push(
      `    - name: ${c.name}\n      kind: automq\n      account: ${q(c.account)}\n      region: ${c.region}\n      buckets:`,
    );
    for (const b of c.buckets) lines.push(`        - ${b}`);
    lines.push(`      keys:\n        - ${c.key}`);
  }
  for (const arn of kafka ? [] : mskClusters.slice(0, 1))
    lines.push(`    - name: ${arn.split('/')[1]}\n      kind: msk\n      msk: ${q(arn)}`);
  if (!kafka) lines.push('  clients: []');
  lines.push('rules:');
  lines.push('  disable: []');
  lines.push('  severity: {}');
  lines.push('suppressions:');
  lines.push('  - rule: role-trusts-outside-account');
  lines.push('    resource: "arn:aws:iam::*:role/automq-byoc-control-plane-*"');
  lines.push(
    '    reason: AutoMQ BYOC control plane roles, ExternalId enforced, reviewed in SEC-2291',
  );
  lines.push('    expires: 2027-06-30');
  lines.push('  - rule: undeclared-account');
  lines.push(`    resource: ${q(`arn:aws:iam::${undeclared[0]}:root`)}`);
  lines.push('    reason: legacy vendor, offboarding tracked in SEC-3310');
  lines.push('    expires: 2026-01-31');
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------ CLI

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({
    options: {
      resources: { type: 'string', short: 'n' },
      out: { type: 'string', short: 'o' },
      seed: { type: 'string', default: '1' },
      clusters: { type: 'string' },
      brokers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.resources || !values.out) {
    process.stdout.write(
      'usage: node bench/synth.mjs --resources <N> --out <dir> [--seed <n>] [--clusters <C> [--brokers <B>]]\n',
    );
    process.exit(values.help ? 0 : 2);
  }
  let summary;
  try {
    summary = synthesize({
      resources: Number(values.resources),
      out: values.out,
      seed: Number(values.seed),
      ...(values.clusters !== undefined ? { clusters: Number(values.clusters) } : {}),
      ...(values.brokers !== undefined ? { brokers: Number(values.brokers) } : {}),
    });
  } catch (err) {
    process.stderr.write(`synth: ${err.message}\n`);
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
