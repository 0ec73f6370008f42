/**
 * The flows `analyze` traces on its own: each broker to the buckets and keys of its cluster,
 * broker to broker, each declared client to its brokers, the internet to each broker, and
 * each broker to every endpoint an outside party declares. A path from one interface to a
 * service in one region and account is traced once for all the buckets or keys there.
 */
import type { Boundary } from '../boundary/schema.js';
import type { Inventory, Src } from '../inventory/model.js';
import type { NodeConfig } from '../topology/config.js';
import { NameIndex } from '../util/name-index.js';
import { addressIn, contains, parseAddress, parseCidr } from './cidr.js';
import type { EniInfo, NetworkIndex } from './network.js';
import { type PathResult, type PathSource, type PathTarget, tracePacket } from './trace.js';

export interface Broker {
  cluster: string;
  /** Broker or node id as the platform numbers it. */
  id: string;
  eni: EniInfo;
  instanceId: string | undefined;
  /** How the broker was placed: MSK's node list, its configuration's listeners, or tags. */
  placedBy: 'kafka-list-nodes' | 'broker config' | 'instance tags';
  /** The node's configuration, when the boundary names the cluster's config files. */
  config?: NodeConfig;
  src: Src;
}

/** A configured node whose listener addresses match no interface of the snapshot. */
export interface UnplacedNode {
  cluster: string;
  config: NodeConfig;
  reason: string;
}

export type FlowKind =
  | 'broker-to-bucket'
  | 'broker-to-key'
  | 'broker-to-broker'
  | 'client-to-broker'
  | 'internet-to-broker'
  | 'broker-to-party';

export interface Flow {
  kind: FlowKind;
  cluster: string;
  /** What the flow is about: the bucket, key, broker or party endpoint it reaches. */
  subject: { arn: string; account?: string; region?: string; label: string };
  fromLabel: string;
  source: PathSource;
  target: PathTarget;
  port: number;
  result: PathResult;
  /** The broker or client at the source, when the source is one. */
  broker?: Broker;
}

const KAFKA_PORT = 9092;
const CLUSTER_TAG = /(^|[:._-])cluster$|^kafkacluster$/i;

/**
 * The interfaces a listener host names: an address, an interface's private DNS name, or an
 * EC2 default host name (`ip-10-0-1-20.eu-west-1.compute.internal`, `ip-10-0-1-20.ec2.internal`).
 */
export function enisOfHost(net: NetworkIndex, host: string): EniInfo[] {
  if (parseAddress(host)) return net.enisByIp.get(host) ?? [];
  const name = host.toLowerCase().replace(/\.$/, '');
  const named = net.enisByDns.get(name);
  if (named) return named;
  const m =
    /^ip-(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})(?:\.([a-z]{2}(?:-[a-z]+)+-\d)\.compute\.internal|\.ec2\.internal)?$/.exec(
      name,
    );
  if (!m) return [];
  const region = m[5] ?? (name.endsWith('.ec2.internal') ? 'us-east-1' : undefined);
  return (net.enisByIp.get(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`) ?? []).filter(
    (e) => !region || e.region === region,
  );
}

/**
 * The name each MSK cluster of the snapshot goes by: the boundary's name for a declared one
 * (`kafka.clusters[].msk` is its ARN or name; a name several clusters share is settled by the
 * declared account and region), else its own name, made unique with its region (and account)
 * when another cluster has it too: a DR cluster often reuses its primary's name.
 */
export function mskClusterNames(inv: Inventory, boundary: Boundary): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of boundary.kafka.clusters) {
    if (d.kind !== 'msk') continue;
    const ref = d.msk ?? d.name;
    const candidates = inv.mskClusters.filter(
      (c) =>
        !out.has(c.arn) &&
        (c.arn === ref || c.name === ref) &&
        (!d.account || c.account === d.account) &&
        (!d.region || c.region === d.region),
    );
    const c = candidates.find((x) => x.arn === ref) ?? candidates[0];
    if (c) out.set(c.arn, d.name);
  }
  const taken = new Set(boundary.kafka.clusters.map((d) => d.name));
  const rest = inv.mskClusters.filter((c) => !out.has(c.arn));
  const count = new Map<string, number>();
  for (const c of rest) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  for (const c of rest) {
    let name = c.name;
    if (taken.has(name) || (count.get(name) ?? 0) > 1) name = `${c.name}@${c.region}`;
    if (taken.has(name) || rest.some((o) => o !== c && o.name === c.name && o.region === c.region))
      name = `${c.name}@${c.account}/${c.region}`;
    taken.add(name);
    out.set(c.arn, name);
  }
  return out;
}

/** The brokers of each cluster the boundary declares (and of every MSK cluster). */
export function brokersOf(
  inv: Inventory,
  boundary: Boundary,
  net: NetworkIndex,
  configs: ReadonlyMap<string, NodeConfig[]> = new Map(),
  unplaced: UnplacedNode[] = [],
): Broker[] {
  const out: Broker[] = [];
  const declared = boundary.kafka.clusters;
  const names = mskClusterNames(inv, boundary);
  for (const c of inv.mskClusters) {
    const name = names.get(c.arn)!;
    for (const n of c.nodes ?? []) {
      const eni = n.eniId ? net.enis.get(n.eniId) : n.ip ? net.enisByIp.get(n.ip)?.[0] : undefined;
      if (!eni) continue;
      out.push({
        cluster: name,
        id: String(n.brokerId ?? eni.id),
        eni,
        instanceId: undefined,
        placedBy: 'kafka-list-nodes',
        src: n.src,
      });
    }
  }
  // Kafka and AutoMQ with configuration files: each broker node by its listener addresses.
  for (const d of declared) {
    for (const config of configs.get(d.name) ?? []) {
      if (config.roles.length && !config.roles.includes('broker')) continue;
      const hosts = [...config.advertisedListeners, ...config.listeners]
        .filter((l) => !/CONTROLLER/.test(l.name))
        .map((l) => l.host)
        .filter((h) => h !== '' && h !== '0.0.0.0' && h !== '::');
      const eni = hosts
        .flatMap((h) => enisOfHost(net, h))
        .find(
          (e) => (!d.account || e.account === d.account) && (!d.region || e.region === d.region),
        );
      if (!eni) {
        const names = [...new Set(hosts)].filter((h) => !parseAddress(h));
        unplaced.push({
          cluster: d.name,
          config,
          reason: hosts.length
            ? `no interface of the snapshot holds ${[...new Set(hosts)].join(', ')} (listener addresses of ${config.file})${names.length ? `; host names are matched to the interfaces' EC2 private DNS names only (Route 53 records are not read)` : ''}`
            : `${config.file} names no listener address (0.0.0.0 binds every interface but says none)`,
        });
        continue;
      }
      out.push({
        cluster: d.name,
        id: config.nodeId ?? eni.id,
        eni,
        instanceId: eni.instanceId,
        placedBy: 'broker config',
        config,
        src: eni.src,
      });
    }
  }
  // Kafka and AutoMQ without configuration files: instances whose tags name the cluster.
  const selfManaged = declared.filter((d) => d.kind !== 'msk' && !configs.has(d.name));
  if (!selfManaged.length) return sortBrokers(out);
  for (const i of inv.instances) {
    if (i.raw.State?.Name && !['running', 'pending', 'stopped'].includes(i.raw.State.Name))
      continue;
    const tags = i.tags;
    const cluster = selfManaged.find(
      (d) =>
        (!d.account || d.account === i.account) &&
        (!d.region || d.region === i.region) &&
        (Object.entries(tags).some(([k, v]) => CLUSTER_TAG.test(k) && v === d.name) ||
          (/broker/i.test(tags.Role ?? '') && (tags.Name ?? '').startsWith(`${d.name}-`))),
    );
    if (!cluster) continue;
    const eniId = i.raw.NetworkInterfaces[0]?.NetworkInterfaceId;
    const eni = eniId
      ? net.enis.get(eniId)
      : i.raw.PrivateIpAddress
        ? net.enisByIp.get(i.raw.PrivateIpAddress)?.[0]
        : undefined;
    if (!eni) continue;
    const id =
      Object.entries(tags).find(([k]) => /node[-._]?id$|broker[-._]?id$/i.test(k))?.[1] ?? i.id;
    out.push({
      cluster: cluster.name,
      id,
      eni,
      instanceId: i.id,
      placedBy: 'instance tags',
      src: i.src,
    });
  }
  return sortBrokers(out);
}

/** By cluster, then by broker id (numerically when both are numbers), then by interface. */
function sortBrokers(list: Broker[]): Broker[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return list.sort(
    (a, b) =>
      cmp(a.cluster, b.cluster) ||
      (/^\d+$/.test(a.id) && /^\d+$/.test(b.id) ? Number(a.id) - Number(b.id) : cmp(a.id, b.id)) ||
      cmp(a.eni.id, b.eni.id),
  );
}

/** Trace every automatic flow. */
export function automaticFlows(
  inv: Inventory,
  boundary: Boundary,
  net: NetworkIndex,
  configs: ReadonlyMap<string, NodeConfig[]> = new Map(),
): { brokers: Broker[]; flows: Flow[]; unplaced: UnplacedNode[] } {
  const unplaced: UnplacedNode[] = [];
  const brokers = brokersOf(inv, boundary, net, configs, unplaced);
  const flows: Flow[] = [];
  const cache = new Map<string, PathResult>();
  const trace = (from: PathSource, to: PathTarget, port: number, key: string | undefined) => {
    if (key) {
      const hit = cache.get(`${key}|${port}`);
      if (hit) return hit;
    }
    const r = tracePacket(net, from, to, { port });
    if (key) cache.set(`${key}|${port}`, r);
    return r;
  };
  /**
   * One trace per interface and destination (a service in a region and account serves every
   * bucket or key there). Interfaces of one subnet are not shared: network ACL and security
   * group rules may name a single address.
   */
  const fromBroker = (b: Broker, to: PathTarget, toKey: string, port: number): PathResult =>
    trace({ kind: 'eni', id: b.eni.id }, to, port, `${b.eni.id}|${toKey}`);

  const bucketIndex = new NameIndex(inv.buckets.map((b) => [b.name, b] as const));
  const keyIndex = new NameIndex(
    inv.kmsKeys.flatMap((k) => [[k.arn, k] as const, ...k.aliases.map((a) => [a, k] as const)]),
  );
  const byCluster = new Map<string, Broker[]>();
  for (const b of brokers) {
    const list = byCluster.get(b.cluster);
    if (list) list.push(b);
    else byCluster.set(b.cluster, [b]);
  }
  const kindOf = (name: string) =>
    boundary.kafka.clusters.find((c) => c.name === name)?.kind ??
    (inv.mskClusters.some((c) => c.name === name) ? 'msk' : 'kafka');

  for (const [cluster, list] of byCluster) {
    const declared = boundary.kafka.clusters.find((c) => c.name === cluster);
    // MSK brokers live in an AWS-managed VPC: their storage and replication are not the
    // customer's network paths; only client and internet access are.
    const managed = kindOf(cluster) === 'msk';
    if (!managed && declared) {
      const buckets = [...bucketIndex.match(declared.buckets)]
        .filter((b) => b.region)
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      const keys = [...keyIndex.match(declared.keys)].sort((a, b) => (a.arn < b.arn ? -1 : 1));
      // Each broker to the service holding each of its stores (one trace per service, region
      // and account serves every bucket or key there).
      const stores = [
        ...buckets.map((x) => ({
          kind: 'broker-to-bucket' as const,
          service: 's3',
          region: x.region!,
          subject: { arn: x.arn, account: x.account, region: x.region!, label: x.name },
        })),
        ...keys.map((x) => ({
          kind: 'broker-to-key' as const,
          service: 'kms',
          region: x.region,
          subject: {
            arn: x.arn,
            account: x.account,
            region: x.region,
            label: x.aliases[0] ?? x.id,
          },
        })),
      ];
      for (const b of list)
        for (const st of stores) {
          const to: PathTarget = {
            kind: 'service',
            service: st.service,
            region: st.region,
            account: st.subject.account,
          };
          flows.push({
            kind: st.kind,
            cluster,
            subject: st.subject,
            fromLabel: `broker ${b.id} (${b.eni.id})`,
            source: { kind: 'eni', id: b.eni.id },
            target: to,
            port: 443,
            result: fromBroker(b, to, `${st.service}:${st.region}:${st.subject.account}`, 443),
            broker: b,
          });
        }
      for (const a of list)
        for (const b of list) {
          if (a === b) continue;
          const to: PathTarget = { kind: 'eni', id: b.eni.id };
          flows.push({
            kind: 'broker-to-broker',
            cluster,
            subject: {
              arn: brokerArn(b),
              account: b.eni.account,
              region: b.eni.region,
              label: `broker ${b.id}`,
            },
            fromLabel: `broker ${a.id} (${a.eni.id})`,
            source: { kind: 'eni', id: a.eni.id },
            target: to,
            port: KAFKA_PORT,
            result: tracePacket(net, { kind: 'eni', id: a.eni.id }, to, { port: KAFKA_PORT }),
            broker: a,
          });
        }
    }
    for (const b of list) {
      const to: PathTarget = { kind: 'eni', id: b.eni.id };
      flows.push({
        kind: 'internet-to-broker',
        cluster,
        subject: {
          arn: brokerArn(b),
          account: b.eni.account,
          region: b.eni.region,
          label: `broker ${b.id}`,
        },
        fromLabel: 'internet',
        source: { kind: 'internet' },
        target: to,
        port: KAFKA_PORT,
        result: tracePacket(net, { kind: 'internet' }, to, { port: KAFKA_PORT }),
        broker: b,
      });
      for (const party of boundary.parties)
        for (const ep of party.endpoints) {
          const cidr = parseCidr(ep.address);
          if (!cidr) continue;
          const ip = ep.address.includes('/') ? addressIn(cidr).text : ep.address;
          const to: PathTarget = { kind: 'ip', ip };
          flows.push({
            kind: 'broker-to-party',
            cluster,
            subject: {
              arn: `party:${party.name}/${ep.name}`,
              label: `${party.name} ${ep.name} (${ep.address}:${ep.port})`,
            },
            fromLabel: `broker ${b.id} (${b.eni.id})`,
            source: { kind: 'eni', id: b.eni.id },
            target: to,
            port: ep.port,
            result: fromBroker(b, to, `ip:${ip}`, ep.port),
            broker: b,
          });
        }
    }
  }

  for (const client of boundary.kafka.clients) {
    const targets = byCluster.get(client.cluster) ?? [];
    if (!targets.length) continue;
    const subnetId = clientSubnet(net, client);
    if (!subnetId) continue;
    for (const b of targets) {
      const to: PathTarget = { kind: 'eni', id: b.eni.id };
      flows.push({
        kind: 'client-to-broker',
        cluster: client.cluster,
        subject: {
          arn: brokerArn(b),
          account: b.eni.account,
          region: b.eni.region,
          label: `broker ${b.id}`,
        },
        fromLabel: `client ${client.name} (${subnetId})`,
        source: { kind: 'subnet', id: subnetId },
        target: to,
        port: KAFKA_PORT,
        result: tracePacket(net, { kind: 'subnet', id: subnetId }, to, { port: KAFKA_PORT }),
      });
    }
  }
  return { brokers, flows, unplaced };
}

/** A stable name for a broker in findings: its interface's ARN. */
export function brokerArn(b: Broker): string {
  return `arn:aws:ec2:${b.eni.region}:${b.eni.account}:network-interface/${b.eni.id}`;
}

/** Where a declared client runs: its subnet, or a subnet of its VPC or CIDR in its AZ. */
export function clientSubnet(
  net: NetworkIndex,
  c: Boundary['kafka']['clients'][number],
): string | undefined {
  if (c.subnet) return net.subnets.has(c.subnet) ? c.subnet : undefined;
  if (c.vpc === undefined && c.cidr === undefined) return undefined;
  // With a VPC, only its subnets; otherwise every subnet (a CIDR may be in any VPC).
  const pool = c.vpc !== undefined ? (net.subnetsOfVpc.get(c.vpc) ?? []) : net.subnets.values();
  const candidates = [...pool].filter((s) => {
    if (c.vpc && s.vpcId !== c.vpc) return false;
    if (c.account && s.account !== c.account) return false;
    if (c.region && s.region !== c.region) return false;
    if (c.cidr) {
      const block = parseCidr(c.cidr);
      const a = block ? addressIn(block) : undefined;
      if (!a || !s.cidrs.some((x) => contains(x, a))) return false;
    }
    return c.vpc !== undefined || c.cidr !== undefined;
  });
  candidates.sort((a, b) => (a.id < b.id ? -1 : 1));
  const inAz = candidates.filter((s) => !c.azId || s.azId === c.azId);
  return (inAz[0] ?? candidates[0])?.id;
}
