import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'data-bucket-key-not-inside',
  title: 'A data bucket is not encrypted with a KMS key owned inside the boundary',
  category: 'data-boundary',
  severity: 'medium',
  needs: ['s3:GetBucketEncryption', 'kms:DescribeKey'],
  rationale:
    'With S3-managed keys (SSE-S3) or the AWS managed aws/s3 key, anyone allowed s3:GetObject reads plaintext: the key adds no control. A customer managed key inside the boundary lets its owner revoke access, audit every decrypt and crypto-shred. A key in an outside account hands that power to its owner.',
  remediation:
    "Set the bucket's default encryption to SSE-KMS with a customer managed key in an inside account (enable S3 Bucket Keys to limit KMS requests), then re-encrypt existing objects (S3 Batch Operations copy).",
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketEncryption.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt',
  ],
  check({ data, lookup, owners, report }) {
    for (const [name] of data.buckets) {
      const b = lookup.bucketByName.get(name);
      if (!b || !owners.isInside(b.account)) continue;
      const resource = {
        arn: b.arn,
        account: b.account,
        ...(b.region ? { region: b.region } : {}),
      };
      const enc = b.encryption;
      if (!enc) {
        report({
          resource,
          status: 'unknown',
          message: `Data bucket ${name} has no s3-get-bucket-encryption response in the snapshot, so its key is unknown.`,
          evidence: [{ src: b.src }],
        });
        continue;
      }
      const evidence = [{ src: enc.src }];
      if (enc.algorithm === 'AES256') {
        report({
          resource,
          evidence,
          message: `Data bucket ${name} uses S3-managed keys (SSE-S3): no key the boundary owns protects its records.`,
        });
        continue;
      }
      if (!enc.algorithm?.startsWith('aws:kms')) {
        report({
          resource,
          evidence,
          status: 'unknown',
          message: `Data bucket ${name} uses ${enc.algorithm ?? 'no'} default encryption, which ownmap does not recognise.`,
        });
        continue;
      }
      if (!enc.kmsKeyId) {
        report({
          resource,
          evidence,
          message: `Data bucket ${name} uses SSE-KMS with the AWS managed key aws/s3 (no KMSMasterKeyID): its key policy cannot be restricted.`,
        });
        continue;
      }
      const ref = lookup.resolveKey(enc.kmsKeyId, b.account, b.region ?? 'us-east-1');
      const owner = owners.of(ref.key?.account ?? ref.account);
      if (owner.kind !== 'inside') {
        report({
          resource,
          evidence,
          severity: 'high',
          message: `Data bucket ${name} is encrypted with key ${enc.kmsKeyId} in account ${ref.account} (${owner.kind === 'party' ? owner.name : 'undeclared'}), outside the boundary.`,
        });
      } else if (ref.key?.manager === 'AWS') {
        report({
          resource,
          evidence: [...evidence, { src: ref.key.src }],
          message: `Data bucket ${name} is encrypted with the AWS managed key ${ref.key.aliases[0] ?? ref.key.id}: its key policy cannot be restricted.`,
        });
      } else if (!ref.key?.described) {
        report({
          resource,
          evidence,
          status: 'unknown',
          message: `Data bucket ${name} is encrypted with key ${enc.kmsKeyId}, which the snapshot does not describe: whether it is customer managed is unknown.`,
        });
      }
    }
  },
});
