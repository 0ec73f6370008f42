import { dataHiddenByGap } from '../../src/graph/data.js';
import type { Inventory } from '../../src/inventory/model.js';
import { defineRule } from '../../src/rules/define.js';
import { gapResource } from '../../src/rules/engine.js';
import { GLOBAL_REGION } from '../../src/snapshot/contract.js';
import type { Gap } from '../../src/snapshot/manifest.js';

export default defineRule({
  id: 'data-outside-approved-regions',
  title: 'A data-bearing resource sits outside the approved regions',
  category: 'data-boundary',
  severity: 'high',
  needs: [
    's3:ListAllMyBuckets',
    's3:GetBucketLocation',
    'kms:ListKeys',
    'kms:ListAliases',
    'kafka:ListClustersV2',
  ],
  handlesGaps: true,
  rationale:
    'Records are durable where their bucket, key or cluster lives. Residency commitments name regions; a data bucket, data key or Kafka cluster in any other region breaks them however the rest of the estate is built.',
  remediation:
    'Move the resource (or its data) to an approved region, or add the region to approvedRegions in the boundary file if the commitment allows it.',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html',
    'https://docs.aws.amazon.com/msk/1.0/apireference/clusters.html',
  ],
  check({ boundary, data, lookup, inventory, report, gapFor }) {
    const approved = boundary.approvedRegions;
    // No residency commitment: nothing to check, and no gap can change that.
    if (approved.length === 0) return;
    const list = approved.join(', ');
    const gapEvidence = (g: Gap) => ({
      src: { file: 'manifest.json', pointer: `/gaps/${inventory.gaps.indexOf(g)}` },
    });
    const failed = (g: Gap) =>
      `${g.service} ${g.operation} failed in ${g.account}/${g.region} (${g.code})`;

    for (const [name, reasons] of data.buckets) {
      const b = lookup.bucketByName.get(name);
      const named = data.bucketRegionHints.get(name);
      if (!b && named && !approved.includes(named.region)) {
        // Listed by no scanned account, but the brokers' configuration says where it is.
        report({
          resource: { arn: `arn:aws:s3:::${name}`, region: named.region },
          message: `Data bucket ${name} (${reasons[0]}) is in ${named.region} by ${named.key} in ${named.file}, outside the approved regions (${list}); no scanned account lists it.`,
          evidence: [{ src: { file: named.file, pointer: `/${named.key}` } }],
        });
      } else if (!b) {
        // Named by the boundary (a cluster's bucket), listed by no scanned account.
        report({
          resource: { arn: `arn:aws:s3:::${name}` },
          status: 'unknown',
          message: `Data bucket ${name} (${reasons[0]}) is not in any scanned account's bucket list, so its region is unknown.`,
          evidence: [{ src: { file: 'manifest.json', pointer: '/accounts' } }],
        });
      } else if (!b.region) {
        const gap = gapFor('s3:GetBucketLocation', b.account, GLOBAL_REGION, name);
        report({
          resource: { arn: b.arn, account: b.account },
          status: 'unknown',
          message: `Data bucket ${name} has no known region (${gap ? failed(gap) : 'no location in the snapshot'}), so residency cannot be checked.`,
          evidence: [{ src: b.src }, ...(gap ? [gapEvidence(gap)] : [])],
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

    // Listings that failed: what they would have shown may be a data resource out of region.
    for (const g of inventory.gaps) {
      const h = dataHiddenByGap(g, boundary);
      if (!h || (!h.anyRegion && approved.includes(g.region))) continue;
      const hidden = `${h.what} may be there${h.anyRegion ? ', in any region' : ''}`;
      if (!hidden) continue;
      report({
        resource: { arn: gapResource(g), account: g.account, region: g.region },
        status: 'unknown',
        key: `gap:${g.service}:${g.operation}`,
        message: `Could not check: ${failed(g)}, and ${hidden}.`,
        evidence: [gapEvidence(g)],
      });
    }
  },
});

/** Where an unscanned key is named: the first bucket or cluster that uses it. */
function findUse(inventory: Inventory, ref: string) {
  const b = inventory.buckets.find((x) => x.encryption?.kmsKeyId === ref);
  if (b?.encryption) return b.encryption.src;
  const c = inventory.mskClusters.find((x) => x.kmsKeyArn === ref);
  return c ? c.src : { file: 'manifest.json', pointer: '' };
}
