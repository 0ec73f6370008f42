import { defineRule } from '../../src/rules/define.js';
import { gapResource } from '../../src/rules/engine.js';
import { GLOBAL_REGION } from '../../src/snapshot/contract.js';
import type { Gap } from '../../src/snapshot/manifest.js';
import { parseArn } from '../../src/util/arn.js';

export default defineRule({
  id: 'data-bucket-key-not-inside',
  title: 'A data bucket is not encrypted with a KMS key owned inside the boundary',
  category: 'data-boundary',
  severity: 'high',
  needs: ['s3:ListAllMyBuckets', 's3:GetEncryptionConfiguration', 'kms:DescribeKey'],
  handlesGaps: true,
  rationale:
    'With S3-managed keys (SSE-S3) or the AWS managed aws/s3 key, anyone allowed s3:GetObject reads plaintext: the key adds no control. A customer managed key inside the boundary lets its owner revoke access, audit every decrypt and crypto-shred. A key in an outside account hands that power to its owner.',
  remediation:
    "Set the bucket's default encryption to SSE-KMS with a customer managed key in an inside account (enable S3 Bucket Keys to limit KMS requests), then re-encrypt existing objects (S3 Batch Operations copy).",
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketEncryption.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt',
  ],
  check({ boundary, data, inventory, lookup, owners, report, gapFor }) {
    const gapEvidence = (g: Gap) => ({
      src: { file: 'manifest.json', pointer: `/gaps/${inventory.gaps.indexOf(g)}` },
    });
    const failed = (g: Gap) =>
      `${g.service} ${g.operation} failed in ${g.account}/${g.region} (${g.code})`;
    // An inside account whose bucket list failed may hold data buckets matching a pattern.
    const bucketGlobs = [
      ...boundary.data.buckets,
      ...boundary.kafka.clusters.flatMap((c) => c.buckets),
    ].filter((p) => /[*?]/.test(p));
    for (const g of inventory.gaps) {
      if (g.service !== 's3' || g.operation !== 'list-buckets') continue;
      if (bucketGlobs.length === 0 || !owners.isInside(g.account)) continue;
      report({
        resource: { arn: gapResource(g), account: g.account },
        status: 'unknown',
        key: 'gap:s3:list-buckets',
        message: `Could not check: ${failed(g)}, and a data bucket matching ${bucketGlobs.join(', ')} may be there.`,
        evidence: [gapEvidence(g)],
      });
    }
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
        const gap = gapFor('s3:GetEncryptionConfiguration', b.account, GLOBAL_REGION, name);
        report({
          resource,
          status: 'unknown',
          message: gap
            ? `Could not check: ${failed(gap)}, so the key of data bucket ${name} is unknown.`
            : `Data bucket ${name} has no s3-get-bucket-encryption response in the snapshot, so its key is unknown.`,
          evidence: [{ src: b.src }, ...(gap ? [gapEvidence(gap)] : [])],
        });
        continue;
      }
      const evidence = [{ src: enc.src }];
      if (enc.algorithm === 'AES256') {
        report({
          resource,
          evidence,
          severity: 'medium',
          message: `Data bucket ${name} uses S3-managed keys (SSE-S3): no key the boundary owns protects its records.`,
        });
        continue;
      }
      if (!enc.algorithm?.startsWith('aws:kms')) {
        report({
          resource,
          evidence,
          status: 'unknown',
          severity: 'medium',
          message: `Data bucket ${name} uses ${enc.algorithm ?? 'no'} default encryption, which ownmap does not recognise.`,
        });
        continue;
      }
      if (!enc.kmsKeyId) {
        report({
          resource,
          evidence,
          severity: 'medium',
          message: `Data bucket ${name} uses SSE-KMS with the AWS managed key aws/s3 (no KMSMasterKeyID): its key policy cannot be restricted.`,
        });
        continue;
      }
      const ref = lookup.keyOfBucket(b);
      if (!ref) {
        report({
          resource,
          evidence,
          status: 'unknown',
          message: `Data bucket ${name} names key ${enc.kmsKeyId} without an ARN and its region is unknown, so the key cannot be found.`,
        });
        continue;
      }
      const keyAccount = ref.key?.account ?? ref.account;
      const owner = owners.of(keyAccount);
      if (owner.kind !== 'inside') {
        report({
          resource,
          evidence,
          message: `Data bucket ${name} is encrypted with key ${enc.kmsKeyId} in account ${keyAccount} (${owner.kind === 'party' ? owner.name : 'undeclared'}), outside the boundary.`,
        });
      } else if (
        ref.key?.manager === 'AWS' ||
        /^(arn:[^:]+:kms:[^:]*:\d*:)?alias\/aws\//.test(enc.kmsKeyId)
      ) {
        // Aliases under alias/aws/ are reserved for AWS managed keys.
        report({
          resource,
          evidence: [...evidence, ...(ref.key ? [{ src: ref.key.src }] : [])],
          severity: 'medium',
          message: `Data bucket ${name} is encrypted with the AWS managed key ${ref.key?.aliases[0] ?? ref.key?.id ?? enc.kmsKeyId}: its key policy cannot be restricted.`,
        });
      } else if (!ref.key?.described) {
        const id = ref.key?.id ?? keyIdOf(enc.kmsKeyId);
        const gap = id
          ? (gapFor('kms:DescribeKey', ref.account, ref.region, id) ??
            gapFor(
              'kms:DescribeKey',
              ref.account,
              ref.region,
              `arn:aws:kms:${ref.region}:${ref.account}:key/${id}`,
            ))
          : undefined;
        report({
          resource,
          evidence: [...evidence, ...(gap ? [gapEvidence(gap)] : [])],
          status: 'unknown',
          severity: 'medium',
          message: `Data bucket ${name} is encrypted with key ${enc.kmsKeyId}, which the snapshot does not describe${gap ? ` (${failed(gap)})` : ''}: whether it is customer managed is unknown.`,
        });
      }
    }
  },
});

/** The key id in a key ARN or a bare key id; undefined for aliases. */
function keyIdOf(ref: string): string | undefined {
  const arn = parseArn(ref);
  if (arn) return arn.resource.startsWith('key/') ? arn.resource.slice(4) : undefined;
  return ref.startsWith('alias/') ? undefined : ref;
}
