/**
 * The shape of one row of the policy table, the groups the rows sit in, and the small
 * vocabulary the groups share. Every expected answer in the table comes from the AWS
 * documentation page its group cites; the boundary is the one in test/support/policy.ts
 * (111111111111 inside, in o-inside1234; 222222222222 the declared vendor; 333333333333
 * undeclared; vpce-inside/vpc-inside owned inside, vpce-vendor/vpc-vendor by the vendor).
 */
import type { PolicyKind } from '../../src/policy/access.js';
import { BUCKET, INSIDE, STRANGER, VENDOR } from '../support/policy.js';

export interface Case {
  name: string;
  kind?: PolicyKind;
  resource?: string;
  policy: unknown;
  /** Callers (by the start of their label) that get outside access: exactly these. */
  outside: string[];
  /** S3's "public" (Block Public Access policy status). */
  public?: boolean;
  /** At least one unknown answer or problem (true), or none at all (false). */
  unknown?: boolean;
  /** Callers (by the start of their label) with an undecided (unknown) answer: exactly these. */
  undecided?: string[];
  /**
   * For a caller (by the start of its label): exactly the actions it gets, of those the
   * evaluator asks about for the kind of policy (the documented list may name more).
   */
  actions?: Record<string, string[]>;
}

/** A case whose documented answer the evaluator does not give yet: kept out of the run. */
export interface Disagreement extends Case {
  /** The documentation that gives the expected answer, and what the evaluator returns. */
  why: string;
}

export interface Group {
  /** The AWS documentation section the group exercises. */
  section: string;
  /** The page it cites. */
  doc: string;
  cases: Case[];
}

// ---------------------------------------------------------------------------
// Callers, by the start of the evaluator's labels

export const ANONYMOUS = 'anonymous';
export const ANY_ACCOUNT = 'any other AWS account';
export const VENDOR_ACCOUNT = `account ${VENDOR}`;
export const STRANGER_ACCOUNT = `account ${STRANGER}`;
/** Principal "*" without a restriction: anyone, any account, and the declared vendor. */
export const EVERYONE = [ANONYMOUS, ANY_ACCOUNT, VENDOR_ACCOUNT];
export const service = (name: string) => `service ${name}`;
export const federated = (provider: string) => `federated identities of ${provider}`;

// ---------------------------------------------------------------------------
// Resources and principals

export const OBJECTS = `${BUCKET}/*`;
export const BUCKET_AND_OBJECTS = [BUCKET, OBJECTS];
export const ROLE = `arn:aws:iam::${INSIDE}:role/support-access`;
export const CLUSTER = `arn:aws:kafka:eu-west-1:${INSIDE}:cluster/orders/abcd1234-ab12-cd34-ef56-abcdef123456-2`;
export const root = (account: string) => `arn:aws:iam::${account}:root`;
export const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

/** The S3 actions the evaluator asks a bucket policy about. */
export const S3_OBJECT_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:PutObject',
  's3:DeleteObject',
  's3:DeleteObjectVersion',
];
export const S3_BUCKET_ACTIONS = [
  's3:ListBucket',
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutBucketAcl',
  's3:PutEncryptionConfiguration',
  's3:PutReplicationConfiguration',
  's3:DeleteBucket',
];
export const S3_ALL = [...S3_OBJECT_ACTIONS, ...S3_BUCKET_ACTIONS];

// ---------------------------------------------------------------------------
// Policy builders (the exact AWS JSON shapes)

export const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

/** Allow anyone to read objects: the plainest public grant. */
export const allowAll = (extra: object = {}) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: OBJECTS,
  ...extra,
});

/** Allow one principal (an account id or ARN) some actions on the bucket's objects. */
export const allowTo = (aws: string | string[], Action: string | string[], extra: object = {}) => ({
  Effect: 'Allow',
  Principal: { AWS: aws },
  Action,
  Resource: OBJECTS,
  ...extra,
});

/** The documented perimeter shape: Deny every S3 action on the bucket unless the condition holds. */
export const denyAllUnless = (Condition: object, extra: object = {}) => ({
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: BUCKET_AND_OBJECTS,
  Condition,
  ...extra,
});
