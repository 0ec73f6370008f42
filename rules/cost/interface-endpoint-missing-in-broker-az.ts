import { defineRule } from '../../src/rules/define.js';

const BROKER_SERVICES = new Set(['s3', 'kms', 'sts']);

export default defineRule({
  id: 'interface-endpoint-missing-in-broker-az',
  title: 'An interface endpoint the brokers use has no interface in a broker AZ',
  category: 'cost',
  severity: 'low',
  needs: ['ec2:DescribeVpcEndpoints', 'ec2:DescribeNetworkInterfaces'],
  rationale:
    'With private DNS, every call a broker makes to the service (KMS for data keys, S3, STS) goes to the endpoint. A broker in an AZ where the endpoint has no interface crosses an AZ for each call, pays for it, and loses the service when the other AZ fails.',
  remediation:
    'Add a subnet in each broker AZ to the interface endpoint (modify-vpc-endpoint --add-subnet-ids).',
  references: ['https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html'],
  check(ctx) {
    const { network: net, brokers } = ctx.paths();
    const byVpc = new Map<string, Map<string, string[]>>();
    for (const b of brokers) {
      if (!b.eni.vpcId || !b.eni.azId) continue;
      const azs = byVpc.get(b.eni.vpcId) ?? new Map<string, string[]>();
      azs.set(b.eni.azId, [...(azs.get(b.eni.azId) ?? []), `${b.cluster} broker ${b.id}`]);
      byVpc.set(b.eni.vpcId, azs);
    }
    for (const [vpcId, azs] of [...byVpc].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const ep of net.interfaceEndpoints.get(vpcId) ?? []) {
        // The services brokers call: S3 (data), KMS (data keys), STS (their role's credentials).
        if (!ep.available || !ep.privateDns || !BROKER_SERVICES.has(ep.service ?? '')) continue;
        const covered = new Set(
          ep.eniIds.flatMap((id) => {
            const az = net.enis.get(id)?.azId;
            return az ? [az] : [];
          }),
        );
        for (const id of ep.subnetIds) {
          const az = net.subnets.get(id)?.azId;
          if (az) covered.add(az);
        }
        if (!covered.size) continue;
        const missing = [...azs.keys()].filter((az) => !covered.has(az)).sort();
        if (!missing.length) continue;
        ctx.report({
          resource: {
            arn: `arn:aws:ec2:${ep.region}:${ep.account}:vpc-endpoint/${ep.id}`,
            account: ep.account,
            region: ep.region,
          },
          message: `Interface endpoint ${ep.id} (${ep.service ?? 'service'}) has interfaces in ${[...covered].sort().join(', ')} only; ${missing.map((az) => `${azs.get(az)!.join(', ')} in ${az}`).join('; ')} cross an AZ for every call.`,
          evidence: [{ src: ep.src }],
        });
      }
    }
  },
});
