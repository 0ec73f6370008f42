/**
 * Java `.properties` text, read as `java.util.Properties.load` reads it: `#` and `!` comments,
 * `=`, `:` or whitespace between key and value, backslash continuations (the next line's
 * leading whitespace dropped), escapes (`\t`, `\n`, `\r`, `\f`, `\uXXXX`, any other character
 * taken as itself), the last of repeated keys wins. Pure.
 */

export interface Property {
  key: string;
  value: string;
  /** 1-based line where the property starts (for evidence and errors). */
  line: number;
}

export interface Properties {
  /** Key → its (last) property. */
  byKey: Map<string, Property>;
  /** Malformed `\u` escapes, with their lines: the value keeps the text as written. */
  problems: { line: number; message: string }[];
}

const WHITE = new Set([' ', '\t', '\f']);

/** Split into logical lines: a line ending in an odd number of backslashes continues. */
function logicalLines(text: string): { text: string; line: number }[] {
  const natural = text.split(/\r\n|\r|\n/);
  const out: { text: string; line: number }[] = [];
  let i = 0;
  while (i < natural.length) {
    const start = i;
    let line = natural[i]!;
    const trimmed = line.replace(/^[ \t\f]+/, '');
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) {
      i++;
      continue;
    }
    let current = trimmed;
    while (endsWithOddBackslashes(current) && i + 1 < natural.length) {
      i++;
      line = natural[i]!.replace(/^[ \t\f]+/, '');
      current = current.slice(0, -1) + line;
    }
    if (endsWithOddBackslashes(current)) current = current.slice(0, -1);
    out.push({ text: current, line: start + 1 });
    i++;
  }
  return out;
}

function endsWithOddBackslashes(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function unescapeJava(s: string, line: number, problems: Properties['problems']): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    if (n === 't') out += '\t';
    else if (n === 'n') out += '\n';
    else if (n === 'r') out += '\r';
    else if (n === 'f') out += '\f';
    else if (n === 'u') {
      const hex = s.slice(i + 1, i + 5);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 4;
      } else {
        problems.push({ line, message: `malformed \\u escape: \\u${hex}` });
        out += `\\u${hex}`;
        i += hex.length;
      }
    } else out += n;
  }
  return out;
}

export function parseProperties(text: string): Properties {
  const byKey = new Map<string, Property>();
  const problems: Properties['problems'] = [];
  for (const { text: l, line } of logicalLines(text)) {
    // The key ends at the first unescaped '=', ':' or whitespace.
    let i = 0;
    while (i < l.length) {
      const c = l[i]!;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '=' || c === ':' || WHITE.has(c)) break;
      i++;
    }
    const rawKey = l.slice(0, Math.min(i, l.length));
    let j = i;
    while (j < l.length && WHITE.has(l[j]!)) j++;
    if (j < l.length && (l[j] === '=' || l[j] === ':')) j++;
    while (j < l.length && WHITE.has(l[j]!)) j++;
    const key = unescapeJava(rawKey, line, problems);
    byKey.set(key, { key, value: unescapeJava(l.slice(j), line, problems), line });
  }
  return { byKey, problems };
}
