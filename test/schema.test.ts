import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemas } from '../src/report/schemas.js';
import { estateArgs, ownmap } from './support/cli.js';

describe('published JSON Schemas', () => {
  it.each(Object.entries(jsonSchemas()))(
    'schema/%s is committed and up to date (npm run schema)',
    (name, text) => {
      expect(readFileSync(`schema/${name}`, 'utf8')).toBe(text);
    },
  );

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const findings = ajv.compile(JSON.parse(readFileSync('schema/findings.schema.json', 'utf8')));
  const boundary = ajv.compile(JSON.parse(readFileSync('schema/boundary.schema.json', 'utf8')));

  it.each(['automq-byoc', 'kafka-tiered-nat', 'msk-replicator', 'multi-account-tgw'])(
    'the JSON output for %s validates against findings.schema.json',
    (name) => {
      const r = ownmap(['analyze', ...estateArgs(name), '--fail-on', 'none']);
      const ok = findings(JSON.parse(r.stdout));
      expect(findings.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it.each(['automq-byoc', 'kafka-tiered-nat', 'msk-replicator', 'multi-account-tgw'])(
    'the boundary file of %s validates against boundary.schema.json (for editors)',
    (name) => {
      const ok = boundary(parse(readFileSync(`fixtures/estates/${name}/boundary.yaml`, 'utf8')));
      expect(boundary.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('rejects a report that breaks the contract', () => {
    const r = JSON.parse(
      ownmap(['analyze', ...estateArgs('automq-byoc'), '--fail-on', 'none']).stdout,
    );
    r.findings[0].status = 'maybe';
    expect(findings(r)).toBe(false);
  });
});
