import { cap, storeFinding } from '../../src/paths/record-findings.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'durable-hop-unencrypted',
  title: 'A durable hop of a record path is not encrypted at rest',
  category: 'data-boundary',
  severity: 'high',
  needs: ['ec2:DescribeVolumes', 'ec2:DescribeInstances'],
  handlesGaps: true,
  rationale:
    'A broker disk or block-device WAL holds every record its broker leads or follows. An unencrypted EBS volume, and every snapshot taken of it, can be read by anyone who can attach or share it, with no key to revoke and no decrypt to log.',
  remediation:
    'Enable EBS encryption by default in the account and region, then replace each unencrypted broker volume with one created from an encrypted copy of its snapshot (or add an encrypted broker and reassign partitions off the old one).',
  references: [
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  ],
  check(ctx) {
    for (const c of ctx.records()) {
      for (const s of c.stores) {
        const e = s.encryption;
        if (!e) continue;
        const base = storeFinding(c, c.name, s);
        if (e.state === 'none') {
          ctx.report({
            ...base,
            message: `${cap(s.label)} (${s.store}), a durable hop of ${c.kind} cluster ${c.name}, is not encrypted at rest: ${e.detail ?? 'no encryption'}.`,
          });
          continue;
        }
        // Only disks can be in clear; a bucket always encrypts new objects (SSE-S3 at least).
        if (e.state !== 'unknown' || (s.store !== 'broker-disk' && s.store !== 'block-wal'))
          continue;
        if (!s.account || !s.region) continue;
        const gap = ctx.gapFor('ec2:DescribeVolumes', s.account, s.region);
        if (gap || e.detail?.startsWith('describe-volumes'))
          ctx.report({
            ...base,
            ...(gap
              ? {
                  evidence: [
                    {
                      src: {
                        file: 'manifest.json',
                        pointer: `/gaps/${ctx.inventory.gaps.indexOf(gap)}`,
                      },
                    },
                    ...base.evidence,
                  ],
                }
              : {}),
            status: 'unknown',
            message: `Encryption at rest of ${s.label} (${s.store}), a durable hop of ${c.kind} cluster ${c.name}, is unknown: ${gap ? `ec2 describe-volumes failed in ${s.account}/${s.region} (${gap.code})` : e.detail}.`,
          });
      }
    }
  },
});
