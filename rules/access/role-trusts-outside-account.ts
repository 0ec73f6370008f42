import { namedPrincipals } from '../../src/policy/trust.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'role-trusts-outside-account',
  title: 'A role trust policy lets an account outside the boundary assume it',
  category: 'access',
  // The rule's severity caps every finding's (engine.ts): critical, so that a trust in any
  // principal can be reported as such; named outside accounts come out high or medium.
  severity: 'critical',
  needs: ['iam:ListRoles'],
  rationale:
    'A role that an outside account may assume gives that account whatever the role can do, from outside your audit and identity controls. Vendor control planes and support access need such roles; each one should be known, declared and narrow.',
  remediation:
    'Remove the outside principal from the trust policy, or declare the owner as a party in the boundary file and keep an sts:ExternalId condition and least-privilege permissions on the role.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  ],
  check({ inventory, owners, report }) {
    for (const role of inventory.roles) {
      if (!role.trust || !owners.isInside(role.account)) continue;
      const seen = new Set<string>();
      for (const p of namedPrincipals(role.trust.doc)) {
        if (p.effect !== 'Allow') continue;
        const anyone = p.type === '*' || (p.type === 'AWS' && p.value === '*');
        if (!anyone && (p.type !== 'AWS' || !p.account || owners.isInside(p.account))) continue;
        const who = anyone ? '*' : p.account!;
        if (seen.has(who)) continue;
        seen.add(who);
        const owner = anyone ? undefined : owners.of(who);
        const cond = p.hasConditions ? ' (with conditions, which the policy evaluator weighs)' : '';
        report({
          resource: { arn: role.arn, account: role.account },
          key: who,
          severity: anyone ? 'critical' : owner?.kind === 'party' ? 'medium' : 'high',
          message: anyone
            ? `Role ${role.name} trusts any AWS principal (${p.value})${cond}.`
            : `Role ${role.name} trusts account ${who} (${owner!.kind === 'party' ? `${owner!.name}, ${owner!.role}` : 'undeclared'}) through ${p.value}${p.sid ? ` in statement ${p.sid}` : ''}${cond}.`,
          evidence: [{ src: role.trust.src, docPointer: p.docPointer }],
        });
      }
    }
  },
});
