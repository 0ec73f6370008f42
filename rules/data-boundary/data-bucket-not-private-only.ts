import { privateAccess } from '../../src/policy/access.js';
import { grantsFor, policyAnswers } from '../../src/policy/answers.js';
import { resolverFor } from '../../src/policy/resolver.js';
import { defineRule } from '../../src/rules/define.js';
import { GLOBAL_REGION } from '../../src/snapshot/contract.js';

const OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject'];

export default defineRule({
  id: 'data-bucket-not-private-only',
  title: 'A data bucket can be reached other than through a private endpoint the boundary owns',
  category: 'data-boundary',
  severity: 'high',
  needs: ['s3:GetBucketPolicy'],
  rationale:
    'When the boundary asks for private access, records must reach their buckets only through VPC endpoints the boundary owns. IAM permissions travel with credentials: without a bucket-policy Deny that holds requests to your endpoints, a leaked broker credential reads and writes the bucket from anywhere, and an endpoint in a vendor VPC is a path you do not control.',
  remediation:
    'Add the documented Deny to the bucket policy: Effect Deny, Principal *, Action s3:*, Resource the bucket and its objects, Condition StringNotEquals aws:SourceVpce with the ids of your own endpoints (or aws:SourceVpc with your VPCs). Both StringNotEquals and StringNotEqualsIfExists deny requests that come from outside any VPC; an Allow held to the endpoint does not, since IAM permissions still reach the bucket.',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcevpce',
  ],
  check(ctx) {
    if (!ctx.boundary.data.requirePrivateAccess) return;
    const resolver = resolverFor(ctx.boundary, ctx.inventory);
    for (const [name] of [...ctx.data.buckets].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const b = ctx.lookup.bucketByName.get(name);
      if (!b) continue;
      const resource = {
        arn: b.arn,
        account: b.account,
        ...(b.region ? { region: b.region } : {}),
      };
      if (!b.policy) {
        // A missing policy file is "no policy" unless the call failed (the engine reports that).
        if (ctx.gapFor('s3:GetBucketPolicy', b.account, GLOBAL_REGION, name)) continue;
        ctx.report({
          resource,
          message: `Data bucket ${name} has no bucket policy, so nothing holds requests to a private endpoint: any principal with IAM permission reaches it over any network path.`,
          evidence: [{ src: b.src }],
        });
        continue;
      }
      const answer = privateAccess({
        kind: 's3-bucket',
        policy: b.policy.doc,
        resource: b.arn,
        resourceAccount: b.account,
        resolver,
      });
      if (answer.problems.length) {
        // A Deny that could not be read may close every path, or none.
        ctx.report({
          resource,
          key: 'unreadable',
          status: 'unknown',
          message: `Data bucket ${name}: part of its policy could not be read (${answer.problems.join('; ')}), so whether it holds requests to private endpoints is unknown.`,
          evidence: [{ src: b.policy.src }],
        });
        continue;
      }
      const outside = answer.open.filter((p) => p.kind === 'outside');
      // Outside accounts the policy lets in come over their own paths, never the boundary's
      // endpoints: each such grant is a path too.
      const answered = policyAnswers(ctx).buckets.find((x) => x.arn === b.arn);
      const foreign = answered ? grantsFor(answered.answer, OBJECT_ACTIONS).grants : [];
      if (outside.length || foreign.length) {
        const anyPath =
          outside.some((p) => !p.account || ctx.owners.of(p.account).kind !== 'party') ||
          foreign.some((g) => g.owner === 'undeclared');
        const statements = outside[0]?.statements ?? [];
        const paths = [
          ...outside.map((p) => p.via),
          ...foreign.map((g) => `${g.caller}: ${g.via}`),
        ];
        const why = outside.length
          ? statements.length
            ? ` No Deny of the policy (${statements.map((s) => s.sid ?? `statement ${s.index}`).join(', ')}) stops these paths.`
            : ' The policy has no Deny statement.'
          : '';
        ctx.report({
          resource,
          severity: anyPath ? 'high' : 'medium',
          message: `Data bucket ${name} can be reached other than through a private endpoint the boundary owns: via ${paths.join('; ')}.${why}`,
          evidence: [
            ...statements.map((s) => ({ src: b.policy!.src, docPointer: s.pointer })),
            ...foreign.flatMap((g) =>
              g.statements.map((s) => ({ src: b.policy!.src, docPointer: s.pointer })),
            ),
            ...(statements.length || foreign.length ? [] : [{ src: b.policy.src }]),
          ],
        });
      }
      for (const u of answer.unknown) {
        ctx.report({
          resource,
          key: `unknown:${u.via}`,
          status: 'unknown',
          message: `Data bucket ${name}: whether it can be reached via ${u.via} is unknown: ${u.reason}.`,
          evidence: u.statements.length
            ? u.statements.map((s) => ({ src: b.policy!.src, docPointer: s.pointer }))
            : [{ src: b.policy.src }],
        });
      }
    }
  },
});
