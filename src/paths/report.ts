/**
 * Paths in findings: hops in the findings' `path` shape, a one-line trace, the evidence that
 * decided a path, and flows grouped by what they reach.
 */
import type { EvidenceInput } from '../rules/define.js';
import type { Hop } from '../rules/finding.js';
import type { Flow } from './flows.js';
import type { PathResult } from './trace.js';

/** Every EC2 call a packet trace reads: a gap in any of them can change a path rule's answer. */
export const PATH_NEEDS: readonly string[] = [
  'ec2:DescribeRouteTables',
  'ec2:DescribeSubnets',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeInstances',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeNetworkAcls',
  'ec2:DescribeNatGateways',
  'ec2:DescribeInternetGateways',
  'ec2:DescribeVpcEndpoints',
  'ec2:DescribePrefixLists',
  'ec2:DescribeVpcPeeringConnections',
  'ec2:DescribeTransitGatewayAttachments',
  'ec2:SearchTransitGatewayRoutes',
];

/** The hops in the findings' `path` shape. */
export function pathOf(r: PathResult): Hop[] {
  return r.hops.map((h) => ({
    node: h.node,
    kind: h.kind,
    ...(h.account ? { account: h.account } : {}),
    ...(h.region ? { region: h.region } : {}),
    ...(h.azId ? { azId: h.azId } : {}),
    ...(h.owner ? { owner: h.owner } : {}),
  }));
}

/** `eni-… (euw1-az1) → nat-… (euw1-az2) → igw-… → s3:eu-west-1`. */
export function describePath(r: PathResult): string {
  return r.hops.map((h) => (h.azId ? `${h.node} (${h.azId})` : h.node)).join(' → ');
}

/** The routes and rules behind a path, at most a few, as finding evidence. */
export function pathEvidence(r: PathResult, max = 6): EvidenceInput[] {
  const seen = new Set<string>();
  const out: EvidenceInput[] = [];
  for (const src of r.evidence) {
    const k = `${src.file}#${src.pointer}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ src });
    if (out.length >= max) break;
  }
  return out;
}

/** Flows grouped by a key, in a stable order. */
export function groupFlows(
  flows: Flow[],
  key: (f: Flow) => string | undefined,
): [string, Flow[]][] {
  const groups = new Map<string, Flow[]>();
  for (const f of flows) {
    const k = key(f);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
