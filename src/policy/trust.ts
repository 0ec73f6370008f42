import { jsonPointer } from '../errors.js';
import { accountOfArn } from '../util/arn.js';

/** One principal a policy statement names, with where it sits in the document. */
export interface NamedPrincipal {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser`, or `*` for a bare wildcard. */
  type: string;
  value: string;
  /** The account the principal belongs to, for AWS principals. */
  account: string | undefined;
  statementIndex: number;
  sid: string | undefined;
  effect: string;
  actions: string[];
  /** Pointer to the principal value inside the policy document. */
  docPointer: string;
  hasConditions: boolean;
}

const arr = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Statements as an array, whether the document holds an object or an array. */
export function statements(doc: unknown): Record<string, unknown>[] {
  const st = (doc as { Statement?: unknown } | null)?.Statement;
  return arr(st).filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
}

/**
 * The principals a policy names in `Principal` (principal level only; conditions and
 * NotPrincipal are weighed by the policy evaluator).
 */
export function namedPrincipals(doc: unknown): NamedPrincipal[] {
  const out: NamedPrincipal[] = [];
  const list = (doc as { Statement?: unknown } | null)?.Statement;
  const isArray = Array.isArray(list);
  statements(doc).forEach((st, i) => {
    const base = isArray ? ['Statement', i] : ['Statement'];
    const p = st.Principal;
    const common = {
      statementIndex: i,
      sid: typeof st.Sid === 'string' ? st.Sid : undefined,
      effect: String(st.Effect ?? ''),
      actions: arr(st.Action).map(String),
      hasConditions: !!st.Condition && Object.keys(st.Condition as object).length > 0,
    };
    if (p === '*') {
      out.push({
        type: '*',
        value: '*',
        account: undefined,
        docPointer: jsonPointer([...base, 'Principal']),
        ...common,
      });
      return;
    }
    if (!p || typeof p !== 'object') return;
    for (const [type, values] of Object.entries(p as Record<string, unknown>)) {
      const many = Array.isArray(values);
      arr(values).forEach((v, j) => {
        const value = String(v);
        const account =
          type === 'AWS' ? (/^\d{12}$/.test(value) ? value : accountOfArn(value)) : undefined;
        out.push({
          type,
          value,
          account,
          docPointer: jsonPointer(
            many ? [...base, 'Principal', type, j] : [...base, 'Principal', type],
          ),
          ...common,
        });
      });
    }
  });
  return out;
}
