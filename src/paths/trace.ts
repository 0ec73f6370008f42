/**
 * The path a packet takes, offline: from a source (an interface, an instance, a subnet, an
 * address, the internet) to a destination (an address, an interface, an AWS service in a
 * region, the internet), hop by hop through route tables (longest prefix over CIDR and
 * prefix-list routes), gateways, endpoints, peerings and transit gateways, with security
 * groups and network ACLs where they apply. Each hop carries its account, region, AZ id and
 * owner, and the crossings between hops are named. Pure.
 */
import type { Src } from '../inventory/model.js';
import { type Address, addressIn, contains, parseAddress, parseCidr } from './cidr.js';
import {
  type EndpointInfo,
  type EniInfo,
  type NaclInfo,
  type NetworkIndex,
  naclOf,
  type RouteEntry,
  routeTableOf,
  type SgRule,
  type TgwAttachmentInfo,
} from './network.js';

export type Disposition = 'delivered' | 'no-route' | 'blackhole' | 'denied';
export type CrossingKind = 'az' | 'region' | 'account' | 'boundary' | 'internet';

export interface PathHop {
  node: string;
  kind: string;
  account?: string;
  region?: string;
  azId?: string;
  owner?: string;
  /** The route or rule that led here, as a person reads it. */
  via?: string;
}

export interface Crossing {
  kind: CrossingKind;
  /** Indexes into `hops`. */
  from: number;
  to: number;
  detail: string;
}

export interface PathResult {
  from: string;
  to: string;
  disposition: Disposition;
  hops: PathHop[];
  crossings: Crossing[];
  /** For a path that does not arrive: the hop where it stops and what stopped it. */
  blockedBy?: { hop: number; rule: string; evidence?: Src };
  /** Routes and rules that decided the path. */
  evidence: Src[];
  /** What could not be checked (a security group or ACL the snapshot lacks). */
  unchecked: string[];
  /**
   * The path stopped because the snapshot lacks what it needed (a route table, a gateway, the
   * far side of a peering) or leads where ownmap does not follow: not a proof of `no-route`.
   */
  incomplete: boolean;
}

export type PathSource =
  | { kind: 'eni'; id: string }
  | { kind: 'instance'; id: string }
  | { kind: 'subnet'; id: string }
  | { kind: 'ip'; ip: string }
  | { kind: 'internet' };

export type PathTarget =
  | { kind: 'ip'; ip: string }
  | { kind: 'eni'; id: string }
  | { kind: 'instance'; id: string }
  /** An AWS service in a region; `account` owns what the packet reaches there (a bucket, a key). */
  | { kind: 'service'; service: string; region: string; account?: string }
  | { kind: 'internet' };

export interface TraceOptions {
  protocol?: 'tcp' | 'udp' | 'icmp';
  port?: number;
}

const PROTOCOL_NUMBER = { tcp: '6', udp: '17', icmp: '1' } as const;
/** An address on the internet (TEST-NET-2), for "the internet" as a source or destination. */
const INTERNET_V4 = '198.51.100.10';
const INTERNET_V6 = '2001:db8:ffff::10';
const SERVICE_V4 = '203.0.113.5';
/** A port the client side of a connection uses (Linux's ephemeral range starts here). */
const EPHEMERAL = 32768;
const MAX_STEPS = 32;

interface Dest {
  label: string;
  address: Address | undefined;
  eni: EniInfo | undefined;
  service: { name: string; region: string; account?: string | undefined } | undefined;
  internet: boolean;
}

interface Walk {
  incomplete?: boolean;
  /** Transit gateway hops into VPCs that route onward (loop guard). */
  depth?: number;
  net: NetworkIndex;
  dest: Dest;
  proto: string;
  port: number;
  hops: PathHop[];
  evidence: Src[];
  unchecked: string[];
}

type Outcome = { disposition: Disposition; blockedBy?: PathResult['blockedBy'] };

const delivered: Outcome = { disposition: 'delivered' };

function stop(w: Walk, disposition: Disposition, rule: string, evidence?: Src): Outcome {
  return {
    disposition,
    blockedBy: { hop: Math.max(0, w.hops.length - 1), rule, ...(evidence ? { evidence } : {}) },
  };
}

/** A stop for lack of data: `no-route` as far as the snapshot shows, and marked incomplete. */
function gap(w: Walk, rule: string, evidence?: Src): Outcome {
  w.incomplete = true;
  w.unchecked.push(rule);
  return stop(w, 'no-route', rule, evidence);
}

function located(
  w: Walk,
  node: string,
  kind: string,
  where: { account?: string | undefined; region?: string | undefined; azId?: string | undefined },
  via?: string,
): void {
  const hop: PathHop = { node, kind };
  if (where.account) {
    hop.account = where.account;
    hop.owner = w.net.ownerOf(where.account).name;
  }
  if (where.region) hop.region = where.region;
  if (where.azId) hop.azId = where.azId;
  if (via) hop.via = via;
  w.hops.push(hop);
}

function subnetWhere(net: NetworkIndex, subnetId: string | undefined) {
  const s = subnetId ? net.subnets.get(subnetId) : undefined;
  return { account: s?.account, region: s?.region, azId: s?.azId };
}

// ------------------------------------------------------------------ destination

function resolveDest(net: NetworkIndex, to: PathTarget): Dest | string {
  switch (to.kind) {
    case 'ip': {
      const address = parseAddress(to.ip);
      if (!address) return `--to ${to.ip}: expected an IPv4 or IPv6 address`;
      const eni = net.enisByIp.get(to.ip)?.[0];
      return {
        label: to.ip,
        address,
        eni,
        service: undefined,
        internet: !eni && isPublic(net, address),
      };
    }
    case 'eni':
    case 'instance': {
      const eni = eniOf(net, to);
      if (!eni) return `${to.id} is not in the snapshot`;
      const ip = eni.privateIps[0] ?? eni.ipv6[0];
      return {
        label: to.id,
        address: ip ? parseAddress(ip) : undefined,
        eni,
        service: undefined,
        internet: false,
      };
    }
    case 'service': {
      const pl = net.prefixListByName.get(`com.amazonaws.${to.region}.${to.service}`);
      const first = pl?.cidrs?.[0];
      return {
        label: `${to.service}:${to.region}`,
        // Without the service's prefix list, a public address (TEST-NET-3) stands for it.
        address: first ? addressIn(first) : parseAddress(SERVICE_V4),
        eni: undefined,
        service: { name: to.service, region: to.region, account: to.account },
        internet: false,
      };
    }
    case 'internet':
      return {
        label: 'internet',
        address: parseAddress(INTERNET_V4),
        eni: undefined,
        service: undefined,
        internet: true,
      };
  }
}

/** An address in no VPC of the snapshot and in no private range: somewhere on the internet. */
function isPublic(net: NetworkIndex, a: Address): boolean {
  const privateRanges = [
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16',
    '100.64.0.0/10',
    'fc00::/7',
  ];
  if (privateRanges.some((r) => contains(parseCidr(r)!, a))) return false;
  for (const v of net.vpcs.values()) if (v.cidrs.some((c) => contains(c, a))) return false;
  return true;
}

function eniOf(
  net: NetworkIndex,
  s: { kind: 'eni' | 'instance'; id: string },
): EniInfo | undefined {
  if (s.kind === 'eni') return net.enis.get(s.id);
  const inst = net.instances.get(s.id);
  for (const id of inst?.enis ?? []) {
    const e = net.enis.get(id);
    if (e) return e;
  }
  return undefined;
}

// ------------------------------------------------------------------ routes

/** The most specific route for the destination; a prefix list counts by its matching block. */
function longestPrefix(
  net: NetworkIndex,
  routes: RouteEntry[],
  dest: Dest,
): RouteEntry | undefined {
  let best: RouteEntry | undefined;
  let bestBits = -1;
  for (const r of routes) {
    const bits = routeBits(net, r.dest, dest, r.target.kind === 'vpce' ? r.target.id : undefined);
    // Longest prefix first; at the same length a CIDR route wins over a prefix-list route.
    const tie =
      bits >= 0 && bits === bestBits && best?.dest.kind === 'pl' && r.dest.kind === 'cidr';
    if (bits > bestBits || tie) {
      best = r;
      bestBits = bits;
    }
  }
  return best;
}

function routeBits(
  net: NetworkIndex,
  d: RouteEntry['dest'],
  dest: Dest,
  endpointId: string | undefined,
): number {
  if (d.kind === 'cidr') {
    if (dest.address) return contains(d.cidr, dest.address) ? d.cidr.bits : -1;
    // A service whose addresses the snapshot lacks (no prefix list): it is public, so only a
    // default route reaches it.
    return dest.service && d.cidr.bits === 0 && d.cidr.family === 4 ? 0 : -1;
  }
  const pl = net.prefixLists.get(d.id);
  let bits = -1;
  for (const c of pl?.cidrs ?? [])
    if (dest.address && contains(c, dest.address) && c.bits > bits) bits = c.bits;
  if (bits >= 0) return bits;
  // A service known by name: its own prefix list, or the one its gateway endpoint routes.
  if (dest.service) {
    const name = `com.amazonaws.${dest.service.region}.${dest.service.name}`;
    const ep = endpointId ? net.endpoints.get(endpointId) : undefined;
    if (
      pl?.name === name ||
      (ep && ep.service === dest.service.name && ep.serviceRegion === dest.service.region)
    )
      return dest.address?.family === 6 ? 128 : 32;
  }
  return -1;
}

// ------------------------------------------------------------------ security groups and ACLs

function protoMatches(ruleProto: string, proto: string): boolean {
  if (ruleProto === '-1' || ruleProto === 'all') return true;
  const name = Object.entries(PROTOCOL_NUMBER).find(([, n]) => n === proto)?.[0];
  return ruleProto === proto || ruleProto === name;
}

function portMatches(from: number | undefined, to: number | undefined, port: number): boolean {
  if (from === undefined || to === undefined || from === -1) return true;
  return port >= from && port <= to;
}

interface Peer {
  address: Address | undefined;
  eni: EniInfo | undefined;
  service: Dest['service'];
}

function sgRuleMatches(net: NetworkIndex, r: SgRule, w: Walk, port: number, peer: Peer): boolean {
  if (!protoMatches(r.protocol, w.proto) || !portMatches(r.from, r.to, port)) return false;
  if (peer.address && r.cidrs.some((c) => contains(c, peer.address!))) return true;
  for (const id of r.prefixLists) {
    const pl = net.prefixLists.get(id);
    if (peer.address && pl?.cidrs?.some((c) => contains(c, peer.address!))) return true;
    if (peer.service && pl?.name === `com.amazonaws.${peer.service.region}.${peer.service.name}`)
      return true;
  }
  return !!peer.eni && r.groups.some((g) => peer.eni!.groups.includes(g));
}

/** A security group check on one interface: allowed, or the groups that did not allow it. */
function sgAllows(
  w: Walk,
  eni: EniInfo,
  direction: 'ingress' | 'egress',
  peer: Peer,
): { ok: true } | { ok: false; rule: string; evidence?: Src } {
  if (!eni.groups.length) {
    w.unchecked.push(`${eni.id} lists no security groups`);
    return { ok: true };
  }
  const missing: string[] = [];
  for (const id of eni.groups) {
    const sg = w.net.securityGroups.get(id);
    if (!sg) {
      missing.push(id);
      continue;
    }
    const hit = sg[direction].find((r) => sgRuleMatches(w.net, r, w, w.port, peer));
    if (hit) {
      w.evidence.push(hit.src);
      return { ok: true };
    }
  }
  if (missing.length) {
    // A group the snapshot lacks may allow what the others do not.
    w.unchecked.push(`security group ${missing.join(', ')} of ${eni.id} is not in the snapshot`);
    return { ok: true };
  }
  const first = w.net.securityGroups.get(eni.groups.find((g) => !missing.includes(g))!);
  return {
    ok: false,
    rule: `security group ${eni.groups.join(', ')} of ${eni.id}: no ${direction} rule allows ${w.proto === '6' ? 'tcp' : w.proto === '17' ? 'udp' : w.proto === '1' ? 'icmp' : w.proto}/${w.port} ${direction === 'egress' ? 'to' : 'from'} ${peer.eni?.id ?? peer.service?.name ?? peer.address?.text ?? 'the peer'}`,
    ...(first ? { evidence: first.src } : {}),
  };
}

function naclDecides(
  w: Walk,
  nacl: NaclInfo | undefined,
  subnetId: string,
  egress: boolean,
  address: Address | undefined,
  port: number,
): { ok: true } | { ok: false; rule: string; evidence: Src } {
  if (!nacl?.entries.length) {
    w.unchecked.push(`the network ACL of ${subnetId} is not in the snapshot`);
    return { ok: true };
  }
  if (!address) {
    w.unchecked.push(`the network ACL of ${subnetId}: the peer's address is not known`);
    return { ok: true };
  }
  for (const e of nacl.entries) {
    if (e.egress !== egress) continue;
    if (!protoMatches(e.protocol, w.proto)) continue;
    if (!portMatches(e.from, e.to, port)) continue;
    if (!e.cidr || !address || !contains(e.cidr, address)) continue;
    if (e.allow) return { ok: true };
    return {
      ok: false,
      rule: `network ACL ${nacl.id} of ${subnetId}: ${egress ? 'outbound' : 'inbound'} rule ${e.number === 32767 ? '*' : e.number} denies ${address.text} port ${port}`,
      evidence: e.src,
    };
  }
  return {
    ok: false,
    rule: `network ACL ${nacl.id} of ${subnetId}: no ${egress ? 'outbound' : 'inbound'} rule allows ${address?.text ?? 'the peer'} port ${port}`,
    evidence: nacl.src,
  };
}

/**
 * Network ACLs between two subnets (stateless): the way out of `from` and in to `to`, and the
 * reply on an ephemeral port. Nothing to check inside one subnet.
 */
function aclsBetween(
  w: Walk,
  from: { subnetId: string | undefined; address: Address | undefined },
  to: { subnetId: string | undefined; address: Address | undefined },
): Outcome | undefined {
  if (from.subnetId && from.subnetId === to.subnetId) return undefined;
  const checks: [string | undefined, boolean, Address | undefined, number][] = [
    [from.subnetId, true, to.address, w.port],
    [to.subnetId, false, from.address, w.port],
    [to.subnetId, true, from.address, EPHEMERAL],
    [from.subnetId, false, to.address, EPHEMERAL],
  ];
  for (const [subnet, egress, address, port] of checks) {
    if (!subnet) continue;
    const d = naclDecides(w, naclOf(w.net, subnet), subnet, egress, address, port);
    if (!d.ok) {
      w.evidence.push(d.evidence);
      return stop(w, 'denied', d.rule, d.evidence);
    }
  }
  return undefined;
}

// ------------------------------------------------------------------ the walk

interface Position {
  subnetId: string | undefined;
  vpcId: string;
  azId: string | undefined;
  account: string;
  region: string;
  /** The packet's source address as the next hop sees it. */
  address: Address | undefined;
  eni: EniInfo | undefined;
  hasPublicIp: boolean;
}

/** Trace one packet. Never throws; bad input comes back as a `no-route` with the reason. */
export function tracePacket(
  net: NetworkIndex,
  from: PathSource,
  to: PathTarget,
  opts: TraceOptions = {},
): PathResult {
  const proto = PROTOCOL_NUMBER[opts.protocol ?? 'tcp'];
  const port = opts.port ?? 443;
  const fromLabel = from.kind === 'internet' ? 'internet' : from.kind === 'ip' ? from.ip : from.id;
  const resolved = resolveDest(net, to);
  const w: Walk = {
    net,
    dest: typeof resolved === 'string' ? (undefined as never) : resolved,
    proto,
    port,
    hops: [],
    evidence: [],
    unchecked: [],
  };
  const finish = (o: Outcome): PathResult => ({
    from: fromLabel,
    to: typeof resolved === 'string' ? 'unknown' : resolved.label,
    disposition: o.disposition,
    hops: w.hops,
    crossings: crossingsOf(net, w.hops),
    ...(o.blockedBy ? { blockedBy: o.blockedBy } : {}),
    evidence: w.evidence,
    unchecked: [...new Set(w.unchecked)],
    incomplete: w.incomplete === true,
  });
  if (typeof resolved === 'string') return finish(stop(w, 'no-route', resolved));
  if (from.kind === 'internet') return finish(fromInternet(w));

  let eni: EniInfo | undefined;
  let subnetId: string | undefined;
  if (from.kind === 'subnet') subnetId = from.id;
  else if (from.kind === 'ip') {
    eni = net.enisByIp.get(from.ip)?.[0];
    if (!eni)
      return finish(stop(w, 'no-route', `${from.ip} is held by no interface in the snapshot`));
  } else {
    eni = eniOf(net, from);
    if (!eni) return finish(gap(w, `${from.id} is not in the snapshot`));
  }
  subnetId ??= eni?.subnetId;
  const subnet = subnetId ? net.subnets.get(subnetId) : undefined;
  if (!subnet)
    return finish(gap(w, `subnet ${subnetId ?? 'of the source'} is not in the snapshot`));
  const family = w.dest.address?.family ?? 4;
  const srcIp =
    from.kind === 'ip'
      ? from.ip
      : family === 6
        ? eni?.ipv6[0]
        : (eni?.privateIps[0] ??
          addressIn(subnet.cidrs.find((c) => c.family === 4) ?? subnet.cidrs[0]!).text);
  const start: Position = {
    subnetId,
    vpcId: subnet.vpcId,
    azId: eni?.azId ?? subnet.azId,
    account: eni?.account ?? subnet.account,
    region: subnet.region,
    address: srcIp ? parseAddress(srcIp) : undefined,
    eni,
    hasPublicIp: !!eni && eni.publicIps.length > 0,
  };
  located(w, eni?.id ?? subnet.id, eni ? 'eni' : 'subnet', start);
  if (eni) {
    const sg = sgAllows(w, eni, 'egress', {
      address: w.dest.address,
      eni: w.dest.eni,
      service: w.dest.service,
    });
    if (!sg.ok) return finish(stop(w, 'denied', sg.rule, sg.evidence));
  }
  return finish(walk(w, start));
}

function walk(w: Walk, start: Position, source = true): Outcome {
  const { net, dest } = w;
  let pos = start;
  // Private DNS of an interface endpoint answers in the source VPC only.
  if (source && dest.service) {
    const ep = (net.interfaceEndpoints.get(pos.vpcId) ?? []).find(
      (e) =>
        e.available &&
        e.privateDns &&
        e.service === dest.service!.name &&
        e.serviceRegion === dest.service!.region,
    );
    if (ep) return viaInterfaceEndpoint(w, pos, ep);
  }
  for (let step = 0; step < MAX_STEPS; step++) {
    if (!pos.subnetId) return stop(w, 'no-route', `no subnet to route from in ${pos.vpcId}`);
    const table = routeTableOf(net, pos.subnetId);
    if (!table)
      return gap(
        w,

        `no route table for ${pos.subnetId} (no association and no main table in the snapshot)`,
      );
    const route = longestPrefix(net, table.routes, dest);
    if (!route) return stop(w, 'no-route', `no route to ${dest.label} in ${table.id}`, table.src);
    w.evidence.push(route.src);
    const via = `${table.id}: ${route.text}`;
    if (route.blackhole)
      return stop(w, 'blackhole', `route ${route.text} in ${table.id} is a blackhole`, route.src);
    const t = route.target;
    switch (t.kind) {
      case 'local':
        return deliverInVpc(w, pos, pos.vpcId, via);
      case 'igw':
        return viaInternetGateway(w, pos, t.id, via, route.src);
      case 'eigw': {
        if (dest.address?.family !== 6)
          return stop(w, 'no-route', `egress-only gateway ${t.id} carries IPv6 only`, route.src);
        const acl = exitAcl(w, pos);
        if (acl) return acl;
        located(w, t.id, 'egress-only-gateway', { account: pos.account, region: pos.region }, via);
        return toInternet(w);
      }
      case 'nat': {
        const nat = net.nats.get(t.id);
        if (!nat) return gap(w, `NAT gateway ${t.id} is not in the snapshot`, route.src);
        if (!nat.available)
          return stop(w, 'blackhole', `NAT gateway ${t.id} is not available`, nat.src);
        const where = subnetWhere(net, nat.subnetId);
        located(
          w,
          nat.id,
          'nat-gateway',
          { ...where, account: where.account ?? nat.account, region: where.region ?? nat.region },
          via,
        );
        const acl = aclsBetween(
          w,
          { subnetId: pos.subnetId, address: pos.address },
          { subnetId: nat.subnetId, address: dest.address },
        );
        if (acl) return acl;
        pos = {
          subnetId: nat.subnetId,
          vpcId: nat.vpcId ?? pos.vpcId,
          azId: where.azId,
          account: where.account ?? nat.account,
          region: where.region ?? nat.region,
          // Source NAT: past the gateway the packet comes from the NAT's own address.
          address: nat.privateIp ? parseAddress(nat.privateIp) : pos.address,
          eni: undefined,
          hasPublicIp: nat.public,
        };
        continue;
      }
      case 'vpce': {
        const ep = net.endpoints.get(t.id);
        if (!ep) return gap(w, `VPC endpoint ${t.id} is not in the snapshot`, route.src);
        if (ep.type === 'GatewayLoadBalancer')
          return gap(
            w,
            `route ${route.text} sends the packet to Gateway Load Balancer endpoint ${ep.id}: the inspection appliances behind it are not followed`,
            route.src,
          );
        // The route matched the service by name, or the address is one of the service's.
        const svc = dest.service ?? serviceHolding(net, ep, dest.address);
        if (!svc || ep.service !== svc.name || ep.serviceRegion !== svc.region)
          return stop(
            w,
            'no-route',
            `gateway endpoint ${t.id} leads to ${ep.service ?? 'a service'}, not to ${dest.label}`,
            route.src,
          );
        const acl = exitAcl(w, pos);
        if (acl) return acl;
        located(w, ep.id, 'gateway-endpoint', { account: ep.account, region: ep.region }, via);
        serviceHop(w, svc);
        return delivered;
      }
      case 'pcx':
        return viaPeering(w, pos, t.id, via, route.src);
      case 'tgw':
        return viaTransitGateway(w, pos, t.id, via, route.src);
      case 'eni':
      case 'instance': {
        const appliance = eniOf(net, { kind: t.kind, id: t.id });
        if (!appliance?.subnetId)
          return gap(w, `${t.id} (route target) is not in the snapshot`, route.src);
        located(w, appliance.id, 'eni', appliance, via);
        const acl = aclsBetween(
          w,
          { subnetId: pos.subnetId, address: pos.address },
          { subnetId: appliance.subnetId, address: dest.address },
        );
        if (acl) return acl;
        // An appliance forwards: the packet goes on from its subnet's route table.
        pos = { ...pos, subnetId: appliance.subnetId, azId: appliance.azId, eni: appliance };
        continue;
      }
      case 'other':
        return gap(
          w,

          `route ${route.text} leads to ${t.id}, which ownmap does not follow`,
          route.src,
        );
    }
  }
  return stop(w, 'no-route', `more than ${MAX_STEPS} hops: a routing loop`);
}

/** The endpoint's service, when the address is in that service's prefix list. */
function serviceHolding(
  net: NetworkIndex,
  ep: EndpointInfo,
  address: Address | undefined,
): { name: string; region: string } | undefined {
  if (!address || !ep.service || !ep.serviceRegion) return undefined;
  const pl = net.prefixListByName.get(`com.amazonaws.${ep.serviceRegion}.${ep.service}`);
  return pl?.cidrs?.some((c) => contains(c, address))
    ? { name: ep.service, region: ep.serviceRegion }
    : undefined;
}

function viaInterfaceEndpoint(w: Walk, pos: Position, ep: EndpointInfo): Outcome {
  const { net } = w;
  const enis = ep.eniIds.flatMap((id) => {
    const e = net.enis.get(id);
    return e ? [e] : [];
  });
  const sameAz = enis.find((e) => e.azId && e.azId === pos.azId);
  const chosen = sameAz ?? enis[0];
  const where = chosen ?? {
    account: ep.account,
    region: ep.region,
    azId: undefined,
    subnetId: ep.subnetIds[0],
  };
  located(
    w,
    ep.id,
    'interface-endpoint',
    { account: where.account, region: where.region, azId: where.azId },
    `private DNS of ${ep.id}`,
  );
  w.evidence.push(ep.src);
  if (!sameAz && chosen)
    w.unchecked.push(
      `${ep.id} has no interface in ${pos.azId ?? 'the source AZ'}: traffic goes to another AZ`,
    );
  const target = chosen
    ? { subnetId: chosen.subnetId, address: parseAddress(chosen.privateIps[0] ?? '') }
    : { subnetId: ep.subnetIds[0], address: undefined };
  const acl = aclsBetween(w, { subnetId: pos.subnetId, address: pos.address }, target);
  if (acl) return acl;
  if (chosen) {
    const sg = sgAllows(w, chosen, 'ingress', {
      address: pos.address,
      eni: pos.eni,
      service: undefined,
    });
    if (!sg.ok) return stop(w, 'denied', sg.rule, sg.evidence);
  }
  serviceHop(w);
  return delivered;
}

/** Leaving the VPC from a subnet (a gateway, an endpoint): its ACL out, and the reply in. */
function exitAcl(w: Walk, pos: Position): Outcome | undefined {
  if (!pos.subnetId) return undefined;
  const nacl = naclOf(w.net, pos.subnetId);
  for (const [egress, address, port] of [
    [true, w.dest.address, w.port],
    [false, w.dest.address, EPHEMERAL],
  ] as const) {
    const d = naclDecides(w, nacl, pos.subnetId, egress, address, port);
    if (!d.ok) {
      w.evidence.push(d.evidence);
      return stop(w, 'denied', d.rule, d.evidence);
    }
  }
  return undefined;
}

function viaInternetGateway(w: Walk, pos: Position, igw: string, via: string, src: Src): Outcome {
  const { dest } = w;
  const acl = exitAcl(w, pos);
  if (acl) return acl;
  if ((dest.address?.family ?? 4) === 4 && !pos.hasPublicIp)
    return stop(
      w,
      'denied',
      `no public IPv4 address on ${pos.eni?.id ?? pos.subnetId}: ${igw} does not carry it`,
      src,
    );
  located(w, igw, 'internet-gateway', { account: pos.account, region: pos.region }, via);
  if (dest.service) {
    // A public service endpoint: over the internet gateway to the service, in its region.
    serviceHop(w);
    return delivered;
  }
  if (dest.eni && dest.address && dest.eni.publicIps.includes(dest.address.text)) {
    located(w, 'internet', 'internet', {});
    return intoEni(w, dest.eni, parseAddress(pos.eni?.publicIps[0] ?? INTERNET_V4));
  }
  return toInternet(w);
}

/** The service at the end of a path, with the account that owns what it reaches. */
function serviceHop(w: Walk, svc: { name: string; region: string } = w.dest.service!): void {
  const account = w.dest.service?.name === svc.name ? w.dest.service.account : undefined;
  located(w, `${svc.name}:${svc.region}`, 'service', { region: svc.region, account });
}

function toInternet(w: Walk): Outcome {
  located(w, 'internet', 'internet', {});
  return delivered;
}

function viaPeering(w: Walk, pos: Position, id: string, via: string, src: Src): Outcome {
  const { net, dest } = w;
  const p = net.peerings.get(id);
  if (!p) return gap(w, `peering ${id} is not in the snapshot`, src);
  if (!p.active) return stop(w, 'blackhole', `peering ${id} is ${p.status ?? 'not active'}`, p.src);
  const other = p.requester.vpcId === pos.vpcId ? p.accepter : p.requester;
  located(w, id, 'peering', {}, via);
  w.evidence.push(p.src);
  const peerVpc = other.vpcId ? net.vpcs.get(other.vpcId) : undefined;
  const cidrs = peerVpc?.cidrs.length ? peerVpc.cidrs : other.cidrs;
  if (!dest.address || !cidrs.some((c) => contains(c, dest.address!)))
    return stop(
      w,
      'no-route',
      `${dest.label} is not in ${other.vpcId ?? 'the peer VPC'}: a peering does not carry traffic beyond the peer VPC`,
      p.src,
    );
  if (!peerVpc || !other.vpcId) {
    located(w, other.vpcId ?? 'peer VPC', 'address', {
      account: other.account,
      region: other.region,
    });
    w.unchecked.push(`peer VPC ${other.vpcId ?? ''} is not in the snapshot`);
    return delivered;
  }
  return deliverInVpc(w, pos, other.vpcId, undefined);
}

function viaTransitGateway(w: Walk, pos: Position, tgwId: string, via: string, src: Src): Outcome {
  const { net, dest } = w;
  let attachment: TgwAttachmentInfo | undefined = net.tgwAttachmentOf.get(`${tgwId}|${pos.vpcId}`);
  if (!attachment) return gap(w, `${pos.vpcId} has no attachment to ${tgwId} in the snapshot`, src);
  if (!attachment.available)
    return stop(w, 'blackhole', `attachment ${attachment.id} is not available`, attachment.src);
  let tgw = tgwId;
  for (let step = 0; step < 8; step++) {
    const t = net.tgws.get(tgw);
    located(
      w,
      tgw,
      'transit-gateway',
      { account: t?.account ?? attachment.tgwAccount, region: t?.region ?? attachment.region },
      step === 0 ? via : undefined,
    );
    const side = net.tgwAttachmentSides.get(`${attachment.id}|${tgw}`) ?? attachment;
    const rtbId = side.routeTable;
    if (!rtbId)
      return stop(
        w,
        'no-route',
        `attachment ${attachment.id} is associated with no route table of ${tgw}`,
        attachment.src,
      );
    const rtb = net.tgwRouteTables.get(rtbId);
    if (!rtb?.routes) {
      return gap(w, `the routes of ${rtbId} are not in the snapshot`);
    }
    let best: (typeof rtb.routes)[number] | undefined;
    let bits = -1;
    for (const r of rtb.routes) {
      const b = routeBits(net, r.dest, dest, undefined);
      // Longest prefix first; for the same prefix a static route wins over a propagated one.
      const tie = b >= 0 && b === bits && best?.type === 'propagated' && r.type === 'static';
      if (b > bits || tie) {
        best = r;
        bits = b;
      }
    }
    if (!best) return stop(w, 'no-route', `no route to ${dest.label} in ${rtbId}`, rtb.src);
    w.evidence.push(best.src);
    if (best.blackhole)
      return stop(w, 'blackhole', `route to ${dest.label} in ${rtbId} is a blackhole`, best.src);
    const next = best.attachments[0] ? net.tgwAttachments.get(best.attachments[0]) : undefined;
    if (!next)
      return gap(
        w,

        `the attachment of the route in ${rtbId} is not in the snapshot`,
        best.src,
      );
    const routeText = `${rtbId}: ${best.dest.kind === 'cidr' ? best.dest.cidr.text : best.dest.id} → ${next.id} (${best.type ?? 'route'})`;
    if (next.resourceType === 'vpc' && next.resourceId) {
      const vpc = net.vpcs.get(next.resourceId);
      located(
        w,
        next.id,
        'tgw-attachment',
        { account: next.resourceOwner ?? vpc?.account, region: vpc?.region ?? next.region },
        routeText,
      );
      if (!vpc) {
        w.unchecked.push(`${next.resourceId} is not in the snapshot`);
        located(w, next.resourceId, 'address', { account: next.resourceOwner });
        return delivered;
      }
      if (dest.address && vpc.cidrs.some((c) => contains(c, dest.address!)))
        return deliverInVpc(w, pos, vpc.id, undefined);
      // Onward (central egress, inspection): from the attachment's interface in the source AZ
      // when it has one, by the route table of that interface's subnet.
      const enis = net.tgwAttachmentEnis.get(next.id) ?? [];
      const entry = enis.find((e) => e.azId && e.azId === pos.azId) ?? enis[0];
      if (!entry?.subnetId)
        return gap(
          w,
          `${dest.label} is not in ${vpc.id}, and the interfaces of attachment ${next.id} are not in the snapshot, so onward routing from its subnets is not followed`,
        );
      w.depth = (w.depth ?? 0) + 1;
      if (w.depth > 4)
        return stop(
          w,
          'no-route',
          'the packet passes more than 4 transit gateway hops: a routing loop',
        );
      located(w, entry.id, 'eni', entry, `attachment ${next.id} in ${entry.subnetId}`);
      return walk(
        w,
        {
          subnetId: entry.subnetId,
          vpcId: vpc.id,
          azId: entry.azId,
          account: entry.account,
          region: entry.region,
          address: pos.address,
          eni: undefined,
          hasPublicIp: false,
        },
        false,
      );
    }
    if (next.resourceType === 'peering' || next.resourceType === 'tgw-peering') {
      const peering = net.tgwPeerings.get(next.id);
      const otherSide = peering?.sides.find((s) => s.tgwId && s.tgwId !== tgw);
      if (!peering || !otherSide?.tgwId)
        return gap(
          w,

          `the other side of TGW peering ${next.id} is not in the snapshot`,
          next.src,
        );
      if (!peering.available)
        return stop(w, 'blackhole', `TGW peering ${next.id} is not available`, peering.src);
      located(w, next.id, 'tgw-peering', {}, routeText);
      const far = net.tgwAttachmentSides.get(`${next.id}|${otherSide.tgwId}`);
      if (!far) {
        located(w, otherSide.tgwId, 'transit-gateway', {
          account: otherSide.account,
          region: otherSide.region,
        });
        return gap(
          w,
          `the far side of TGW peering ${next.id} (${otherSide.tgwId}, ${otherSide.account ?? 'account unknown'} ${otherSide.region ?? ''}) is not in the snapshot`,
          next.src,
        );
      }
      tgw = otherSide.tgwId;
      attachment = far;
      continue;
    }
    return gap(
      w,

      `attachment ${next.id} (${next.resourceType ?? 'unknown type'}) is not followed`,
      next.src,
    );
  }
  return stop(w, 'no-route', 'more than 8 transit gateway hops: a routing loop');
}

/** Deliver to the destination inside a VPC the packet has reached. */
function deliverInVpc(w: Walk, pos: Position, vpcId: string, via: string | undefined): Outcome {
  const { net, dest } = w;
  const target =
    dest.eni && dest.eni.vpcId === vpcId
      ? dest.eni
      : dest.address
        ? net.enisByIp.get(dest.address.text)?.find((e) => e.vpcId === vpcId)
        : undefined;
  if (target) {
    located(w, target.id, 'eni', target, via);
    return intoEni(w, target, pos.address, pos);
  }
  const subnet = dest.address
    ? (net.subnetsOfVpc.get(vpcId) ?? []).find((s) =>
        s.cidrs.some((c) => contains(c, dest.address!)),
      )
    : undefined;
  const vpc = net.vpcs.get(vpcId);
  located(
    w,
    dest.label,
    'address',
    {
      account: subnet?.account ?? vpc?.account,
      region: subnet?.region ?? vpc?.region,
      azId: subnet?.azId,
    },
    via,
  );
  w.unchecked.push(
    `no interface holds ${dest.label}: security groups at the destination are not checked`,
  );
  if (subnet) {
    const acl = aclsBetween(
      w,
      { subnetId: pos.subnetId, address: pos.address },
      { subnetId: subnet.id, address: dest.address },
    );
    if (acl) return acl;
  }
  return delivered;
}

/** The last step into an interface: ACLs between the subnets, then its security groups. */
function intoEni(w: Walk, eni: EniInfo, from: Address | undefined, pos?: Position): Outcome {
  if (pos) {
    const acl = aclsBetween(
      w,
      { subnetId: pos.subnetId, address: from },
      { subnetId: eni.subnetId, address: parseAddress(eni.privateIps[0] ?? '') },
    );
    if (acl) return acl;
  }
  const sg = sgAllows(w, eni, 'ingress', { address: from, eni: pos?.eni, service: undefined });
  if (!sg.ok) return stop(w, 'denied', sg.rule, sg.evidence);
  return delivered;
}

/** From the internet to an interface: a public address, an internet gateway, a way back. */
function fromInternet(w: Walk): Outcome {
  const { net, dest } = w;
  located(w, 'internet', 'internet', {});
  const eni = dest.eni;
  if (!eni) return stop(w, 'no-route', `${dest.label} is held by no interface in the snapshot`);
  const family = dest.address?.family ?? 4;
  const source = parseAddress(family === 6 ? INTERNET_V6 : INTERNET_V4)!;
  if (family === 4 && !eni.publicIps.length)
    return stop(
      w,
      'no-route',
      `${eni.id} has no public IPv4 address: the internet cannot address it`,
    );
  const vpc = eni.vpcId ? net.vpcs.get(eni.vpcId) : undefined;
  const igw = vpc?.igws[0];
  if (!vpc || !igw)
    return stop(w, 'no-route', `${eni.vpcId ?? 'the VPC'} has no internet gateway attached`);
  located(w, igw, 'internet-gateway', { account: vpc.account, region: vpc.region });
  // The reply must route back out through the internet gateway.
  const table = eni.subnetId ? routeTableOf(net, eni.subnetId) : undefined;
  const back = table
    ? longestPrefix(net, table.routes, {
        label: 'internet',
        address: source,
        eni: undefined,
        service: undefined,
        internet: true,
      })
    : undefined;
  if (back?.target.kind !== 'igw' || back.blackhole)
    return stop(
      w,
      'no-route',
      `${eni.subnetId ?? 'the subnet'} has no route back to the internet through an internet gateway`,
      back?.src ?? table?.src,
    );
  w.evidence.push(back.src);
  located(w, eni.id, 'eni', eni, `${table!.id}: ${back.text}`);
  if (eni.subnetId) {
    for (const [egress, port] of [
      [false, w.port],
      [true, EPHEMERAL],
    ] as const) {
      const d = naclDecides(w, naclOf(net, eni.subnetId), eni.subnetId, egress, source, port);
      if (!d.ok) {
        w.evidence.push(d.evidence);
        return stop(w, 'denied', d.rule, d.evidence);
      }
    }
  }
  const sg = sgAllows(w, eni, 'ingress', { address: source, eni: undefined, service: undefined });
  if (!sg.ok) return stop(w, 'denied', sg.rule, sg.evidence);
  return delivered;
}

// ------------------------------------------------------------------ crossings

function crossingsOf(net: NetworkIndex, hops: PathHop[]): Crossing[] {
  const out: Crossing[] = [];
  const last: Partial<Record<'azId' | 'region' | 'account' | 'owner', number>> = {};
  hops.forEach((h, i) => {
    if (h.kind === 'internet-gateway' || h.kind === 'egress-only-gateway') {
      const toInternet = hops[i + 1]?.kind === 'internet' || hops[i - 1]?.kind !== 'internet';
      if (toInternet || hops[i - 1]?.kind === 'internet')
        out.push({
          kind: 'internet',
          from: i,
          to: Math.min(i + 1, hops.length - 1),
          detail: `through ${h.node}`,
        });
    }
    if (h.region !== undefined) {
      const j = last.region;
      if (j !== undefined && hops[j]!.region !== h.region)
        out.push({ kind: 'region', from: j, to: i, detail: `${hops[j]!.region} → ${h.region}` });
      last.region = i;
    }
    if (h.azId !== undefined) {
      const j = last.azId;
      if (j !== undefined && hops[j]!.azId !== h.azId && hops[j]!.region === h.region)
        out.push({ kind: 'az', from: j, to: i, detail: `${hops[j]!.azId} → ${h.azId}` });
      last.azId = i;
    }
    if (h.account !== undefined) {
      const j = last.account;
      if (j !== undefined && hops[j]!.account !== h.account) {
        out.push({ kind: 'account', from: j, to: i, detail: `${hops[j]!.account} → ${h.account}` });
        const a = net.ownerOf(hops[j]!.account).kind === 'inside';
        const b = net.ownerOf(h.account).kind === 'inside';
        if (a !== b)
          out.push({ kind: 'boundary', from: j, to: i, detail: `${hops[j]!.owner} → ${h.owner}` });
      }
      last.account = i;
    }
  });
  return dedupe(out);
}

function dedupe(list: Crossing[]): Crossing[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = `${c.kind}|${c.from}|${c.to}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
