import { jsonPointer } from '../errors.js';

/** A policy principal as written: `*`, or a map of type (`AWS`, `Service`, …) to values. */
export type PrincipalSpec = '*' | Record<string, string[]>;

/** One statement, every field normalised to arrays; where it sits in the document. */
export interface Statement {
  index: number;
  sid: string | undefined;
  effect: 'Allow' | 'Deny';
  principal: PrincipalSpec | undefined;
  notPrincipal: PrincipalSpec | undefined;
  actions: string[] | undefined;
  notActions: string[] | undefined;
  resources: string[] | undefined;
  notResources: string[] | undefined;
  condition: Record<string, unknown> | undefined;
  /** JSON pointer of the statement inside the policy document. */
  pointer: string;
}

export interface PolicyDocument {
  statements: Statement[];
  /** What could not be read: a statement ownmap skipped says why here (never thrown). */
  problems: string[];
}

const list = (v: unknown): string[] | undefined =>
  v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map((x) => String(x));

function principalSpec(v: unknown): PrincipalSpec | undefined {
  if (v === undefined) return undefined;
  if (v === '*') return '*';
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const out: Record<string, string[]> = {};
    for (const [k, val] of Object.entries(v)) out[k] = list(val) ?? [];
    return out;
  }
  return { AWS: list(v) ?? [] };
}

/**
 * Normalise a policy given as a JSON string or an object. Never throws: what cannot be
 * read is listed in `problems` (a caller reports it as `unknown`).
 */
export function parsePolicy(input: unknown): PolicyDocument {
  const problems: string[] = [];
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch {
      return { statements: [], problems: ['the policy is not valid JSON'] };
    }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return { statements: [], problems: ['the policy is not a JSON object'] };
  }
  const raw = (doc as { Statement?: unknown }).Statement;
  if (raw === undefined) return { statements: [], problems: ['the policy has no Statement'] };
  const isArray = Array.isArray(raw);
  const items = isArray ? (raw as unknown[]) : [raw];
  const statements: Statement[] = [];
  items.forEach((s, index) => {
    const pointer = jsonPointer(isArray ? ['Statement', index] : ['Statement']);
    if (!s || typeof s !== 'object' || Array.isArray(s)) {
      problems.push(`statement ${pointer} is not an object`);
      return;
    }
    const st = s as Record<string, unknown>;
    const effect = st.Effect;
    if (effect !== 'Allow' && effect !== 'Deny') {
      problems.push(
        `statement ${pointer} has Effect ${JSON.stringify(effect)}, expected Allow or Deny`,
      );
      return;
    }
    const condition = st.Condition;
    if (
      condition !== undefined &&
      (typeof condition !== 'object' || condition === null || Array.isArray(condition))
    ) {
      problems.push(`statement ${pointer} has a Condition that is not an object`);
      return;
    }
    statements.push({
      index,
      sid: typeof st.Sid === 'string' ? st.Sid : undefined,
      effect,
      principal: principalSpec(st.Principal),
      notPrincipal: principalSpec(st.NotPrincipal),
      actions: list(st.Action),
      notActions: list(st.NotAction),
      resources: list(st.Resource),
      notResources: list(st.NotResource),
      condition: condition as Record<string, unknown> | undefined,
      pointer,
    });
  });
  return { statements, problems };
}

/** `*` and `?` wildcards; case-insensitive when asked (actions are, ARNs are not). */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  if (!p.includes('*') && !p.includes('?')) return p === v;
  // Iterative glob match: linear in practice, no regex built per call.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star !== -1) {
      pi = star + 1;
      vi = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** Does the statement apply to this action (Action / NotAction)? */
export function matchesAction(st: Statement, action: string): boolean {
  if (st.actions) return st.actions.some((a) => wildcardMatch(a, action, true));
  if (st.notActions) return !st.notActions.some((a) => wildcardMatch(a, action, true));
  return false;
}

/** Does the statement apply to this resource (Resource / NotResource; none = the policy's own resource)? */
export function matchesResource(st: Statement, resource: string): boolean {
  if (st.resources) return st.resources.some((r) => wildcardMatch(r, resource));
  if (st.notResources) return !st.notResources.some((r) => wildcardMatch(r, resource));
  return true;
}
