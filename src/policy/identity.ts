/**
 * What a role may do by its own policies: inline policies and attached managed policies,
 * narrowed by a permissions boundary. The IAM evaluation logic for one principal: an explicit
 * Deny in any of them wins, an Allow in an identity policy is needed, and with a boundary the
 * boundary must allow as well. A condition on a key the evaluator cannot know for this role
 * makes the answer `unknown`, never a pass or a fail.
 */
import { type ConditionContext, type ContextValue, evalConditionBlock } from './conditions.js';
import { matchesAction, matchesResource, parsePolicy, type Statement } from './document.js';

export interface IdentityPolicy {
  /** Where the document sits (evidence). */
  name: string;
  doc: unknown;
}

export interface RolePermissions {
  arn: string;
  account: string;
  /** Inline and attached policies; `undefined` for an attached policy the snapshot lacks. */
  policies: (IdentityPolicy | { name: string; doc: undefined })[];
  boundary?: IdentityPolicy | { name: string; doc: undefined };
}

export type IdentityDecision =
  | { kind: 'allow'; by: { policy: string; statement: Statement }[] }
  | { kind: 'deny' }
  | { kind: 'unknown'; reason: string };

interface Verdict {
  allow: { policy: string; statement: Statement }[];
  deny: boolean;
  /** Why an Allow may apply, or a Deny may apply (undecidable conditions). */
  maybeAllow?: string;
  maybeDeny?: string;
}

const vals = (...v: string[]): ContextValue => ({ kind: 'values', values: v });

function weigh(
  name: string,
  doc: unknown,
  action: string,
  resource: string,
  ctx: ConditionContext,
  out: Verdict,
): void {
  const parsed = parsed_(doc);
  if (parsed.problems.length) {
    // What could not be read may allow or deny anything.
    out.maybeDeny ??= `policy ${name}: ${parsed.problems[0]}`;
    out.maybeAllow ??= out.maybeDeny;
  }
  for (const st of parsed.statements) {
    // Identity policies name no principal; a statement that does is not one of them.
    if (st.principal || st.notPrincipal) continue;
    if (!matchesAction(st, action) || !matchesResource(st, resource)) continue;
    const c = st.condition ? evalConditionBlock(st.condition, ctx) : { result: true as const };
    if (c.result === 'unknown') {
      const why = `policy ${name}, ${st.sid ? `statement ${st.sid}` : `statement ${st.index}`}: ${c.unknownReason ?? 'a condition ownmap cannot decide'}`;
      if (st.effect === 'Deny') out.maybeDeny ??= why;
      else out.maybeAllow ??= why;
      continue;
    }
    if (!c.result) continue;
    if (st.effect === 'Deny') out.deny = true;
    else out.allow.push({ policy: name, statement: st });
  }
}

/** Documents parsed once: one managed policy serves many roles and many questions. */
const PARSED = new WeakMap<object, ReturnType<typeof parsePolicy>>();
function parsed_(doc: unknown): ReturnType<typeof parsePolicy> {
  if (!doc || typeof doc !== 'object') return parsePolicy(doc);
  let p = PARSED.get(doc);
  if (!p) {
    p = parsePolicy(doc);
    PARSED.set(doc, p);
  }
  return p;
}

/** Whether the role's own policies allow `action` on `resource` (owned by `resourceAccount`). */
export function roleAllows(
  role: RolePermissions,
  action: string,
  resource: string,
  resourceAccount: string | undefined,
): IdentityDecision {
  const ctx: ConditionContext = {
    get: (key) => {
      switch (key) {
        case 'aws:principalaccount':
          return vals(role.account);
        case 'aws:principalarn':
          return vals(role.arn);
        case 'aws:principaltype':
          return vals('AssumedRole');
        case 'aws:principalisawsservice':
          return vals('false');
        // The role's credentials used from outside: off the boundary's network, over TLS.
        case 'aws:sourceip':
          return vals('198.51.100.77');
        case 'aws:sourcevpce':
        case 'aws:sourcevpc':
          return { kind: 'absent' };
        case 'aws:securetransport':
          return vals('true');
        case 'aws:viaawsservice':
          return vals('false');
        case 'aws:resourceaccount':
        case 's3:resourceaccount':
          return resourceAccount ? vals(resourceAccount) : { kind: 'unknown' };
        default:
          return { kind: 'unknown' };
      }
    },
  };
  const id: Verdict = { allow: [], deny: false };
  for (const p of role.policies) {
    if (p.doc === undefined) {
      // An attached policy the snapshot lacks may allow or deny anything.
      id.maybeDeny ??= `attached policy ${p.name} is not in the snapshot`;
      id.maybeAllow ??= id.maybeDeny;
      continue;
    }
    weigh(p.name, p.doc, action, resource, ctx, id);
  }
  let bound: Verdict | undefined;
  if (role.boundary) {
    bound = { allow: [], deny: false };
    if (role.boundary.doc === undefined) {
      bound.maybeAllow = `permissions boundary ${role.boundary.name} is not in the snapshot`;
    } else weigh(role.boundary.name, role.boundary.doc, action, resource, ctx, bound);
  }
  if (id.deny || bound?.deny) return { kind: 'deny' };
  const allowed = (v: Verdict): true | false | string =>
    v.allow.length ? true : (v.maybeAllow ?? false);
  const a = allowed(id);
  const b = bound ? allowed(bound) : true;
  if (a === false || b === false) return { kind: 'deny' };
  const doubt =
    [a, b].find((x): x is string => typeof x === 'string') ?? id.maybeDeny ?? bound?.maybeDeny;
  if (doubt) return { kind: 'unknown', reason: doubt };
  return { kind: 'allow', by: id.allow };
}
