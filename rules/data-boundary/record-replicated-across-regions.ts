import {
  clusterResource,
  monthlyText,
  recordEvidence,
  recordHops,
} from '../../src/paths/record-findings.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'record-replicated-across-regions',
  title: 'Records are replicated to another region',
  category: 'data-boundary',
  severity: 'high',
  needs: ['kafka:DescribeReplicator', 's3:GetReplicationConfiguration', 's3:GetBucketLocation'],
  handlesGaps: true,
  rationale:
    'A replication link (MSK Replicator, MirrorMaker 2, cluster linking, S3 replication of a WAL, data or tiered-storage bucket) puts a second durable copy of every record it carries in another region: another jurisdiction to answer for, another key to control, and inter-region transfer on every byte. It is often intended (disaster recovery); it should never be a surprise.',
  remediation:
    'Confirm the link is intended and its target region is approved; if it is not, stop the replicator or replication rule. Otherwise record it in the boundary (approvedRegions) and check the target’s keys and access like the source’s.',
  references: [
    'https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html',
    'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer',
  ],
  check(ctx) {
    const approved = ctx.boundary.approvedRegions;
    const rate = ctx.boundary.costs.interRegionPerGb;
    for (const c of ctx.records()) {
      for (const p of c.paths) {
        if (p.kind !== 'replicate-out' || !p.crossRegion) continue;
        const from = p.hops[0]!;
        const to = p.hops[p.hops.length - 1]!;
        const outside = approved.length > 0 && to.region && !approved.includes(to.region);
        // S3 replication into a region that is not approved: bucket-replicates-outside.
        if (outside && p.link?.kind === 's3-replication') continue;
        ctx.report({
          resource: clusterResource(c),
          key: `${p.link?.name ?? ''}->${to.node}`,
          // Into an approved region (or with none declared): intended more often than not.
          ...(outside ? {} : { severity: 'medium' as const }),
          message: `Records of ${c.kind} cluster ${c.name} are replicated${p.link ? ` by ${p.link.kind} ${p.link.name}` : ''} from ${from.label} in ${from.region} to ${to.label} in ${to.region}${outside ? `, a region that is not approved (${approved.join(', ')})` : ''}: ${monthlyText(c, p.bytesPerProducedByte, rate, `$${rate}/GB`)}.`,
          path: recordHops(p.hops),
          evidence: recordEvidence(c, p),
        });
      }
    }
  },
});
