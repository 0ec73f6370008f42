import { analyzePolicy, type Grant, type PolicyAnswer } from '../../src/policy/access.js';
import { unreadable } from '../../src/policy/answers.js';
import { resolverFor } from '../../src/policy/resolver.js';
import { defineRule } from '../../src/rules/define.js';

const S3_SERVICE = /^(cn\.)?com\.amazonaws\.[a-z0-9-]+\.s3$/;
const GONE = new Set(['deleted', 'deleting', 'failed', 'rejected', 'expired']);
const WRITES = new Set(['s3:PutObject']);

export default defineRule({
  id: 'endpoint-allows-outside-buckets',
  title: 'An S3 endpoint policy lets traffic reach buckets outside the boundary',
  category: 'access',
  severity: 'high',
  needs: ['ec2:DescribeVpcEndpoints'],
  rationale:
    'A VPC endpoint for S3 is the private path from brokers to their buckets, and also the path by which records leave: with the default full-access policy, anyone holding credentials inside the VPC can copy data to a bucket in an account of their own. The endpoint policy is the place to keep traffic to the buckets of the boundary (aws:ResourceOrgID, s3:ResourceAccount, named buckets) and to principals of the boundary (aws:PrincipalOrgID).',
  remediation:
    'Replace the endpoint policy with one that allows only the buckets of your organization (StringEquals aws:ResourceOrgID or s3:ResourceAccount) and, ideally, only your principals (aws:PrincipalOrgID). Name a declared party in the boundary file when a bucket of theirs is an intended destination.',
  references: [
    'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceorgid',
  ],
  check(ctx) {
    const resolver = resolverFor(ctx.boundary, ctx.inventory);
    const answers = new Map<string, PolicyAnswer>();
    for (const e of ctx.inventory.vpcEndpoints) {
      const owner = e.raw.OwnerId ?? e.account;
      if (!S3_SERVICE.test(e.raw.ServiceName ?? '') || !ctx.owners.isInside(owner)) continue;
      if (GONE.has((e.raw.State ?? '').toLowerCase())) continue;
      const arn = `arn:aws:ec2:${e.region}:${owner}:vpc-endpoint/${e.id}`;
      const resource = { arn, account: owner, region: e.region };
      const where = `VPC endpoint ${e.id} (${e.raw.VpcEndpointType ?? 'S3'}, ${e.raw.VpcId ?? 'VPC unknown'})`;
      const policySrc = { file: e.src.file, pointer: `${e.src.pointer}/PolicyDocument` };
      if (e.raw.PolicyDocument === undefined) {
        ctx.report({
          resource,
          status: 'unknown',
          message: `${where}: the listing holds no PolicyDocument, so what the endpoint lets through is unknown.`,
          evidence: [{ src: e.src }],
        });
        continue;
      }
      // Most endpoints keep one of a few policies; unless it tests the endpoint or VPC, its
      // answer depends only on the text and the owner.
      const local = /aws:sourcevpc/i.test(e.raw.PolicyDocument);
      const memoKey = `${owner}|${local ? e.id : ''}|${e.raw.PolicyDocument}`;
      let answer = answers.get(memoKey);
      if (!answer) {
        answer = analyzePolicy({
          kind: 'vpc-endpoint',
          policy: e.raw.PolicyDocument,
          resource: arn,
          resourceAccount: owner,
          resolver,
        });
        answers.set(memoKey, answer);
      }
      // One finding per destination: who can reach it and how.
      const byTarget = new Map<string, Grant[]>();
      for (const g of answer.outsideAccess) {
        const t = g.target ?? 'a bucket outside the boundary';
        byTarget.set(t, [...(byTarget.get(t) ?? []), g]);
      }
      for (const [target, grants] of [...byTarget].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const actions = [...new Set(grants.flatMap((g) => g.actions))].sort();
        const writes = actions.some((a) => WRITES.has(a));
        const party = grants.every((g) => g.targetOwner && g.targetOwner !== 'undeclared');
        const callers = [...new Set(grants.map((g) => g.caller))];
        const statements = uniqueStatements(grants);
        const conditions = [...new Set(grants.flatMap((g) => g.conditions))];
        ctx.report({
          resource,
          key: target,
          severity: writes ? (party ? 'medium' : 'high') : 'low',
          message: `${where} lets ${callers.join(' and ')} ${actions.join(', ')} on ${target} (${statements.map((s) => (s.sid ? `statement ${s.sid}` : `statement ${s.index}`)).join(', ')}${conditions.length ? `, when ${conditions.join(' and ')}` : ''})${writes ? ': records can leave the boundary through it' : ''}.`,
          evidence: statements.map((s) => ({ src: policySrc, docPointer: s.pointer })),
        });
      }
      for (const p of unreadable(answer)) {
        ctx.report({
          resource: resource,
          key: `unreadable:${p}`,
          status: 'unknown',
          message: `${where}: part of the policy could not be read (${p}), so what it lets through is unknown.`,
          evidence: [{ src: policySrc }],
        });
      }
      for (const u of answer.unknown) {
        ctx.report({
          resource,
          key: `unknown:${u.caller}:${u.reason}`,
          status: 'unknown',
          message: `${where}: whether ${u.caller} can ${u.actions.join(', ')} through it is unknown: ${u.reason}.`,
          evidence: u.statements.map((s) => ({ src: policySrc, docPointer: s.pointer })),
        });
      }
    }
  },
});

function uniqueStatements(grants: Grant[]): Grant['statements'] {
  const seen = new Map<number, Grant['statements'][number]>();
  for (const g of grants) for (const s of g.statements) seen.set(s.index, s);
  return [...seen.values()].sort((a, b) => a.index - b.index);
}
