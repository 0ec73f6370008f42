/** `npm run docs`: write docs/rules.md from the rules' metadata and their own docs. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { RULES } from '../../rules/index.js';
import { rulesDoc } from './rule-doc.js';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/rules.md', rulesDoc(RULES));
process.stdout.write('wrote docs/rules.md\n');
