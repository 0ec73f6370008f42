import { clusterResource, monthlyText, recordEvidence } from '../../src/paths/record-findings.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'replication-crosses-az',
  title: 'Broker replication copies every record across AZs',
  category: 'cost',
  severity: 'low',
  needs: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'],
  // A cost estimate: the record report states what it could not see.
  handlesGaps: true,
  rationale:
    'A shared-nothing Kafka cluster spread over AZs for resilience copies each record from the leader to RF−1 followers, most of them in other AZs: with RF 3 over 3 AZs, two bytes cross an AZ for every byte produced, billed on both sides. On a self-managed cluster it is usually the largest line of the network bill; MSK does not bill it.',
  remediation:
    'Weigh the bill against the design: keep it (it buys AZ-failure tolerance) and budget for it, lower the replication factor of topics that can lose data, or move to a design whose durability is S3 (AutoMQ, or Amazon MSK, where replication between brokers is not billed).',
  references: [
    'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region',
    'https://kafka.apache.org/documentation/#replication',
  ],
  check(ctx) {
    const rate = ctx.boundary.costs.interAzPerGbEachWay;
    for (const c of ctx.records()) {
      // MSK does not bill replication between its brokers; AutoMQ does not replicate.
      if (c.kind !== 'kafka' || c.crossAz.byHop.replicate <= 0) continue;
      ctx.report({
        resource: clusterResource(c),
        message: `Kafka cluster ${c.name} copies each record to ${c.replicationFactor.value - 1} follower${c.replicationFactor.value - 1 === 1 ? '' : 's'} across ${c.azIds.length} AZs (replication factor ${c.replicationFactor.value}, from ${c.replicationFactor.from}): ${monthlyText(c, c.crossAz.byHop.replicate, rate * 2, `$${rate}/GB each way`)}.`,
        evidence: [
          // Where the replication factor comes from, when a broker setting says it.
          ...(c.replicationFactor.from.startsWith('default.replication.factor')
            ? (ctx.configs.get(c.name) ?? []).slice(0, 1).map((cfg) => ({
                src: { file: cfg.file, pointer: '/default.replication.factor' },
              }))
            : []),
          ...recordEvidence(
            c,
            ...c.paths.filter((p) => p.kind === 'replicate' && p.crossAz).slice(0, 1),
          ),
        ],
      });
    }
  },
});
