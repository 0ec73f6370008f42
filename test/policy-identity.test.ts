import { describe, expect, it } from 'vitest';
import { type RolePermissions, roleAllows } from '../src/policy/identity.js';

const ACCOUNT = '111111111111';
const OBJECT = 'arn:aws:s3:::acme-kafka-tier-euw1/segment-000001.log';
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
const deny = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});
const role = (
  policies: RolePermissions['policies'],
  boundary?: RolePermissions['boundary'],
): RolePermissions => ({
  arn: `arn:aws:iam::${ACCOUNT}:role/support`,
  account: ACCOUNT,
  policies,
  ...(boundary ? { boundary } : {}),
});
const p = (name: string, ...statements: object[]) => ({ name, doc: doc(...statements) });

// IAM User Guide, "Policy evaluation logic" (identity-based policies and permissions
// boundaries): an explicit Deny wins; an Allow is needed; a boundary must allow as well.
const CASES: { name: string; role: RolePermissions; action?: string; expect: string }[] = [
  { name: 'no policy: implicit deny', role: role([]), expect: 'deny' },
  { name: 's3:* on *', role: role([p('full', allow('s3:*'))]), expect: 'allow' },
  { name: 'action wildcard s3:Get*', role: role([p('read', allow('s3:Get*'))]), expect: 'allow' },
  {
    name: 'mixed-case action name',
    role: role([p('read', allow('S3:getobject'))]),
    expect: 'allow',
  },
  {
    name: 'another bucket only',
    role: role([p('other', allow('s3:GetObject', 'arn:aws:s3:::other-bucket/*'))]),
    expect: 'deny',
  },
  {
    name: 'NotAction iam:* allows S3',
    role: role([p('poweruser', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })]),
    expect: 'allow',
  },
  {
    name: 'a Deny in another attached policy wins',
    role: role([p('full', allow('*')), p('no-data', deny('s3:GetObject'))]),
    expect: 'deny',
  },
  {
    name: 'a permissions boundary without S3 removes the Allow',
    role: role([p('full', allow('*'))], p('fence', allow('support:*'))),
    expect: 'deny',
  },
  {
    name: 'a permissions boundary that allows S3 keeps it',
    role: role([p('read', allow('s3:GetObject'))], p('fence', allow('s3:*'))),
    expect: 'allow',
  },
  {
    name: 'the boundary alone grants nothing',
    role: role([], p('fence', allow('*'))),
    expect: 'deny',
  },
  {
    name: 'an attached policy the snapshot lacks: unknown',
    role: role([{ name: 'arn:aws:iam::111111111111:policy/gone', doc: undefined }]),
    expect: 'unknown',
  },
  {
    name: 'an attached policy lacking, but a known Deny: deny',
    role: role([{ name: 'gone', doc: undefined }, p('no-data', deny('s3:*'))]),
    expect: 'deny',
  },
  {
    name: 'a condition on an object tag: unknown',
    role: role([
      p(
        'tagged',
        allow('s3:GetObject', '*', {
          Condition: { StringEquals: { 's3:ExistingObjectTag/share': 'yes' } },
        }),
      ),
    ]),
    expect: 'unknown',
  },
  {
    name: 'an undecidable Deny beside a certain Allow: unknown',
    role: role([
      p('read', allow('s3:GetObject')),
      p('fence', deny('s3:*', '*', { Condition: { StringEquals: { 'aws:RequestTag/x': 'y' } } })),
    ]),
    expect: 'unknown',
  },
  {
    name: 's3:ResourceAccount of the bucket account: allow',
    role: role([
      p(
        'own',
        allow('s3:GetObject', '*', {
          Condition: { StringEquals: { 's3:ResourceAccount': ACCOUNT } },
        }),
      ),
    ]),
    expect: 'allow',
  },
  {
    name: 's3:ResourceAccount of another account: deny',
    role: role([
      p(
        'other',
        allow('s3:GetObject', '*', {
          Condition: { StringEquals: { 's3:ResourceAccount': '222222222222' } },
        }),
      ),
    ]),
    expect: 'deny',
  },
  {
    name: 'aws:PrincipalArn of the role itself: allow',
    role: role([
      p(
        'self',
        allow('s3:GetObject', '*', {
          Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/support' } },
        }),
      ),
    ]),
    expect: 'allow',
  },
  {
    name: 'a statement with a Principal is not an identity statement',
    role: role([p('odd', { ...allow('s3:*'), Principal: '*' })]),
    expect: 'deny',
  },
  {
    name: 'a policy that is not JSON: unknown',
    role: role([{ name: 'broken', doc: '{not json' }]),
    expect: 'unknown',
  },
];

describe('roleAllows (identity policies, permissions boundary)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const d = roleAllows(c.role, c.action ?? 's3:GetObject', OBJECT, ACCOUNT);
    expect(d.kind).toBe(c.expect);
  });
  it('names the granting policy and statement', () => {
    const d = roleAllows(
      role([p('read', { Sid: 'Read', ...allow('s3:GetObject') })]),
      's3:GetObject',
      OBJECT,
      ACCOUNT,
    );
    expect(d).toMatchObject({
      kind: 'allow',
      by: [{ policy: 'read', statement: { sid: 'Read', pointer: '/Statement/0' } }],
    });
  });
});
