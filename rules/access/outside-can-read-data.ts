import { reportOutsideAccess } from '../../src/policy/answers.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'outside-can-read-data',
  title: 'A principal outside the boundary can read records',
  category: 'access',
  severity: 'critical',
  needs: ['s3:GetBucketPolicy', 'kafka:GetClusterPolicy'],
  rationale:
    'A bucket policy or cluster policy that lets an outside account, any account or anyone read objects or topics hands the records to whoever that is. Deny statements, endpoint and organization conditions are weighed: only access that really gets through is reported.',
  remediation:
    'Remove the outside principal from the Allow, or add a Deny that keeps reads to the boundary (aws:PrincipalOrgID of your organization, aws:SourceVpce of an endpoint you own). Declare the owner as a party if the access is intended, and suppress the finding with the reason.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html',
  ],
  check(ctx) {
    reportOutsideAccess(ctx, {
      actions: [
        's3:GetObject',
        's3:GetObjectVersion',
        's3:ListBucket',
        'kafka-cluster:ReadData',
        'kafka-cluster:Connect',
        'kafka-cluster:DescribeTopic',
      ],
      verb: 'read its records',
      of: ['buckets', 'clusters'],
    });
  },
});
