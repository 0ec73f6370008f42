import { routeTableOf } from '../../src/paths/network.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'nat-gateway-in-another-az',
  title: 'Subnets route to a NAT gateway in another availability zone',
  category: 'cost',
  severity: 'low',
  needs: ['ec2:DescribeRouteTables', 'ec2:DescribeNatGateways', 'ec2:DescribeSubnets'],
  rationale:
    'Traffic from a subnet to a NAT gateway in another AZ pays inter-AZ transfer on top of NAT processing, and fails with that AZ. Each AZ should have its own NAT gateway and route table.',
  remediation:
    'Create a NAT gateway in each AZ that has private subnets, and give each AZ a route table whose default route points to the NAT gateway of the same AZ.',
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-scenarios.html',
    'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region',
  ],
  check(ctx) {
    const net = ctx.paths().network;
    // NAT gateway → the route tables and subnets in other AZs that send to it.
    const found = new Map<
      string,
      {
        tables: Set<string>;
        subnets: string[];
        azs: Set<string>;
        srcs: Map<string, { file: string; pointer: string }>;
      }
    >();
    for (const s of [...net.subnets.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (!ctx.owners.isInside(s.account)) continue;
      const table = routeTableOf(net, s.id);
      for (const r of table?.routes ?? []) {
        if (r.target.kind !== 'nat' || r.blackhole) continue;
        const nat = net.nats.get(r.target.id);
        const natAz = nat?.subnetId ? net.subnets.get(nat.subnetId)?.azId : undefined;
        if (!nat || !natAz || !s.azId || natAz === s.azId) continue;
        const entry = found.get(nat.id) ?? {
          tables: new Set<string>(),
          subnets: [] as string[],
          azs: new Set<string>(),
          srcs: new Map(),
        };
        entry.tables.add(table!.id);
        entry.subnets.push(`${s.id} (${s.azId})`);
        entry.azs.add(s.azId);
        entry.srcs.set(`${r.src.file}#${r.src.pointer}`, r.src);
        found.set(nat.id, entry);
      }
    }
    for (const [natId, e] of [...found].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const nat = net.nats.get(natId)!;
      const natAz = net.subnets.get(nat.subnetId!)?.azId;
      const shown =
        e.subnets.slice(0, 6).join(', ') +
        (e.subnets.length > 6 ? ` and ${e.subnets.length - 6} more` : '');
      ctx.report({
        resource: {
          arn: `arn:aws:ec2:${nat.region}:${nat.account}:natgateway/${nat.id}`,
          account: nat.account,
          region: nat.region,
          ...(natAz ? { azId: natAz } : {}),
        },
        message: `NAT gateway ${nat.id} in ${natAz} serves ${e.subnets.length === 1 ? 'a subnet' : `${e.subnets.length} subnets`} of ${[...e.azs].sort().join(', ')} through ${[...e.tables].sort().join(', ')}: ${shown}. Every packet crosses an AZ, and those subnets lose the internet when ${natAz} fails.`,
        evidence: [...[...e.srcs.values()].slice(0, 6).map((src) => ({ src })), { src: nat.src }],
      });
    }
  },
});
