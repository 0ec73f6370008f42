/** `npm run schema`: write schema/*.schema.json from the zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from '../report/schemas.js';

mkdirSync('schema', { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) {
  writeFileSync(`schema/${name}`, text);
  process.stdout.write(`wrote schema/${name}\n`);
}
