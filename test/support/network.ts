/**
 * Network helpers for case tables: a VPC as AWS creates one (subnets, main route table, the
 * default network ACL, a security group open to 10.0.0.0/8) and hosts in it.
 */
import type { BoundaryInput } from '../../src/boundary/schema.js';
import {
  DEFAULT_ACCOUNT,
  DEFAULT_REGION,
  type Estate,
  estate as estateOf,
  type RouteInput,
} from './estate.js';

type ClientInput = NonNullable<NonNullable<BoundaryInput['kafka']>['clients']>[number];

const A = DEFAULT_ACCOUNT;
const EU = DEFAULT_REGION;

export type SubnetSpec =
  | readonly [az: string, cidr: string]
  | { az: string; cidr: string; ipv6?: string };

export interface NetSpec {
  vpc: string;
  cidr: string;
  ipv6?: string;
  account?: string;
  region?: string;
  subnets: Record<string, SubnetSpec>;
  /** Routes of the VPC's main route table (`rtb-<name>-main`) besides the local ones. */
  main?: RouteInput[];
  /** Subnets that get their own network ACL (left out of the default ACL's associations). */
  ownAcl?: string[];
}

export const short = (vpc: string) => vpc.replace(/^vpc-/, '');
/** The open security group `network()` gives each VPC: all traffic from 10.0.0.0/8. */
export const openSg = (vpc: string) => `sg-${short(vpc)}-open`;

/**
 * A VPC as AWS creates one: its subnets, a main route table, the default network ACL (allow
 * all, associated with every subnet) and a security group open to 10.0.0.0/8.
 */
export function network(e: Estate, s: NetSpec): Estate {
  const at = { account: s.account ?? A, region: s.region ?? EU };
  e.vpc(s.vpc, { ...at, cidr: s.cidr, ...(s.ipv6 ? { ipv6Cidr: s.ipv6 } : {}) });
  for (const [id, spec] of Object.entries(s.subnets)) {
    const o = Array.isArray(spec)
      ? { az: spec[0] as string, cidr: spec[1] as string }
      : (spec as { az: string; cidr: string; ipv6?: string });
    e.subnet(id, {
      ...at,
      vpc: s.vpc,
      az: o.az,
      cidr: o.cidr,
      ...(o.ipv6 ? { ipv6Cidr: o.ipv6 } : {}),
    });
  }
  e.networkAcl(`acl-${short(s.vpc)}-default`, {
    ...at,
    vpc: s.vpc,
    isDefault: true,
    subnets: Object.keys(s.subnets).filter((id) => !s.ownAcl?.includes(id)),
  });
  e.securityGroup(openSg(s.vpc), {
    ...at,
    vpc: s.vpc,
    ingress: [{ protocol: '-1', cidrs: ['10.0.0.0/8'] }],
  });
  e.routeTable(`rtb-${short(s.vpc)}-main`, { ...at, vpc: s.vpc, main: true, routes: s.main ?? [] });
  return e;
}

/** A host: a network interface in `subnet` at `ip`, in the VPC's open group unless told. */
export function host(
  e: Estate,
  id: string,
  subnet: string,
  ip: string,
  o: { vpc?: string; groups?: string[]; publicIp?: string; ipv6?: string[]; account?: string } = {},
): Estate {
  return e.networkInterface(id, {
    subnet,
    privateIp: ip,
    ...(o.groups ? { groups: o.groups } : o.vpc ? { groups: [openSg(o.vpc)] } : {}),
    ...(o.publicIp ? { publicIp: o.publicIp } : {}),
    ...(o.ipv6 ? { ipv6: o.ipv6 } : {}),
    ...(o.account ? { account: o.account } : {}),
  });
}

export const KAFKA_KEY_ID = '3f2a9c1e-7b4d-4e8a-9c6f-1a2b3c4d5e6f';
export const KAFKA_BUCKET = 'acme-kafka-wal-euw1';
/** The private addresses of brokers 0, 1, 2 of `kafkaVpc` (i-broker-a/b/c). */
export const KAFKA_BROKER_IPS = ['10.8.1.20', '10.8.2.20', '10.8.3.20'] as const;
/** The AZ ids of `kafkaVpc`'s eu-west-1a/b/c, where brokers 0, 1, 2 run. */
export const KAFKA_AZ_IDS = ['euw1-az1', 'euw1-az2', 'euw1-az3'] as const;

export interface KafkaVpcOptions {
  /** An S3 gateway endpoint routed from the broker subnets. */
  s3Endpoint?: boolean;
  /** A NAT gateway (and public subnet) in each AZ instead of one in eu-west-1a. */
  natPerAz?: boolean;
  /** A KMS interface endpoint with private DNS in these broker subnets (a, b, c). */
  kmsEndpoint?: ('a' | 'b' | 'c')[];
  /** Broker 0 in the public subnet with a public address. */
  publicBroker?: boolean;
  /** Ingress of the brokers' group on 9092; default the VPC's 10.0.0.0/8. */
  brokerIngress?: string[];
  /** The bucket's region (default eu-west-1). */
  bucketRegion?: string;
}

/**
 * An AutoMQ cluster `orders` in account 111111111111, eu-west-1, vpc-kafka (10.8.0.0/16):
 * brokers i-broker-a/b/c (eni-broker-a/b/c) tagged `automq:cluster: orders` in private subnets
 * of eu-west-1a/b/c (euw1-az1/2/3), one NAT gateway nat-kafka-a in the public subnet of
 * eu-west-1a, an internet gateway, the WAL bucket and the cluster's key. The boundary for it
 * is `kafkaBoundary`.
 */
export function kafkaVpc(o: KafkaVpcOptions = {}): Estate {
  const e = estateOf();
  const azs = ['a', 'b', 'c'] as const;
  network(e, {
    vpc: 'vpc-kafka',
    cidr: '10.8.0.0/16',
    subnets: Object.fromEntries([
      ...azs.map((z, i) => [`subnet-kafka-pub-${z}`, [`${EU}${z}`, `10.8.${10 + i}.0/24`]]),
      ...azs.map((z, i) => [`subnet-kafka-priv-${z}`, [`${EU}${z}`, `10.8.${i + 1}.0/24`]]),
    ]),
  });
  e.internetGateway('igw-kafka', { vpc: 'vpc-kafka' }).routeTable('rtb-kafka-public', {
    vpc: 'vpc-kafka',
    routes: [['0.0.0.0/0', 'igw-kafka']],
    subnets: azs.map((z) => `subnet-kafka-pub-${z}`),
  });
  const s3: RouteInput[] = o.s3Endpoint ? [['pl-6da54004', 'vpce-kafka-s3']] : [];
  const nats = o.natPerAz ? azs : (['a'] as const);
  for (const z of nats) e.natGateway(`nat-kafka-${z}`, { subnet: `subnet-kafka-pub-${z}` });
  if (o.natPerAz)
    for (const z of azs)
      e.routeTable(`rtb-kafka-private-${z}`, {
        vpc: 'vpc-kafka',
        routes: [['0.0.0.0/0', `nat-kafka-${z}`], ...s3],
        subnets: [`subnet-kafka-priv-${z}`],
      });
  else
    e.routeTable('rtb-kafka-private', {
      vpc: 'vpc-kafka',
      routes: [['0.0.0.0/0', 'nat-kafka-a'], ...s3],
      subnets: azs.map((z) => `subnet-kafka-priv-${z}`),
    });
  if (o.s3Endpoint)
    e.prefixList('pl-6da54004', {
      service: 's3',
      cidrs: ['52.218.0.0/17', '3.5.64.0/21'],
    }).vpcEndpoint('vpce-kafka-s3', {
      vpc: 'vpc-kafka',
      routeTables: o.natPerAz ? azs.map((z) => `rtb-kafka-private-${z}`) : ['rtb-kafka-private'],
    });
  if (o.kmsEndpoint?.length)
    e.securityGroup('sg-kafka-vpce', {
      vpc: 'vpc-kafka',
      ingress: [{ protocol: 'tcp', ports: 443, cidrs: ['10.8.0.0/16'] }],
    }).vpcEndpoint('vpce-kafka-kms', {
      vpc: 'vpc-kafka',
      type: 'Interface',
      service: `com.amazonaws.${EU}.kms`,
      subnets: o.kmsEndpoint.map((z) => `subnet-kafka-priv-${z}`),
      groups: ['sg-kafka-vpce'],
    });
  e.securityGroup('sg-kafka-broker', {
    vpc: 'vpc-kafka',
    ingress: [{ protocol: 'tcp', ports: 9092, cidrs: o.brokerIngress ?? ['10.0.0.0/8'] }],
  });
  azs.forEach((z, i) => {
    const publicOne = o.publicBroker && z === 'a';
    e.instance(`i-broker-${z}`, {
      subnet: publicOne ? 'subnet-kafka-pub-a' : `subnet-kafka-priv-${z}`,
      eni: `eni-broker-${z}`,
      privateIp: publicOne ? '10.8.10.20' : KAFKA_BROKER_IPS[i],
      ...(publicOne ? { publicIp: '54.72.10.11' } : {}),
      groups: ['sg-kafka-broker'],
      tags: {
        Name: `automq-orders-broker-${i}`,
        'automq:cluster': 'orders',
        'automq:node-id': String(i),
      },
    });
  });
  e.bucket(KAFKA_BUCKET, { region: o.bucketRegion ?? EU }).key(KAFKA_KEY_ID, {
    aliases: ['acme-kafka'],
  });
  return e;
}

/** The boundary of `kafkaVpc`: the cluster with its bucket and key (and clients, if given). */
export const kafkaBoundary = (clients: ClientInput[] = []) => ({
  kafka: {
    clusters: [
      {
        name: 'orders',
        kind: 'automq' as const,
        account: A,
        region: EU,
        buckets: ['acme-kafka-*'],
        keys: ['alias/acme-kafka'],
      },
    ],
    clients,
  },
});
