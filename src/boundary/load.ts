import { LineCounter, parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import { type Boundary, BoundarySchema } from './schema.js';

/**
 * Parse and validate a boundary file. Errors name the file, the line, the field and
 * what was expected, in one line.
 */
export function parseBoundary(text: string, file: string): Boundary {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = lineCounter.linePos(err.pos[0]);
    throw new InputError(`${file}:${pos.line}: expected valid YAML (${firstLine(err.message)})`, {
      file,
    });
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const parsed = BoundarySchema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  // Point at the deepest node of the path that exists in the document.
  let line: number | undefined;
  for (let n = issue.path.length; n >= 0 && line === undefined; n--) {
    const node = doc.getIn(issue.path.slice(0, n) as (string | number)[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) line = lineCounter.linePos(node.range[0]).line;
  }
  const field = issue.path.length ? issue.path.join('.') : '(top level)';
  const expected =
    issue.code === 'unrecognized_keys'
      ? `unexpected field ${issue.keys.map((k) => `'${k}'`).join(', ')}`
      : issue.code === 'invalid_type'
        ? `expected ${issue.expected}${issue.input === undefined ? ' (missing)' : ''}`
        : issue.code === 'invalid_value'
          ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
          : issue.message;
  throw new InputError(`${file}:${line ?? 1}: ${field}: ${expected}`, { file });
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}
