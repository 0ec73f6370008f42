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
    // NAT gateway → the subnets in other AZs that route to it, by route table.
    const found = new Map<
      string,
      { table: string; subnets: string[]; azs: Set<string>; src: { file: string; pointer: string } }
    >();
    for (const s of [...net.subnets.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (!ctx.owners.isInside(s.account)) continue;
      const table = routeTableOf(net, s.id);
      for (const r of table?.routes ?? []) {
        if (r.target.kind !== 'nat' || r.blackhole) continue;
        const nat = net.nats.get(r.target.id);
        const natAz = nat?.subnetId ? net.subnets.get(nat.subnetId)?.azId : undefined;
        if (!nat || !natAz || !s.azId || natAz === s.azId) continue;
        const key = `${nat.id}|${table!.id}`;
        const entry = found.get(key) ?? {
          table: table!.id,
          subnets: [],
          azs: new Set<string>(),
          src: r.src,
        };
        entry.subnets.push(s.id);
        entry.azs.add(s.azId);
        found.set(key, entry);
      }
    }
    for (const [key, e] of [...found].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const natId = key.split('|')[0]!;
      const nat = net.nats.get(natId)!;
      const natAz = net.subnets.get(nat.subnetId!)?.azId;
      ctx.report({
        resource: {
          arn: `arn:aws:ec2:${nat.region}:${nat.account}:natgateway/${nat.id}`,
          account: nat.account,
          region: nat.region,
          ...(natAz ? { azId: natAz } : {}),
        },
        key: e.table,
        message: `Route table ${e.table} sends ${e.subnets.length === 1 ? 'subnet' : 'subnets'} ${e.subnets.join(', ')} (${[...e.azs].sort().join(', ')}) to NAT gateway ${nat.id} in ${natAz}: every packet crosses an AZ, and they lose the internet when ${natAz} fails.`,
        evidence: [{ src: e.src }, { src: nat.src }],
      });
    }
  },
});
