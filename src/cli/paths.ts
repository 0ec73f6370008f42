import { Owners } from '../boundary/owners.js';
import { type Boundary, BoundarySchema } from '../boundary/schema.js';
import { InputError } from '../errors.js';
import type { Inventory } from '../inventory/model.js';
import { addressIn, parseAddress, parseCidr } from '../paths/cidr.js';
import { brokersOf, clientSubnet } from '../paths/flows.js';
import { buildNetwork, type NetworkIndex } from '../paths/network.js';
import {
  type PathResult,
  type PathSource,
  type PathTarget,
  type TraceOptions,
  tracePacket,
} from '../paths/trace.js';
import { safeText } from '../report/text.js';
import type { NodeConfig } from '../topology/config.js';

/** `--from`: an interface, an instance, a subnet, an address, or `internet`. */
export function parseSource(text: string): PathSource {
  if (text === 'internet') return { kind: 'internet' };
  if (text.startsWith('eni-')) return { kind: 'eni', id: text };
  if (text.startsWith('i-')) return { kind: 'instance', id: text };
  if (text.startsWith('subnet-')) return { kind: 'subnet', id: text };
  if (parseAddress(text)) return { kind: 'ip', ip: text };
  throw new InputError(
    `--from ${text}: expected an eni-, i- or subnet- id, an IP address, or internet`,
  );
}

/**
 * `--to`: an interface, an instance, an address or CIDR block (an address in it), `service:region`,
 * a bucket, or `internet`.
 */
export function parseTarget(text: string, inventory: Inventory): PathTarget {
  if (text === 'internet') return { kind: 'internet' };
  if (text.startsWith('eni-')) return { kind: 'eni', id: text };
  if (text.startsWith('i-')) return { kind: 'instance', id: text };
  if (parseAddress(text)) return { kind: 'ip', ip: text };
  const block = text.includes('/') ? parseCidr(text) : undefined;
  if (block) return { kind: 'ip', ip: addressIn(block).text };
  const bucket = /^(?:arn:aws[a-z-]*:s3:::|bucket:)([a-z0-9.-]+)$/.exec(text)?.[1];
  if (bucket) {
    const b = inventory.buckets.find((x) => x.name === bucket);
    if (!b?.region)
      throw new InputError(`--to ${text}: bucket ${bucket} (or its region) is not in the snapshot`);
    return { kind: 'service', service: 's3', region: b.region };
  }
  const m = /^([a-z0-9-]+):([a-z]{2}(?:-[a-z]+)+-\d)$/.exec(text);
  if (m) return { kind: 'service', service: m[1]!, region: m[2]! };
  throw new InputError(
    `--to ${text}: expected an eni- or i- id, an IP address, service:region (s3:eu-central-1), a bucket ARN, or internet`,
  );
}

/** The network of a snapshot with owners from the boundary (without one, scanned accounts are inside). */
export function networkFor(inventory: Inventory, boundary: Boundary | undefined): NetworkIndex {
  const b =
    boundary ??
    BoundarySchema.parse({
      version: 1,
      name: 'paths',
      inside: { accounts: inventory.snapshot.accounts.map((a) => ({ id: a.id })) },
    });
  const owners = new Owners(b, inventory);
  return buildNetwork(inventory, (account) => {
    const o = owners.of(account);
    return { kind: o.kind, name: o.kind === 'party' ? o.name : o.kind };
  });
}

export function tracePath(
  inventory: Inventory,
  boundary: Boundary | undefined,
  from: string,
  to: string,
  opts: TraceOptions,
  configs: ReadonlyMap<string, NodeConfig[]> = new Map(),
): PathResult {
  const net = networkFor(inventory, boundary);
  const result = tracePacket(
    net,
    resolveSource(from, inventory, boundary, net, configs),
    parseTarget(to, inventory),
    opts,
  );
  return /^(broker|client):/.test(from) ? { ...result, from } : result;
}

/**
 * `--from broker:<cluster>/<id>` and `--from client:<name>` name what the boundary declares:
 * a broker as analyze places it, a client by the subnet it runs in.
 */
function resolveSource(
  text: string,
  inventory: Inventory,
  boundary: Boundary | undefined,
  net: NetworkIndex,
  configs: ReadonlyMap<string, NodeConfig[]>,
): PathSource {
  const m = /^(broker|client):(.+)$/.exec(text);
  if (!m) return parseSource(text);
  if (!boundary)
    throw new InputError(
      `--from ${text}: brokers and clients come from the boundary file; give --boundary`,
    );
  if (m[1] === 'client') {
    const client = boundary.kafka.clients.find((c) => c.name === m[2]);
    if (!client) throw new InputError(`--from ${text}: the boundary declares no client ${m[2]}`);
    const subnet = clientSubnet(net, client);
    if (!subnet)
      throw new InputError(
        `--from ${text}: no subnet in the snapshot matches the client's subnet, VPC or CIDR`,
      );
    return { kind: 'subnet', id: subnet };
  }
  const [cluster, id] = m[2]!.split('/');
  const broker = brokersOf(inventory, boundary, net, configs).find(
    (b) => b.cluster === cluster && b.id === id,
  );
  if (!broker)
    throw new InputError(
      `--from ${text}: no broker ${id ?? '?'} of cluster ${cluster} is placed in the snapshot (expected broker:<cluster>/<id>)`,
    );
  return { kind: 'eni', id: broker.eni.id };
}

/** A readable trace: one line a hop, then the crossings and the outcome. */
export function renderPathText(r: PathResult): string {
  const out = [`${safeText(r.from)} → ${safeText(r.to)}: ${r.disposition}`];
  r.hops.forEach((h, i) => {
    const where = [h.account, h.region, h.azId].filter(Boolean).join(' ');
    out.push(
      `  ${String(i + 1).padStart(2)}. ${h.kind.padEnd(18)} ${safeText(h.node)}${where ? `  (${safeText(where)}${h.owner ? `, ${safeText(h.owner)}` : ''})` : ''}`,
    );
    if (h.via) out.push(`      via ${safeText(h.via)}`);
  });
  if (r.crossings.length)
    out.push(
      `crossings: ${r.crossings.map((c) => `${c.kind} (${safeText(c.detail)})`).join(', ')}`,
    );
  if (r.blockedBy) out.push(`stopped at hop ${r.blockedBy.hop + 1}: ${safeText(r.blockedBy.rule)}`);
  for (const u of r.unchecked) out.push(`not checked: ${safeText(u)}`);
  return `${out.join('\n')}\n`;
}
