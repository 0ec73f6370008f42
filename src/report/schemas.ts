import { z } from 'zod';
import { BoundarySchema } from '../boundary/schema.js';
import { FindingsReport } from '../rules/finding.js';

/** The published JSON Schemas, generated from the zod schemas: file name → text. */
export function jsonSchemas(): Record<string, string> {
  const findings = z.toJSONSchema(FindingsReport, { target: 'draft-2020-12', io: 'output' });
  const boundary = z.toJSONSchema(BoundarySchema, { target: 'draft-2020-12', io: 'input' });
  return {
    'findings.schema.json': text({
      ...findings,
      $id: 'https://ownmap.dev/schema/findings.schema.json',
      title: 'ownmap findings report',
    }),
    'boundary.schema.json': text({
      ...boundary,
      $id: 'https://ownmap.dev/schema/boundary.schema.json',
      title: 'ownmap boundary file',
    }),
  };
}

function text(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
