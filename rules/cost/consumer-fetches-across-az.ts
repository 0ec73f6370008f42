import { clusterResource, monthlyText, recordEvidence } from '../../src/paths/record-findings.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'consumer-fetches-across-az',
  title: 'A consumer group fetches across AZs although a replica sits in its own AZ',
  category: 'cost',
  severity: 'low',
  needs: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'],
  // A cost estimate: the record report states what it could not see.
  handlesGaps: true,
  rationale:
    'By default a consumer reads from the partition leader, which for two thirds of the partitions of a 3-AZ cluster is in another AZ: every group pays cross-AZ transfer on most of what it reads, once per group. With the rack-aware replica selector on the brokers and client.rack on the consumers (KIP-392), or AutoMQ zone-aware routing, consumers read from their own AZ.',
  remediation:
    'Set replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector on the brokers (on MSK in the cluster configuration), broker.rack to each broker’s AZ id, and client.rack to the consumer’s AZ id; for AutoMQ enable zone-aware routing.',
  references: [
    'https://cwiki.apache.org/confluence/display/KAFKA/KIP-392%3A+Allow+consumers+to+fetch+from+closest+replica',
    'https://docs.aws.amazon.com/msk/latest/developerguide/msk-configuration-properties.html',
    'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region',
  ],
  check(ctx) {
    const rate = ctx.boundary.costs.interAzPerGbEachWay;
    for (const c of ctx.records()) {
      for (const g of c.consumerGroups) {
        if (g.rackAware || !g.why || g.crossAzPerProducedByte <= 0) continue;
        // Only where fetching locally could help: a member in an AZ the brokers use.
        const local = g.azIds.filter((az) => c.azIds.includes(az));
        if (!local.length) continue;
        ctx.report({
          resource: clusterResource(c),
          key: g.name,
          message: `Consumer group ${g.name} of ${c.kind} cluster ${c.name} reads across AZs although brokers run in its AZ${local.length > 1 ? 's' : ''} (${local.join(', ')}): ${g.why}. It costs ${monthlyText(c, g.crossAzPerProducedByte, rate * 2, `$${rate}/GB each way`)}.`,
          evidence: [
            // The setting that would change it, as the brokers have it.
            ...(ctx.configs.get(c.name) ?? []).slice(0, 1).map((cfg) => ({
              src: {
                file: cfg.file,
                pointer:
                  c.kind === 'automq' ? '/automq.zonerouter.channels' : '/replica.selector.class',
              },
            })),
            ...recordEvidence(
              c,
              ...c.paths.filter((p) => p.kind === 'consume' && p.crossAz).slice(0, 1),
            ),
          ],
        });
      }
    }
  },
});
