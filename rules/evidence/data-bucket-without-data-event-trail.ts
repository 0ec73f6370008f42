import { logsBucketDataEvents, trailCovers } from '../../src/graph/trails.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'data-bucket-without-data-event-trail',
  title: 'No trail logs S3 data events for a data bucket',
  category: 'evidence',
  severity: 'medium',
  needs: ['cloudtrail:DescribeTrails', 'cloudtrail:GetEventSelectors', 'cloudtrail:GetTrailStatus'],
  handlesGaps: true,
  rationale:
    'Management events show who changed a bucket, not who read or wrote its records. Without S3 data events (GetObject, PutObject, DeleteObject) nobody can prove which principal touched which record, which is the first question after an incident.',
  remediation:
    'Add an S3 data event selector (basic DataResources of type AWS::S3::Object, or an advanced selector on eventCategory Data and resources.type AWS::S3::Object) for the bucket to a logging trail that covers its account and region.',
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
  ],
  check({ data, lookup, inventory, owners, report, gapFor }) {
    for (const [name] of data.buckets) {
      const b = lookup.bucketByName.get(name);
      if (!b?.region || !owners.isInside(b.account)) continue;
      const resource = { arn: b.arn, account: b.account, region: b.region };
      let unknownTrail: string | undefined;
      let covered = false;
      for (const t of inventory.trails) {
        if (!trailCovers(t, b.account, b.region, owners)) continue;
        if (t.status?.isLogging === false) continue;
        const logs = logsBucketDataEvents(t, name);
        if (logs === 'yes') {
          covered = true;
          break;
        }
        if (logs === 'unknown') unknownTrail = t.arn;
      }
      if (covered) continue;
      // A trail we could not see (describe-trails failed in a region of this account) may cover it.
      const gap = b.region
        ? inventory.snapshot.regions
            .map((r) => gapFor('cloudtrail:DescribeTrails', b.account, r))
            .find((g) => g !== undefined)
        : undefined;
      if (gap) {
        report({
          resource,
          status: 'unknown',
          message: `No visible trail logs S3 data events for data bucket ${name}, but describe-trails failed in ${gap.account}/${gap.region} (${gap.code}): a trail there may.`,
          evidence: [
            { src: b.src },
            { src: { file: 'manifest.json', pointer: `/gaps/${inventory.gaps.indexOf(gap)}` } },
          ],
        });
        continue;
      }
      if (unknownTrail) {
        report({
          resource,
          status: 'unknown',
          message: `Data bucket ${name}: trail ${unknownTrail} covers it but its event selectors are not in the snapshot.`,
          evidence: [{ src: b.src }],
        });
        continue;
      }
      report({
        resource,
        message: `No logging trail records S3 data events for data bucket ${name} (${b.account}, ${b.region}): reads and writes of its records leave no audit trail.`,
        evidence: [
          { src: b.src },
          ...inventory.trails
            .filter((t) => trailCovers(t, b.account, b.region!, owners))
            .map((t) => ({ src: t.selectors?.src ?? t.src })),
        ],
      });
    }
  },
});
