import {
  cap,
  hopResource,
  isReportedDataBucket,
  pathTo,
  recordEvidence,
  recordHops,
} from '../../src/paths/record-findings.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'durable-hop-key-outside',
  title: 'A durable hop of a record path is encrypted with a key owned outside the boundary',
  category: 'data-boundary',
  severity: 'high',
  needs: ['kms:DescribeKey', 'ec2:DescribeVolumes', 'kafka:ListClustersV2'],
  rationale:
    'Whoever controls the KMS key controls the records it protects: the holder of a key in another account can revoke it (and with it every broker disk, MSK volume or replica it encrypts) or grant itself decrypt. The key of every durable hop must be held inside.',
  remediation:
    'Re-encrypt the store with a customer managed key in an inside account: new EBS volumes from an encrypted snapshot with the inside key, a new MSK cluster (the data-volume key cannot change), or a replication rule whose ReplicaKmsKeyID names an inside key.',
  references: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    'https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html',
  ],
  check(ctx) {
    for (const c of ctx.records()) {
      for (const s of c.stores) {
        const e = s.encryption;
        if (!e?.keyOwner || e.keyOwner === 'inside') continue;
        // Data buckets' default keys: data-bucket-key-not-inside.
        if (isReportedDataBucket(ctx, s)) continue;
        const path = pathTo(c, s);
        const base = {
          resource: hopResource(s),
          key: `${c.name}|${e.key ?? ''}`,
          evidence: recordEvidence(c, path, s),
          ...(path ? { path: recordHops(path.hops) } : {}),
        };
        if (e.keyOwner === 'unknown') continue;
        const party = ctx.owners.of(e.keyAccount).kind === 'party';
        ctx.report({
          ...base,
          ...(party ? { severity: 'medium' as const } : { severity: 'high' as const }),
          message: `${cap(s.label)} (${s.store}), a durable hop of ${c.kind} cluster ${c.name}, is encrypted with ${e.key} in account ${e.keyAccount}, held by ${party ? `party ${e.keyOwner}` : 'an undeclared account'} outside the boundary.`,
        });
      }
    }
  },
});
