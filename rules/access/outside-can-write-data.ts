import { reportOutsideAccess } from '../../src/policy/answers.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'outside-can-write-data',
  title: 'A principal outside the boundary can write or delete records',
  category: 'access',
  severity: 'critical',
  needs: ['s3:GetBucketPolicy', 'kafka:GetClusterPolicy'],
  rationale:
    'Whoever can put or delete objects in a data bucket, or write to a topic, can corrupt, replace or erase records, and can rewrite the bucket policy when it is granted too. For AutoMQ and tiered storage the bucket is the log itself.',
  remediation:
    "Remove write and delete actions (and policy administration) from outside principals; keep them to the brokers' roles, with a Deny for everyone outside the organization or the endpoint you own.",
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html',
  ],
  check(ctx) {
    reportOutsideAccess(ctx, {
      actions: [
        's3:PutObject',
        's3:DeleteObject',
        's3:DeleteObjectVersion',
        's3:PutBucketPolicy',
        's3:DeleteBucketPolicy',
        's3:PutBucketAcl',
        's3:PutEncryptionConfiguration',
        's3:PutReplicationConfiguration',
        's3:DeleteBucket',
        'kafka-cluster:WriteData',
      ],
      verb: 'write, delete or re-govern its records',
      of: ['buckets', 'clusters'],
    });
  },
});
