import {
  clusterResource,
  isReportedDataBucket,
  recordEvidence,
  storeFinding,
} from '../../src/paths/record-findings.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'record-stored-outside-approved-regions',
  title: 'A record becomes durable outside the approved regions',
  category: 'data-boundary',
  severity: 'high',
  needs: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'],
  // The model says which stores have no known region; unrelated gaps change nothing.
  handlesGaps: true,
  rationale:
    'Residency is about where records rest, not only which buckets the boundary names: the broker disks of a self-managed cluster, an AutoMQ block-device WAL, a bucket a broker configuration names, and the replica an S3 replication rule keeps all hold records. Any of them in a region outside the commitment breaks it.',
  remediation:
    'Move the store into an approved region (brokers and their volumes, the WAL or tiered-storage bucket, the replication destination), or, if the commitment allows it, add the region to approvedRegions.',
  references: [
    'https://kafka.apache.org/documentation/#tiered_storage',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html',
  ],
  check(ctx) {
    const approved = ctx.boundary.approvedRegions;
    if (!approved.length) return;
    for (const c of ctx.records()) {
      for (const s of c.stores) {
        // MSK clusters and the data buckets of the snapshot: data-outside-approved-regions.
        // S3 replicas: bucket-replicates-outside judges their region.
        if (s.store === 'msk-storage' || s.store === 'msk-managed' || s.store === 's3-replica')
          continue;
        if (isReportedDataBucket(ctx, s)) continue;
        const base = storeFinding(c, c.name, s);
        if (!s.region) {
          ctx.report({
            ...base,
            status: 'unknown',
            message: `Records of ${c.kind} cluster ${c.name} become durable in ${s.label}, whose region the snapshot does not hold, so whether it is an approved region (${approved.join(', ')}) is unknown.`,
          });
          continue;
        }
        if (approved.includes(s.region)) continue;
        ctx.report({
          ...base,
          message: `Records of ${c.kind} cluster ${c.name} become durable in ${s.label} (${s.store}) in ${s.region}, outside the approved regions (${approved.join(', ')}).`,
        });
      }
      // A cluster with no store the model can place still has brokers somewhere.
      if (!c.stores.length && c.region && !approved.includes(c.region) && c.kind !== 'msk')
        ctx.report({
          resource: clusterResource(c),
          message: `${c.kind} cluster ${c.name} runs in ${c.region}, outside the approved regions (${approved.join(', ')}): its records are durable there.`,
          evidence: recordEvidence(c),
        });
    }
  },
});
