import { describePath, pathEvidence, pathOf } from '../../src/paths/report.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'broker-reachable-from-internet',
  title: 'A broker is reachable from the internet',
  category: 'network-path',
  severity: 'high',
  needs: [
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeInstances',
    'ec2:DescribeInternetGateways',
    'ec2:DescribeRouteTables',
    'ec2:DescribeSubnets',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeNetworkAcls',
  ],
  rationale:
    'A broker that the internet can reach on its Kafka port is one leaked credential, or one unauthenticated listener, away from losing its records. Reachable means all of it: a public address, an internet gateway, a route back, and network ACLs and security groups that let the packet in; ownmap checks each of them instead of guessing from security groups alone.',
  remediation:
    'Remove the public address from the broker interface (or move the broker to a private subnet), and close the security group rule that admits 0.0.0.0/0 on the Kafka ports. Reach brokers from outside through PrivateLink or a VPN instead.',
  references: [
    'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html',
  ],
  check(ctx) {
    for (const f of ctx.paths().flows) {
      if (f.kind !== 'internet-to-broker') continue;
      const b = f.broker!;
      if (f.result.disposition !== 'delivered') {
        // Stopped for lack of data (no route table in the snapshot): unknown, not unreachable.
        if (f.result.incomplete)
          ctx.report({
            resource: { arn: f.subject.arn, account: b.eni.account, region: b.eni.region },
            status: 'unknown',
            message: `Whether broker ${b.id} of ${f.cluster} (${b.eni.id}) is reachable from the internet is unknown: ${f.result.blockedBy?.rule ?? 'the path could not be followed'}.`,
            path: pathOf(f.result),
            evidence: [{ src: b.eni.src }, ...pathEvidence(f.result)],
          });
        continue;
      }
      const unchecked = f.result.unchecked;
      ctx.report({
        resource: {
          arn: f.subject.arn,
          account: b.eni.account,
          region: b.eni.region,
          ...(b.eni.azId ? { azId: b.eni.azId } : {}),
        },
        ...(unchecked.length ? { status: 'unknown' as const } : {}),
        message: unchecked.length
          ? `Broker ${b.id} of ${f.cluster} (${b.eni.id}, ${b.eni.publicIps.join(', ')}) may be reachable from the internet on port ${f.port}: ${describePath(f.result)}; not checked: ${unchecked.join('; ')}.`
          : `Broker ${b.id} of ${f.cluster} (${b.eni.id}, ${b.eni.publicIps.join(', ')}) is reachable from the internet on port ${f.port}: ${describePath(f.result)}.`,
        path: pathOf(f.result),
        evidence: [{ src: b.eni.src }, ...pathEvidence(f.result)],
      });
    }
  },
});
