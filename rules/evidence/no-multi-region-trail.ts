import { trailCovers } from '../../src/graph/trails.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'no-multi-region-trail',
  title: 'An inside account has no logging multi-region trail',
  category: 'evidence',
  severity: 'medium',
  needs: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'],
  handlesGaps: true,
  rationale:
    "A multi-region trail (the account's own or an organization trail) records management events in every region, including regions nobody meant to use. Without one, a key policy change or a bucket created in another region leaves no record.",
  remediation:
    'Create a multi-region trail in the account, or an organization trail in the management account, and keep it logging.',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
  ],
  check({ inventory, owners, report, gapFor }) {
    for (const a of inventory.snapshot.accounts) {
      if (!owners.isInside(a.id)) continue;
      const candidates = inventory.trails.filter(
        (t) => t.isMultiRegion && trailCovers(t, a.id, t.homeRegion, owners),
      );
      const logging = candidates.filter((t) => t.status?.isLogging !== false);
      if (logging.length > 0) continue;
      const stopped = candidates.length > 0;
      const gap = inventory.snapshot.regions
        .map(
          (r) =>
            gapFor('cloudtrail:DescribeTrails', a.id, r) ??
            (stopped ? gapFor('cloudtrail:GetTrailStatus', a.id, r) : undefined),
        )
        .find((g) => g !== undefined);
      if (gap) {
        report({
          resource: { arn: `arn:aws:iam::${a.id}:root`, account: a.id },
          status: 'unknown',
          message: `Account ${a.id}: no logging multi-region trail is visible, but ${gap.service} ${gap.operation} failed in ${gap.region} (${gap.code}).`,
          evidence: [
            { src: { file: 'manifest.json', pointer: `/gaps/${inventory.gaps.indexOf(gap)}` } },
          ],
        });
        continue;
      }
      report({
        resource: { arn: `arn:aws:iam::${a.id}:root`, account: a.id },
        message: stopped
          ? `Account ${a.id}${a.name ? ` (${a.name})` : ''} has multi-region trails, but none is logging.`
          : `Account ${a.id}${a.name ? ` (${a.name})` : ''} has no multi-region trail, neither its own nor an organization trail.`,
        evidence: stopped
          ? candidates.map((t) => ({ src: t.status?.src ?? t.src }))
          : inventory.trails
              .filter((t) => t.seenIn.some((s) => s.account === a.id))
              .map((t) => ({ src: t.src })),
      });
    }
  },
});
