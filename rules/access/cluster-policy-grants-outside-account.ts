import { analyzePolicy } from '../../src/policy/access.js';
import {
  describeGrant,
  grantSeverity,
  mergeByCaller,
  unreadable,
} from '../../src/policy/answers.js';
import { resolverFor } from '../../src/policy/resolver.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'cluster-policy-grants-outside-account',
  title: 'An MSK cluster policy grants an account outside the boundary',
  category: 'access',
  severity: 'critical',
  needs: ['kafka:GetClusterPolicy'],
  rationale:
    'An MSK cluster policy is how another account gets a private connection to the brokers (multi-VPC connectivity), their bootstrap addresses, and, with IAM access control, topics and groups. Each account it names outside the boundary is a path into the cluster that your network and identity controls do not see.',
  remediation:
    'Remove the outside account from the cluster policy, or declare its owner as a party in the boundary file. Keep kafka-cluster data actions to the topics the party needs, and pin the principal (a role ARN, not the account root).',
  references: [
    'https://docs.aws.amazon.com/msk/latest/developerguide/mvpc-cluster-owner-action-policy.html',
    'https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control.html',
  ],
  check(ctx) {
    const resolver = resolverFor(ctx.boundary, ctx.inventory);
    for (const c of ctx.inventory.mskClusters) {
      if (!c.policy || !ctx.owners.isInside(c.account)) continue;
      const answer = analyzePolicy({
        kind: 'msk-cluster',
        policy: c.policy.doc,
        resource: c.arn,
        resourceAccount: c.account,
        resolver,
      });
      const resource = { arn: c.arn, account: c.account, region: c.region };
      for (const g of mergeByCaller(answer.outsideAccess)) {
        const connects = !g.actions.includes('kafka:CreateVpcConnection')
          ? ''
          : g.callerKind === 'service'
            ? g.account
              ? `: the service can connect to the brokers for account ${g.account}`
              : ': the service can connect to the brokers for any account (no aws:SourceAccount or aws:SourceArn condition)'
            : ': it can open a private connection to the brokers from its own VPC';
        ctx.report({
          resource,
          key: g.caller,
          severity: grantSeverity(g),
          message: `MSK cluster ${c.name}: ${describeGrant(g)}${connects}.`,
          evidence: g.statements.map((s) => ({ src: c.policy!.src, docPointer: s.pointer })),
        });
      }
      for (const p of unreadable(answer)) {
        ctx.report({
          resource: resource,
          key: `unreadable:${p}`,
          status: 'unknown',
          message: `${`MSK cluster ${c.name}`}: part of the policy could not be read (${p}), so what it lets through is unknown.`,
          evidence: [{ src: c.policy.src }],
        });
      }
      for (const u of answer.unknown) {
        ctx.report({
          resource,
          key: `unknown:${u.caller}:${u.reason}`,
          status: 'unknown',
          message: `MSK cluster ${c.name}: whether ${u.caller} can ${u.actions.join(', ')} is unknown: ${u.reason}.`,
          evidence: u.statements.map((s) => ({ src: c.policy!.src, docPointer: s.pointer })),
        });
      }
    }
  },
});
