/**
 * The ownership map as nested boxes and edges, before any layout: owner → account → region →
 * VPC → AZ → subnet, with the record-path places (brokers, clients, stores, clusters) as
 * leaves, and each record path's hops as edges. Shown at a level (account, vpc, subnet,
 * resource): a leaf below the level folds into the box that holds it, and edges between the
 * same two visible boxes merge. `auto` picks the deepest level that stays within a box budget.
 * Pure: the SVG and HTML writers lay it out and draw it.
 */
import type { Owners } from '../boundary/owners.js';
import type { Boundary } from '../boundary/schema.js';
import type { Inventory } from '../inventory/model.js';
import type { ClusterRecords, RecordHop, RecordPath } from '../paths/record.js';
import type { Finding, Severity } from '../rules/finding.js';

export const MAP_LEVELS = ['account', 'vpc', 'subnet', 'resource'] as const;
export type MapLevel = (typeof MAP_LEVELS)[number];

export type BoxKind = 'owner' | 'account' | 'region' | 'vpc' | 'az' | 'subnet' | 'leaf';

export interface MapBox {
  /** Stable, sanitised later by the writers; unique in the map. */
  id: string;
  kind: BoxKind;
  label: string;
  parent: string | undefined;
  /** For leaves: brokers, client, bucket, store, cluster. */
  leafKind?: 'brokers' | 'client' | 'bucket' | 'store' | 'cluster';
  /** `inside`, a party's name, `undeclared` or `unknown`. */
  owner: string;
  /** Longer text for a tooltip. */
  detail: string;
  /** Findings about the box or what it folds in. */
  badges?: Badges;
}

export type Crossing = 'none' | 'az' | 'region' | 'account' | 'boundary';

export interface MapEdge {
  id: string;
  from: string;
  to: string;
  kind: 'record' | 'replication';
  /** The worst crossing among the merged hops. */
  crossing: Crossing;
  /** Bytes per produced byte, summed over the merged hops. */
  bytesPerProducedByte: number;
  /** How many hops were merged into this edge. */
  hops: number;
}

export interface MapModel {
  level: MapLevel;
  boxes: MapBox[];
  edges: MapEdge[];
}

export interface MapInput {
  inventory: Inventory;
  boundary: Boundary;
  owners: Owners;
  records: readonly ClusterRecords[];
  /** Findings to show as badges on the boxes they are about (suppressed ones are left out). */
  findings?: readonly Finding[];
}

/** Open and unknown findings on a box (and on what it folds in), by severity. */
export type Badges = Partial<Record<Severity | 'unknown', number>>;

/** Where a leaf sits: the chain of containers from its owner down. */
interface Place {
  owner: string;
  account?: string;
  region?: string;
  vpc?: string;
  azId?: string;
  subnet?: string;
}

const DEPTH: Record<BoxKind, number> = {
  owner: 0,
  account: 1,
  region: 2,
  vpc: 3,
  az: 4,
  subnet: 5,
  leaf: 6,
};
/** The deepest container kind each level shows (leaves only at `resource`). */
const SHOWN: Record<MapLevel, number> = { account: 2, vpc: 3, subnet: 5, resource: 6 };

const RANK: Record<Crossing, number> = { none: 0, az: 1, region: 2, account: 3, boundary: 4 };

/** Build the map at a level, or at `auto`: the deepest level within `maxBoxes`. */
export function buildMapModel(
  input: MapInput,
  level: MapLevel | 'auto' = 'auto',
  maxBoxes = 300,
  focus?: string,
): MapModel {
  const full = focus === undefined ? fullModel(input) : focused(input, focus);
  if (level !== 'auto') return foldTo(full, level);
  let chosen = foldTo(full, 'account');
  for (const l of MAP_LEVELS) {
    const m = foldTo(full, l);
    if (m.boxes.length <= maxBoxes) chosen = m;
    else break;
  }
  return chosen;
}

/** Thrown for a `--focus` that names nothing on the map. */
export class FocusError extends Error {}

/**
 * The part of the map around a cluster (its record paths and the places they reach), an
 * account (every edge that touches a box in it) or a finding (the box it is on and its edges).
 */
function focused(input: MapInput, focus: string): Full {
  const cluster = input.records.find((c) => c.name === focus || c.arn === focus);
  if (cluster) return fullModel({ ...input, records: [cluster] });
  const full = fullModel(input);
  let seeds: string[] = [];
  if (/^\d{12}$/.test(focus)) seeds = [`account:${focus}`];
  else {
    const f = input.findings?.find((x) => x.id === focus);
    if (f) {
      const one = fullModel({ ...input, findings: [f] });
      seeds = [...one.placed.keys()];
    }
  }
  seeds = seeds.filter((id) => full.boxes.has(id));
  if (!seeds.length)
    throw new FocusError(
      `--focus ${focus}: expected a cluster name or ARN, an account id or a finding id on the map`,
    );
  const under = (id: string) => {
    for (let b = full.boxes.get(id); b; b = b.parent ? full.boxes.get(b.parent) : undefined)
      if (seeds.includes(b.id)) return true;
    return false;
  };
  const edges = full.edges.filter((e) => under(e.from) || under(e.to));
  const keep = new Set<string>();
  const withAncestors = (id: string) => {
    for (let b = full.boxes.get(id); b; b = b.parent ? full.boxes.get(b.parent) : undefined)
      keep.add(b.id);
  };
  for (const id of seeds) withAncestors(id);
  for (const e of edges) {
    withAncestors(e.from);
    withAncestors(e.to);
  }
  // The seed's own contents stay whole.
  for (const id of full.boxes.keys()) if (under(id)) keep.add(id);
  return {
    boxes: new Map([...full.boxes].filter(([id]) => keep.has(id))),
    edges,
    placed: new Map([...full.placed].filter(([id]) => keep.has(id))),
  };
}

interface Full {
  boxes: Map<string, MapBox & { depth: number }>;
  edges: { from: string; to: string; kind: MapEdge['kind']; crossing: Crossing; bytes: number }[];
  /** Box id → the findings placed on it. */
  placed: Map<string, Badges>;
}

function fullModel(input: MapInput): Full {
  const { owners, records, boundary, inventory } = input;
  const boxes: Full['boxes'] = new Map();
  const collected: Full['edges'] = [];
  const subnetOf = new Map(inventory.subnets.map((s) => [s.id, s] as const));
  const ensure = (b: MapBox) => {
    if (!boxes.has(b.id)) boxes.set(b.id, { ...b, depth: DEPTH[b.kind] });
    return b.id;
  };
  /** The containers of a place, created as needed; returns the deepest one's id. */
  const containerOf = (p: Place): string => {
    let parent = ensure({
      id: `owner:${p.owner}`,
      kind: 'owner',
      label: p.owner === 'inside' ? `inside ${boundary.name}` : p.owner,
      parent: undefined,
      owner: p.owner,
      detail: p.owner === 'inside' ? 'inside the boundary' : `owner: ${p.owner}`,
    });
    if (!p.account) return parent;
    parent = ensure({
      id: `account:${p.account}`,
      kind: 'account',
      label: `${p.account}${owners.nameOf(p.account) ? ` ${owners.nameOf(p.account)}` : ''}`,
      parent,
      owner: p.owner,
      detail: `AWS account ${p.account}`,
    });
    if (!p.region) return parent;
    parent = ensure({
      id: `region:${p.account}/${p.region}`,
      kind: 'region',
      label: p.region,
      parent,
      owner: p.owner,
      detail: `${p.region} of ${p.account}`,
    });
    if (!p.vpc) return parent;
    parent = ensure({
      id: `vpc:${p.vpc}`,
      kind: 'vpc',
      label: p.vpc,
      parent,
      owner: p.owner,
      detail: `VPC ${p.vpc}`,
    });
    if (!p.azId) return parent;
    const zoneName = inventory.availabilityZones.find(
      (z) => z.account === p.account && z.region === p.region && z.raw.ZoneId === p.azId,
    )?.raw.ZoneName;
    parent = ensure({
      id: `az:${p.vpc}/${p.azId}`,
      kind: 'az',
      label: zoneName ? `${p.azId} (${zoneName})` : p.azId,
      parent,
      owner: p.owner,
      detail: `AZ ${p.azId}${zoneName ? `, ${zoneName} in ${p.account}` : ''}`,
    });
    if (!p.subnet) return parent;
    return ensure({
      id: `subnet:${p.subnet}`,
      kind: 'subnet',
      label: p.subnet,
      parent,
      owner: p.owner,
      detail: `subnet ${p.subnet}`,
    });
  };

  for (const c of records) {
    /** The box a record hop stands for, created with its containers. */
    const boxOf = (h: RecordHop): string => {
      const base: Place = {
        owner: h.owner,
        ...(h.account ? { account: h.account } : {}),
        ...(h.region ? { region: h.region } : {}),
      };
      let place: Place = base;
      if (h.kind === 'brokers' || h.store === 'broker-disk' || h.store === 'block-wal') {
        const mine = c.brokers.filter((b) => b.azId === h.azId);
        const subnets = [...new Set(mine.map((b) => b.subnet))];
        const vpc = mine[0]?.vpc;
        place = {
          ...base,
          ...(vpc ? { vpc } : {}),
          ...(vpc && h.azId ? { azId: h.azId } : {}),
          ...(vpc && subnets.length === 1 && subnets[0] ? { subnet: subnets[0] } : {}),
        };
      } else if (h.kind === 'producer' || h.kind === 'consumer') {
        const client = boundary.kafka.clients.find((x) => h.node === `client:${x.name}`);
        const sub = client?.subnet ? subnetOf.get(client.subnet) : undefined;
        if (sub)
          place = {
            ...base,
            ...(sub.vpcId ? { vpc: sub.vpcId } : {}),
            ...(sub.azId ? { azId: sub.azId } : {}),
            subnet: sub.id,
          };
      }
      const parent = containerOf(place);
      return ensure({
        id: `leaf:${h.node}`,
        kind: 'leaf',
        label: h.label,
        parent,
        leafKind:
          h.kind === 'producer' || h.kind === 'consumer'
            ? 'client'
            : h.kind === 'brokers'
              ? 'brokers'
              : h.kind === 'cluster'
                ? 'cluster'
                : h.store?.startsWith('s3')
                  ? 'bucket'
                  : 'store',
        owner: h.owner,
        detail: [
          h.label,
          [h.account, h.region, h.azId].filter(Boolean).join(' / '),
          `owner: ${h.owner}`,
          ...(h.store ? [`store: ${h.store}`] : []),
          ...(h.encryption
            ? [`encryption: ${h.encryption.state}${h.encryption.key ? ` ${h.encryption.key}` : ''}`]
            : []),
        ]
          .filter(Boolean)
          .join('\n'),
      });
    };
    for (const p of c.paths) {
      const ids = p.hops.map(boxOf);
      for (let i = 1; i < ids.length; i++)
        pushEdge(ids[i - 1]!, ids[i]!, p, p.hops[i - 1]!, p.hops[i]!);
    }
    for (const s of c.stores) boxOf(s);
  }
  // Each finding on the deepest box it is about: a leaf by its node, a subnet by its ARN,
  // else the region or account of its resource; findings about no drawn place are left out.
  const placed = new Map<string, Badges>();
  for (const f of input.findings ?? []) {
    if (f.status === 'suppressed') continue;
    const arn = f.resource.arn;
    const subnet = /:subnet\/(subnet-[0-9a-z]+)$/.exec(arn)?.[1];
    const candidates = [
      `leaf:${arn}`,
      ...(subnet ? [`subnet:${subnet}`] : []),
      ...(f.resource.account && f.resource.region
        ? [`region:${f.resource.account}/${f.resource.region}`]
        : []),
      ...(f.resource.account ? [`account:${f.resource.account}`] : []),
    ];
    const at = candidates.find((id) => boxes.has(id));
    if (!at) continue;
    const b = placed.get(at) ?? {};
    const k = f.status === 'unknown' ? 'unknown' : f.severity;
    b[k] = (b[k] ?? 0) + 1;
    placed.set(at, b);
  }
  return { boxes, edges: collected, placed };

  function pushEdge(from: string, to: string, p: RecordPath, a: RecordHop, b: RecordHop) {
    const crossing: Crossing =
      // An unknown holder is not a proven exit (the record rules say it is unknown).
      a.owner !== b.owner && [a, b].some((h) => h.owner !== 'inside' && h.owner !== 'unknown')
        ? 'boundary'
        : a.account && b.account && a.account !== b.account
          ? 'account'
          : a.region && b.region && a.region !== b.region
            ? 'region'
            : p.crossAz
              ? 'az'
              : 'none';
    collected.push({
      from,
      to,
      kind: p.kind === 'replicate-out' ? 'replication' : 'record',
      crossing,
      bytes: p.bytesPerProducedByte,
    });
  }
}

/** Fold leaves and containers deeper than the level into their visible ancestor. */
function foldTo(full: Full, level: MapLevel): MapModel {
  const limit = SHOWN[level];
  // Regional things (buckets, clusters, clients placed only by account or region) are drawn
  // in their region from the VPC level down.
  const shown = (b: MapBox & { depth: number }) =>
    b.depth <= limit ||
    (b.kind === 'leaf' &&
      limit >= DEPTH.vpc &&
      full.boxes.get(b.parent ?? '')!.depth <= DEPTH.region);
  const visible = (id: string): string => {
    let b = full.boxes.get(id)!;
    while (!shown(b) && b.parent) b = full.boxes.get(b.parent)!;
    return b.id;
  };
  const within = (inner: string, outer: string) => {
    for (let b = full.boxes.get(inner); b; b = b.parent ? full.boxes.get(b.parent) : undefined)
      if (b.id === outer) return true;
    return false;
  };
  // Badges of folded boxes go to the box that shows them.
  const badges = new Map<string, Badges>();
  for (const [id, b] of full.placed) {
    const at = visible(id);
    const sum = badges.get(at) ?? {};
    for (const [k, n] of Object.entries(b) as [keyof Badges, number][]) sum[k] = (sum[k] ?? 0) + n;
    badges.set(at, sum);
  }
  const boxes = [...full.boxes.values()]
    .filter(shown)
    .map(({ depth: _depth, ...b }) => (badges.has(b.id) ? { ...b, badges: badges.get(b.id)! } : b))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const merged = new Map<string, MapEdge>();
  for (const e of full.edges) {
    const from = visible(e.from);
    const to = visible(e.to);
    // Inside one box, or between a box and what holds it: nothing to draw at this level.
    if (from === to || within(from, to) || within(to, from)) continue;
    const id = `${e.kind}:${from}->${to}`;
    const hit = merged.get(id);
    if (hit) {
      hit.hops++;
      hit.bytesPerProducedByte += e.bytes;
      if (RANK[e.crossing] > RANK[hit.crossing]) hit.crossing = e.crossing;
    } else
      merged.set(id, {
        id,
        from,
        to,
        kind: e.kind,
        crossing: e.crossing,
        bytesPerProducedByte: e.bytes,
        hops: 1,
      });
  }
  const edges = [...merged.values()]
    .map((e) => ({ ...e, bytesPerProducedByte: Math.round(e.bytesPerProducedByte * 1e9) / 1e9 }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { level, boxes, edges };
}
