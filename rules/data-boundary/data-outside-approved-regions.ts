import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'data-outside-approved-regions',
  title: 'A data-bearing resource sits outside the approved regions',
  category: 'data-boundary',
  severity: 'high',
  needs: ['s3:GetBucketLocation', 's3:ListBuckets', 'kms:ListKeys', 'kafka:ListClustersV2'],
  rationale:
    'Records are durable where their bucket, key or cluster lives. Residency commitments name regions; a data bucket, data key or Kafka cluster in any other region breaks them however the rest of the estate is built.',
  remediation:
    'Move the resource (or its data) to an approved region, or add the region to approvedRegions in the boundary file if the commitment allows it.',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html',
    'https://docs.aws.amazon.com/msk/1.0/apireference/clusters.html',
  ],
  check({ boundary, data, lookup, inventory, report }) {
    const approved = boundary.approvedRegions;
    if (approved.length === 0) return;
    const list = approved.join(', ');
    for (const [name, reasons] of data.buckets) {
      const b = lookup.bucketByName.get(name);
      if (!b) continue;
      if (!b.region) {
        report({
          resource: { arn: b.arn, account: b.account },
          status: 'unknown',
          message: `Data bucket ${name} has no known region (no location in the snapshot), so residency cannot be checked.`,
          evidence: [{ src: b.src }],
        });
      } else if (!approved.includes(b.region)) {
        report({
          resource: { arn: b.arn, account: b.account, region: b.region },
          message: `Data bucket ${name} (${reasons[0]}) is in ${b.region}, outside the approved regions (${list}).`,
          evidence: [{ src: b.regionSrc ?? b.src }],
        });
      }
    }
    for (const [, k] of data.keys) {
      const region = k.ref.key?.region ?? k.ref.region;
      if (!region || approved.includes(region)) continue;
      report({
        resource: {
          arn: k.ref.key?.arn ?? k.ref.ref,
          account: k.ref.key?.account ?? k.ref.account,
          region,
        },
        message: `Data key ${k.ref.key?.aliases[0] ?? k.ref.ref} (${k.reasons[0]}) is in ${region}, outside the approved regions (${list}).`,
        evidence: [{ src: k.ref.key?.src ?? findUse(inventory, k.ref.ref) }],
      });
    }
    for (const c of inventory.mskClusters) {
      if (!data.clusters.has(c.arn) || approved.includes(c.region)) continue;
      report({
        resource: { arn: c.arn, account: c.account, region: c.region },
        message: `MSK cluster ${c.name} stores records in ${c.region}, outside the approved regions (${list}).`,
        evidence: [{ src: c.src }],
      });
    }
  },
});

/** Where an unscanned key is named: the first bucket or cluster that uses it. */
function findUse(inventory: import('../../src/inventory/model.js').Inventory, ref: string) {
  const b = inventory.buckets.find((x) => x.encryption?.kmsKeyId === ref);
  if (b?.encryption) return b.encryption.src;
  const c = inventory.mskClusters.find((x) => x.kmsKeyArn === ref);
  return c ? c.src : { file: 'manifest.json', pointer: '' };
}
