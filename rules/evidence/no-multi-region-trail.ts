import { logsManagementEvents, trailCovers } from '../../src/graph/trails.js';
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
      const resource = { arn: `arn:aws:iam::${a.id}:root`, account: a.id };
      const candidates = inventory.trails.filter(
        (t) => t.isMultiRegion && trailCovers(t, a.id, t.homeRegion, owners),
      );
      // Proof: get-trail-status says IsLogging: true and the selectors record management
      // events (reads and writes).
      if (candidates.some((t) => t.status?.isLogging === true && logsManagementEvents(t) === 'yes'))
        continue;
      const unsure = candidates.find(
        (t) =>
          (!t.status && logsManagementEvents(t) !== 'no') ||
          (t.status?.isLogging === true && logsManagementEvents(t) === 'unknown'),
      );
      if (unsure?.status) {
        report({
          resource,
          status: 'unknown',
          message: `Account ${a.id}: multi-region trail ${unsure.arn} is logging, but its event selectors are not in the snapshot, so whether it records management events is unknown.`,
          evidence: [{ src: unsure.status.src }],
        });
        continue;
      }
      if (unsure) {
        const gap = inventory.gaps.find(
          (g) =>
            g.service === 'cloudtrail' &&
            g.operation === 'get-trail-status' &&
            g.param === unsure.arn,
        );
        report({
          resource,
          status: 'unknown',
          message: `Account ${a.id}: multi-region trail ${unsure.arn} covers it, but its logging status is not in the snapshot${gap ? ` (get-trail-status failed in ${gap.account}/${gap.region} with ${gap.code})` : ''}.`,
          evidence: [
            { src: unsure.src },
            ...(gap
              ? [
                  {
                    src: { file: 'manifest.json', pointer: `/gaps/${inventory.gaps.indexOf(gap)}` },
                  },
                ]
              : []),
          ],
        });
        continue;
      }
      const stopped = candidates.length > 0;
      const gap = inventory.snapshot.regions
        .map((r) => gapFor('cloudtrail:DescribeTrails', a.id, r))
        .find((g) => g !== undefined);
      if (gap) {
        report({
          resource,
          status: 'unknown',
          message: `Account ${a.id}: no logging multi-region trail is visible, but ${gap.service} ${gap.operation} failed in ${gap.region} (${gap.code}).`,
          evidence: [
            { src: { file: 'manifest.json', pointer: `/gaps/${inventory.gaps.indexOf(gap)}` } },
          ],
        });
        continue;
      }
      const seen = inventory.trails.filter((t) => t.seenIn.some((s) => s.account === a.id));
      const identity = inventory.identities.find((x) => x.account === a.id);
      report({
        resource,
        message: stopped
          ? `Account ${a.id}${a.name ? ` (${a.name})` : ''} has multi-region trails, but none is logging management events (stopped, or its selectors exclude them).`
          : `Account ${a.id}${a.name ? ` (${a.name})` : ''} has no multi-region trail, neither its own nor an organization trail.`,
        evidence: stopped
          ? candidates.map((t) => ({ src: t.status?.src ?? t.src }))
          : seen.length > 0
            ? seen.map((t) => ({ src: t.src }))
            : [{ src: identity?.src ?? { file: 'manifest.json', pointer: '/accounts' } }],
      });
    }
  },
});
