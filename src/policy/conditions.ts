/**
 * The IAM policy `Condition` evaluator: decides one condition entry, or a whole Condition
 * block, against what ownmap knows of a request context, in three-valued logic (`true`,
 * `false`, `'unknown'`). Semantics follow the AWS IAM User Guide pages "IAM JSON policy
 * elements: Condition operators", "IAM JSON policy elements: Condition", "Conditions with
 * multiple context keys or values", "Single-valued vs. multivalued context keys" and
 * "IAM policy elements: Variables and tags".
 *
 * Nothing here throws: malformed input is `'unknown'` with a reason.
 */
import { BlockList, isIP } from 'node:net';

export type Tri = true | false | 'unknown';

/** What the request context holds for a key (keys are looked up lowercased by the caller's map). */
export type ContextValue =
  /** The key is not in the request. */
  | { kind: 'absent' }
  /** Known value(s); single-valued keys have one; booleans and numbers as strings ('true', '42'). */
  | { kind: 'values'; values: string[] }
  /** ownmap cannot know it. */
  | { kind: 'unknown' };

export interface ConditionContext {
  get(keyLowercase: string): ContextValue;
}

/**
 * Resolves a policy variable by its name, lowercased and trimmed (`aws:username` for
 * `${aws:userName}`); `undefined` when ownmap cannot resolve it.
 */
export type VariableResolver = (name: string) => string | undefined;

// ---------------------------------------------------------------------------
// Three-valued outcomes

interface Outcome {
  result: Tri;
  reason?: string;
}

const TRUE: Outcome = { result: true };
const FALSE: Outcome = { result: false };
const unknown = (reason: string): Outcome => ({ result: 'unknown', reason });
const of = (b: boolean): Outcome => (b ? TRUE : FALSE);

/** Any false → false; else the first unknown; else true. */
function all(outs: Iterable<Outcome>): Outcome {
  let firstUnknown: Outcome | undefined;
  for (const o of outs) {
    if (o.result === false) return FALSE;
    if (o.result === 'unknown' && !firstUnknown) firstUnknown = o;
  }
  return firstUnknown ?? TRUE;
}

/** Any true → true; else the first unknown; else false. */
function any(outs: Iterable<Outcome>): Outcome {
  let firstUnknown: Outcome | undefined;
  for (const o of outs) {
    if (o.result === true) return TRUE;
    if (o.result === 'unknown' && !firstUnknown) firstUnknown = o;
  }
  return firstUnknown ?? FALSE;
}

const not = (o: Outcome): Outcome => (o.result === 'unknown' ? o : of(!o.result));

// ---------------------------------------------------------------------------
// Operators

type Family = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'Ip' | 'Arn' | 'Null';
type Comparison = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

interface BaseSpec {
  family: Family;
  /** A negated matching operator: true when no policy value matches (NOR). */
  negated: boolean;
  /** String: compare case-insensitively. */
  ignoreCase?: boolean;
  /** String and ARN: `*` and `?` are wildcards. */
  wildcards?: boolean;
  /** Numeric and Date: how the request value compares with the policy value. */
  cmp?: Comparison;
}

const BASES: Readonly<Record<string, BaseSpec>> = {
  StringEquals: { family: 'String', negated: false },
  StringNotEquals: { family: 'String', negated: true },
  StringEqualsIgnoreCase: { family: 'String', negated: false, ignoreCase: true },
  StringNotEqualsIgnoreCase: { family: 'String', negated: true, ignoreCase: true },
  StringLike: { family: 'String', negated: false, wildcards: true },
  StringNotLike: { family: 'String', negated: true, wildcards: true },
  NumericEquals: { family: 'Numeric', negated: false, cmp: 'eq' },
  NumericNotEquals: { family: 'Numeric', negated: true, cmp: 'eq' },
  NumericLessThan: { family: 'Numeric', negated: false, cmp: 'lt' },
  NumericLessThanEquals: { family: 'Numeric', negated: false, cmp: 'le' },
  NumericGreaterThan: { family: 'Numeric', negated: false, cmp: 'gt' },
  NumericGreaterThanEquals: { family: 'Numeric', negated: false, cmp: 'ge' },
  DateEquals: { family: 'Date', negated: false, cmp: 'eq' },
  DateNotEquals: { family: 'Date', negated: true, cmp: 'eq' },
  DateLessThan: { family: 'Date', negated: false, cmp: 'lt' },
  DateLessThanEquals: { family: 'Date', negated: false, cmp: 'le' },
  DateGreaterThan: { family: 'Date', negated: false, cmp: 'gt' },
  DateGreaterThanEquals: { family: 'Date', negated: false, cmp: 'ge' },
  Bool: { family: 'Bool', negated: false },
  BinaryEquals: { family: 'Binary', negated: false },
  IpAddress: { family: 'Ip', negated: false },
  NotIpAddress: { family: 'Ip', negated: true },
  // AWS documents ArnEquals and ArnLike as the same comparison: per segment, with wildcards.
  ArnEquals: { family: 'Arn', negated: false, wildcards: true },
  ArnLike: { family: 'Arn', negated: false, wildcards: true },
  ArnNotEquals: { family: 'Arn', negated: true, wildcards: true },
  ArnNotLike: { family: 'Arn', negated: true, wildcards: true },
  Null: { family: 'Null', negated: false },
};

type Qualifier = 'ForAnyValue' | 'ForAllValues';

interface ParsedOperator {
  qualifier: Qualifier | undefined;
  base: string;
  ifExists: boolean;
  spec: BaseSpec | undefined;
}

const IF_EXISTS = 'IfExists';

function parseOperator(operator: string): ParsedOperator {
  let rest = operator;
  let qualifier: Qualifier | undefined;
  for (const q of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
      break;
    }
  }
  let ifExists = false;
  if (rest.length > IF_EXISTS.length && rest.endsWith(IF_EXISTS)) {
    ifExists = true;
    rest = rest.slice(0, -IF_EXISTS.length);
  }
  const spec = Object.hasOwn(BASES, rest) ? BASES[rest] : undefined;
  return { qualifier, base: rest, ifExists, spec };
}

/**
 * True for operators ownmap recognises: every AWS condition operator, with an optional
 * `ForAnyValue:` / `ForAllValues:` qualifier and an optional `IfExists` suffix. `Null` takes
 * neither (AWS allows no `NullIfExists`, and a set qualifier has no meaning for it).
 * Operator names are matched exactly as AWS spells them.
 */
export function isKnownOperator(operator: string): boolean {
  if (typeof operator !== 'string') return false;
  const p = parseOperator(operator);
  if (!p.spec) return false;
  if (p.spec.family === 'Null' && (p.ifExists || p.qualifier)) return false;
  return true;
}

/** The base operator without qualifier or IfExists, e.g. 'StringNotEquals'. */
export function baseOperator(operator: string): string {
  if (typeof operator !== 'string') return '';
  return parseOperator(operator).base;
}

// ---------------------------------------------------------------------------
// Policy values

type Scalar = string | number | boolean;

const show = (v: unknown): string => {
  try {
    const s =
      typeof v === 'string' ? `'${v}'` : typeof v === 'number' ? String(v) : JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(v);
  }
};

/** The policy's value(s) as scalars, or the reason they are not. */
function scalars(value: unknown): Scalar[] | string {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) return 'an empty list of values';
  const out: Scalar[] = [];
  for (const v of list) {
    if (typeof v === 'string' || typeof v === 'boolean') out.push(v);
    else if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
    else return `the value ${show(v)} is not a string, number or boolean`;
  }
  return out;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseNumber(v: Scalar): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !NUMBER.test(v.trim())) return undefined;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : undefined;
}

// W3C profile of ISO 8601: YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.s]][TZD].
const ISO_DATE =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?)?$/;
const EPOCH = /^[+-]?\d+(?:\.\d+)?$/;

type DateParse = { ms: number } | { error: string };

/**
 * Milliseconds since the epoch for an ISO 8601 date or time (W3C profile; a time without a
 * zone is UTC) or epoch seconds. A bare four-digit string is refused as ambiguous (the W3C
 * year-only form, or epoch seconds).
 */
function parseDate(v: Scalar): DateParse {
  if (typeof v === 'number') return { ms: v * 1000 };
  if (typeof v !== 'string') return { error: 'not a date' };
  const s = v.trim();
  if (/^\d{4}$/.test(s)) return { error: 'ambiguous: a year or epoch seconds' };
  if (EPOCH.test(s)) return { ms: Number(s) * 1000 };
  const m = ISO_DATE.exec(s);
  if (!m) return { error: 'not an ISO 8601 date or epoch seconds' };
  const [, y, mo, d, h, mi, sec, frac, tz] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = sec === undefined ? 0 : Number(sec);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return { error: 'a date field is out of range' };
  }
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  check.setUTCHours(hour, minute, second, 0);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) {
    return { error: 'no such day' };
  }
  const base = check.getTime();
  let offsetMin = 0;
  if (tz && tz !== 'Z' && tz !== 'z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 23 || om > 59) return { error: 'the time zone offset is out of range' };
    offsetMin = sign * (oh * 60 + om);
  }
  const fraction = frac ? Number(frac) * 1000 : 0;
  return { ms: base + fraction - offsetMin * 60_000 };
}

function parseBool(v: Scalar): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 (padding may be left off) to bytes. */
function parseBase64(v: Scalar): Buffer | undefined {
  if (typeof v !== 'string') return undefined;
  let s = v.trim();
  if (s.length % 4 === 1) return undefined;
  if (s.length % 4 !== 0) s += '='.repeat(4 - (s.length % 4));
  if (!BASE64.test(s)) return undefined;
  return Buffer.from(s, 'base64');
}

interface Cidr {
  list: BlockList;
}

/** An IPv4 or IPv6 CIDR, or a plain address (a /32 or /128). */
function parseCidr(v: Scalar): Cidr | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  const slash = s.indexOf('/');
  const addr = slash === -1 ? s : s.slice(0, slash);
  const version = isIP(addr);
  if (version === 0 || addr.includes('%')) return undefined;
  const max = version === 4 ? 32 : 128;
  let prefix = max;
  if (slash !== -1) {
    const p = s.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return undefined;
    prefix = Number(p);
    if (prefix > max) return undefined;
  }
  const list = new BlockList();
  list.addSubnet(addr, prefix, version === 4 ? 'ipv4' : 'ipv6');
  return { list };
}

// ---------------------------------------------------------------------------
// Strings with wildcards and policy variables

/** A character, a wildcard, or a policy variable not (yet) resolved. */
type Tok =
  | { t: 'c'; ch: string }
  | { t: 'star' }
  | { t: 'one' }
  | { t: 'var'; name: string; raw: string };

const SPECIAL_VARS: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

/**
 * Reads a `${...}` at `s[i]`: `${name}`, `${name, 'default'}` (a quote inside the default is
 * written twice) or one of the fixed `${*}`, `${?}`, `${$}`. Undefined when there is none.
 */
function readVariable(
  s: string,
  i: number,
): { end: number; special?: string; name?: string } | undefined {
  if (!s.startsWith('${', i)) return undefined;
  let j = i + 2;
  const close = s.indexOf('}', j);
  if (close === -1) return undefined;
  const simple = s.slice(j, close);
  if (Object.hasOwn(SPECIAL_VARS, simple)) return { end: close + 1, special: SPECIAL_VARS[simple] };
  // Name: up to ',' or '}'.
  while (j < s.length && s[j] !== ',' && s[j] !== '}') j++;
  const name = s.slice(i + 2, j).trim();
  if (!name || /[\s{$]/.test(name)) return undefined;
  if (s[j] === '}') return { end: j + 1, name };
  if (s[j] !== ',') return undefined;
  j++;
  while (s[j] === ' ') j++;
  if (s[j] !== "'") return undefined;
  j++;
  for (;;) {
    if (j >= s.length) return undefined;
    if (s[j] === "'") {
      if (s[j + 1] === "'") {
        j += 2;
        continue;
      }
      j++;
      break;
    }
    j++;
  }
  while (s[j] === ' ') j++;
  if (s[j] !== '}') return undefined;
  return { end: j + 1, name };
}

/** Splits a policy string into tokens; `${...}` is read only where `variables` is set. */
function tokenize(s: string, wildcards: boolean, variables: boolean): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    if (variables && s[i] === '$') {
      const v = readVariable(s, i);
      if (v) {
        if (v.special !== undefined) out.push({ t: 'c', ch: v.special });
        else out.push({ t: 'var', name: v.name!.toLowerCase(), raw: s.slice(i, v.end) });
        i = v.end;
        continue;
      }
    }
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (wildcards && ch === '*') out.push({ t: 'star' });
    else if (wildcards && ch === '?') out.push({ t: 'one' });
    else out.push({ t: 'c', ch });
  }
  return out;
}

const literal = (s: string): Tok[] => Array.from(s, (ch) => ({ t: 'c', ch }) as Tok);

/** Resolves variable tokens with `vars`; the reason names the first it could not resolve. */
function resolve(
  tokens: Tok[],
  vars: VariableResolver | undefined,
): { toks: Tok[]; reason?: string } {
  const toks: Tok[] = [];
  let reason: string | undefined;
  for (const tok of tokens) {
    if (tok.t !== 'var') {
      toks.push(tok);
      continue;
    }
    let value: string | undefined;
    try {
      value = vars?.(tok.name);
    } catch {
      value = undefined;
    }
    if (typeof value === 'string') toks.push(...literal(value));
    else {
      toks.push(tok);
      reason ??= `the policy variable ${tok.raw} cannot be resolved`;
    }
  }
  return reason === undefined ? { toks } : { toks, reason };
}

const lowerTokens = (toks: Tok[]): Tok[] =>
  toks.flatMap((tok) => (tok.t === 'c' ? literal(tok.ch.toLowerCase()) : [tok]));

/** Glob match of tokens against code points: `star` matches any run, `one` one code point. */
function glob(p: Tok[], s: string[]): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < s.length) {
    const tok = p[i];
    if (tok && (tok.t === 'one' || (tok.t === 'c' && tok.ch === s[j]))) {
      i++;
      j++;
    } else if (tok && (tok.t === 'star' || tok.t === 'var')) {
      star = i;
      mark = j;
      i++;
    } else if (star !== -1) {
      i = star + 1;
      mark++;
      j = mark;
    } else return false;
  }
  while (i < p.length && (p[i]!.t === 'star' || p[i]!.t === 'var')) i++;
  return i === p.length;
}

/** Splits into the six ARN components (the sixth keeps its colons). */
function splitArn<T>(items: T[], isColon: (x: T) => boolean): T[][] {
  const parts: T[][] = [[]];
  for (const x of items) {
    if (parts.length < 6 && isColon(x)) parts.push([]);
    else parts[parts.length - 1]!.push(x);
  }
  return parts;
}

function arnMatch(p: Tok[], value: string): boolean {
  if (p.length > 0 && p.every((t) => t.t === 'star')) return true;
  const ps = splitArn(p, (t) => t.t === 'c' && t.ch === ':');
  const vs = splitArn(Array.from(value), (ch) => ch === ':');
  if (ps.length < 6 || vs.length < 6) return false;
  return ps.every((seg, k) => glob(seg, vs[k]!));
}

/** A compiled policy value: decides whether one request value matches it. */
type Matcher = (requestValue: string) => Outcome;

function stringMatcher(toks: Tok[], spec: BaseSpec, reason: string | undefined): Matcher {
  const pattern = spec.ignoreCase ? lowerTokens(toks) : toks;
  return (value) => {
    const v = spec.ignoreCase ? value.toLowerCase() : value;
    if (reason !== undefined) {
      // An unresolved variable could be any string: if even that cannot match, it is false.
      return glob(pattern, Array.from(v)) ? unknown(reason) : FALSE;
    }
    return of(spec.family === 'Arn' ? arnMatch(pattern, v) : glob(pattern, Array.from(v)));
  };
}

const compare = (a: number, b: number, cmp: Comparison): boolean =>
  cmp === 'eq'
    ? a === b
    : cmp === 'lt'
      ? a < b
      : cmp === 'le'
        ? a <= b
        : cmp === 'gt'
          ? a > b
          : a >= b;

/**
 * Checks the policy's values for the operator's family. Variables are left unresolved here
 * (they matter only once the key is present): `compile` resolves them.
 */
function validate(spec: BaseSpec, values: Scalar[]): string | undefined {
  for (const v of values) {
    switch (spec.family) {
      case 'Numeric':
        if (parseNumber(v) === undefined) return `${show(v)} is not a number`;
        break;
      case 'Date': {
        const d = parseDate(v);
        if ('error' in d) return `${show(v)} is not a date (${d.error})`;
        break;
      }
      case 'Bool':
      case 'Null':
        if (parseBool(v) === undefined) return `${show(v)} is not true or false`;
        break;
      case 'Binary':
        if (parseBase64(v) === undefined) return `${show(v)} is not base64`;
        break;
      case 'Ip':
        if (parseCidr(v) === undefined) return `${show(v)} is not an IP address or CIDR`;
        break;
      default:
        break;
    }
  }
  return undefined;
}

function compile(
  spec: BaseSpec,
  v: Scalar,
  vars: VariableResolver | undefined,
  key: string,
): Matcher {
  const bad = (value: string, what: string) =>
    unknown(`the request value ${show(value)} of ${key} is not ${what}`);
  switch (spec.family) {
    case 'String':
    case 'Arn': {
      const { toks, reason } = resolve(tokenize(String(v), !!spec.wildcards, true), vars);
      return stringMatcher(toks, spec, reason);
    }
    case 'Numeric': {
      const p = parseNumber(v)!;
      return (value) => {
        const n = parseNumber(value);
        return n === undefined ? bad(value, 'a number') : of(compare(n, p, spec.cmp!));
      };
    }
    case 'Date': {
      const p = parseDate(v) as { ms: number };
      return (value) => {
        const d = parseDate(value);
        return 'error' in d ? bad(value, 'a date') : of(compare(d.ms, p.ms, spec.cmp!));
      };
    }
    case 'Bool': {
      const p = parseBool(v)!;
      return (value) => {
        const b = parseBool(value);
        return b === undefined ? bad(value, 'a boolean') : of(b === p);
      };
    }
    case 'Binary': {
      const p = parseBase64(v)!;
      return (value) => {
        const b = parseBase64(value);
        return b === undefined ? bad(value, 'base64') : of(b.equals(p));
      };
    }
    case 'Ip': {
      const { list } = parseCidr(v)!;
      return (value) => {
        const addr = value.trim();
        const version = isIP(addr);
        if (version === 0 || addr.includes('%')) return bad(value, 'an IP address');
        return of(list.check(addr, version === 4 ? 'ipv4' : 'ipv6'));
      };
    }
    default:
      return () => unknown(`no comparison for ${spec.family}`);
  }
}

// ---------------------------------------------------------------------------
// One condition entry

function readContext(ctx: ConditionContext, keyLc: string): ContextValue | string {
  let cv: unknown;
  try {
    cv = ctx.get(keyLc);
  } catch (e) {
    return `reading ${keyLc} from the request context failed: ${(e as Error)?.message ?? e}`;
  }
  const kind = (cv as { kind?: unknown } | null)?.kind;
  if (kind === 'absent' || kind === 'unknown') return cv as ContextValue;
  if (kind === 'values') {
    const values = (cv as { values?: unknown }).values;
    if (Array.isArray(values) && values.every((x) => typeof x === 'string')) {
      return cv as ContextValue;
    }
  }
  return `the request context holds no valid entry for ${keyLc}`;
}

/** One condition entry read once: its operator, values and matchers (or why it cannot be). */
type Prepared =
  | { out: Outcome }
  | {
      op: ReturnType<typeof parseOperator>;
      spec: NonNullable<ReturnType<typeof parseOperator>['spec']>;
      values: Scalar[];
      keyLc: string;
      matchers: () => Matcher[];
    };

function prepare(
  operator: unknown,
  key: unknown,
  policyValue: unknown,
  vars: VariableResolver | undefined,
): Prepared {
  if (typeof operator !== 'string')
    return { out: unknown(`the condition operator ${show(operator)} is not a string`) };
  if (!isKnownOperator(operator))
    return { out: unknown(`ownmap does not recognise the condition operator ${operator}`) };
  const op = parseOperator(operator);
  const spec = op.spec!;
  if (typeof key !== 'string' || key === '') {
    return {
      out: unknown(`${operator}: the condition key ${show(key)} is not a non-empty string`),
    };
  }
  const values = scalars(policyValue);
  if (typeof values === 'string') return { out: unknown(`${operator} ${key}: ${values}`) };
  const invalid = validate(spec, values);
  if (invalid) return { out: unknown(`${operator} ${key}: ${invalid}`) };
  let compiled: Matcher[] | undefined;
  return {
    op,
    spec,
    values,
    keyLc: key.toLowerCase(),
    matchers: () => {
      compiled ??= values.map((v) => compile(spec, v, vars, key));
      return compiled;
    },
  };
}

/**
 * Prepared entries of each operator's entries object: a policy is weighed many times (callers,
 * actions, request contexts), its conditions are read once. Without variables only: with
 * them, the matchers depend on the resolver.
 */
const PREPARED = new WeakMap<object, Map<string, { value: unknown; prepared: Prepared }>>();

function evaluate(
  operator: unknown,
  key: unknown,
  policyValue: unknown,
  ctx: ConditionContext,
  vars: VariableResolver | undefined,
  entries?: object,
): Outcome {
  let p: Prepared | undefined;
  if (entries && !vars && typeof key === 'string' && typeof operator === 'string') {
    // Keyed by operator and key and checked against the value: one entries object may be
    // shared between operators (a constant in a builder) or given another value later.
    let m = PREPARED.get(entries);
    if (!m) {
      m = new Map();
      PREPARED.set(entries, m);
    }
    const slot = `${operator}\u0000${key}`;
    const hit = m.get(slot);
    if (hit && hit.value === policyValue) p = hit.prepared;
    else {
      p = prepare(operator, key, policyValue, vars);
      m.set(slot, { value: policyValue, prepared: p });
    }
  } else p = prepare(operator, key, policyValue, vars);
  if ('out' in p) return p.out;
  const { op, spec, values, keyLc } = p;
  const cv = readContext(ctx, keyLc);
  if (typeof cv === 'string') return unknown(cv);
  if (cv.kind === 'unknown') return unknown(`the value of ${key} in the request is not known`);
  const request = cv.kind === 'values' ? cv.values : [];
  // A key with an empty list of values is an empty set: it counts as not present.
  const present = request.length > 0;

  if (spec.family === 'Null') {
    // Null: true means "the key is absent", false means "the key is present".
    return any(values.map((v) => of(parseBool(v) === !present)));
  }

  if (!present) {
    if (op.qualifier === 'ForAllValues') return TRUE; // every member of the empty set matches
    if (op.ifExists) return TRUE;
    if (op.qualifier === 'ForAnyValue') return FALSE; // no member of the empty set matches
    return spec.negated ? TRUE : FALSE;
  }

  const matchers = p.matchers();
  const perValue = request.map((rv) => {
    const matched = any(matchers.map((m) => m(rv)));
    return spec.negated ? not(matched) : matched;
  });
  if (op.qualifier === 'ForAllValues') return all(perValue);
  if (op.qualifier === 'ForAnyValue') return any(perValue);
  if (perValue.length === 1) return perValue[0]!;
  // Several request values without a set qualifier: decided only where every value agrees.
  const firstUnknown = perValue.find((o) => o.result === 'unknown');
  if (firstUnknown) return firstUnknown;
  if (perValue.every((o) => o.result === perValue[0]!.result)) return perValue[0]!;
  return unknown(
    `${key} has ${request.length} values in the request and ${operator} has no ForAllValues or ForAnyValue qualifier`,
  );
}

function guarded(f: () => Outcome): Outcome {
  try {
    return f();
  } catch (e) {
    return unknown(`evaluating the condition failed: ${(e as Error)?.message ?? String(e)}`);
  }
}

/**
 * One condition entry: operator (e.g. 'ForAllValues:StringNotEqualsIgnoreCase' or
 * 'DateLessThanIfExists'), key, the policy's value(s) as written in JSON (string, number,
 * boolean or array of those).
 *
 * - A key absent from the request: false, except negated operators and `...IfExists` (true),
 *   `ForAllValues:` (true: the empty set) and `ForAnyValue:` (false, unless `IfExists`).
 * - Several policy values: any may match (OR); for a negated operator none may match (NOR).
 * - Policy variables (`${aws:username}`, `${*}`, `${?}`, `${$}`) are read in the values of
 *   String and ARN operators only; one that `vars` cannot resolve makes the entry 'unknown'
 *   unless the answer is the same whatever it holds.
 */
export function evalCondition(
  operator: string,
  key: string,
  policyValue: unknown,
  ctx: ConditionContext,
  vars?: VariableResolver,
): Tri {
  return guarded(() => evaluate(operator, key, policyValue, ctx, vars)).result;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A whole Condition block: operators AND keys AND; returns the first reason for 'unknown' too.
 * An absent block (`undefined`) and an empty one are true; anything else that is not an object
 * of objects is 'unknown'.
 */
export function evalConditionBlock(
  block: unknown,
  ctx: ConditionContext,
  vars?: VariableResolver,
): { result: Tri; unknownReason?: string } {
  const outcome = guarded(() => {
    if (block === undefined) return TRUE;
    if (!isPlainObject(block))
      return unknown(`the Condition block ${show(block)} is not an object`);
    const outs: Outcome[] = [];
    for (const [operator, entries] of Object.entries(block)) {
      if (!isPlainObject(entries)) {
        outs.push(unknown(`the entries of ${operator} are not an object of keys and values`));
        continue;
      }
      const keys = Object.entries(entries);
      if (keys.length === 0) {
        outs.push(unknown(`${operator} names no condition key`));
        continue;
      }
      for (const [key, value] of keys)
        outs.push(guarded(() => evaluate(operator, key, value, ctx, vars, entries)));
    }
    return all(outs);
  });
  return outcome.result === 'unknown'
    ? { result: 'unknown', unknownReason: outcome.reason ?? 'unknown' }
    : { result: outcome.result };
}
