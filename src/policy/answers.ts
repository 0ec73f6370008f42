import type { Bucket, KmsKey, MskCluster, PolicyDoc } from '../inventory/model.js';
import type { RuleContext } from '../rules/define.js';
import { analyzePolicy, type Grant, type PolicyAnswer, type UnknownGrant } from './access.js';
import { resolverFor } from './resolver.js';

export interface Answered<T> {
  resource: T;
  arn: string;
  account: string;
  region: string | undefined;
  policy: PolicyDoc;
  answer: PolicyAnswer;
}

export interface PolicyAnswers {
  buckets: Answered<Bucket>[];
  keys: Answered<KmsKey>[];
  clusters: Answered<MskCluster>[];
}

/** Per inventory and boundary: the same snapshot may be analysed under several boundaries. */
const cache = new WeakMap<object, WeakMap<object, PolicyAnswers>>();

/**
 * Every data-bearing resource's policy, analysed once per analysis and shared by the rules
 * that ask who outside can read, write, decrypt or reach it.
 */
export function policyAnswers(
  ctx: Pick<RuleContext, 'inventory' | 'boundary' | 'data' | 'lookup'>,
): PolicyAnswers {
  const hit = cache.get(ctx.inventory)?.get(ctx.boundary);
  if (hit) return hit;
  const resolver = resolverFor(ctx.boundary, ctx.inventory);
  const buckets: Answered<Bucket>[] = [];
  for (const [name] of ctx.data.buckets) {
    const b = ctx.lookup.bucketByName.get(name);
    if (!b?.policy) continue;
    const answer = analyzePolicy({
      kind: 's3-bucket',
      policy: b.policy.doc,
      resource: b.arn,
      resourceAccount: b.account,
      resolver,
    });
    buckets.push({
      resource: b,
      arn: b.arn,
      account: b.account,
      region: b.region,
      policy: b.policy,
      answer,
    });
  }
  const keys: Answered<KmsKey>[] = [];
  for (const [, k] of ctx.data.keys) {
    const key = k.ref.key;
    if (!key?.policy) continue;
    const answer = analyzePolicy({
      kind: 'kms-key',
      policy: key.policy.doc,
      resource: key.arn,
      resourceAccount: key.account,
      resolver,
    });
    keys.push({
      resource: key,
      arn: key.arn,
      account: key.account,
      region: key.region,
      policy: key.policy,
      answer,
    });
  }
  const clusters: Answered<MskCluster>[] = [];
  for (const c of ctx.inventory.mskClusters) {
    if (!c.policy || !ctx.data.clusters.has(c.arn)) continue;
    const answer = analyzePolicy({
      kind: 'msk-cluster',
      policy: c.policy.doc,
      resource: c.arn,
      resourceAccount: c.account,
      resolver,
    });
    clusters.push({
      resource: c,
      arn: c.arn,
      account: c.account,
      region: c.region,
      policy: c.policy,
      answer,
    });
  }
  const out = { buckets, keys, clusters };
  const perBoundary = cache.get(ctx.inventory) ?? new WeakMap<object, PolicyAnswers>();
  perBoundary.set(ctx.boundary, out);
  cache.set(ctx.inventory, perBoundary);
  return out;
}

/** The grants (and undecided grants) of an answer that include one of these actions. */
export function grantsFor(
  answer: PolicyAnswer,
  actions: readonly string[],
): { grants: Grant[]; unknown: UnknownGrant[] } {
  const pick = <T extends { actions: string[] }>(list: T[]) =>
    list
      .map((g) => ({ ...g, actions: g.actions.filter((a) => actions.includes(a)) }))
      .filter((g) => g.actions.length > 0);
  return { grants: mergeByCaller(pick(answer.outsideAccess)), unknown: pick(answer.unknown) };
}

/**
 * What of a policy could not be read (a statement skipped, a document that is not JSON):
 * access through it is unknown. The note on condition keys is left out, since the grants
 * those keys guard are reported as unknown themselves.
 */
export function unreadable(answer: { problems: string[] }): string[] {
  return answer.problems.filter((p) => !p.startsWith('condition keys ownmap does not evaluate'));
}

/**
 * One grant per caller (and destination): the actions, network paths, statements and
 * conditions of all its grants together, so that a finding per caller says all of it.
 */
export function mergeByCaller(grants: readonly Grant[]): Grant[] {
  const out = new Map<string, Grant>();
  for (const g of grants) {
    const key = `${g.caller}|${g.target ?? ''}`;
    const m = out.get(key);
    if (!m) {
      out.set(key, {
        ...g,
        actions: [...g.actions],
        conditions: [...g.conditions],
        statements: [...g.statements],
      });
      continue;
    }
    for (const a of g.actions) if (!m.actions.includes(a)) m.actions.push(a);
    for (const c of g.conditions) if (!m.conditions.includes(c)) m.conditions.push(c);
    for (const st of g.statements)
      if (!m.statements.some((x) => x.index === st.index)) m.statements.push(st);
    if (!m.via.split(' or ').includes(g.via)) m.via = `${m.via} or ${g.via}`;
  }
  for (const g of out.values()) g.statements.sort((a, b) => a.index - b.index);
  return [...out.values()];
}

/** How severe an outside grant is: anyone at all, an unknown account, a declared party. */
export function grantSeverity(g: Grant): 'critical' | 'high' | 'medium' | 'low' {
  if (g.callerKind === 'anonymous') return 'critical';
  // A service acting for any account: the confused-deputy guard (aws:SourceAccount) is missing.
  if (g.callerKind === 'service' && !g.account) return 'low';
  return g.owner === 'undeclared' ? 'high' : 'medium';
}

/** One sentence on a grant: who, what, how, which statement. */
export function describeGrant(g: Grant): string {
  const st = g.statements
    .map((s) => (s.sid ? `statement ${s.sid}` : `statement ${s.index}`))
    .join(', ');
  return `${g.caller} can ${g.actions.join(', ')} via ${g.via} (${st}${g.conditions.length ? `, when ${g.conditions.join(' and ')}` : ''})`;
}

/**
 * Report every outside grant of the given actions on data-bearing resources: one finding
 * per resource and caller, `unknown` where the policy cannot be decided. Shared by the
 * read, write and decrypt rules so that they differ only in the actions they ask about.
 */
export function reportOutsideAccess(
  ctx: RuleContext,
  opts: {
    actions: readonly string[];
    verb: string;
    of: readonly ('buckets' | 'keys' | 'clusters')[];
  },
): void {
  const answers = policyAnswers(ctx);
  for (const kind of opts.of) {
    for (const a of answers[kind] as Answered<{
      name?: string;
      id?: string;
      aliases?: string[];
    }>[]) {
      const { grants, unknown } = grantsFor(a.answer, opts.actions);
      const resource = {
        arn: a.arn,
        account: a.account,
        ...(a.region ? { region: a.region } : {}),
      };
      const label =
        kind === 'buckets' ? 'data bucket' : kind === 'keys' ? 'data key' : 'MSK cluster';
      const name = a.resource.name ?? a.resource.aliases?.[0] ?? a.resource.id ?? a.arn;
      for (const g of grants) {
        ctx.report({
          resource,
          key: g.caller,
          severity: grantSeverity(g),
          message: `${capitalise(label)} ${name}: ${describeGrant(g)}, so they can ${opts.verb}.`,
          evidence: g.statements.map((s) => ({ src: a.policy.src, docPointer: s.pointer })),
        });
      }
      for (const p of unreadable(a.answer)) {
        ctx.report({
          resource,
          key: `unreadable:${p}`,
          status: 'unknown',
          message: `${capitalise(label)} ${name}: part of its policy could not be read (${p}), so who outside can use it is unknown.`,
          evidence: [{ src: a.policy.src }],
        });
      }
      for (const u of unknown) {
        ctx.report({
          resource,
          key: `unknown:${u.caller}`,
          status: 'unknown',
          message: `${capitalise(label)} ${name}: whether ${u.caller} can ${u.actions.join(', ')} is unknown: ${u.reason}.`,
          evidence: u.statements.map((s) => ({ src: a.policy.src, docPointer: s.pointer })),
        });
      }
    }
  }
}

const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);
