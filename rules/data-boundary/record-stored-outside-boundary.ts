import {
  hopResource,
  isReportedDataBucket,
  recordEvidence,
  recordHops,
  storeFinding,
} from '../../src/paths/record-findings.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'record-stored-outside-boundary',
  title: 'A record is stored or replicated outside the boundary',
  category: 'data-boundary',
  severity: 'critical',
  needs: ['ec2:DescribeNetworkInterfaces', 's3:ListAllMyBuckets', 'kafka:DescribeReplicator'],
  // Holders the model cannot place are reported as unknown; unrelated gaps change nothing.
  handlesGaps: true,
  rationale:
    'Whoever holds the account that holds a durable copy holds the records: a broker fleet running in a vendor account, a WAL or tiered-storage bucket in another account, or a replication link (MSK Replicator, MirrorMaker 2, cluster linking) into a cluster owned outside puts the data beyond the boundary, whatever the contract says.',
  remediation:
    'Keep every durable hop in an inside account: run the brokers and their stores there, point the WAL, data and tiered-storage settings at inside buckets, and end replication links at inside clusters. If the outside holder is intended, declare it as a party (the finding drops to high) and record why.',
  references: [
    'https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator.html',
    'https://kafka.apache.org/documentation/#georeplication',
  ],
  check(ctx) {
    for (const c of ctx.records()) {
      for (const s of c.stores) {
        // Data buckets of the snapshot: data-in-outside-account; S3 replicas of them:
        // bucket-replicates-outside.
        // MSK clusters in outside accounts: data-in-outside-account.
        if (isReportedDataBucket(ctx, s) || s.store === 's3-replica') continue;
        if (s.store === 'msk-storage' || s.store === 'msk-managed') continue;
        if (s.owner === 'inside') continue;
        const base = storeFinding(c, c.name, s);
        if (s.owner === 'unknown') {
          ctx.report({
            ...base,
            status: 'unknown',
            message: `Records of ${c.kind} cluster ${c.name} become durable in ${s.label}, which no scanned account lists, so who holds it is unknown.`,
          });
          continue;
        }
        const party = ctx.owners.of(s.account).kind === 'party';
        ctx.report({
          ...base,
          ...(party ? { severity: 'high' as const } : {}),
          message: `Records of ${c.kind} cluster ${c.name} become durable in ${s.label} (${s.store}) in account ${s.account}, held by ${party ? `party ${s.owner}` : 'an undeclared account'} outside the boundary.`,
        });
      }
      for (const p of c.paths) {
        if (p.kind !== 'replicate-out' || p.link?.kind === 's3-replication') continue;
        const to = p.hops[p.hops.length - 1]!;
        if (to.owner === 'inside') continue;
        const via = p.link ? ` by ${p.link.kind} ${p.link.name}` : '';
        const base = {
          resource: hopResource(to),
          key: `${c.name}->${p.link?.name ?? ''}`,
          path: recordHops(p.hops),
          evidence: recordEvidence(c, p),
        };
        if (to.owner === 'unknown') {
          ctx.report({
            ...base,
            status: 'unknown',
            message: `Records of cluster ${c.name} are replicated${via} to ${to.label}, whose account is unknown.`,
          });
          continue;
        }
        const party = ctx.owners.of(to.account).kind === 'party';
        ctx.report({
          ...base,
          ...(party ? { severity: 'high' as const } : {}),
          message: `Records of cluster ${c.name} are replicated${via} to ${to.label} in account ${to.account}, held by ${party ? `party ${to.owner}` : 'an undeclared account'} outside the boundary.`,
        });
      }
    }
  },
});
