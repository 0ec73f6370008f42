import { dataEventCoverage, logsBucketDataEvents, trailCovers } from '../../src/graph/trails.js';
import type { Trail } from '../../src/inventory/model.js';
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
      if (!b || !owners.isInside(b.account)) continue;
      const region = b.region;
      const resource = { arn: b.arn, account: b.account, ...(region ? { region } : {}) };
      // Without the bucket's region, only a multi-region trail can be shown to cover it.
      const covers = (t: Trail): boolean =>
        region
          ? trailCovers(t, b.account, region, owners)
          : t.isMultiRegion && trailCovers(t, b.account, t.homeRegion, owners);
      // A trail that may log the bucket where the snapshot cannot prove it (no selectors or status).
      let unsure: string | undefined;
      // Reads and writes may be logged by different trails: both must be.
      const seen = { read: false, write: false };
      for (const t of inventory.trails) {
        if (!covers(t)) continue;
        if (t.status?.isLogging === false) continue;
        const cov = dataEventCoverage(t, name);
        if (cov && !cov.read && !cov.write) continue;
        if (cov && t.status) {
          seen.read ||= cov.read;
          seen.write ||= cov.write;
          continue;
        }
        unsure ??= !cov
          ? `trail ${t.arn} covers it but its event selectors are not in the snapshot`
          : `trail ${t.arn} logs its data events but its logging status is not in the snapshot`;
      }
      if (seen.read && seen.write) continue;
      const partial = seen.read || seen.write;
      // A trail we could not see (describe-trails failed in a region of this account) may cover it.
      const gap = inventory.snapshot.regions
        .map((r) => gapFor('cloudtrail:DescribeTrails', b.account, r))
        .find((g) => g !== undefined);
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
      if (partial && !unsure) {
        const only = seen.read ? 'reads' : 'writes';
        const missing = seen.read
          ? 'writes and deletes (PutObject, DeleteObject)'
          : 'reads (GetObject)';
        report({
          resource,
          message: `Trails log only ${only} of data bucket ${name}: ${missing} of its records leave no audit trail.`,
          evidence: [
            { src: b.src },
            ...inventory.trails.filter(covers).map((t) => ({ src: t.selectors?.src ?? t.src })),
          ],
        });
        continue;
      }
      if (unsure) {
        report({
          resource,
          status: 'unknown',
          message: `Data bucket ${name}: ${unsure}.`,
          evidence: [{ src: b.src }],
        });
        continue;
      }
      // Region unknown: a single-region trail of the account may still log the bucket.
      const local = region
        ? undefined
        : inventory.trails.find(
            (t) =>
              !t.isMultiRegion &&
              t.status?.isLogging !== false &&
              trailCovers(t, b.account, t.homeRegion, owners) &&
              logsBucketDataEvents(t, name) !== 'no',
          );
      if (local) {
        report({
          resource,
          status: 'unknown',
          message: `Data bucket ${name}: its region is not in the snapshot, so whether single-region trail ${local.arn} (${local.homeRegion}) covers it cannot be told.`,
          evidence: [{ src: b.src }, { src: local.src }],
        });
        continue;
      }
      report({
        resource,
        message: `No logging trail records S3 data events for data bucket ${name} (${b.account}, ${region ?? 'region unknown'}): reads and writes of its records leave no audit trail.`,
        evidence: [
          { src: b.src },
          ...inventory.trails.filter(covers).map((t) => ({ src: t.selectors?.src ?? t.src })),
        ],
      });
    }
  },
});
