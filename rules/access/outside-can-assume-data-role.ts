import { analyzePolicy, type Grant, type PolicyAnswer } from '../../src/policy/access.js';
import {
  describeGrant,
  grantSeverity,
  mergeByCaller,
  unreadable,
} from '../../src/policy/answers.js';
import { resolverFor } from '../../src/policy/resolver.js';
import { roleDataReach, type Touch } from '../../src/policy/role-reach.js';
import { defineRule } from '../../src/rules/define.js';

const ASSUME = new Set([
  'sts:AssumeRole',
  'sts:AssumeRoleWithWebIdentity',
  'sts:AssumeRoleWithSAML',
]);

export default defineRule({
  id: 'outside-can-assume-data-role',
  title: 'A party outside the boundary can assume a role that can touch data or keys',
  category: 'access',
  severity: 'critical',
  needs: ['iam:ListRoles', 'iam:GetAccountAuthorizationDetails'],
  rationale:
    'Support access, vendor control planes and CI pipelines reach into an account by assuming a role. What matters is what the role can then do: a role an outside party can assume that reads, writes or decrypts the boundary’s data is a path for records out of the boundary, whatever the bucket and key policies say about that party directly.',
  remediation:
    'Narrow the trust policy (a named role ARN, aws:PrincipalOrgID of your organization, a subject condition for web identity) or take data actions out of the role’s policies. When the access is intended, declare the owner as a party in the boundary file and suppress the finding with the reason and an expiry.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    'https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html',
  ],
  check(ctx) {
    const resolver = resolverFor(ctx.boundary, ctx.inventory);
    const answers = new Map<string, PolicyAnswer>();
    const roles = [...ctx.inventory.roles].sort((a, b) => (a.arn < b.arn ? -1 : 1));
    for (const role of roles) {
      if (!role.trust || !ctx.owners.isInside(role.account)) continue;
      // Estates repeat trust policies (service roles, SSO, a vendor's roles): a trust policy
      // names no Resource, so its answer depends only on the text and the account.
      const text = `${role.account}|${JSON.stringify(role.trust.doc)}`;
      let answer = answers.get(text);
      if (!answer) {
        answer = analyzePolicy({
          kind: 'role-trust',
          policy: role.trust.doc,
          resource: role.arn,
          resourceAccount: role.account,
          resolver,
        });
        answers.set(text, answer);
      }
      // Service principals assume a role for the account that passes it (iam:PassRole).
      // A service acting for any account assumes the role for the account that passes it
      // (iam:PassRole); a service pinned to an outside account acts for that account.
      const grants = mergeByCaller(
        answer.outsideAccess
          .filter((g) => !(g.callerKind === 'service' && !g.account))
          .map(assumeOnly)
          .filter((g) => g.actions.length > 0),
      );
      const unknown = answer.unknown.filter(
        (u) =>
          !(u.caller.startsWith('service ') && !u.caller.includes(' acting for ')) &&
          u.actions.some((a) => ASSUME.has(a)),
      );
      for (const p of unreadable(answer))
        ctx.report({
          resource: { arn: role.arn, account: role.account },
          key: `unreadable:${p}`,
          status: 'unknown',
          message: `Role ${role.name}: part of its trust policy could not be read (${p}), so who can assume it is unknown.`,
          evidence: [{ src: role.trust.src }],
        });
      if (!grants.length && !unknown.length) continue;
      const reach = roleDataReach(role, ctx, resolver);
      const gap = reach.known
        ? undefined
        : ctx.gapFor('iam:GetAccountAuthorizationDetails', role.account, 'us-east-1');
      const can = summarise(reach.touches);
      const certain = reach.touches.some((t) => !t.doubt);
      const trustSrc = role.trust.src;
      const resource = { arn: role.arn, account: role.account };
      for (const g of grants) {
        const who = describeGrant(g);
        const base = `Role ${role.name}: ${who}`;
        const evidence = [
          ...g.statements.map((s) => ({ src: trustSrc, docPointer: s.pointer })),
          ...reach.touches.flatMap((t) =>
            t.evidence.map((e) => ({
              src: { file: e.file, pointer: e.pointer },
              ...(e.docPointer ? { docPointer: e.docPointer } : {}),
            })),
          ),
        ];
        if (!reach.known) {
          ctx.report({
            resource,
            key: g.caller,
            severity: grantSeverity(g),
            message: `${base}. What the role can do is not in the snapshot (${gap ? `iam get-account-authorization-details failed: ${gap.code}` : 'no iam-get-account-authorization-details file'}), so it is taken as able to touch data.`,
            evidence,
          });
        } else if (reach.touches.length) {
          ctx.report({
            resource,
            key: g.caller,
            severity: grantSeverity(g),
            message: `${base}; the role ${certain ? 'can' : 'may'} ${can}.`,
            evidence,
          });
        } else {
          ctx.report({
            resource,
            key: g.caller,
            severity: 'low',
            message: `${base}; by its policies the role cannot read, write or decrypt the boundary’s data.`,
            evidence,
          });
        }
      }
      for (const u of unknown) {
        ctx.report({
          resource,
          key: `unknown:${u.caller}:${u.reason}`,
          status: 'unknown',
          message: `Role ${role.name}: whether ${u.caller} can assume it is unknown: ${u.reason}.${reach.touches.length ? ` The role can ${can}.` : ''}`,
          evidence: u.statements.map((s) => ({ src: trustSrc, docPointer: s.pointer })),
        });
      }
    }
  },
});

function assumeOnly(g: Grant): Grant {
  return { ...g, actions: g.actions.filter((a) => ASSUME.has(a)) };
}

/** "read bucket a, b; write bucket a; decrypt key alias/x (possibly: reason)". */
function summarise(touches: Touch[]): string {
  const parts: string[] = [];
  for (const verb of ['read', 'write', 'decrypt'] as const) {
    const mine = touches.filter((t) => t.verb === verb);
    if (!mine.length) continue;
    const items = mine.map((t) => `${t.kind} ${t.what}${t.doubt ? ` (possibly: ${t.doubt})` : ''}`);
    parts.push(`${verb} ${items.join(', ')}`);
  }
  return parts.join('; ');
}
