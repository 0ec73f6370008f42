import { policyAnswers } from '../../src/policy/answers.js';
import { defineRule } from '../../src/rules/define.js';
import { GLOBAL_REGION } from '../../src/snapshot/contract.js';

export default defineRule({
  id: 'data-bucket-public',
  title: 'A data bucket is public',
  category: 'data-boundary',
  severity: 'critical',
  needs: ['s3:GetBucketPolicy', 's3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock'],
  rationale:
    "A bucket policy that grants anyone access without a fixed-value restriction (S3's own meaning of public) exposes the records to the internet unless Block Public Access (RestrictPublicBuckets, on the bucket or the account) stops it. Where S3's own policy status is in the snapshot, ownmap compares its answer and says when they differ.",
  remediation:
    'Turn on Block Public Access for the account and the bucket (all four settings), and remove the public statement from the bucket policy.',
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  ],
  check(ctx) {
    for (const a of policyAnswers(ctx).buckets) {
      const b = a.resource;
      const resource = {
        arn: b.arn,
        account: b.account,
        ...(b.region ? { region: b.region } : {}),
      };
      const account = ctx.inventory.accountPublicAccessBlock.get(b.account);
      const restricted =
        b.publicAccessBlock?.config.RestrictPublicBuckets === true ||
        account?.config.RestrictPublicBuckets === true;
      const statements = a.answer.outsideAccess
        .filter((g) => g.callerKind === 'anonymous')
        .flatMap((g) => g.statements);
      // Without the account-level block, RestrictPublicBuckets there may still stop the policy.
      const accountGap =
        !account && ctx.gapFor('s3:GetAccountPublicAccessBlock', b.account, GLOBAL_REGION);
      if (a.answer.public && !restricted && accountGap) {
        ctx.report({
          resource,
          status: 'unknown',
          message: `Data bucket ${b.name} has a public policy and RestrictPublicBuckets is off on the bucket, but the account-level Block Public Access of ${b.account} could not be read (${accountGap.code}), so whether the bucket is public is unknown.`,
          evidence: [
            ...statements.map((s) => ({ src: a.policy.src, docPointer: s.pointer })),
            ...(b.publicAccessBlock ? [{ src: b.publicAccessBlock.src }] : []),
          ],
        });
      } else if (a.answer.public && !restricted) {
        ctx.report({
          resource,
          message: `Data bucket ${b.name} is public: its policy lets anyone ${[...new Set(a.answer.outsideAccess.filter((g) => g.callerKind === 'anonymous').flatMap((g) => g.actions))].join(', ')}, and Block Public Access (RestrictPublicBuckets) is off for the bucket and the account.`,
          evidence: [
            ...statements.map((s) => ({ src: a.policy.src, docPointer: s.pointer })),
            ...(b.publicAccessBlock ? [{ src: b.publicAccessBlock.src }] : []),
            ...(account ? [{ src: account.src }] : []),
          ],
        });
      }
      const s3Says = b.policyStatus?.isPublic;
      if (b.policyStatus && s3Says !== undefined && s3Says !== a.answer.public) {
        ctx.report({
          resource,
          key: 'policy-status',
          severity: 'info',
          message: `S3's policy status says bucket ${b.name} is ${s3Says ? '' : 'not '}public; ownmap's reading of its policy says it is ${a.answer.public ? '' : 'not '}public.`,
          evidence: [{ src: b.policyStatus.src }, { src: a.policy.src }],
        });
      }
    }
  },
});
