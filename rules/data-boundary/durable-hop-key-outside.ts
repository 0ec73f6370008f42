import { cap, isReportedDataBucket, storeFinding } from '../../src/paths/record-findings.js';
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
  handlesGaps: true,
  check(ctx) {
    for (const c of ctx.records()) {
      // One finding per cluster and key, however many AZs' stores it protects.
      const byKey = new Map<string, typeof c.stores>();
      for (const s of c.stores) {
        const e = s.encryption;
        if (!e?.keyOwner || e.keyOwner === 'inside' || !e.key) continue;
        // Data buckets' default keys (data-bucket-key-not-inside), replicas' keys
        // (bucket-replicates-outside) and data keys held outside (data-in-outside-account,
        // MSK data-volume keys among them) are reported there.
        if (isReportedDataBucket(ctx, s) || s.store === 's3-replica') continue;
        if (ctx.data.keys.has(e.key)) continue;
        const list = byKey.get(e.key);
        if (list) list.push(s);
        else byKey.set(e.key, [s]);
      }
      for (const [key, stores] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const first = stores[0]!;
        const e = first.encryption!;
        const what =
          stores.length === 1
            ? `${cap(first.label)} (${first.store}), a durable hop of ${c.kind} cluster ${c.name}, is`
            : `${stores.length} durable hops of ${c.kind} cluster ${c.name} (${stores.map((x) => x.label).join(', ')}) are`;
        const base = storeFinding(c, `${c.name}|${key}`, ...stores);
        if (e.keyOwner === 'unknown') {
          ctx.report({
            ...base,
            status: 'unknown',
            message: `${what} encrypted with ${key}, whose account cannot be told, so whether its holder is inside is unknown.`,
          });
          continue;
        }
        const party = ctx.owners.of(e.keyAccount).kind === 'party';
        ctx.report({
          ...base,
          severity: party ? 'medium' : 'high',
          message: `${what} encrypted with ${key} in account ${e.keyAccount}, held by ${party ? `party ${e.keyOwner}` : 'an undeclared account'} outside the boundary.`,
        });
      }
    }
  },
});
