import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { BoundarySchema } from '../src/boundary/schema.js';
import { defineRule, type Rule } from '../src/rules/define.js';
import { fingerprint } from '../src/rules/engine.js';
import { readSnapshot } from '../src/snapshot/reader.js';
import { memorySource } from '../src/snapshot/source.js';
import { estate } from './support/estate.js';

/** A rule that reports every bucket: the engine's behaviour is what these cases test. */
const everyBucket = defineRule({
  id: 'every-bucket',
  title: 'every bucket',
  category: 'data-boundary',
  severity: 'medium',
  needs: ['s3:GetEncryptionConfiguration'],
  rationale: 'test',
  remediation: 'test',
  references: [],
  check({ inventory, report }) {
    for (const b of inventory.buckets) {
      report({
        resource: { arn: b.arn, account: b.account },
        message: `bucket ${b.name}`,
        evidence: [{ src: b.src }],
      });
    }
  },
});
const throws = defineRule({
  ...everyBucket,
  id: 'throws',
  check: () => {
    throw new Error('boom');
  },
});

const boundary = (extra: object = {}) =>
  BoundarySchema.parse({
    version: 1,
    name: 't',
    inside: { accounts: [{ id: '111111111111' }] },
    ...extra,
  });
const two = estate({ createdAt: '2026-11-20T00:00:00Z' }).bucket('alpha').bucket('beta');
const run = (rules: Rule[], b = boundary(), e = two) =>
  analyze(readSnapshot(e.source()), b, rules, 'all').report;

describe('rule engine', () => {
  it('a throwing rule becomes an error entry while the others run', () => {
    const r = run([throws, everyBucket]);
    expect(r.errors).toEqual([{ ruleId: 'throws', message: 'boom' }]);
    expect(r.findings.map((f) => f.resource.arn)).toEqual([
      'arn:aws:s3:::alpha',
      'arn:aws:s3:::beta',
    ]);
  });

  it.each([
    {
      name: 'severity override',
      extra: { rules: { severity: { 'every-bucket': 'low' } } },
      severity: 'low',
      statuses: ['open', 'open'],
    },
    {
      name: 'suppression with a reason',
      extra: {
        suppressions: [
          {
            rule: 'every-bucket',
            resource: 'arn:aws:s3:::alpha',
            reason: 'accepted risk, ticket SEC-12',
          },
        ],
      },
      severity: 'medium',
      statuses: ['suppressed', 'open'],
    },
    {
      name: 'suppression by glob',
      extra: {
        suppressions: [{ rule: 'every-*', resource: 'arn:aws:s3:::*', reason: 'lab estate' }],
      },
      severity: 'medium',
      statuses: ['suppressed', 'suppressed'],
    },
    {
      name: 'an expired suppression no longer applies',
      extra: {
        suppressions: [{ rule: 'every-bucket', reason: 'temporary', expires: '2026-01-01' }],
      },
      severity: 'medium',
      statuses: ['open', 'open'],
    },
    {
      name: 'a suppression that has not expired applies',
      extra: {
        suppressions: [{ rule: 'every-bucket', reason: 'temporary', expires: '2027-01-01' }],
      },
      severity: 'medium',
      statuses: ['suppressed', 'suppressed'],
    },
  ])('$name', ({ extra, severity, statuses }) => {
    const r = run([everyBucket], boundary(extra));
    expect(r.findings.map((f) => f.status)).toEqual(statuses);
    expect(r.findings[0]?.severity).toBe(severity);
    const sup = r.findings.find((f) => f.status === 'suppressed');
    if (sup) expect(sup.suppression?.reason.length).toBeGreaterThan(3);
  });

  it('reports stale suppressions as diagnostics', () => {
    const r = run(
      [everyBucket],
      boundary({
        suppressions: [
          { rule: 'nope', reason: 'old ticket' },
          { rule: 'every-bucket', reason: 'x expired', expires: '2025-01-01' },
        ],
      }),
    );
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual([
      'suppression-expired',
      'suppression-unused',
    ]);
  });

  it('a gap in what a rule needs is unknown, and replaces the open finding on that resource', () => {
    const e = estate().bucket('alpha').bucket('beta').gap({
      account: '111111111111',
      region: 'us-east-1',
      service: 's3',
      operation: 'get-bucket-encryption',
      param: 'beta',
      code: 'AccessDenied',
    });
    const r = run([everyBucket], boundary(), e);
    expect(r.findings.map((f) => [f.resource.arn, f.status])).toEqual([
      ['arn:aws:s3:::alpha', 'open'],
      ['arn:aws:s3:::beta', 'unknown'],
    ]);
    expect(r.findings[1]?.message).toMatch(
      /s3 get-bucket-encryption \(beta\) failed in 111111111111\/us-east-1 with AccessDenied/,
    );
    expect(r.findings[1]?.evidence[0]).toMatchObject({ file: 'manifest.json', pointer: '/gaps/0' });
  });

  it('fingerprints are stable and depend on rule, resource, key and path', () => {
    const a = fingerprint('r', 'arn:x');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('r', 'arn:x')).toBe(a);
    expect(
      new Set([
        a,
        fingerprint('r2', 'arn:x'),
        fingerprint('r', 'arn:y'),
        fingerprint('r', 'arn:x', 'k'),
        fingerprint('r', 'arn:x', '', ['n']),
      ]).size,
    ).toBe(5);
    expect(run([everyBucket]).findings[0]?.id).toBe(
      fingerprint('every-bucket', 'arn:aws:s3:::alpha'),
    );
  });
});

describe('rule engine: overrides and dates', () => {
  const partyAware = defineRule({
    ...everyBucket,
    id: 'party-aware',
    severity: 'high',
    check({ inventory, report }) {
      for (const b of inventory.buckets) {
        report({
          resource: { arn: b.arn },
          message: b.name,
          evidence: [{ src: b.src }],
          severity: 'low',
        });
      }
    },
  });
  it('a boundary severity override applies to every finding of the rule, even less severe ones', () => {
    expect(run([partyAware]).findings.map((f) => f.severity)).toEqual(['low', 'low']);
    const r = run([partyAware], boundary({ rules: { severity: { 'party-aware': 'critical' } } }));
    expect(r.findings.map((f) => f.severity)).toEqual(['critical', 'critical']);
  });

  it('an expiring suppression does not apply when the snapshot has no date', () => {
    const e = estate({ createdAt: '' }).bucket('alpha');
    const files = e.files();
    const manifest = files['manifest.json'] as Record<string, unknown>;
    delete manifest.createdAt;
    const snap = readSnapshot(memorySource(files));
    const r = analyze(
      snap,
      boundary({
        suppressions: [
          { rule: 'every-bucket', reason: 'until the migration', expires: '2099-01-01' },
        ],
      }),
      [everyBucket],
      'all',
    ).report;
    expect(r.findings.map((f) => f.status)).toEqual(['open']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['suppression-expired']);
  });
});
