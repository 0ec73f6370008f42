import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { rulesDoc } from '../src/cli/rule-doc.js';
import { EDGE_KINDS, NODE_KINDS } from '../src/graph/kinds.js';
import { CATEGORIES, SEVERITIES } from '../src/rules/finding.js';
import { PACKS } from '../src/rules/packs.js';
import { entriesForAction } from '../src/snapshot/contract.js';
import { VERSION } from '../src/version.js';

/** rules/<category>/<id>.ts files (not their cases, docs or the index). */
const ruleFiles = CATEGORIES.flatMap((c) =>
  existsSync(`rules/${c}`)
    ? readdirSync(`rules/${c}`)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.cases.ts'))
        .map((f) => ({ category: c, id: f.slice(0, -3) }))
    : [],
);

describe('rules, files, docs and registry stay in step', () => {
  it('the registry holds every rule file once, and nothing else', () => {
    expect(RULES.map((r) => `${r.category}/${r.id}`).sort()).toEqual(
      ruleFiles.map((f) => `${f.category}/${f.id}`).sort(),
    );
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('no folder under rules/ is outside the categories', () => {
    const dirs = readdirSync('rules', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const d of dirs) expect(CATEGORIES).toContain(d);
  });

  it.each(RULES.map((r) => [r.id, r] as const))(
    '%s: id is its file name, with its doc and cases beside it',
    (id, r) => {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(existsSync(`rules/${r.category}/${id}.ts`)).toBe(true);
      expect(existsSync(`rules/${r.category}/${id}.cases.ts`)).toBe(true);
      const doc = readFileSync(`rules/${r.category}/${id}.md`, 'utf8');
      expect(doc.startsWith(`# ${id}\n`)).toBe(true);
      for (const section of ['## What it checks', '## Failing example', '## Passing example'])
        expect(doc).toContain(section);
      expect(SEVERITIES).toContain(r.severity);
      expect(r.rationale.length).toBeGreaterThan(40);
      expect(r.remediation.length).toBeGreaterThan(20);
      expect(r.references.length).toBeGreaterThan(0);
    },
  );

  it('docs/rules.md is generated from the metadata and up to date (npm run docs)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(rulesDoc(RULES));
  });

  it('every pack selects at least one rule or is a category still to be filled', () => {
    expect(Object.keys(PACKS)).toEqual(expect.arrayContaining(['all', 'ci', ...CATEGORIES]));
    expect(RULES.filter(PACKS.all!.select)).toHaveLength(RULES.length);
  });

  it('node and edge kinds are declared once with labels', () => {
    for (const k of Object.values(NODE_KINDS)) expect(k.label.length).toBeGreaterThan(1);
    for (const k of Object.values(EDGE_KINDS)) expect(k.label.length).toBeGreaterThan(1);
  });

  it('the version in the code is the version in package.json', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).version).toBe(VERSION);
  });
});

describe('needs name real IAM actions of the snapshot contract', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    for (const need of r.needs) expect(entriesForAction(need), need).not.toEqual([]);
  });
});
