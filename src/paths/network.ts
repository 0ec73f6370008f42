/**
 * The network of a snapshot, indexed for tracing: subnets and their route tables, routes in
 * a normal form, gateways, endpoints, peerings, transit gateways with their route tables and
 * associations, network interfaces by address, security groups and network ACLs. Built once
 * per analysis from the inventory; pure.
 */
import type { Inventory, Src } from '../inventory/model.js';
import { type Cidr, parseCidr } from './cidr.js';

export interface OwnerInfo {
  kind: 'inside' | 'party' | 'undeclared';
  name: string;
}

export type RouteTarget =
  | { kind: 'local' }
  | {
      kind: 'igw' | 'eigw' | 'nat' | 'vpce' | 'pcx' | 'tgw' | 'eni' | 'instance' | 'other';
      id: string;
    };

export interface RouteEntry {
  dest: { kind: 'cidr'; cidr: Cidr } | { kind: 'pl'; id: string };
  target: RouteTarget;
  blackhole: boolean;
  /** `10.0.0.0/16 → local`, as a person reads it. */
  text: string;
  src: Src;
}

export interface RouteTableInfo {
  id: string;
  vpcId: string;
  routes: RouteEntry[];
  src: Src;
}

export interface VpcInfo {
  id: string;
  account: string;
  region: string;
  cidrs: Cidr[];
  igws: string[];
  eigws: string[];
  mainTable: string | undefined;
}

export interface SubnetInfo {
  id: string;
  vpcId: string;
  account: string;
  region: string;
  azId: string | undefined;
  cidrs: Cidr[];
}

export interface EniInfo {
  id: string;
  subnetId: string | undefined;
  vpcId: string | undefined;
  account: string;
  region: string;
  azId: string | undefined;
  privateIps: string[];
  publicIps: string[];
  ipv6: string[];
  groups: string[];
  instanceId: string | undefined;
  /** `interface`, `nat_gateway`, `transit_gateway`, `vpc_endpoint`, … */
  interfaceType: string | undefined;
  src: Src;
}

export interface NatInfo {
  id: string;
  subnetId: string | undefined;
  vpcId: string | undefined;
  account: string;
  region: string;
  available: boolean;
  public: boolean;
  /** The NAT's own addresses: packets leave it from these (source NAT). */
  privateIp: string | undefined;
  publicIp: string | undefined;
  src: Src;
}

export interface EndpointInfo {
  id: string;
  type: 'Gateway' | 'Interface' | string;
  /** The service's short name (`s3`, `kms`, `dynamodb`) and region, from ServiceName. */
  service: string | undefined;
  serviceRegion: string | undefined;
  vpcId: string | undefined;
  account: string;
  region: string;
  routeTables: string[];
  subnetIds: string[];
  eniIds: string[];
  privateDns: boolean;
  available: boolean;
  src: Src;
}

export interface PeeringSide {
  vpcId: string | undefined;
  account: string | undefined;
  region: string | undefined;
  cidrs: Cidr[];
}

export interface PeeringInfo {
  id: string;
  active: boolean;
  status: string | undefined;
  requester: PeeringSide;
  accepter: PeeringSide;
  src: Src;
}

export interface TgwAttachmentInfo {
  id: string;
  tgwId: string | undefined;
  /** The transit gateway's account and region (where its route tables are). */
  tgwAccount: string | undefined;
  region: string;
  resourceType: string | undefined;
  resourceId: string | undefined;
  resourceOwner: string | undefined;
  available: boolean;
  routeTable: string | undefined;
  src: Src;
}

export interface TgwRoute {
  dest: { kind: 'cidr'; cidr: Cidr } | { kind: 'pl'; id: string };
  type: string | undefined;
  blackhole: boolean;
  attachments: string[];
  src: Src;
}

export interface TgwRouteTableInfo {
  id: string;
  tgwId: string | undefined;
  account: string;
  region: string;
  /** Undefined when search-transit-gateway-routes is not in the snapshot. */
  routes: TgwRoute[] | undefined;
  src: Src;
}

export interface TgwPeeringInfo {
  id: string;
  sides: { tgwId: string | undefined; account: string | undefined; region: string | undefined }[];
  available: boolean;
  src: Src;
}

export interface SgRule {
  protocol: string;
  from: number | undefined;
  to: number | undefined;
  cidrs: Cidr[];
  prefixLists: string[];
  groups: string[];
  src: Src;
}

export interface SgInfo {
  id: string;
  vpcId: string | undefined;
  ingress: SgRule[];
  egress: SgRule[];
  src: Src;
}

export interface NaclEntry {
  number: number;
  protocol: string;
  allow: boolean;
  egress: boolean;
  cidr: Cidr | undefined;
  from: number | undefined;
  to: number | undefined;
  src: Src;
}

export interface NaclInfo {
  id: string;
  vpcId: string | undefined;
  isDefault: boolean;
  entries: NaclEntry[];
  src: Src;
}

export interface NetworkIndex {
  ownerOf(account: string | undefined): OwnerInfo;
  vpcs: Map<string, VpcInfo>;
  subnets: Map<string, SubnetInfo>;
  routeTables: Map<string, RouteTableInfo>;
  /** Subnet → its explicitly associated route table. */
  tableOfSubnet: Map<string, string>;
  enis: Map<string, EniInfo>;
  /** Private and public addresses (IPv4 and IPv6) → the interfaces that hold them. */
  enisByIp: Map<string, EniInfo[]>;
  /** Interfaces by their private DNS names (lower case), as EC2 names them. */
  enisByDns: Map<string, EniInfo[]>;
  instances: Map<string, { id: string; enis: string[]; src: Src }>;
  nats: Map<string, NatInfo>;
  endpoints: Map<string, EndpointInfo>;
  /** VPC → its interface endpoints. */
  interfaceEndpoints: Map<string, EndpointInfo[]>;
  peerings: Map<string, PeeringInfo>;
  tgwAttachments: Map<string, TgwAttachmentInfo>;
  /** `attachment|tgw` → that transit gateway's side of an attachment (a peering has two). */
  tgwAttachmentSides: Map<string, TgwAttachmentInfo>;
  /** Attachment → its network interfaces in the VPC (one per attachment subnet). */
  tgwAttachmentEnis: Map<string, EniInfo[]>;
  /** `tgw|vpc` → the VPC's attachment to that transit gateway. */
  tgwAttachmentOf: Map<string, TgwAttachmentInfo>;
  tgwRouteTables: Map<string, TgwRouteTableInfo>;
  tgwPeerings: Map<string, TgwPeeringInfo>;
  tgws: Map<string, { id: string; account: string; region: string }>;
  /** Prefix list id → its name and CIDRs (AWS-managed and customer-managed). */
  prefixLists: Map<string, { id: string; name: string | undefined; cidrs: Cidr[] | undefined }>;
  /** AWS prefix lists by name (`com.amazonaws.eu-west-1.s3`); one per region and service. */
  prefixListByName: Map<
    string,
    { id: string; name: string | undefined; cidrs: Cidr[] | undefined }
  >;
  /** VPC → its subnets. */
  subnetsOfVpc: Map<string, SubnetInfo[]>;
  securityGroups: Map<string, SgInfo>;
  /** Subnet → its network ACL (explicit association, else the VPC's default ACL). */
  naclOfSubnet: Map<string, NaclInfo>;
  defaultNacl: Map<string, NaclInfo>;
}

const cidrsOf = (texts: (string | undefined)[]): Cidr[] =>
  texts.flatMap((t) => {
    const c = t ? parseCidr(t) : undefined;
    return c ? [c] : [];
  });

function routeTarget(r: Record<string, string | undefined>): RouteTarget {
  const gw = r.GatewayId;
  if (gw === 'local') return { kind: 'local' };
  if (gw?.startsWith('igw-')) return { kind: 'igw', id: gw };
  if (gw?.startsWith('vpce-')) return { kind: 'vpce', id: gw };
  if (r.NatGatewayId) return { kind: 'nat', id: r.NatGatewayId };
  if (r.EgressOnlyInternetGatewayId) return { kind: 'eigw', id: r.EgressOnlyInternetGatewayId };
  if (r.VpcPeeringConnectionId) return { kind: 'pcx', id: r.VpcPeeringConnectionId };
  if (r.TransitGatewayId) return { kind: 'tgw', id: r.TransitGatewayId };
  if (r.NetworkInterfaceId) return { kind: 'eni', id: r.NetworkInterfaceId };
  if (r.InstanceId) return { kind: 'instance', id: r.InstanceId };
  const other =
    gw ?? r.LocalGatewayId ?? r.CarrierGatewayId ?? r.CoreNetworkArn ?? 'an unknown target';
  return { kind: 'other', id: other };
}

const targetText = (t: RouteTarget) => (t.kind === 'local' ? 'local' : t.id);

/** `com.amazonaws.eu-west-1.s3` → s3 in eu-west-1. */
export function parseServiceName(name: string | undefined): {
  service: string | undefined;
  region: string | undefined;
} {
  const m = /^(?:cn\.)?com\.amazonaws\.([a-z0-9-]+)\.([a-z0-9.-]+)$/.exec(name ?? '');
  // Endpoint services (PrivateLink, Gateway Load Balancer): com.amazonaws.vpce.<region>.vpce-svc-…
  if (m?.[1] === 'vpce') return { service: undefined, region: m[2]?.split('.')[0] };
  return m ? { region: m[1], service: m[2] } : { service: undefined, region: undefined };
}

function portOf(v: number | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** Build the index. `ownerOf` names an account's owner (default: everyone undeclared). */
export function buildNetwork(
  inv: Inventory,
  ownerOf: (account: string | undefined) => OwnerInfo = () => ({
    kind: 'undeclared',
    name: 'undeclared',
  }),
): NetworkIndex {
  const net: NetworkIndex = {
    ownerOf,
    vpcs: new Map(),
    subnets: new Map(),
    routeTables: new Map(),
    tableOfSubnet: new Map(),
    enis: new Map(),
    enisByIp: new Map(),
    enisByDns: new Map(),
    instances: new Map(),
    nats: new Map(),
    endpoints: new Map(),
    interfaceEndpoints: new Map(),
    peerings: new Map(),
    tgwAttachments: new Map(),
    tgwAttachmentSides: new Map(),
    tgwAttachmentEnis: new Map(),
    tgwAttachmentOf: new Map(),
    tgwRouteTables: new Map(),
    tgwPeerings: new Map(),
    tgws: new Map(),
    prefixLists: new Map(),
    prefixListByName: new Map(),
    subnetsOfVpc: new Map(),
    securityGroups: new Map(),
    naclOfSubnet: new Map(),
    defaultNacl: new Map(),
  };

  for (const v of inv.vpcs) {
    if (net.vpcs.has(v.id)) continue;
    net.vpcs.set(v.id, {
      id: v.id,
      account: v.raw.OwnerId ?? v.account,
      region: v.region,
      cidrs: cidrsOf([
        v.raw.CidrBlock,
        ...(v.raw.CidrBlockAssociationSet ?? []).map((c) => c.CidrBlock),
        ...(v.raw.Ipv6CidrBlockAssociationSet ?? []).map((c) => c.Ipv6CidrBlock),
      ]),
      igws: [],
      eigws: [],
      mainTable: undefined,
    });
  }
  for (const s of inv.subnets) {
    if (net.subnets.has(s.id)) continue;
    net.subnets.set(s.id, {
      id: s.id,
      vpcId: s.vpcId,
      account: s.raw.OwnerId ?? s.account,
      region: s.region,
      azId: s.azId,
      cidrs: cidrsOf([
        s.raw.CidrBlock,
        ...(s.raw.Ipv6CidrBlockAssociationSet ?? []).map((c) => c.Ipv6CidrBlock),
      ]),
    });
  }
  for (const g of inv.internetGateways)
    for (const a of g.raw.Attachments)
      if (a.VpcId && (a.State ?? 'available') !== 'detached')
        net.vpcs.get(a.VpcId)?.igws.push(g.id);
  for (const g of inv.egressOnlyInternetGateways)
    for (const a of g.raw.Attachments)
      if (a.VpcId && (a.State ?? 'attached') !== 'detached')
        net.vpcs.get(a.VpcId)?.eigws.push(g.id);

  for (const t of inv.routeTables) {
    if (net.routeTables.has(t.id)) continue;
    const routes: RouteEntry[] = t.raw.Routes.flatMap((r, i): RouteEntry[] => {
      const target = routeTarget(r as Record<string, string | undefined>);
      const src = { file: t.src.file, pointer: `${t.src.pointer}/Routes/${i}` };
      const blackhole = (r.State ?? 'active') === 'blackhole';
      const destText = r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock;
      if (destText) {
        const cidr = parseCidr(destText);
        if (!cidr) return [];
        return [
          {
            dest: { kind: 'cidr' as const, cidr },
            target,
            blackhole,
            text: `${destText} → ${targetText(target)}`,
            src,
          },
        ];
      }
      if (r.DestinationPrefixListId)
        return [
          {
            dest: { kind: 'pl' as const, id: r.DestinationPrefixListId },
            target,
            blackhole,
            text: `${r.DestinationPrefixListId} → ${targetText(target)}`,
            src,
          },
        ];
      return [];
    });
    net.routeTables.set(t.id, { id: t.id, vpcId: t.raw.VpcId, routes, src: t.src });
    for (const a of t.raw.Associations) {
      if (a.AssociationState?.State && a.AssociationState.State !== 'associated') continue;
      if (a.Main) {
        const vpc = net.vpcs.get(t.raw.VpcId);
        if (vpc) vpc.mainTable = t.id;
      }
      if (a.SubnetId) net.tableOfSubnet.set(a.SubnetId, t.id);
    }
  }

  for (const e of inv.networkInterfaces) {
    if (net.enis.has(e.id)) continue;
    const info: EniInfo = {
      id: e.id,
      subnetId: e.subnetId,
      vpcId: e.vpcId,
      account: e.raw.OwnerId ?? e.account,
      region: e.region,
      azId: e.azId,
      privateIps: e.privateIps,
      publicIps: e.publicIps,
      ipv6: e.raw.Ipv6Addresses.flatMap((a) => (a.Ipv6Address ? [a.Ipv6Address] : [])),
      groups: e.raw.Groups.flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
      instanceId: e.raw.Attachment?.InstanceId,
      interfaceType: e.raw.InterfaceType,
      src: e.src,
    };
    net.enis.set(e.id, info);
    // A transit gateway attachment's interfaces: where traffic from the TGW enters the VPC.
    const attachment = /tgw-attach-[0-9a-f]+/.exec(e.raw.Description ?? '')?.[0];
    if (e.raw.InterfaceType === 'transit_gateway' && attachment) {
      const list = net.tgwAttachmentEnis.get(attachment);
      if (list) list.push(info);
      else net.tgwAttachmentEnis.set(attachment, [info]);
    }
    for (const ip of [...info.privateIps, ...info.publicIps, ...info.ipv6]) {
      const list = net.enisByIp.get(ip) ?? [];
      list.push(info);
      net.enisByIp.set(ip, list);
    }
    const names = new Set(
      [e.raw.PrivateDnsName, ...e.raw.PrivateIpAddresses.map((a) => a.PrivateDnsName)].flatMap(
        (n) => (n ? [n.toLowerCase()] : []),
      ),
    );
    for (const n of names) {
      const list = net.enisByDns.get(n) ?? [];
      list.push(info);
      net.enisByDns.set(n, list);
    }
  }
  for (const i of inv.instances) {
    if (net.instances.has(i.id)) continue;
    const enis = i.raw.NetworkInterfaces.flatMap((n) =>
      n.NetworkInterfaceId ? [n.NetworkInterfaceId] : [],
    );
    net.instances.set(i.id, { id: i.id, enis, src: i.src });
  }
  for (const n of inv.natGateways) {
    if (net.nats.has(n.id)) continue;
    net.nats.set(n.id, {
      id: n.id,
      subnetId: n.raw.SubnetId,
      vpcId: n.raw.VpcId,
      account: n.account,
      region: n.region,
      available: (n.raw.State ?? 'available') === 'available',
      public: (n.raw.ConnectivityType ?? 'public') === 'public',
      privateIp: n.raw.NatGatewayAddresses.find((a) => a.PrivateIp)?.PrivateIp,
      publicIp: n.raw.NatGatewayAddresses.find((a) => a.PublicIp)?.PublicIp,
      src: n.src,
    });
  }
  for (const e of inv.vpcEndpoints) {
    if (net.endpoints.has(e.id)) continue;
    const { service, region } = parseServiceName(e.raw.ServiceName);
    const info: EndpointInfo = {
      id: e.id,
      type: e.raw.VpcEndpointType ?? 'Gateway',
      service,
      serviceRegion: region,
      vpcId: e.raw.VpcId,
      account: e.raw.OwnerId ?? e.account,
      region: e.region,
      routeTables: e.raw.RouteTableIds,
      subnetIds: e.raw.SubnetIds,
      eniIds: e.raw.NetworkInterfaceIds,
      privateDns: e.raw.PrivateDnsEnabled === true,
      available: (e.raw.State ?? 'available').toLowerCase() === 'available',
      src: e.src,
    };
    net.endpoints.set(e.id, info);
    if (info.type === 'Interface' && info.vpcId) {
      const list = net.interfaceEndpoints.get(info.vpcId) ?? [];
      list.push(info);
      net.interfaceEndpoints.set(info.vpcId, list);
    }
  }
  for (const p of inv.vpcPeerings) {
    if (net.peerings.has(p.id)) continue;
    const side = (s: typeof p.raw.AccepterVpcInfo): PeeringSide => ({
      vpcId: s?.VpcId,
      account: s?.OwnerId,
      region: s?.Region,
      cidrs: cidrsOf([
        s?.CidrBlock,
        ...(s?.CidrBlockSet ?? []).map((c) => c.CidrBlock),
        ...(s?.Ipv6CidrBlockSet ?? []).map((c) => c.Ipv6CidrBlock),
      ]),
    });
    net.peerings.set(p.id, {
      id: p.id,
      active: p.raw.Status?.Code === 'active',
      status: p.raw.Status?.Code,
      requester: side(p.raw.RequesterVpcInfo),
      accepter: side(p.raw.AccepterVpcInfo),
      src: p.src,
    });
  }
  for (const t of inv.transitGateways)
    if (!net.tgws.has(t.id))
      net.tgws.set(t.id, { id: t.id, account: t.raw.OwnerId ?? t.account, region: t.region });
  for (const a of inv.tgwAttachments) {
    const sideKey = `${a.id}|${a.raw.TransitGatewayId ?? ''}`;
    const known = net.tgwAttachmentSides.get(sideKey);
    const routeTable = a.raw.Association?.TransitGatewayRouteTableId;
    if (known) {
      known.routeTable ??= routeTable;
      continue;
    }
    const info: TgwAttachmentInfo = {
      id: a.id,
      tgwId: a.raw.TransitGatewayId,
      tgwAccount: a.raw.TransitGatewayOwnerId,
      region: a.region,
      resourceType: a.raw.ResourceType,
      resourceId: a.raw.ResourceId,
      resourceOwner: a.raw.ResourceOwnerId,
      available: (a.raw.State ?? 'available') === 'available',
      routeTable,
      src: a.src,
    };
    net.tgwAttachmentSides.set(sideKey, info);
    if (!net.tgwAttachments.has(a.id)) net.tgwAttachments.set(a.id, info);
    if (info.resourceType === 'vpc' && info.tgwId && info.resourceId)
      net.tgwAttachmentOf.set(`${info.tgwId}|${info.resourceId}`, info);
  }
  for (const t of inv.tgwRouteTables) {
    if (net.tgwRouteTables.has(t.id) && !t.routes) continue;
    net.tgwRouteTables.set(t.id, {
      id: t.id,
      tgwId: t.raw.TransitGatewayId,
      account: t.account,
      region: t.region,
      routes: t.routes?.flatMap(({ raw: r, src }) => {
        const dest = r.DestinationCidrBlock ? parseCidr(r.DestinationCidrBlock) : undefined;
        const d = dest
          ? { kind: 'cidr' as const, cidr: dest }
          : r.PrefixListId
            ? { kind: 'pl' as const, id: r.PrefixListId }
            : undefined;
        if (!d) return [];
        return [
          {
            dest: d,
            type: r.Type,
            blackhole: r.State === 'blackhole',
            attachments: r.TransitGatewayAttachments.flatMap((x) =>
              x.TransitGatewayAttachmentId ? [x.TransitGatewayAttachmentId] : [],
            ),
            src,
          },
        ];
      }),
      src: t.src,
    });
    // Associations listed by the route table fill attachments that do not say theirs.
    for (const { raw } of t.associations ?? []) {
      const a = raw.TransitGatewayAttachmentId
        ? net.tgwAttachmentSides.get(
            `${raw.TransitGatewayAttachmentId}|${t.raw.TransitGatewayId ?? ''}`,
          )
        : undefined;
      if (a && (raw.State ?? 'associated') === 'associated') a.routeTable ??= t.id;
    }
  }
  for (const p of inv.tgwPeeringAttachments) {
    if (net.tgwPeerings.has(p.id)) continue;
    net.tgwPeerings.set(p.id, {
      id: p.id,
      sides: [p.raw.RequesterTgwInfo, p.raw.AccepterTgwInfo].map((s) => ({
        tgwId: s?.TransitGatewayId,
        account: s?.OwnerId,
        region: s?.Region,
      })),
      available: (p.raw.State ?? 'available') === 'available',
      src: p.src,
    });
  }
  for (const p of inv.prefixLists)
    net.prefixLists.set(p.id, {
      id: p.id,
      name: p.raw.PrefixListName,
      cidrs: cidrsOf(p.raw.Cidrs),
    });
  for (const p of inv.managedPrefixLists) {
    const known = net.prefixLists.get(p.id);
    if (known?.cidrs?.length) continue;
    net.prefixLists.set(p.id, {
      id: p.id,
      name: p.raw.PrefixListName,
      cidrs: p.entries ? cidrsOf(p.entries.map((e) => e.cidr)) : known?.cidrs,
    });
  }
  for (const g of inv.securityGroups) {
    if (net.securityGroups.has(g.id)) continue;
    const rules = (perms: typeof g.raw.IpPermissions, key: string): SgRule[] =>
      perms.map((p, i) => ({
        protocol: (p.IpProtocol ?? '-1').toLowerCase(),
        from: portOf(p.FromPort),
        to: portOf(p.ToPort),
        cidrs: cidrsOf([
          ...p.IpRanges.map((r) => r.CidrIp),
          ...p.Ipv6Ranges.map((r) => r.CidrIpv6),
        ]),
        prefixLists: p.PrefixListIds.flatMap((x) => (x.PrefixListId ? [x.PrefixListId] : [])),
        groups: p.UserIdGroupPairs.flatMap((x) => (x.GroupId ? [x.GroupId] : [])),
        src: { file: g.src.file, pointer: `${g.src.pointer}/${key}/${i}` },
      }));
    net.securityGroups.set(g.id, {
      id: g.id,
      vpcId: g.raw.VpcId,
      ingress: rules(g.raw.IpPermissions, 'IpPermissions'),
      egress: rules(g.raw.IpPermissionsEgress, 'IpPermissionsEgress'),
      src: g.src,
    });
  }
  for (const a of inv.networkAcls) {
    const info: NaclInfo = {
      id: a.id,
      vpcId: a.raw.VpcId,
      isDefault: a.raw.IsDefault === true,
      entries: a.raw.Entries.map((e, i) => ({
        number: e.RuleNumber ?? 32767,
        protocol: (e.Protocol ?? '-1').toLowerCase(),
        allow: (e.RuleAction ?? 'deny').toLowerCase() === 'allow',
        egress: e.Egress === true,
        cidr: parseCidr(e.CidrBlock ?? e.Ipv6CidrBlock ?? ''),
        from: portOf(e.PortRange?.From),
        to: portOf(e.PortRange?.To),
        src: { file: a.src.file, pointer: `${a.src.pointer}/Entries/${i}` },
      })).sort((x, y) => x.number - y.number),
      src: a.src,
    };
    if (info.isDefault && info.vpcId) net.defaultNacl.set(info.vpcId, info);
    for (const s of a.raw.Associations) if (s.SubnetId) net.naclOfSubnet.set(s.SubnetId, info);
  }
  for (const pl of net.prefixLists.values())
    if (pl.name && !net.prefixListByName.has(pl.name)) net.prefixListByName.set(pl.name, pl);
  for (const s of net.subnets.values()) {
    const list = net.subnetsOfVpc.get(s.vpcId);
    if (list) list.push(s);
    else net.subnetsOfVpc.set(s.vpcId, [s]);
  }
  return net;
}

/** The route table a subnet uses: its explicit association, else its VPC's main table. */
export function routeTableOf(net: NetworkIndex, subnetId: string): RouteTableInfo | undefined {
  const explicit = net.tableOfSubnet.get(subnetId);
  if (explicit) return net.routeTables.get(explicit);
  const subnet = net.subnets.get(subnetId);
  const main = subnet ? net.vpcs.get(subnet.vpcId)?.mainTable : undefined;
  return main ? net.routeTables.get(main) : undefined;
}

/** The network ACL of a subnet: its association, else its VPC's default ACL. */
export function naclOf(net: NetworkIndex, subnetId: string): NaclInfo | undefined {
  const explicit = net.naclOfSubnet.get(subnetId);
  if (explicit) return explicit;
  const vpc = net.subnets.get(subnetId)?.vpcId;
  return vpc ? net.defaultNacl.get(vpc) : undefined;
}
