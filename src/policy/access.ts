/**
 * Who can do what under a resource policy: for each class of caller (anonymous, each
 * outside account the policy or the boundary names, any other account, service
 * principals) and each action of interest, over every request context the caller can
 * produce (the network path, transport, values of keys the caller chooses), decide
 * allow / deny / unknown with the IAM evaluation logic: an explicit Deny wins, an Allow
 * is needed, an undecidable condition makes the answer `unknown`, never a pass.
 */
import { type ConditionContext, type ContextValue, evalConditionBlock } from './conditions.js';
import {
  matchesAction,
  matchesResource,
  type PolicyDocument,
  type PrincipalSpec,
  parsePolicy,
  type Statement,
} from './document.js';

export type PolicyKind = 's3-bucket' | 'kms-key' | 'vpc-endpoint' | 'msk-cluster' | 'role-trust';
export const POLICY_KINDS: readonly PolicyKind[] = [
  's3-bucket',
  'kms-key',
  'vpc-endpoint',
  'msk-cluster',
  'role-trust',
];

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'account'; account: string }
  | { kind: 'service'; service: string }
  | { kind: 'federated'; provider: string };

export interface Owner {
  kind: 'inside' | 'party' | 'undeclared';
  name: string;
}

/** What the evaluator may ask of the boundary and the snapshot. */
export interface PolicyResolver {
  ownerOf(account: string): Owner;
  /** The organization an account belongs to, when known. */
  orgOf(account: string): string | undefined;
  /** Accounts of declared parties (each is analysed as a caller). */
  partyAccounts(): string[];
  /** A VPC endpoint's owner account and VPC, when the snapshot holds it. */
  endpoint(id: string): { account: string; vpcId: string | undefined } | undefined;
  /** A VPC's owner account, when the snapshot holds it. */
  vpc(id: string): { account: string } | undefined;
  /** The organizations inside the boundary (an outside account is in none of them). */
  insideOrganizations?(): string[];
}

export interface StatementRef {
  index: number;
  sid: string | undefined;
  pointer: string;
}

export interface Grant {
  caller: string;
  callerKind: Caller['kind'];
  account: string | undefined;
  owner: string;
  actions: string[];
  /** The request context that gets through, in words (`internet`, `via vpce-… (owner X)`). */
  via: string;
  /** The conditions of the granting statements, as written. */
  conditions: string[];
  statements: StatementRef[];
}

export interface UnknownGrant {
  caller: string;
  actions: string[];
  reason: string;
  statements: StatementRef[];
}

export interface PolicyAnswer {
  /** Public in S3's sense: anonymous callers get access without a fixed-value restriction. */
  public: boolean;
  outsideAccess: Grant[];
  unknown: UnknownGrant[];
  problems: string[];
}

/** The actions each kind of policy is asked about, and the resource each applies to. */
export function actionsFor(
  kind: PolicyKind,
  resource: string,
): { action: string; resource: string; family?: string }[] {
  const obj = `${resource}/ownmap-object`;
  switch (kind) {
    case 's3-bucket':
      return [
        ...[
          's3:GetObject',
          's3:GetObjectVersion',
          's3:PutObject',
          's3:DeleteObject',
          's3:DeleteObjectVersion',
        ].map((a) => ({ action: a, resource: obj, family: `${resource}/` })),
        ...[
          's3:ListBucket',
          's3:PutBucketPolicy',
          's3:DeleteBucketPolicy',
          's3:PutBucketAcl',
          's3:PutEncryptionConfiguration',
          's3:PutReplicationConfiguration',
          's3:DeleteBucket',
        ].map((a) => ({ action: a, resource })),
      ];
    case 'kms-key':
      return [
        'kms:Decrypt',
        'kms:GenerateDataKey',
        'kms:Encrypt',
        'kms:ReEncryptFrom',
        'kms:CreateGrant',
        'kms:PutKeyPolicy',
        'kms:ScheduleKeyDeletion',
        'kms:DisableKey',
      ].map((a) => ({ action: a, resource }));
    case 'vpc-endpoint':
      // What an inside principal can reach through the endpoint: a bucket outside the boundary.
      return ['s3:GetObject', 's3:PutObject', 's3:ListBucket'].map((a) => ({
        action: a,
        resource:
          a === 's3:ListBucket'
            ? 'arn:aws:s3:::ownmap-outside-bucket'
            : 'arn:aws:s3:::ownmap-outside-bucket/ownmap-object',
      }));
    case 'msk-cluster': {
      const topic = `${resource.replace(':cluster/', ':topic/')}/ownmap-topic`;
      const group = `${resource.replace(':cluster/', ':group/')}/ownmap-group`;
      // Topic and group ARNs: …:topic/<cluster-name>/<cluster-uuid>/<name>; policies often put * for the uuid.
      const family = (t: string) => t.split('/').slice(0, 2).join('/') + '/';
      return [
        ...[
          'kafka-cluster:Connect',
          'kafka-cluster:DescribeCluster',
          'kafka:CreateVpcConnection',
          'kafka:GetBootstrapBrokers',
          'kafka:DescribeClusterV2',
        ].map((a) => ({ action: a, resource })),
        ...['kafka-cluster:ReadData', 'kafka-cluster:WriteData', 'kafka-cluster:DescribeTopic'].map(
          (a) => ({ action: a, resource: topic, family: family(topic) }),
        ),
        { action: 'kafka-cluster:AlterGroup', resource: group, family: family(group) },
      ];
    }
    case 'role-trust':
      return [
        'sts:AssumeRole',
        'sts:AssumeRoleWithWebIdentity',
        'sts:AssumeRoleWithSAML',
        'sts:TagSession',
      ].map((a) => ({ action: a, resource }));
  }
}

const ANY_ACCOUNT = '000000000000';
const OTHER_IP = '198.51.100.77';
const ACCOUNT_RE = /^\d{12}$/;

function accountOf(value: string): string | undefined {
  if (ACCOUNT_RE.test(value)) return value;
  const parts = value.split(':');
  return parts.length >= 6 && ACCOUNT_RE.test(parts[4] ?? '') ? parts[4] : undefined;
}

/** The principal value that makes a statement apply to the caller, if any. */
function principalMatch(spec: PrincipalSpec, caller: Caller): string | undefined {
  if (spec === '*') return '*';
  for (const [type, values] of Object.entries(spec)) {
    for (const v of values) {
      if (type === 'AWS') {
        if (v === '*') return '*';
        if (caller.kind === 'account' && accountOf(v) === caller.account) return v;
      } else if (
        type === 'Service' &&
        caller.kind === 'service' &&
        v.toLowerCase() === caller.service.toLowerCase()
      )
        return v;
      else if (type === 'Federated' && caller.kind === 'federated' && v === caller.provider)
        return v;
    }
  }
  return undefined;
}

function appliesTo(st: Statement, caller: Caller): string | undefined {
  if (st.principal) return principalMatch(st.principal, caller);
  if (st.notPrincipal)
    return principalMatch(st.notPrincipal, caller) === undefined ? 'NotPrincipal' : undefined;
  return undefined;
}

/** Every value the policy's conditions give a key (lowercased keys). */
function conditionValues(doc: PolicyDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const st of doc.statements) {
    for (const block of Object.values(st.condition ?? {})) {
      if (!block || typeof block !== 'object') continue;
      for (const [key, val] of Object.entries(block as Record<string, unknown>)) {
        const k = key.toLowerCase();
        const list = out.get(k) ?? [];
        for (const v of Array.isArray(val) ? val : [val])
          if (typeof v === 'string' && !list.includes(v)) list.push(v);
        out.set(k, list);
      }
    }
  }
  return out;
}

/** Keys the evaluator knows how to fill; any other key in a condition makes it `unknown`. */
const KNOWN_KEYS = new Set([
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalisawsservice',
  'aws:principalarn',
  'aws:principalservicename',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceip',
  'aws:sourcevpce',
  'aws:sourcevpc',
  'aws:securetransport',
  'kms:viaservice',
  'kms:calleraccount',
  'sts:externalid',
]);

interface Scenario {
  values: Map<string, ContextValue>;
  via: string;
  /** Who can send a request in this context: `any`, an owner, or unknown. */
  reach: { kind: 'any' } | { kind: 'owner'; account: string } | { kind: 'unknown'; why: string };
}

const abs: ContextValue = { kind: 'absent' };
const vals = (...v: string[]): ContextValue => ({ kind: 'values', values: v });

/** The network paths a request can take, from the values the policy names. */
function networkScenarios(cv: Map<string, string[]>, r: PolicyResolver): Scenario[] {
  const out: Scenario[] = [];
  const ips = [...(cv.get('aws:sourceip') ?? []).map((c) => c.split('/')[0]!), OTHER_IP];
  for (const ip of ips) {
    out.push({
      values: new Map([
        ['aws:sourceip', vals(ip)],
        ['aws:sourcevpce', abs],
        ['aws:sourcevpc', abs],
      ]),
      via: ip === OTHER_IP ? 'any network path' : `the internet from ${ip}`,
      reach: { kind: 'any' },
    });
  }
  for (const e of cv.get('aws:sourcevpce') ?? []) {
    const ep = r.endpoint(e);
    const vpcs = ep?.vpcId ? [ep.vpcId] : [...(cv.get('aws:sourcevpc') ?? []), 'vpc-ownmap-other'];
    for (const v of vpcs) {
      out.push({
        values: new Map([
          ['aws:sourcevpce', vals(e)],
          ['aws:sourcevpc', vals(v)],
          ['aws:sourceip', abs],
        ]),
        via: `VPC endpoint ${e}`,
        reach: ep
          ? { kind: 'owner', account: ep.account }
          : {
              kind: 'unknown',
              why: `VPC endpoint ${e} is not in the snapshot, so its owner is unknown`,
            },
      });
    }
  }
  for (const v of cv.get('aws:sourcevpc') ?? []) {
    const vpc = r.vpc(v);
    out.push({
      values: new Map([
        ['aws:sourcevpc', vals(v)],
        ['aws:sourcevpce', vals('vpce-ownmap-other')],
        ['aws:sourceip', abs],
      ]),
      via: `VPC ${v}`,
      reach: vpc
        ? { kind: 'owner', account: vpc.account }
        : { kind: 'unknown', why: `VPC ${v} is not in the snapshot, so its owner is unknown` },
    });
  }
  return out;
}

/** Values of keys the caller chooses (it can send what the policy expects, or not). */
function chosenValues(
  cv: Map<string, string[]>,
  caller: Caller,
  r: PolicyResolver,
): Map<string, ContextValue[]> {
  const out = new Map<string, ContextValue[]>();
  out.set('aws:securetransport', [vals('true'), vals('false')]);
  out.set('sts:externalid', [...(cv.get('sts:externalid') ?? []).map((v) => vals(v)), abs]);
  out.set('kms:viaservice', [...(cv.get('kms:viaservice') ?? []).map((v) => vals(v)), abs]);
  if (
    caller.kind === 'account' &&
    !r.orgOf(caller.account) &&
    r.ownerOf(caller.account).kind !== 'inside'
  ) {
    // An outside account of unknown organization may belong to any organization the policy
    // names other than the boundary's own: a grant to a party's organization is outside access.
    const inside = new Set(r.insideOrganizations?.() ?? []);
    const foreign = (cv.get('aws:principalorgid') ?? []).filter((o) => !inside.has(o));
    out.set('aws:principalorgid', [...foreign.map((o) => vals(o)), vals('o-ownmap-other')]);
  }
  if (caller.kind === 'account') {
    const own = (cv.get('aws:principalarn') ?? []).filter(
      (v) => accountOf(v) === caller.account && !v.includes('*'),
    );
    out.set('aws:principalarn', [
      ...own.map((v) => vals(v)),
      vals(`arn:aws:iam::${caller.account}:role/ownmap-any-role`),
    ]);
  }
  if (caller.kind === 'service') {
    // The outside case of a service: acting for some other account (the confused deputy).
    // Acting for the accounts the policy pins is the boundary's own use of the service.
    out.set('aws:sourceaccount', [vals(ANY_ACCOUNT)]);
    out.set('aws:sourcearn', [vals(`arn:aws:s3:::ownmap-any-${ANY_ACCOUNT}`)]);
  }
  return out;
}

function callerValues(caller: Caller, r: PolicyResolver): Map<string, ContextValue> {
  const m = new Map<string, ContextValue>();
  const isAccount = caller.kind === 'account';
  const account = isAccount ? caller.account : undefined;
  m.set('aws:principalaccount', account ? vals(account) : abs);
  m.set('kms:calleraccount', account ? vals(account) : abs);
  m.set('aws:principalisawsservice', vals(caller.kind === 'service' ? 'true' : 'false'));
  m.set('aws:principalservicename', caller.kind === 'service' ? vals(caller.service) : abs);
  if (account) {
    const org = r.orgOf(account);
    const owner = r.ownerOf(account);
    m.set(
      'aws:principalorgid',
      org ? vals(org) : owner.kind === 'inside' ? { kind: 'unknown' } : vals('o-ownmap-other'),
    );
    m.set(
      'aws:principalorgpaths',
      owner.kind === 'inside' ? { kind: 'unknown' } : vals('o-ownmap-other/r-ownmap/ou-ownmap/'),
    );
  } else {
    m.set('aws:principalorgid', abs);
    m.set('aws:principalorgpaths', abs);
    m.set('aws:principalarn', abs);
  }
  if (caller.kind !== 'service') {
    m.set('aws:sourceaccount', abs);
    m.set('aws:sourcearn', abs);
  }
  return m;
}

function* combinations(choices: Map<string, ContextValue[]>): Generator<Map<string, ContextValue>> {
  const keys = [...choices.keys()];
  const idx = keys.map(() => 0);
  const limit = 4096;
  for (let n = 0; n < limit; n++) {
    yield new Map(keys.map((k, i) => [k, choices.get(k)![idx[i]!]!]));
    let i = 0;
    while (i < keys.length) {
      idx[i]!++;
      if (idx[i]! < choices.get(keys[i]!)!.length) break;
      idx[i] = 0;
      i++;
    }
    if (i === keys.length) return;
  }
}

type Decision =
  | { kind: 'allow'; by: Statement[] }
  | { kind: 'deny' }
  | { kind: 'unknown'; reason: string; by: Statement[] };

function decide(
  doc: PolicyDocument,
  caller: Caller,
  action: string,
  resource: string,
  ctx: ConditionContext,
): Decision {
  const allows: Statement[] = [];
  const maybe: { st: Statement; reason: string }[] = [];
  let maybeDeny: { st: Statement; reason: string } | undefined;
  for (const st of doc.statements) {
    if (!appliesTo(st, caller) || !matchesAction(st, action) || !matchesResource(st, resource))
      continue;
    const c = st.condition ? evalConditionBlock(st.condition, ctx) : { result: true as const };
    if (st.effect === 'Deny') {
      if (c.result === true) return { kind: 'deny' };
      if (c.result === 'unknown')
        maybeDeny ??= { st, reason: c.unknownReason ?? 'a condition ownmap cannot decide' };
    } else if (c.result === true) allows.push(st);
    else if (c.result === 'unknown')
      maybe.push({ st, reason: c.unknownReason ?? 'a condition ownmap cannot decide' });
  }
  if (allows.length && !maybeDeny) return { kind: 'allow', by: allows };
  if (allows.length && maybeDeny)
    return {
      kind: 'unknown',
      reason: `a Deny may apply: ${maybeDeny.reason}`,
      by: [...allows, maybeDeny.st],
    };
  if (maybe.length)
    return { kind: 'unknown', reason: maybe[0]!.reason, by: maybe.map((m) => m.st) };
  return { kind: 'deny' };
}

const ref = (st: Statement): StatementRef => ({
  index: st.index,
  sid: st.sid,
  pointer: st.pointer,
});

export interface AnalyzeInput {
  kind: PolicyKind;
  policy: unknown;
  /** The resource the policy is attached to (bucket, key, endpoint, cluster or role ARN). */
  resource: string;
  /** The account that owns the resource. */
  resourceAccount: string;
  resolver: PolicyResolver;
}

/** Analyse one policy. Pure; never throws on any input. */
export function analyzePolicy(input: AnalyzeInput): PolicyAnswer {
  const { kind, resolver: r } = input;
  const doc = parsePolicy(input.policy);
  const cv = conditionValues(doc);
  const problems = [...doc.problems];
  const unknownKeys = [...cv.keys()].filter((k) => !KNOWN_KEYS.has(k));

  // Callers: anonymous, every outside account the policy or the boundary names, any other
  // account, and the services and identity providers the policy names.
  const callers: Caller[] = [{ kind: 'anonymous' }, { kind: 'account', account: ANY_ACCOUNT }];
  const accounts = new Set<string>(r.partyAccounts());
  for (const st of doc.statements) {
    for (const spec of [st.principal, st.notPrincipal]) {
      if (!spec || spec === '*') continue;
      for (const [type, values] of Object.entries(spec)) {
        for (const v of values) {
          const a = type === 'AWS' ? accountOf(v) : undefined;
          if (a) accounts.add(a);
          if (type === 'Service') callers.push({ kind: 'service', service: v });
          if (type === 'Federated') callers.push({ kind: 'federated', provider: v });
        }
      }
    }
  }
  for (const list of cv.values()) for (const v of list) if (ACCOUNT_RE.test(v)) accounts.add(v);
  if (kind === 'vpc-endpoint') {
    callers.length = 0;
    callers.push({ kind: 'account', account: input.resourceAccount });
  } else {
    for (const a of [...accounts].sort())
      if (r.ownerOf(a).kind !== 'inside') callers.push({ kind: 'account', account: a });
  }

  const network = networkScenarios(cv, r);
  const grants = new Map<string, Grant>();
  const unknowns = new Map<string, UnknownGrant>();
  let isPublic = false;

  for (const caller of callers) {
    // Only statements naming this caller matter; with no Allow among them it gets nothing.
    const mine = { statements: doc.statements.filter((st) => appliesTo(st, caller)), problems: [] };
    if (!mine.statements.some((st) => st.effect === 'Allow')) continue;
    const label = describeCaller(caller, r);
    const base = callerValues(caller, r);
    const choices = chosenValues(cv, caller, r);
    for (const { action, resource: first, family } of actionsFor(kind, input.resource)) {
      // Three sample names with different first characters, so that one NotResource prefix
      // (bucket/o*) cannot hide a grant on the rest; plus every Resource of the family.
      const resources = family
        ? [
            first,
            `${family}Xq7-ownmap`,
            `${family}_ownmap`,
            ...doc.statements
              .flatMap((st) => st.resources ?? [])
              .filter((r) => r.startsWith(family)),
          ]
        : [first];
      for (const resource of [...new Set(resources)])
        for (const net of network) {
          if (!reachable(net, caller, r, kind)) continue;
          let decided: Decision | undefined;
          for (const chosen of combinations(choices)) {
            const ctx: ConditionContext = {
              get: (key) =>
                chosen.get(key) ??
                net.values.get(key) ??
                base.get(key) ??
                (KNOWN_KEYS.has(key) ? abs : { kind: 'unknown' }),
            };
            const d = decide(mine, caller, action, resource, ctx);
            if (d.kind === 'allow') {
              decided = d;
              break;
            }
            if (d.kind === 'unknown' && !decided) decided = d;
          }
          if (!decided || decided.kind === 'deny') continue;
          const netUnknown = net.reach.kind === 'unknown' ? net.reach.why : undefined;
          if (decided.kind === 'unknown' || netUnknown) {
            const reason = decided.kind === 'unknown' ? decided.reason : netUnknown!;
            const key = `${label}|${reason}`;
            const u = unknowns.get(key) ?? {
              caller: label,
              actions: [],
              reason,
              statements: decided.by.map(ref),
            };
            if (!u.actions.includes(action)) u.actions.push(action);
            unknowns.set(key, u);
            continue;
          }
          if (caller.kind === 'anonymous' && net.reach.kind === 'any' && wideOrAny(net, cv))
            isPublic = true;
          const key = `${label}|${net.via}|${decided.by.map((s) => s.index).join(',')}`;
          const g =
            grants.get(key) ??
            ({
              caller: label,
              callerKind: caller.kind,
              account:
                caller.kind === 'account' && caller.account !== ANY_ACCOUNT
                  ? caller.account
                  : undefined,
              owner:
                caller.kind === 'account' && caller.account !== ANY_ACCOUNT
                  ? r.ownerOf(caller.account).name
                  : 'undeclared',
              actions: [],
              via: describeVia(net, r),
              conditions: decided.by.flatMap((s) =>
                s.condition ? [JSON.stringify(s.condition)] : [],
              ),
              statements: decided.by.map(ref),
            } satisfies Grant);
          if (!g.actions.includes(action)) g.actions.push(action);
          grants.set(key, g);
        }
    }
  }
  if (unknownKeys.length)
    problems.push(`condition keys ownmap does not evaluate: ${unknownKeys.join(', ')}`);
  return {
    public: isPublic,
    outsideAccess: [...grants.values()],
    unknown: [...unknowns.values()],
    problems,
  };
}

/** S3's reading of "public": no fixed-value restriction narrower than a /8 (IPv4) or /32 (IPv6). */
function wideOrAny(net: Scenario, cv: Map<string, string[]>): boolean {
  const ip = net.values.get('aws:sourceip');
  if (ip?.kind !== 'values') return true;
  if (ip.values[0] === OTHER_IP) return true;
  const cidr = (cv.get('aws:sourceip') ?? []).find((c) => c.split('/')[0] === ip.values[0]);
  const bits = Number(cidr?.split('/')[1] ?? (cidr?.includes(':') ? 128 : 32));
  return cidr?.includes(':') ? bits < 32 : bits < 8;
}

function reachable(net: Scenario, caller: Caller, r: PolicyResolver, kind: PolicyKind): boolean {
  if (net.reach.kind !== 'owner') return true;
  if (kind === 'vpc-endpoint') return true;
  // Only the owner of an endpoint or VPC sends requests from it; an endpoint inside the
  // boundary is the boundary's own private path, not an outside caller's.
  if (caller.kind !== 'account') return false;
  if (caller.account === net.reach.account) return true;
  return caller.account === ANY_ACCOUNT && r.ownerOf(net.reach.account).kind === 'undeclared';
}

function describeCaller(c: Caller, r: PolicyResolver): string {
  switch (c.kind) {
    case 'anonymous':
      return 'anonymous (any principal, signed or not)';
    case 'service':
      return `service ${c.service}`;
    case 'federated':
      return `federated identities of ${c.provider}`;
    case 'account': {
      if (c.account === ANY_ACCOUNT) return 'any other AWS account';
      const o = r.ownerOf(c.account);
      return `account ${c.account} (${o.kind === 'party' ? o.name : o.kind})`;
    }
  }
}

function describeVia(net: Scenario, r: PolicyResolver): string {
  if (net.reach.kind === 'owner')
    return `${net.via} (owner: ${r.ownerOf(net.reach.account).name}, account ${net.reach.account})`;
  return net.via;
}
