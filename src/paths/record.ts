/**
 * Record paths: for each cluster, where a produced record goes, hop by hop: producer →
 * partition leader → durable store (broker disk in its AZ, or a WAL and data bucket in its
 * region and account under its key) → followers → tiered bucket → consumers → replication
 * links (MSK Replicator, MirrorMaker 2, cluster linking, S3 replication) to another region
 * or account. Each hop carries account, region, AZ id, owner, store kind and key; each path
 * the bytes it carries for every produced byte, and what crosses an AZ, a region, an account
 * or the boundary. Then what the data motion costs a month at the boundary's rates. Pure.
 *
 * Everything the model cannot see is said in `assumptions`: it never guesses in silence.
 */
import type { Owners } from '../boundary/owners.js';
import type { Boundary } from '../boundary/schema.js';
import type { Lookup } from '../inventory/lookup.js';
import type { Inventory, MskCluster, Src, Volume } from '../inventory/model.js';
import type { NodeConfig } from '../topology/config.js';
import {
  type AzFlow,
  azFlows,
  type ClusterKind,
  type CostInput,
  type CrossAz,
  defaultPlacement,
  gbPerMonth,
  type PartitionPlacement,
  type Rates,
  SECONDS_PER_MONTH,
  sumCrossAz,
} from '../topology/cost.js';
import type { Topic } from '../topology/topics.js';
import { bucketOfArn, parseArn } from '../util/arn.js';
import { NameIndex } from '../util/name-index.js';
import { type Broker, type Flow, mskClusterNames, type UnplacedNode } from './flows.js';
import type { NetworkIndex } from './network.js';
import { type PathResult, tracePacket } from './trace.js';

export type StoreKind =
  /** Apache Kafka's log on the broker's disk. */
  | 'broker-disk'
  /** AutoMQ's write-ahead log on a block device of the broker. */
  | 'block-wal'
  /** AutoMQ's write-ahead log in S3. */
  | 's3-wal'
  /** AutoMQ's stream objects. */
  | 's3-data'
  /** Kafka tiered storage (KIP-405) segments. */
  | 's3-tiered'
  /** MSK provisioned broker storage (EBS volumes the service manages). */
  | 'msk-storage'
  /** MSK tiered storage, or MSK Serverless storage: the service's own. */
  | 'msk-managed'
  /** A copy S3 replication keeps. */
  | 's3-replica'
  /** AutoMQ's zone-router channel: records handed from one AZ's broker to another's. */
  | 's3-router';

export interface Encryption {
  /**
   * `kms`: a KMS key the snapshot names; `aws-managed`: an AWS managed key (aws/kafka,
   * aws/ebs); `aws-owned`: a key the service owns; `sse-s3`: S3-managed keys; `none`: stored
   * in clear; `unknown`: the snapshot does not say.
   */
  state: 'kms' | 'aws-managed' | 'aws-owned' | 'sse-s3' | 'none' | 'unknown';
  key?: string;
  keyAccount?: string;
  keyOwner?: string;
  /** Why, in a few words (which volume is unencrypted, which file is missing). */
  detail?: string;
  src?: Src;
}

export interface RecordHop {
  /** ARN where AWS has one, else a stable synthetic id (`brokers:orders@euw1-az1`). */
  node: string;
  kind: 'producer' | 'consumer' | 'brokers' | 'store' | 'cluster';
  label: string;
  account?: string;
  region?: string;
  azId?: string;
  /** `inside`, a party's name, `undeclared`, or `unknown` when the account is not known. */
  owner: string;
  store?: StoreKind;
  encryption?: Encryption;
}

export type RecordPathKind =
  | 'produce'
  | 'durable'
  | 'replicate'
  | 'tier'
  | 'consume'
  | 'replicate-out';

export interface RecordPath {
  kind: RecordPathKind;
  hops: RecordHop[];
  /** Bytes on this path for each produced byte. */
  bytesPerProducedByte: number;
  crossAz: boolean;
  crossRegion: boolean;
  crossAccount: boolean;
  leavesBoundary: boolean;
  /** How the packets go, when the path leaves a broker for a service and was traced. */
  network?: { disposition: string; via: string[]; nat: boolean };
  /** A replication link's name and what declares it. */
  link?: { name: string; kind: string };
  evidence: Src[];
}

export interface ClusterRecords {
  name: string;
  kind: ClusterKind;
  arn?: string;
  account?: string;
  region?: string;
  azIds: string[];
  brokers: {
    id: string;
    interface: string;
    azId?: string;
    subnet?: string;
    vpc?: string;
    account: string;
    region: string;
    rack?: string;
    placedBy: string;
  }[];
  replicationFactor: { value: number; from: string };
  rackAwareFetch: boolean;
  zoneRouting: boolean;
  /** How clients reach an MSK cluster (from get-bootstrap-brokers). */
  access?: string[];
  producedMBps: number | undefined;
  /** Consumer groups: members, whether they fetch from the nearest replica, and why not. */
  consumerGroups: {
    name: string;
    members: string[];
    azIds: string[];
    rackAware: boolean;
    /** Why the group does not fetch from its own AZ (undefined when it does). */
    why?: string;
    /** Bytes the group pulls across an AZ for each produced byte. */
    crossAzPerProducedByte: number;
  }[];
  stores: RecordHop[];
  paths: RecordPath[];
  crossAz: {
    perProducedByte: number;
    /** `storage`: bytes to a bucket whose packets cross an AZ on the way (NAT, endpoint). */
    byHop: { produce: number; replicate: number; consume: number; storage: number };
    /** What AWS bills of it (MSK does not bill replication between its brokers). */
    chargedPerProducedByte: number;
    /** Every cross-AZ GB a month, and the part AWS bills (both sides, at the inter-AZ rate). */
    gbPerMonth: number | null;
    billedGbPerMonth: number | null;
    usdPerMonth: number | null;
  };
  crossRegion: { perProducedByte: number; gbPerMonth: number | null; usdPerMonth: number | null };
  nat: { perProducedByte: number; gbPerMonth: number | null; usdPerMonth: number | null };
  s3Requests: {
    putsPerMonth: number | null;
    getsPerMonth: number | null;
    usdPerMonth: number | null;
  };
  elasticity: {
    model: 'shared-nothing' | 'shared-storage' | 'managed';
    scalingMovesData: boolean;
    detail: string;
  };
  assumptions: string[];
  /** Where the cluster's placement comes from: the MSK listing, node lists, configs. */
  evidence: Src[];
}

export interface RecordInput {
  inventory: Inventory;
  boundary: Boundary;
  owners: Owners;
  lookup: Lookup;
  network: NetworkIndex;
  brokers: readonly Broker[];
  /** Configured nodes whose listener addresses match no interface. */
  unplaced?: readonly UnplacedNode[];
  /** The packet flows `analyze` traced: their broker-to-bucket paths are reused. */
  flows?: readonly Flow[];
  configs: ReadonlyMap<string, NodeConfig[]>;
  topics: ReadonlyMap<string, Topic[]>;
}

type Declared = Boundary['kafka']['clusters'][number];
type Client = Boundary['kafka']['clients'][number];

const round = (x: number) => Math.round(x * 1e9) / 1e9;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The record paths of every cluster the boundary declares and every MSK cluster. */
export function recordPaths(input: RecordInput): ClusterRecords[] {
  const { inventory: inv, boundary } = input;
  const byCluster = new Map<string, Broker[]>();
  for (const b of input.brokers) {
    const list = byCluster.get(b.cluster);
    if (list) list.push(b);
    else byCluster.set(b.cluster, [b]);
  }
  const clients = new Map<string, Client[]>();
  for (const c of boundary.kafka.clients) {
    const list = clients.get(c.cluster);
    if (list) list.push(c);
    else clients.set(c.cluster, [c]);
  }
  const traces = new Map<string, PathResult>();
  for (const f of input.flows ?? [])
    if (f.kind === 'broker-to-bucket' && f.source.kind === 'eni' && f.target.kind === 'service')
      traces.set(`${f.source.id}|s3|${f.target.region}|${f.target.account ?? ''}`, f.result);
  // Volumes by the instance they are attached to; bucket names sorted for glob patterns.
  const volumesOf = new Map<string, Volume[]>();
  for (const v of input.inventory.volumes)
    for (const i of v.instanceIds) {
      const list = volumesOf.get(i);
      if (list) list.push(v);
      else volumesOf.set(i, [v]);
    }
  const bucketNames = new NameIndex(input.inventory.buckets.map((b) => [b.name, b.name] as const));
  const ctx: Ctx = {
    ...input,
    byCluster,
    clients,
    traces,
    mskNames: new Map(),
    volumesOf,
    bucketNames,
    vpcById: new Map(input.inventory.vpcs.map((v) => [v.id, v] as const)),
  };
  const units: { name: string; declared?: Declared; msk?: MskCluster }[] = [];
  ctx.mskNames = mskClusterNames(inv, boundary);
  const mskOf = new Map([...ctx.mskNames].map(([arn, n]) => [n, arn] as const));
  const byArn = new Map(inv.mskClusters.map((c) => [c.arn, c] as const));
  for (const d of boundary.kafka.clusters) {
    const arn = d.kind === 'msk' ? mskOf.get(d.name) : undefined;
    const msk = arn ? byArn.get(arn) : undefined;
    units.push({ name: d.name, declared: d, ...(msk ? { msk } : {}) });
  }
  const declaredNames = new Set(boundary.kafka.clusters.map((d) => d.name));
  for (const c of inv.mskClusters) {
    const n = ctx.mskNames.get(c.arn)!;
    if (!declaredNames.has(n)) units.push({ name: n, msk: c });
  }
  units.sort((a, b) => cmp(a.name, b.name));
  const out = units.map((u) => clusterRecords(ctx, u.name, u.declared, u.msk));
  // Links into a cluster whose own model is known: the target hop carries its stores.
  addReplicationLinks(ctx, out);
  for (const c of out) {
    sortPaths(c.paths);
    c.stores.sort((a, b) => cmp(a.store ?? '', b.store ?? '') || cmp(a.node, b.node));
    finishCosts(ctx, c);
  }
  return out;
}

interface Ctx extends RecordInput {
  byCluster: Map<string, Broker[]>;
  clients: Map<string, Client[]>;
  traces: Map<string, PathResult>;
  /** MSK cluster ARN → the cluster's name in this model. */
  mskNames: Map<string, string>;
  volumesOf: Map<string, Volume[]>;
  bucketNames: NameIndex<string>;
  vpcById: Map<string, { account: string; region: string }>;
}

function ownerName(ctx: Ctx, account: string | undefined): string {
  return account ? ctx.owners.of(account).name : 'unknown';
}

function clusterRecords(
  ctx: Ctx,
  name: string,
  declared: Declared | undefined,
  msk: MskCluster | undefined,
): ClusterRecords {
  const kind: ClusterKind = declared?.kind ?? 'msk';
  const assumptions: string[] = [];
  const configs = ctx.configs.get(name) ?? [];
  const brokers = ctx.byCluster.get(name) ?? [];
  const account = msk?.account ?? declared?.account ?? brokers[0]?.eni.account;
  const region = msk?.region ?? declared?.region ?? brokers[0]?.eni.region;
  const owner = ownerName(ctx, account);

  // What the configurations could not say, and nodes that could not be placed.
  for (const c of configs)
    for (const p of c.problems) assumptions.push(`${c.file}:${p.line}: ${p.message} (ignored)`);
  for (const u of ctx.unplaced ?? [])
    if (u.cluster === name)
      assumptions.push(`node ${u.config.nodeId ?? '?'} is left out: ${u.reason}`);

  // Where the brokers are. MSK without a node list: one per client subnet (the service
  // spreads brokers evenly over them).
  let brokerAzs = brokers.flatMap((b) => (b.eni.azId ? [b.eni.azId] : []));
  if (brokers.length && brokerAzs.length < brokers.length)
    assumptions.push(
      `${brokers.length - brokerAzs.length} of ${brokers.length} brokers have no AZ id in the snapshot and are left out of the AZ counts`,
    );
  if (!brokers.length && msk) {
    brokerAzs = msk.subnets.flatMap((s) => {
      const az = ctx.lookup.subnetById.get(s)?.azId;
      return az ? [az] : [];
    });
    assumptions.push(
      msk.type === 'SERVERLESS'
        ? `MSK Serverless places partitions itself: brokers assumed spread over the AZs of its subnets (${[...new Set(brokerAzs)].sort().join(', ') || 'none known'})`
        : `kafka-list-nodes holds no broker of ${msk.name}: one broker assumed in each client subnet's AZ`,
    );
  }
  if (!brokerAzs.length)
    assumptions.push(
      'no broker could be placed in an AZ: the cross-AZ figures are zero because nothing is known, not because nothing crosses',
    );
  const azIds = [...new Set(brokerAzs)].sort();

  // Replication factor: topics, then broker settings, then the platform's default.
  // Internal topics (`__consumer_offsets`, `__remote_log_metadata`, …) carry no produced
  // records: they are left out of the traffic weights.
  const allTopics = ctx.topics.get(name) ?? [];
  const topics = allTopics.filter((t) => !t.name.startsWith('__'));
  if (topics.length < allTopics.length)
    assumptions.push(
      `${allTopics.length - topics.length} internal topic${allTopics.length - topics.length === 1 ? '' : 's'} (__…) left out of the traffic`,
    );
  let rf: { value: number; from: string };
  const rfTopics = topics.filter((t) => t.replicationFactor !== undefined);
  if (rfTopics.length) {
    const weight = (t: Topic) => t.partitions ?? (t.assignments.length || 1);
    const total = rfTopics.reduce((s, t) => s + weight(t), 0);
    rf = {
      value: rfTopics.reduce((s, t) => s + t.replicationFactor! * weight(t), 0) / total,
      from: `the topic list (${rfTopics.length} topic${rfTopics.length === 1 ? '' : 's'}, weighted by partitions)`,
    };
  } else if (configs.some((c) => c.defaultReplicationFactor !== undefined)) {
    const v = Math.max(...configs.map((c) => c.defaultReplicationFactor ?? 0));
    rf = { value: v, from: 'default.replication.factor of the broker configs' };
  } else if (kind === 'msk' && msk?.type === 'SERVERLESS') {
    rf = { value: 3, from: 'MSK Serverless keeps 3 copies of every partition' };
  } else if (kind === 'msk') {
    rf = {
      value: Math.min(3, Math.max(1, azIds.length)),
      from: "MSK's default.replication.factor (3, or the AZ count when it is smaller)",
    };
    assumptions.push(`replication factor ${rf.value}: ${rf.from}`);
  } else if (kind === 'automq') {
    rf = { value: 1, from: 'AutoMQ keeps one copy on brokers; S3 holds the durable copy' };
  } else {
    rf = { value: 1, from: "Apache Kafka's default.replication.factor (1)" };
    assumptions.push(
      'no topic list and no default.replication.factor: replication factor 1 (the Apache Kafka default); give the topic list for the real figure',
    );
  }

  // Partition placement: a topic's assignment when the list has one; else its partitions
  // spread as Kafka's default assignment does, with the topic's own replication factor.
  const brokerAz = new Map<string, string>();
  for (const b of brokers) if (b.eni.azId) brokerAz.set(b.id, b.eni.azId);
  const partitions: PartitionPlacement[] = [];
  let unmapped = 0;
  let assigned = 0;
  for (const t of topics) {
    const placed: PartitionPlacement[] = [];
    for (const p of t.assignments) {
      const leader = p.leader ?? p.replicas[0];
      const la = leader !== undefined ? brokerAz.get(String(leader)) : undefined;
      const followers = p.replicas.filter((r) => r !== leader).map((r) => brokerAz.get(String(r)));
      if (!la || followers.some((f) => f === undefined)) {
        unmapped++;
        continue;
      }
      placed.push({ leaderAz: la, followerAzs: followers as string[], weight: 1 });
    }
    if (placed.length) {
      partitions.push(...placed);
      assigned += placed.length;
    } else if (t.replicationFactor !== undefined && brokerAzs.length) {
      const count = t.partitions ?? 1;
      for (const d of defaultPlacement(brokerAzs, t.replicationFactor))
        partitions.push({ ...d, weight: count / brokerAzs.length });
    }
  }
  if (assigned)
    assumptions.push(
      `partition placement from the topic list (${assigned} partitions, each carrying the same traffic)`,
    );
  if (partitions.length > assigned)
    assumptions.push(
      'topics without an assignment: leaders spread evenly over the brokers, replicas on the next AZs, each partition carrying the same traffic',
    );
  if (!partitions.length && brokerAzs.length)
    assumptions.push(
      kind === 'automq'
        ? 'partition leaders spread evenly over the brokers'
        : 'leaders spread evenly over the brokers, followers on the next AZs (no partition assignment given)',
    );
  if (unmapped)
    assumptions.push(
      `${unmapped} partitions name brokers that could not be placed and are left out`,
    );

  // Fetch and routing settings.
  const rackAwareFetch =
    declared?.rackAwareFetch ?? (configs.length > 0 && configs.every((c) => c.rackAwareFetch));
  // AutoMQ zone routing is on when every broker names its router channel.
  const zoneRouting =
    kind === 'automq' && configs.length > 0 && configs.every((c) => c.automq?.zoneRouting);
  if (kind === 'automq' && !zoneRouting && configs.some((c) => c.automq?.zoneRouting))
    assumptions.push(
      'automq.zonerouter.channels is set on some brokers only: zone routing is taken as off',
    );
  const racks = new Map<string, Set<string>>();
  for (const b of brokers) {
    if (!b.eni.azId) continue;
    const set = racks.get(b.eni.azId) ?? new Set<string>();
    // MSK sets broker.rack to the AZ id; Kafka and AutoMQ brokers have the rack their
    // configuration sets (none: the rack-aware selector cannot match them). Brokers placed
    // without a configuration, in a cluster the boundary says fetches rack-aware, are taken
    // to use their AZ id.
    const rack =
      kind === 'msk'
        ? b.eni.azId
        : b.config
          ? b.config.rack
          : declared?.rackAwareFetch
            ? b.eni.azId
            : undefined;
    if (rack) set.add(rack);
    racks.set(b.eni.azId, set);
  }

  // MSK sets broker.rack to the AZ id; without a node list, each AZ of its subnets is a rack.
  if (!brokers.length && kind === 'msk') for (const az of azIds) racks.set(az, new Set([az]));

  // Clients: where they run, what they write or read.
  const mine = ctx.clients.get(name) ?? [];
  const azOf = (c: Client): string | undefined =>
    c.azId ?? (c.subnet ? ctx.lookup.subnetById.get(c.subnet)?.azId : undefined);
  // A client's account and region: declared, else its subnet's or VPC's; its region falls
  // back to the cluster's (said), its account does not (its owner is then unknown).
  const placed = new Map<Client, { account: string | undefined; region: string | undefined }>();
  const placeOf = (c: Client) => {
    const hit = placed.get(c);
    if (hit) return hit;
    const sub = c.subnet ? ctx.lookup.subnetById.get(c.subnet) : undefined;
    const vpc = !sub && c.vpc ? ctx.vpcById.get(c.vpc) : undefined;
    const out = {
      account: c.account ?? sub?.account ?? vpc?.account,
      region: c.region ?? sub?.region ?? vpc?.region,
    };
    placed.set(c, out);
    return out;
  };
  const clientAccount = (c: Client) => placeOf(c).account;
  const clientRegion = (c: Client) => placeOf(c).region ?? region;
  for (const c of mine) {
    const p = placeOf(c);
    if (!p.account)
      assumptions.push(
        `client ${c.name} names no account, subnet or VPC of the snapshot: who runs it is unknown`,
      );
    if (!p.region && region)
      assumptions.push(`client ${c.name} names no region: taken to run in ${region}`);
  }
  const producers = mine.filter((c) => c.role === 'producer');
  const consumers = mine.filter((c) => c.role === 'consumer');
  for (const c of mine)
    if (!azOf(c))
      assumptions.push(
        `client ${c.name} has no azId or subnet: its bytes are counted as crossing an AZ`,
      );
  const declaredRate = producers.filter((p) => p.throughputMBps !== undefined);
  const producedMBps = declaredRate.length
    ? declaredRate.reduce((s, p) => s + p.throughputMBps!, 0)
    : undefined;
  if (producers.length && declaredRate.length < producers.length)
    assumptions.push(
      declaredRate.length
        ? `${producers.length - declaredRate.length} producers declare no throughputMBps: they are counted with the average share`
        : 'no producer declares throughputMBps: producers weigh the same and no monthly figure is given',
    );
  const avgRate = producedMBps !== undefined ? producedMBps / declaredRate.length : 1;
  // Zone routing needs the client to say its AZ (AutoMQ's client-side rack awareness):
  // clientRack naming the AZ id it runs in.
  const routes = (c: Client) => c.clientRack !== undefined && c.clientRack === azOf(c);
  if (zoneRouting)
    for (const c of mine)
      if (!routes(c))
        assumptions.push(
          `client ${c.name} does not set clientRack to its AZ id: zone routing does not apply to it`,
        );
  const producerInputs: {
    client: Client | undefined;
    azId: string | undefined;
    share: number;
    routed: boolean;
  }[] = producers.length
    ? producers.map((p) => ({
        client: p,
        azId: azOf(p),
        share: p.throughputMBps ?? avgRate,
        routed: routes(p),
      }))
    : azIds.map((azId) => ({ client: undefined, azId, share: 1, routed: true }));
  if (!producers.length && azIds.length)
    assumptions.push('no producer declared: producers assumed spread evenly over the brokers’ AZs');
  const groups = new Map<string, Client[]>();
  for (const c of consumers) {
    const g = c.group ?? c.name;
    const list = groups.get(g);
    if (list) list.push(c);
    else groups.set(g, [c]);
  }
  if (!consumers.length) assumptions.push('no consumer declared: the consume hop is not counted');
  const groupInputs = [...groups.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([group, members]) => {
      const rate = members.every((m) => m.throughputMBps !== undefined)
        ? members.reduce((s, m) => s + m.throughputMBps!, 0)
        : undefined;
      // A group reads each record at most once: a declared rate above what the producers
      // write means producers are missing from the boundary.
      let share = rate !== undefined && producedMBps ? rate / producedMBps : 1;
      if (share > 1) {
        assumptions.push(
          `consumer group ${group} reads ${rate} MB/s, more than the ${producedMBps} MB/s the declared producers write: some producers are not declared; the group is counted as reading every record once`,
        );
        share = 1;
      }
      // Rack-aware fetching (KIP-392) is per client: the brokers' selector, and the member's
      // client.rack naming a rack of a broker in its own AZ.
      const memberRackAware = members.map((m) => {
        const az = azOf(m);
        return (
          rackAwareFetch &&
          m.clientRack !== undefined &&
          az !== undefined &&
          (racks.get(az)?.has(m.clientRack) ?? false)
        );
      });
      const rackAware = memberRackAware.every(Boolean);
      const why = rackAware
        ? undefined
        : kind === 'automq'
          ? zoneRouting
            ? members.every(routes)
              ? undefined
              : `not every member sets clientRack to its AZ id, which zone routing needs (${members
                  .filter((m) => !routes(m))
                  .map((m) => m.name)
                  .join(', ')})`
            : 'zone-aware routing (automq.zonerouter.channels) is off'
          : !rackAwareFetch
            ? kind === 'msk'
              ? 'the cluster does not say it uses the rack-aware replica selector (kafka.clusters[].rackAwareFetch)'
              : 'replica.selector.class is not the rack-aware selector on every broker'
            : `not every member sets a client.rack that names a broker rack in its AZ (${
                members
                  .filter((m) => m.clientRack === undefined)
                  .map((m) => m.name)
                  .join(', ') || 'racks differ'
              })`;
      return {
        group,
        members,
        share,
        rackAware,
        memberRackAware,
        weights: rate !== undefined ? members.map((m) => m.throughputMBps!) : members.map(() => 1),
        routed: members.map(routes),
        ...(why ? { why } : {}),
      };
    });

  const costInput: CostInput = {
    kind,
    brokerAzs,
    replicationFactor: Math.round(rf.value),
    ...(partitions.length ? { partitions } : {}),
    producers: producerInputs.map((p) => ({ azId: p.azId, share: p.share, routed: p.routed })),
    consumerGroups: groupInputs.map((g) => ({
      azIds: g.members.map(azOf),
      share: g.share,
      rackAware: g.memberRackAware,
      weights: g.weights,
      routed: g.routed,
    })),
    rackAwareFetch,
    zoneRouting,
  };
  const flows = azFlows(costInput);
  // A client in another region pays inter-region transfer (counted in crossRegion), not
  // inter-AZ: its flows are left out of the cross-AZ sums.
  const elsewhere = (c: Client | undefined) =>
    c !== undefined && region !== undefined && clientRegion(c) !== region;
  const remoteProducer = producerInputs.map((p) => elsewhere(p.client));
  const remoteGroup = groupInputs.map((g) => g.members.every((m) => elsewhere(m)));
  const local = (f: AzFlow) =>
    f.hop === 'produce'
      ? !remoteProducer[f.client!]
      : f.hop === 'consume'
        ? !remoteGroup[f.client!]
        : true;
  const crossAz = sumCrossAz(kind, flows.filter(local));

  // Durable stores.
  const brokerHop = (az: string | undefined): RecordHop => ({
    node: `brokers:${name}@${az ?? 'unknown-az'}`,
    kind: 'brokers',
    label: `${kind === 'msk' ? 'MSK brokers' : 'brokers'} of ${name} in ${az ?? 'an unknown AZ'}`,
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
    ...(az ? { azId: az } : {}),
    owner,
  });
  const stores: RecordHop[] = [];
  const paths: RecordPath[] = [];
  const leaderShare = new Map<string, number>();
  for (const f of flows)
    if (f.hop === 'produce' && f.toAz)
      leaderShare.set(f.toAz, (leaderShare.get(f.toAz) ?? 0) + f.bytes);
  const intoAz = new Map<string, number>(leaderShare);
  for (const f of flows)
    if (f.hop === 'replicate' && f.toAz) intoAz.set(f.toAz, (intoAz.get(f.toAz) ?? 0) + f.bytes);

  const s3Store = (
    bucketName: string,
    storeKind: StoreKind,
    hintRegion: string | undefined,
    from: Src | undefined,
  ): RecordHop => {
    const b = ctx.lookup.bucketByName.get(bucketName);
    const r = b?.region ?? hintRegion;
    const hop: RecordHop = {
      node: b?.arn ?? `arn:aws:s3:::${bucketName}`,
      kind: 'store',
      label: `bucket ${bucketName}`,
      ...(b ? { account: b.account } : {}),
      ...(r ? { region: r } : {}),
      owner: ownerName(ctx, b?.account),
      store: storeKind,
      encryption: bucketEncryption(ctx, bucketName),
    };
    if (!b)
      assumptions.push(
        `bucket ${bucketName}${from ? ` (${from.file})` : ''} is not in the snapshot: its account and owner are unknown`,
      );
    return hop;
  };
  const addStore = (h: RecordHop) => {
    if (!stores.some((s) => s.node === h.node && s.store === h.store)) stores.push(h);
    return stores.find((s) => s.node === h.node && s.store === h.store)!;
  };

  const byAz = new Map<string, Broker[]>();
  for (const b of brokers)
    if (b.eni.azId) {
      const list = byAz.get(b.eni.azId);
      if (list) list.push(b);
      else byAz.set(b.eni.azId, [b]);
    }
  const brokersIn = (az: string) => byAz.get(az) ?? [];
  if (kind === 'msk' && msk) {
    const tiered = /TIERED/i.test(mskStorageMode(msk) ?? '');
    const enc = mskEncryption(ctx, msk);
    const mskStore = (suffix: string, label: string, store: StoreKind, azId?: string) =>
      addStore({
        node: `${msk.arn}/${suffix}`,
        kind: 'store',
        label: `${label} of ${name}${azId ? ` in ${azId}` : ''}`,
        account: msk.account,
        region: msk.region,
        ...(azId ? { azId } : {}),
        owner,
        store,
        encryption: enc,
      });
    if (msk.type === 'SERVERLESS') {
      const h = mskStore('storage', 'MSK Serverless storage', 'msk-managed');
      for (const [az, share] of [...leaderShare].sort())
        paths.push(mkPath('durable', [brokerHop(az), h], share, [msk.src]));
    } else {
      for (const [az, bytes] of [...intoAz].sort()) {
        const h = mskStore(`storage@${az}`, 'MSK broker storage', 'msk-storage', az);
        paths.push(mkPath('durable', [brokerHop(az), h], bytes, [msk.src]));
      }
      if (tiered) {
        const h = mskStore('tiered-storage', 'MSK tiered storage', 'msk-managed');
        for (const [az, share] of [...leaderShare].sort())
          paths.push(mkPath('tier', [brokerHop(az), h], share, [msk.src]));
      }
    }
  } else if (kind === 'kafka') {
    for (const [az, bytes] of [...intoAz].sort()) {
      const h = addStore({
        node: `disk:${name}@${az}`,
        kind: 'store',
        label: `broker disks of ${name} in ${az}`,
        ...(account ? { account } : {}),
        ...(region ? { region } : {}),
        azId: az,
        owner,
        store: 'broker-disk',
        encryption: diskEncryption(ctx, brokersIn(az)),
      });
      paths.push(
        mkPath(
          'durable',
          [brokerHop(az), h],
          bytes,
          brokersIn(az)
            .slice(0, 3)
            .map((b) => b.src),
        ),
      );
    }
    const tieredNodes = configs.filter((c) => c.tieredStorage.enabled && c.tieredStorage.bucket);
    // Without a broker config that names it, a bucket the boundary says holds the cluster's
    // records is taken as its tiered storage, and said so.
    const declaredBucket = !tieredNodes.length ? declaredBuckets(ctx, declared)[0] : undefined;
    if (declaredBucket) {
      assumptions.push(
        `bucket ${declaredBucket} is declared to hold records of ${name} (kafka.clusters[].buckets): taken as its tiered storage, every topic tiered (give the broker config for the real settings)`,
      );
      const h = addStore(s3Store(declaredBucket, 's3-tiered', region, undefined));
      for (const [az, s] of [...leaderShare].sort())
        paths.push(withNetwork(ctx, mkPath('tier', [brokerHop(az), h], s, []), brokersIn(az)));
    }
    if (tieredNodes.length) {
      const first = tieredNodes[0]!;
      // A topic tiers only when it sets remote.storage.enable=true (Kafka's default is false).
      let share = 1;
      if (topics.length) {
        const w = (t: Topic) => t.partitions ?? (t.assignments.length || 1);
        const all = topics.reduce((s, t) => s + w(t), 0) || 1;
        share = topics.filter((t) => t.remoteStorage === true).reduce((s, t) => s + w(t), 0) / all;
      } else
        assumptions.push(
          'no topic list: every topic is assumed to set remote.storage.enable=true (give the topic list for the real share)',
        );
      const h = addStore(
        s3Store(first.tieredStorage.bucket!, 's3-tiered', first.tieredStorage.region, {
          file: first.file,
          pointer: '/remote.log.storage.system.enable',
        }),
      );
      for (const [az, s] of [...leaderShare].sort())
        if (s * share > 0)
          paths.push(
            withNetwork(
              ctx,
              mkPath('tier', [brokerHop(az), h], s * share, [
                { file: first.file, pointer: '/remote.log.storage.system.enable' },
              ]),
              brokersIn(az),
            ),
          );
    }
  } else {
    // AutoMQ: the WAL (S3 or a block device), then stream objects in the data bucket.
    const first = configs.find((c) => c.automq);
    const wal = first?.automq?.wal;
    const data = first?.automq?.data[0];
    if (!first)
      assumptions.push(
        `no AutoMQ configuration for ${name}: its WAL and data buckets are unknown (give kafka.clusters[].config)`,
      );
    const fallback = !data ? declaredBuckets(ctx, declared)[0] : undefined;
    if (fallback)
      assumptions.push(
        `bucket ${fallback} is declared to hold records of ${name} (kafka.clusters[].buckets): taken as its data bucket`,
      );
    const dataHop = data
      ? addStore(s3Store(data.bucket, 's3-data', data.region, { file: first!.file, pointer: '' }))
      : fallback
        ? addStore(s3Store(fallback, 's3-data', region, undefined))
        : undefined;
    const evidence = first
      ? [{ file: first.file, pointer: `/${wal?.from.key ?? 's3.data.buckets'}` }]
      : [];
    // Each broker writes what it takes: the leader's share, or with zone routing what
    // producers in its AZ send.
    for (const [az, bytes] of [...leaderShare].sort()) {
      const from = brokerHop(az);
      if (wal?.kind === 's3') {
        const h = addStore(
          s3Store(wal.bucket, 's3-wal', wal.region, { file: first!.file, pointer: '' }),
        );
        paths.push(withNetwork(ctx, mkPath('durable', [from, h], bytes, evidence), brokersIn(az)));
      } else if (wal?.kind === 'block') {
        const h = addStore({
          node: `wal:${name}@${az}`,
          kind: 'store',
          label: `block-device WAL (${wal.path}) of ${name} in ${az}`,
          ...(account ? { account } : {}),
          ...(region ? { region } : {}),
          azId: az,
          owner,
          store: 'block-wal',
          encryption: diskEncryption(ctx, brokersIn(az)),
        });
        paths.push(mkPath('durable', [from, h], bytes, evidence));
        if (dataHop)
          paths.push(
            withNetwork(ctx, mkPath('durable', [h, dataHop], bytes, evidence), brokersIn(az)),
          );
      } else if (dataHop) {
        paths.push(
          withNetwork(ctx, mkPath('durable', [from, dataHop], bytes, evidence), brokersIn(az)),
        );
      }
    }
    if (first && !wal) assumptions.push(`${first.file} sets no s3.wal.path: the WAL is not known`);
    // Zone routing: what a broker takes for a leader in another AZ goes through the channel.
    const router = zoneRouting ? first?.automq?.zoneRouter : undefined;
    if (router) {
      const h = addStore(
        s3Store(router.bucket, 's3-router', router.region, { file: first!.file, pointer: '' }),
      );
      const spread = new Map<string, number>();
      for (const b of brokers)
        if (b.eni.azId) spread.set(b.eni.azId, (spread.get(b.eni.azId) ?? 0) + 1 / brokers.length);
      // Only routed producers write to their own AZ's broker; the others reach the leaders.
      const routedInto = new Map<string, number>();
      for (const f of flows)
        if (
          f.hop === 'produce' &&
          f.toAz &&
          producerInputs[f.client!]?.routed &&
          f.fromAz === f.toAz
        )
          routedInto.set(f.toAz, (routedInto.get(f.toAz) ?? 0) + f.bytes);
      for (const [az, bytes] of [...routedInto].sort()) {
        const handed = bytes * (1 - (spread.get(az) ?? 0));
        if (handed > 0)
          paths.push(
            withNetwork(
              ctx,
              mkPath('durable', [brokerHop(az), h], handed, [
                { file: first!.file, pointer: '/automq.zonerouter.channels' },
              ]),
              brokersIn(az),
            ),
          );
      }
    }
    if (
      wal?.kind === 's3' &&
      dataHop &&
      dataHop.node !== stores.find((s) => s.store === 's3-wal')?.node
    )
      paths.push(
        withNetwork(
          ctx,
          mkPath('durable', [stores.find((s) => s.store === 's3-wal')!, dataHop], 1, evidence),
          brokers,
        ),
      );
  }

  // Produce, replicate and consume paths from the AZ flows.
  const clientHop = (
    c: Client | undefined,
    role: 'producer' | 'consumer',
    az: string | undefined,
    label?: string,
  ): RecordHop => ({
    node: c ? `client:${c.name}` : `client:${name}-producers@${az ?? 'unknown-az'}`,
    kind: role,
    label: label ?? (c ? `${role} ${c.name}` : `producers in ${az ?? 'an unknown AZ'}`),
    ...((c ? clientAccount(c) : account) ? { account: c ? clientAccount(c) : account } : {}),
    ...((c ? clientRegion(c) : region) ? { region: c ? clientRegion(c) : region } : {}),
    ...(az ? { azId: az } : {}),
    owner: c ? ownerName(ctx, clientAccount(c)) : owner,
  });
  for (const f of flows) {
    if (f.hop === 'produce') {
      const p = producerInputs[f.client!]!;
      paths.push(
        mkPath(
          'produce',
          [clientHop(p.client, 'producer', f.fromAz), brokerHop(f.toAz)],
          f.bytes,
          [],
        ),
      );
    } else if (f.hop === 'replicate') {
      paths.push(mkPath('replicate', [brokerHop(f.fromAz), brokerHop(f.toAz)], f.bytes, []));
    } else {
      const g = groupInputs[f.client!]!;
      const members = g.members.filter((m) => azOf(m) === f.toAz);
      const label = `consumer group ${g.group}${members.length && g.members.length > 1 ? ` (${members.map((m) => m.name).join(', ')})` : ''}`;
      paths.push(
        mkPath(
          'consume',
          [brokerHop(f.fromAz), clientHop(members[0] ?? g.members[0], 'consumer', f.toAz, label)],
          f.bytes,
          [],
        ),
      );
    }
  }

  // Bytes to a bucket whose packets cross an AZ (a NAT gateway or endpoint in another AZ).
  const storageCross = paths
    .filter((p) => (p.kind === 'durable' || p.kind === 'tier') && p.network && p.crossAz)
    .reduce((s, p) => s + p.bytesPerProducedByte, 0);

  const elasticity: ClusterRecords['elasticity'] =
    kind === 'automq'
      ? stores.some((s) => s.store === 'block-wal')
        ? {
            model: 'shared-storage',
            scalingMovesData: false,
            detail:
              'records live in S3; each broker keeps a WAL on its own block device until it is uploaded',
          }
        : {
            model: 'shared-storage',
            scalingMovesData: false,
            detail: 'WAL and records live in S3: brokers are stateless and scaling moves no data',
          }
      : kind === 'msk' && msk?.type === 'SERVERLESS'
        ? {
            model: 'managed',
            scalingMovesData: false,
            detail: 'MSK Serverless moves partitions itself',
          }
        : {
            model: 'shared-nothing',
            scalingMovesData: true,
            detail: stores.some(
              (s) => s.store === 's3-tiered' || s.node.endsWith('/tiered-storage'),
            )
              ? 'records live on broker disks until tiered storage moves closed segments to S3: adding or removing a broker copies the local part of its partitions'
              : 'records live on broker disks: adding or removing a broker copies its partitions',
          };

  return {
    name,
    kind,
    ...(msk ? { arn: msk.arn } : {}),
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
    azIds,
    brokers: brokers.map((b) => ({
      id: b.id,
      interface: b.eni.id,
      ...(b.eni.azId ? { azId: b.eni.azId } : {}),
      ...(b.eni.subnetId ? { subnet: b.eni.subnetId } : {}),
      ...(b.eni.vpcId ? { vpc: b.eni.vpcId } : {}),
      account: b.eni.account,
      region: b.eni.region,
      ...(b.config?.rack ? { rack: b.config.rack } : {}),
      placedBy: b.placedBy,
    })),
    replicationFactor: { value: round(rf.value), from: rf.from },
    rackAwareFetch,
    zoneRouting,
    ...(msk ? { access: mskAccess(msk) } : {}),
    producedMBps,
    consumerGroups: groupInputs.map((g, i) => ({
      name: g.group,
      members: g.members.map((m) => m.name),
      azIds: [...new Set(g.members.flatMap((m) => azOf(m) ?? []))].sort(),
      rackAware: g.rackAware,
      ...(g.why ? { why: g.why } : {}),
      crossAzPerProducedByte: round(
        flows
          .filter(
            (f) =>
              f.hop === 'consume' &&
              f.client === i &&
              (f.fromAz === undefined || f.toAz === undefined || f.fromAz !== f.toAz),
          )
          .reduce((s, f) => s + f.bytes, 0),
      ),
    })),
    stores,
    paths,
    crossAz: {
      perProducedByte: round(crossAz.total + storageCross),
      byHop: {
        produce: crossAz.produce,
        replicate: crossAz.replicate,
        consume: crossAz.consume,
        storage: round(storageCross),
      },
      chargedPerProducedByte: round(crossAz.charged + storageCross),
      gbPerMonth: null,
      billedGbPerMonth: null,
      usdPerMonth: null,
    },
    crossRegion: { perProducedByte: 0, gbPerMonth: null, usdPerMonth: null },
    nat: { perProducedByte: 0, gbPerMonth: null, usdPerMonth: null },
    s3Requests: { putsPerMonth: null, getsPerMonth: null, usdPerMonth: null },
    elasticity,
    assumptions,
    evidence: [
      ...(msk ? [msk.src] : []),
      ...configs.slice(0, 3).map((c) => ({ file: c.file, pointer: '/listeners' })),
      ...brokers.slice(0, 3).map((b) => b.src),
    ],
  };
}

/** Bucket names the boundary says hold the cluster's records: exact names, then matches. */
function declaredBuckets(ctx: Ctx, declared: Declared | undefined): string[] {
  const out = new Set<string>();
  for (const p of declared?.buckets ?? []) {
    if (!/[*?]/.test(p)) out.add(p);
    else for (const b of ctx.bucketNames.match([p])) out.add(b);
  }
  return [...out].sort();
}

const ORDER: RecordPathKind[] = [
  'produce',
  'durable',
  'replicate',
  'tier',
  'consume',
  'replicate-out',
];

function sortPaths(paths: RecordPath[]): void {
  paths.sort(
    (a, b) =>
      ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
      cmp(a.hops[0]!.node, b.hops[0]!.node) ||
      cmp(a.hops[a.hops.length - 1]!.node, b.hops[b.hops.length - 1]!.node),
  );
}

function mkPath(
  kind: RecordPathKind,
  hops: RecordHop[],
  bytes: number,
  evidence: Src[],
): RecordPath {
  const differ = (k: 'account' | 'region' | 'azId') => {
    for (let i = 1; i < hops.length; i++) {
      const a = hops[i - 1]![k];
      const b = hops[i]![k];
      if (a !== undefined && b !== undefined && a !== b) return true;
    }
    return false;
  };
  // A hop with no AZ (a bucket, a regional store) is not an AZ crossing; a client with no AZ
  // is: the cost model counts its bytes as crossing.
  const clientNoAz = hops.some((h) => (h.kind === 'producer' || h.kind === 'consumer') && !h.azId);
  return {
    kind,
    hops,
    bytesPerProducedByte: round(bytes),
    crossAz:
      (kind === 'produce' || kind === 'replicate' || kind === 'consume') &&
      (differ('azId') || clientNoAz),
    crossRegion: differ('region'),
    crossAccount: differ('account'),
    // A hop whose holder is unknown is not a proven exit: the rules report it as unknown.
    leavesBoundary: hops.some((h) => h.owner !== 'inside' && h.owner !== 'unknown'),
    evidence,
  };
}

/** Trace the first broker of the AZ to the store's service: NAT, endpoint or other. */
function withNetwork(ctx: Ctx, p: RecordPath, from: readonly Broker[]): RecordPath {
  const b = from[0];
  const to = p.hops[p.hops.length - 1]!;
  if (!b || !to.region || to.store === undefined || !to.store.startsWith('s3')) return p;
  const key = `${b.eni.id}|s3|${to.region}|${to.account ?? ''}`;
  let r = ctx.traces.get(key);
  if (!r) {
    r = tracePacket(
      ctx.network,
      { kind: 'eni', id: b.eni.id },
      {
        kind: 'service',
        service: 's3',
        region: to.region,
        ...(to.account ? { account: to.account } : {}),
      },
      { port: 443 },
    );
    ctx.traces.set(key, r);
  }
  const via = r.hops.slice(1, -1).map((h) => h.kind);
  return {
    ...p,
    network: { disposition: r.disposition, via, nat: via.includes('nat-gateway') },
    crossAz: p.crossAz || r.crossings.some((c) => c.kind === 'az'),
    evidence: [...p.evidence, ...r.evidence.slice(0, 4)],
  };
}

function mskStorageMode(msk: MskCluster): string | undefined {
  const raw = msk.raw as { StorageMode?: string; Provisioned?: { StorageMode?: string } };
  return raw.Provisioned?.StorageMode ?? raw.StorageMode;
}

function mskAccess(msk: MskCluster): string[] {
  const keys = Object.keys(msk.bootstrap?.raw ?? {});
  const out = new Set<string>();
  for (const k of keys) {
    if (/VpcConnectivity/.test(k)) out.add('multi-vpc');
    else if (/Public/.test(k)) out.add('public');
    else if (/^BootstrapBrokerString/.test(k)) out.add('private');
  }
  return [...out].sort();
}

function mskEncryption(ctx: Ctx, msk: MskCluster): Encryption {
  if (msk.type === 'SERVERLESS')
    return {
      state: 'aws-owned',
      detail: 'MSK Serverless encrypts with a key the service owns',
      src: msk.src,
    };
  if (!msk.kmsKeyArn)
    return {
      state: 'aws-managed',
      detail: 'no DataVolumeKMSKeyId: the AWS managed key aws/kafka',
      src: msk.src,
    };
  const ref = ctx.lookup.resolveKey(msk.kmsKeyArn, msk.account, msk.region);
  const managed = ref.key?.manager === 'AWS';
  return {
    state: managed ? 'aws-managed' : 'kms',
    key: ref.key?.arn ?? ref.ref,
    keyAccount: ref.account,
    keyOwner: ownerName(ctx, ref.account),
    src: msk.src,
  };
}

function bucketEncryption(ctx: Ctx, bucketName: string): Encryption {
  const b = ctx.lookup.bucketByName.get(bucketName);
  if (!b) return { state: 'unknown', detail: 'the bucket is not in the snapshot' };
  const e = b.encryption;
  if (!e)
    return { state: 'unknown', detail: 'get-bucket-encryption is not in the snapshot', src: b.src };
  if (e.algorithm === 'AES256') return { state: 'sse-s3', src: e.src };
  if (e.algorithm?.startsWith('aws:kms')) {
    const ref = ctx.lookup.keyOfBucket(b);
    if (!ref)
      return e.kmsKeyId
        ? { state: 'unknown', detail: `key ${e.kmsKeyId} cannot be placed`, src: e.src }
        : { state: 'aws-managed', detail: 'the AWS managed key aws/s3', src: e.src };
    const managed = ref.key?.manager === 'AWS' || /alias\/aws\/s3$/.test(ref.ref);
    return {
      state: managed ? 'aws-managed' : 'kms',
      key: ref.key?.arn ?? ref.ref,
      keyAccount: ref.account,
      keyOwner: ownerName(ctx, ref.account),
      src: e.src,
    };
  }
  return { state: 'unknown', detail: `algorithm ${e.algorithm ?? '(none)'}`, src: e.src };
}

/** How far a key is trusted: an undeclared holder least, then a party, unknown, inside. */
function trust(e: Encryption): number {
  if (e.state !== 'kms' && e.state !== 'aws-managed') return 4;
  if (e.keyOwner === undefined) return 3;
  switch (e.keyOwner) {
    case 'inside':
      return 3;
    case 'unknown':
      return 2;
    case 'undeclared':
      return 0;
    default:
      return 1;
  }
}

/** The broker disks: the EBS volumes attached to the brokers' instances. */
function diskEncryption(ctx: Ctx, brokers: readonly Broker[]): Encryption {
  const instances = brokers.flatMap((b) => (b.instanceId ? [b.instanceId] : []));
  if (!instances.length)
    return { state: 'unknown', detail: 'the brokers are not EC2 instances of the snapshot' };
  const vols = [...new Set(instances.flatMap((i) => ctx.volumesOf.get(i) ?? []))];
  const missing = instances.filter((i) => !vols.some((v) => v.instanceIds.includes(i)));
  if (!vols.length)
    return {
      state: 'unknown',
      detail: `describe-volumes holds no volume of ${instances.join(', ')}`,
    };
  const clear = vols.filter((v) => v.raw.Encrypted !== true).sort((a, b) => cmp(a.id, b.id));
  if (clear.length)
    return {
      state: 'none',
      detail: `unencrypted: ${clear.map((v) => `${v.id} (${v.instanceIds.join(', ')})`).join(', ')}`,
      src: clear[0]!.src,
    };
  const keys = [...new Set(vols.map((v) => v.raw.KmsKeyId ?? ''))].sort();
  // The least trusted key decides: an outside key on one disk is an outside key.
  let worst: Encryption | undefined;
  for (const k of keys) {
    const v = vols.find((x) => (x.raw.KmsKeyId ?? '') === k)!;
    if (!k) {
      const e: Encryption = {
        state: 'aws-managed',
        detail: 'EBS encryption with the default key',
        src: v.src,
      };
      if (!worst || trust(e) < trust(worst)) worst = e;
      continue;
    }
    const ref = ctx.lookup.resolveKey(k, v.account, v.region);
    const managed = ref.key?.manager === 'AWS';
    const e: Encryption = {
      state: managed ? 'aws-managed' : 'kms',
      key: ref.key?.arn ?? ref.ref,
      keyAccount: ref.account,
      keyOwner: ownerName(ctx, ref.account),
      src: v.src,
    };
    if (!worst || trust(e) < trust(worst)) worst = e;
  }
  if (missing.length && worst)
    worst = {
      ...worst,
      detail: `${worst.detail ? `${worst.detail}; ` : ''}no volume listed for ${missing.join(', ')}`,
    };
  return worst!;
}

/** MSK Replicator flows, declared links and S3 replication of the clusters' buckets. */
function addReplicationLinks(ctx: Ctx, clusters: ClusterRecords[]): void {
  const byName = new Map(clusters.map((c) => [c.name, c]));
  const clusterHop = (c: ClusterRecords | undefined, arn: string, label: string): RecordHop => {
    const a = parseArn(arn);
    const account = c?.account ?? a?.account;
    const region = c?.region ?? a?.region;
    return {
      node: c?.arn ?? arn,
      kind: 'cluster',
      label,
      ...(account ? { account } : {}),
      ...(region ? { region } : {}),
      owner: ownerName(ctx, account),
    };
  };
  for (const r of ctx.inventory.replicators) {
    const alias = new Map(r.clusters.map((k) => [k.alias, k.arn]));
    for (const f of r.flows) {
      const srcArn = f.sourceAlias ? alias.get(f.sourceAlias) : undefined;
      const dstArn = f.targetAlias ? alias.get(f.targetAlias) : undefined;
      if (!srcArn || !dstArn) continue;
      const src = byName.get(ctx.mskNames.get(srcArn) ?? '');
      const dst = byName.get(ctx.mskNames.get(dstArn) ?? '');
      if (!src) continue;
      const p = mkPath(
        'replicate-out',
        [
          clusterHop(src, srcArn, `cluster ${src.name}`),
          clusterHop(
            dst,
            dstArn,
            `cluster ${dst?.name ?? parseArn(dstArn)?.resource.split('/')[1] ?? dstArn}`,
          ),
        ],
        1,
        [r.src],
      );
      p.link = { name: r.name, kind: 'msk-replicator' };
      src.paths.push(p);
      src.assumptions.push(
        `MSK Replicator ${r.name} is assumed to copy every produced byte (its topic filters are not weighed)`,
      );
    }
  }
  for (const l of ctx.boundary.kafka.links) {
    const src = byName.get(l.from);
    const dst = byName.get(l.to);
    if (!src || !dst) continue;
    // The snapshot already shows this link (an MSK Replicator between the same clusters).
    const shown = src.paths.find(
      (p) =>
        p.kind === 'replicate-out' &&
        p.link?.kind === 'msk-replicator' &&
        p.hops[p.hops.length - 1]!.node === (dst.arn ?? `cluster:${dst.name}`),
    );
    if (shown && l.kind === 'msk-replicator') {
      src.assumptions.push(
        `kafka.links ${l.name} is MSK Replicator ${shown.link!.name} of the snapshot: counted once`,
      );
      continue;
    }
    const share =
      l.throughputMBps !== undefined && src.producedMBps ? l.throughputMBps / src.producedMBps : 1;
    const p = mkPath(
      'replicate-out',
      [
        clusterHop(src, src.arn ?? `cluster:${src.name}`, `cluster ${src.name}`),
        clusterHop(dst, dst.arn ?? `cluster:${dst.name}`, `cluster ${dst.name}`),
      ],
      share,
      [],
    );
    p.link = { name: l.name, kind: l.kind };
    src.paths.push(p);
  }
  // A cluster that only a link writes into (a DR copy) produces at the link's rate.
  for (const c of clusters)
    for (const p of c.paths) {
      if (p.kind !== 'replicate-out' || p.link?.kind === 's3-replication') continue;
      const to = p.hops[p.hops.length - 1]!;
      const dst = clusters.find((x) => (x.arn ?? `cluster:${x.name}`) === to.node);
      if (!dst || c.producedMBps === undefined) continue;
      if (ctx.clients.get(dst.name)?.some((x) => x.role === 'producer')) continue;
      dst.producedMBps = (dst.producedMBps ?? 0) + c.producedMBps * p.bytesPerProducedByte;
      dst.assumptions.push(
        `written by ${p.link?.kind ?? 'a link'} ${p.link?.name ?? ''} from ${c.name} at ${c.producedMBps * p.bytesPerProducedByte} MB/s (the source's producers)`,
      );
    }

  // S3 replication of every bucket a cluster stores records in.
  for (const c of clusters) {
    const seen = new Set<string>();
    for (const store of [...c.stores]) {
      if (!store.store?.startsWith('s3') || seen.has(store.node)) continue;
      seen.add(store.node);
      const name = bucketOfArn(store.node);
      const b = name ? ctx.lookup.bucketByName.get(name) : undefined;
      for (const rule of b?.replication?.rules ?? []) {
        if (rule.raw.Status === 'Disabled') continue;
        const destName = bucketOfArn(rule.raw.Destination.Bucket) ?? rule.raw.Destination.Bucket;
        const dest = ctx.lookup.bucketByName.get(destName);
        const destAccount = dest?.account ?? rule.raw.Destination.Account;
        const replicaKey = rule.raw.Destination.EncryptionConfiguration?.ReplicaKmsKeyID;
        const hop: RecordHop = {
          node: `arn:aws:s3:::${destName}`,
          kind: 'store',
          label: `bucket ${destName}`,
          ...(destAccount ? { account: destAccount } : {}),
          ...(dest?.region ? { region: dest.region } : {}),
          owner: ownerName(ctx, destAccount),
          store: 's3-replica',
          encryption: replicaKey
            ? (() => {
                const ref = ctx.lookup.resolveKey(
                  replicaKey,
                  destAccount ?? b!.account,
                  dest?.region ?? b!.region ?? '',
                );
                return {
                  state: 'kms' as const,
                  key: ref.key?.arn ?? ref.ref,
                  keyAccount: ref.account,
                  keyOwner: ownerName(ctx, ref.account),
                  src: rule.src,
                };
              })()
            : dest
              ? bucketEncryption(ctx, destName)
              : { state: 'unknown', detail: 'the replica bucket is not in the snapshot' },
        };
        if (!dest?.region)
          c.assumptions.push(
            `replica bucket ${destName} has no known region: a region crossing cannot be told`,
          );
        const bytes = c.paths
          .filter(
            (p) => p.kind !== 'replicate-out' && p.hops[p.hops.length - 1]!.node === store.node,
          )
          .reduce((s, p) => s + p.bytesPerProducedByte, 0);
        const p = mkPath('replicate-out', [store, hop], round(bytes) || 1, [rule.src]);
        p.link = { name: rule.raw.ID ?? `replication of ${name}`, kind: 's3-replication' };
        c.paths.push(p);
        if (!c.stores.some((s) => s.node === hop.node)) c.stores.push(hop);
      }
    }
  }
}

/** Monthly GB and dollars, and the cross-region, NAT and S3 request figures. */
function finishCosts(ctx: Ctx, c: ClusterRecords): void {
  const rates: Rates = ctx.boundary.costs;
  const rate = c.producedMBps;
  if (rate === undefined)
    c.assumptions.push('no producer declares throughputMBps: no monthly figure is given');
  const gb = (bytes: number) => (rate === undefined ? null : gbPerMonth(bytes, rate));
  const usd = (g: number | null, perGb: number) => (g === null ? null : round2(g * perGb));
  const allGb = gb(c.crossAz.perProducedByte);
  const billedGb = gb(c.crossAz.chargedPerProducedByte);
  c.crossAz.gbPerMonth = allGb === null ? null : round2(allGb);
  c.crossAz.billedGbPerMonth = billedGb === null ? null : round2(billedGb);
  c.crossAz.usdPerMonth = usd(billedGb, rates.interAzPerGbEachWay * 2);

  const regionBytes = c.paths
    .filter((p) => p.crossRegion)
    .reduce((s, p) => s + p.bytesPerProducedByte, 0);
  c.crossRegion.perProducedByte = round(regionBytes);
  const rGb = gb(regionBytes);
  c.crossRegion.gbPerMonth = rGb === null ? null : round2(rGb);
  c.crossRegion.usdPerMonth = usd(rGb, rates.interRegionPerGb);

  // A move between two buckets (WAL objects compacted into stream objects) is read and
  // written back: the NAT gateway processes it twice.
  const natBytes = c.paths
    .filter((p) => p.network?.nat)
    .reduce(
      (s, p) =>
        s + p.bytesPerProducedByte * (p.hops.every((h) => h.store?.startsWith('s3')) ? 2 : 1),
      0,
    );
  c.nat.perProducedByte = round(natBytes);
  const nGb = gb(natBytes);
  c.nat.gbPerMonth = nGb === null ? null : round2(nGb);
  c.nat.usdPerMonth = usd(nGb, rates.natPerGb);

  // S3 requests: every byte written to a bucket goes up in objects of s3ObjectMB (one PUT
  // each); compaction reads the WAL objects back (one GET each); with zone routing, what a
  // broker takes for a leader in another AZ is written to the channel and read by the leader.
  const endsAt = (p: RecordPath) => p.hops[p.hops.length - 1]!.store;
  const toS3 = c.paths.filter(
    (p) => (p.kind === 'durable' || p.kind === 'tier') && endsAt(p)?.startsWith('s3'),
  );
  const routed = toS3
    .filter((p) => endsAt(p) === 's3-router')
    .reduce((s, p) => s + p.bytesPerProducedByte, 0);
  const uploaded = toS3
    .filter((p) => endsAt(p) !== 's3-router')
    .reduce((s, p) => s + p.bytesPerProducedByte, 0);
  const compacted = toS3
    .filter((p) => p.hops[0]!.store?.startsWith('s3'))
    .reduce((s, p) => s + p.bytesPerProducedByte, 0);
  if (uploaded || routed) {
    if (c.zoneRouting)
      c.assumptions.push(
        `zone routing: records taken for a leader in another AZ are handed over through the channel bucket (one PUT and one GET per ${rates.s3ObjectMB} MB object)`,
      );
    c.assumptions.push(
      `S3 requests: brokers upload in ${rates.s3ObjectMB} MB objects (costs.s3ObjectMB); consumers' catch-up reads from S3 are not counted`,
    );
  }
  c.assumptions = [...new Set(c.assumptions)];
  if (rate !== undefined && (uploaded || routed)) {
    const objects = (bytes: number) => (bytes * rate * SECONDS_PER_MONTH) / rates.s3ObjectMB;
    const puts = objects(uploaded + routed);
    const gets = objects(routed + compacted);
    c.s3Requests = {
      putsPerMonth: Math.round(puts),
      getsPerMonth: Math.round(gets),
      usdPerMonth: round2((puts / 1000) * rates.s3PutPer1000 + (gets / 1000) * rates.s3GetPer1000),
    };
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export type { AzFlow, CrossAz };
