import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundary } from '../src/boundary/load.js';
import { Owners } from '../src/boundary/owners.js';
import { InputError } from '../src/errors.js';
import { buildInventory } from '../src/inventory/build.js';
import { readSnapshot } from '../src/snapshot/reader.js';
import { memorySource } from '../src/snapshot/source.js';

const base = `version: 1
name: acme
inside:
  organizations: [o-a1b2c3d4e5]
  accounts:
    - id: "111111111111"
      name: prod
`;

describe('boundary file', () => {
  it('parses a minimal file with defaults', () => {
    const b = parseBoundary(base, 'b.yaml');
    expect(b.inside.accounts[0]).toEqual({ id: '111111111111', name: 'prod' });
    expect(b.parties).toEqual([]);
    expect(b.data).toEqual({ buckets: [], keys: [], requirePrivateAccess: false });
    expect(b.rules).toEqual({ disable: [], severity: {} });
  });

  it('accepts unquoted account ids, keeping leading zeros', () => {
    const b = parseBoundary(
      `${base}parties:\n  - name: V\n    role: vendor\n    accounts: [012345678901]\n`,
      'b.yaml',
    );
    expect(b.parties[0]?.accounts).toEqual(['012345678901']);
  });

  it.each([
    {
      name: 'an unknown field',
      text: `${base}approvedRegion: [eu-west-1]\n`,
      want: "b.yaml:1: (top level): unexpected field 'approvedRegion'",
    },
    {
      name: 'a bad account id',
      text: base.replace('"111111111111"', '"1111"'),
      want: 'b.yaml:6: inside.accounts.0.id: expected a 12-digit AWS account id',
    },
    {
      name: 'a bad party role',
      text: `${base}parties:\n  - name: V\n    role: reseller\n`,
      want: 'b.yaml:10: parties.0.role: expected one of "vendor", "support", "partner"',
    },
    {
      name: 'a missing name',
      text: base.replace('name: acme\n', ''),
      want: 'b.yaml:1: name: expected string (missing)',
    },
    {
      name: 'a region typo',
      text: `${base}approvedRegions: [eu-west]\n`,
      want: 'b.yaml:8: approvedRegions.0: expected an AWS region such as eu-west-1',
    },
    {
      name: 'a suppression without a reason',
      text: `${base}suppressions:\n  - rule: x\n    reason: ""\n`,
      want: 'b.yaml:10: suppressions.0.reason: a suppression needs a reason',
    },
    {
      name: 'broken YAML',
      text: 'version: 1\nname: [unclosed\n',
      want: /^b\.yaml:\d+: expected valid YAML/,
    },
  ])('reports $name with the line and field', ({ text, want }) => {
    const run = () => parseBoundary(text, 'b.yaml');
    expect(run).toThrow(InputError);
    if (typeof want === 'string') {
      try {
        run();
      } catch (e) {
        expect((e as Error).message).toBe(want);
      }
    } else expect(run).toThrow(want);
  });
});

describe('owners', () => {
  const org = {
    '999999999999/us-east-1/organizations-describe-organization.json': {
      Organization: {
        Id: 'o-a1b2c3d4e5',
        Arn: 'arn:aws:organizations::999999999999:organization/o-a1b2c3d4e5',
        MasterAccountId: '999999999999',
        FeatureSet: 'ALL',
      },
    },
    '999999999999/us-east-1/organizations-list-accounts.json': {
      Accounts: [
        {
          Id: '999999999999',
          Arn: 'arn:aws:organizations::999999999999:account/o-a1b2c3d4e5/999999999999',
          Name: 'management',
          Status: 'ACTIVE',
        },
        {
          Id: '333333333333',
          Arn: 'arn:aws:organizations::999999999999:account/o-a1b2c3d4e5/333333333333',
          Name: 'logs',
          Status: 'ACTIVE',
        },
        {
          Id: '444444444444',
          Arn: 'arn:aws:organizations::999999999999:account/o-a1b2c3d4e5/444444444444',
          Name: 'old',
          Status: 'SUSPENDED',
        },
      ],
    },
  };
  const boundary = parseBoundary(
    `${base}parties:\n  - name: Vendor\n    role: vendor\n    accounts: ["555555555555"]\n`,
    'b.yaml',
  );
  const owners = new Owners(boundary, buildInventory(readSnapshot(memorySource(org))));
  it.each([
    { account: '111111111111', kind: 'inside', basis: 'boundary inside.accounts' },
    { account: '333333333333', kind: 'inside', basis: 'member of organization o-a1b2c3d4e5' },
    { account: '999999999999', kind: 'inside', basis: 'member of organization o-a1b2c3d4e5' },
    { account: '444444444444', kind: 'undeclared', basis: 'not inside and not a declared party' },
    { account: '555555555555', kind: 'party', basis: 'boundary party Vendor' },
    { account: '777777777777', kind: 'undeclared', basis: 'not inside and not a declared party' },
  ])('$account is $kind', ({ account, kind, basis }) => {
    expect(owners.of(account).kind).toBe(kind);
    expect(owners.of(account).basis).toBe(basis);
  });
});

describe('the commented example boundary file', () => {
  it('is valid', () => {
    const b = parseBoundary(
      readFileSync('docs/boundary.example.yaml', 'utf8'),
      'docs/boundary.example.yaml',
    );
    expect(b.suppressions[0]?.expires).toBe('2027-06-30');
    expect(b.parties.map((p) => p.role)).toEqual(['vendor', 'support']);
  });
});
