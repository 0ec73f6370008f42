import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { compare, type RuleCase, runCase } from './support/cases.js';

// Every rule's case table sits beside it: rules/<category>/<id>.cases.ts
const tables = new Map<string, RuleCase[]>();
for (const r of RULES) {
  if (existsSync(`rules/${r.category}/${r.id}.cases.ts`)) {
    const mod = (await import(`../rules/${r.category}/${r.id}.cases.ts`)) as {
      default: RuleCase[];
    };
    tables.set(r.id, mod.default);
  }
}

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const cases = tables.get(id) ?? [];
  it('has a case table with failing and passing cases', () => {
    expect(tables.has(id), `rules/${rule.category}/${id}.cases.ts`).toBe(true);
    expect(cases.some((c) => c.expect.length === 0)).toBe(true);
    expect(cases.some((c) => c.expect.some((e) => (e.status ?? 'open') === 'open'))).toBe(true);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(compare(runCase(rule, c), c.expect)).toEqual([]);
  });
});
