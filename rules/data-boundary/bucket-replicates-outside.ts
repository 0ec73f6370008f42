import { defineRule } from '../../src/rules/define.js';
import { bucketOfArn } from '../../src/util/arn.js';

export default defineRule({
  id: 'bucket-replicates-outside',
  title: 'S3 replication copies objects to an account or region outside the boundary',
  category: 'data-boundary',
  severity: 'high',
  needs: ['s3:GetBucketReplication', 's3:GetBucketLocation'],
  rationale:
    'A replication rule makes a second durable copy of every object it matches. A destination bucket in an outside account (or an unapproved region) puts records where the boundary owner no longer decides who reads or deletes them.',
  remediation:
    'Point the replication rule at a bucket in an inside account and an approved region, or disable the rule; if the destination owner is part of your organisation, declare it in the boundary file.',
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketReplication.html'],
  check({ inventory, lookup, owners, boundary, data, report }) {
    for (const b of inventory.buckets) {
      if (!b.replication || !owners.isInside(b.account)) continue;
      const isData = data.buckets.has(b.name);
      for (const r of b.replication.rules) {
        if (r.raw.Status === 'Disabled') continue;
        const destName = bucketOfArn(r.raw.Destination.Bucket) ?? r.raw.Destination.Bucket;
        const dest = lookup.bucketByName.get(destName);
        const destAccount = r.raw.Destination.Account ?? dest?.account;
        const rule = r.raw.ID ? `rule ${r.raw.ID}` : 'a replication rule';
        const what = `${isData ? 'Data bucket' : 'Bucket'} ${b.name} replicates (${rule}) to ${destName}`;
        const base = {
          resource: { arn: b.arn, account: b.account, ...(b.region ? { region: b.region } : {}) },
          evidence: [{ src: r.src }],
          key: `${r.raw.ID ?? ''}->${destName}`,
          path: [
            {
              node: b.arn,
              kind: 'bucket',
              account: b.account,
              ...(b.region ? { region: b.region } : {}),
              owner: owners.of(b.account).name,
            },
            {
              node: `arn:aws:s3:::${destName}`,
              kind: 'bucket',
              ...(destAccount ? { account: destAccount, owner: owners.of(destAccount).name } : {}),
              ...(dest?.region ? { region: dest.region } : {}),
            },
          ],
        };
        if (!destAccount) {
          report({
            ...base,
            status: 'unknown',
            message: `${what}, a bucket the snapshot does not hold and the rule names no Account for: its owner cannot be proven.`,
          });
          continue;
        }
        const owner = owners.of(destAccount);
        const regionOut =
          dest?.region &&
          boundary.approvedRegions.length > 0 &&
          !boundary.approvedRegions.includes(dest.region);
        if (owner.kind !== 'inside') {
          report({
            ...base,
            severity: isData ? 'high' : 'medium',
            message: `${what} in account ${destAccount} (${owner.kind === 'party' ? `${owner.name}, ${owner.role}` : 'undeclared'}), outside the boundary.`,
          });
        } else if (regionOut) {
          report({
            ...base,
            severity: isData ? 'high' : 'medium',
            message: `${what} in ${dest?.region}, outside the approved regions (${boundary.approvedRegions.join(', ')}).`,
          });
        }
      }
    }
  },
});
