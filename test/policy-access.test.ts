/**
 * The policy case table: realistic resource policies, grouped by the AWS documentation
 * section each group exercises (the groups live in test/policy-table/, each citing its page),
 * with the answer that documentation gives: who outside the boundary gets which access,
 * whether S3 would call it public, and what stays undecided. Cases the evaluator does not
 * answer as documented yet sit in OPEN_QUESTIONS of test/policy-table/pitfalls.ts, not run.
 */
import { describe, expect, it } from 'vitest';
import { actionsFor, analyzePolicy } from '../src/policy/access.js';
import type { Case, Group } from './policy-table/case.js';
import {
  caseOfKeys,
  conditionOperators,
  ifExistsAndNull,
  policyVariables,
  setOperators,
} from './policy-table/conditions.js';
import {
  actionElement,
  evaluationLogic,
  notAction,
  notPrincipal,
  principalElement,
  resourceElement,
} from './policy-table/evaluation.js';
import { dataPerimeter, s3VpcEndpoint, secureTransport, sourceIp } from './policy-table/network.js';
import { pitfalls } from './policy-table/pitfalls.js';
import { malformed, unknownKeys } from './policy-table/robustness.js';
import {
  kmsKeyPolicies,
  mskClusterPolicies,
  roleTrust,
  servicePrincipals,
} from './policy-table/services.js';
import { BUCKET, INSIDE, resolver } from './support/policy.js';

const GROUPS: Group[] = [
  evaluationLogic,
  principalElement,
  notPrincipal,
  notAction,
  resourceElement,
  actionElement,
  conditionOperators,
  ifExistsAndNull,
  setOperators,
  caseOfKeys,
  policyVariables,
  s3VpcEndpoint,
  dataPerimeter,
  secureTransport,
  sourceIp,
  kmsKeyPolicies,
  mskClusterPolicies,
  roleTrust,
  servicePrincipals,
  unknownKeys,
  malformed,
  pitfalls,
];

const run = (c: Case) =>
  analyzePolicy({
    kind: c.kind ?? 's3-bucket',
    policy: c.policy,
    resource: c.resource ?? BUCKET,
    resourceAccount: INSIDE,
    resolver,
  });

/** The labels in `labels` that start with `who`. */
const matching = (labels: string[], who: string) => labels.filter((l) => l.startsWith(who));

/** Every expected caller is there, and nothing else. */
function expectExactly(labels: string[], expected: string[], what: string) {
  const seen = [...new Set(labels)];
  for (const who of expected)
    expect(
      matching(seen, who).length,
      `${what}: ${who} in ${JSON.stringify(seen)}`,
    ).toBeGreaterThan(0);
  const extra = seen.filter((l) => !expected.some((who) => l.startsWith(who)));
  expect(extra, `${what}: unexpected`).toEqual([]);
}

describe('the table', () => {
  it('holds at least 150 policies, each group citing an AWS documentation page', () => {
    const total = GROUPS.reduce((n, g) => n + g.cases.length, 0);
    expect(total).toBeGreaterThanOrEqual(150);
    for (const g of GROUPS) expect(g.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });
  it('has unique case names within each group', () => {
    for (const g of GROUPS) expect(new Set(g.cases.map((c) => c.name)).size).toBe(g.cases.length);
  });
});

describe.each(GROUPS.map((g) => [g.section, g] as const))('%s', (_section, group) => {
  it.each(group.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const a = run(c);
    expectExactly(
      a.outsideAccess.map((g) => g.caller),
      c.outside,
      'outside access',
    );
    if (c.public !== undefined) expect(a.public, 'public').toBe(c.public);
    if (c.unknown !== undefined)
      expect(a.unknown.length > 0 || a.problems.length > 0, 'unknown or problems').toBe(c.unknown);
    if (c.undecided !== undefined)
      expectExactly(
        a.unknown.map((u) => u.caller),
        c.undecided,
        'undecided',
      );
    // The documented actions, of those the evaluator asks about for this kind of policy.
    const asked = new Set(
      actionsFor(c.kind ?? 's3-bucket', c.resource ?? BUCKET).map((p) => p.action),
    );
    for (const [who, actions] of Object.entries(c.actions ?? {})) {
      const got = new Set(
        a.outsideAccess.filter((g) => g.caller.startsWith(who)).flatMap((g) => g.actions),
      );
      expect([...got].sort(), `actions of ${who}`).toEqual(
        actions.filter((x) => asked.has(x)).sort(),
      );
    }
  });
});
