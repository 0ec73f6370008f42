import { reportOutsideAccess } from '../../src/policy/answers.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'outside-can-decrypt-data',
  title: 'A principal outside the boundary can decrypt with, or administer, a data key',
  category: 'access',
  severity: 'critical',
  needs: ['kms:GetKeyPolicy', 'kms:ListGrants'],
  rationale:
    "A data key protects records only while its use stays inside the boundary. A key policy that lets an outside account decrypt, generate data keys, create grants or change the key policy gives it the plaintext of every record the key protects. The statement naming the key account's root delegates to that account's IAM and is outside only when that account is.",
  remediation:
    'Remove the outside principal from the key policy (or narrow it with kms:ViaService and kms:CallerAccount of an inside account); revoke outside grants with kms:RevokeGrant.',
  references: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
    'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
  ],
  check(ctx) {
    reportOutsideAccess(ctx, {
      actions: [
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'kms:ReEncryptFrom',
        'kms:CreateGrant',
        'kms:PutKeyPolicy',
        'kms:ScheduleKeyDeletion',
        'kms:DisableKey',
      ],
      verb: 'decrypt the records it protects, or take the key away',
      of: ['keys'],
    });
    // Grants: each grantee outside the boundary holds the operations its grant lists.
    for (const [, k] of ctx.data.keys) {
      const key = k.ref.key;
      for (const g of key?.grants ?? []) {
        const grantee = g.raw.GranteePrincipal ?? '';
        const account = /^\d{12}$/.test(grantee) ? grantee : grantee.split(':')[4];
        if (!key || !account || !/^\d{12}$/.test(account) || ctx.owners.isInside(account)) continue;
        const ops = g.raw.Operations.filter((o) =>
          [
            'Decrypt',
            'GenerateDataKey',
            'GenerateDataKeyWithoutPlaintext',
            'ReEncryptFrom',
            'CreateGrant',
          ].includes(o),
        );
        if (ops.length === 0) continue;
        const owner = ctx.owners.of(account);
        ctx.report({
          resource: { arn: key.arn, account: key.account, region: key.region },
          key: `grant:${g.raw.GrantId ?? grantee}`,
          severity: owner.kind === 'party' ? 'medium' : 'high',
          message: `Data key ${key.aliases[0] ?? key.id}: grant ${g.raw.Name || g.raw.GrantId || ''} lets ${grantee} (${owner.kind === 'party' ? owner.name : 'undeclared'}) ${ops.join(', ')}${g.raw.Constraints ? ' (with encryption-context constraints)' : ''}.`,
          evidence: [{ src: g.src }],
        });
      }
    }
  },
});
