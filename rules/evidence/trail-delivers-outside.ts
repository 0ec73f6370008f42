import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'trail-delivers-outside',
  title: 'A trail delivers its log files to a bucket outside the boundary',
  category: 'evidence',
  severity: 'high',
  needs: ['cloudtrail:DescribeTrails', 's3:ListAllMyBuckets'],
  rationale:
    'The audit trail proves who touched the data only while its owner controls the log bucket. Logs delivered to an outside account can be read, kept or deleted by that account, and cannot serve as your evidence.',
  remediation:
    "Deliver the trail to a log-archive bucket in an inside account (an organization's logging account), with object lock or a deny-delete bucket policy.",
  references: [
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-set-bucket-policy-for-multiple-accounts.html',
  ],
  check({ inventory, lookup, owners, report }) {
    for (const t of inventory.trails) {
      if (!t.bucketName || !owners.isInside(t.ownerAccount)) continue;
      const resource = { arn: t.arn, account: t.ownerAccount, region: t.homeRegion };
      const b = lookup.bucketByName.get(t.bucketName);
      const path = (account?: string) => [
        {
          node: t.arn,
          kind: 'trail',
          account: t.ownerAccount,
          region: t.homeRegion,
          owner: owners.of(t.ownerAccount).name,
        },
        {
          node: `arn:aws:s3:::${t.bucketName}`,
          kind: 'bucket',
          ...(account ? { account, owner: owners.of(account).name } : {}),
          ...(b?.region ? { region: b.region } : {}),
        },
      ];
      if (!b) {
        report({
          resource,
          status: 'unknown',
          path: path(),
          message: `Trail ${t.name} delivers to bucket ${t.bucketName}, which no scanned account lists: its owner cannot be proven.`,
          evidence: [{ src: { ...t.src, pointer: `${t.src.pointer}/S3BucketName` } }],
        });
        continue;
      }
      const owner = owners.of(b.account);
      if (owner.kind === 'inside') continue;
      report({
        resource,
        path: path(b.account),
        message: `Trail ${t.name} delivers to bucket ${t.bucketName} in account ${b.account} (${owner.kind === 'party' ? owner.name : 'undeclared'}), outside the boundary.`,
        evidence: [{ src: { ...t.src, pointer: `${t.src.pointer}/S3BucketName` } }, { src: b.src }],
      });
    }
  },
});
