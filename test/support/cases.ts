import { analyze } from '../../src/analyze.js';
import { type BoundaryInput, BoundarySchema } from '../../src/boundary/schema.js';
import type { Rule } from '../../src/rules/define.js';
import type { Finding, Severity } from '../../src/rules/finding.js';
import { readSnapshot } from '../../src/snapshot/reader.js';
import type { SnapshotSource } from '../../src/snapshot/source.js';
import { readNodeConfig } from '../../src/topology/config.js';

/** What a case expects of one finding; unset fields are not compared. */
export interface Expected {
  resource: string;
  status?: Finding['status'];
  severity?: Severity;
  /** A substring or pattern the message must hold. */
  message?: string | RegExp;
}

/** One row of a rule's case table: a tiny estate, a boundary, the findings expected. */
export interface RuleCase {
  name: string;
  estate: { source(label?: string): SnapshotSource };
  /** Merged over a default boundary: account 111111111111 inside, region eu-west-1 approved. */
  boundary?: Partial<BoundaryInput>;
  /** Broker configurations by cluster: file name → server.properties text. */
  configs?: Record<string, Record<string, string>>;
  expect: Expected[];
}

export const DEFAULT_BOUNDARY: BoundaryInput = {
  version: 1,
  name: 'case',
  inside: { accounts: [{ id: '111111111111', name: 'platform' }] },
  approvedRegions: ['eu-west-1'],
};

/** Run one rule over one case; the findings it produced, sorted. */
export function runCase(rule: Rule, c: RuleCase): Finding[] {
  const boundary = BoundarySchema.parse({ ...DEFAULT_BOUNDARY, ...c.boundary });
  const snapshot = readSnapshot(c.estate.source(c.name));
  const configs = new Map(
    Object.entries(c.configs ?? {}).map(([cluster, files]) => [
      cluster,
      Object.entries(files).map(([file, text]) => readNodeConfig(file, text)),
    ]),
  );
  return analyze(snapshot, boundary, [rule], 'all', configs).report.findings;
}

/** Compare findings with expectations; returns a list of mismatches (empty = pass). */
export function compare(found: Finding[], expected: Expected[]): string[] {
  const problems: string[] = [];
  const left = [...found];
  for (const e of expected) {
    const i = left.findIndex(
      (f) => f.resource.arn === e.resource && (e.status ?? 'open') === f.status,
    );
    if (i === -1) {
      problems.push(`missing ${e.status ?? 'open'} finding on ${e.resource}`);
      continue;
    }
    const f = left.splice(i, 1)[0]!;
    if (e.severity && f.severity !== e.severity)
      problems.push(`${e.resource}: severity ${f.severity}, expected ${e.severity}`);
    if (e.message) {
      const ok =
        typeof e.message === 'string' ? f.message.includes(e.message) : e.message.test(f.message);
      if (!ok)
        problems.push(`${e.resource}: message "${f.message}" does not match ${String(e.message)}`);
    }
  }
  for (const f of left)
    problems.push(`unexpected ${f.status} finding on ${f.resource.arn}: ${f.message}`);
  return problems;
}
