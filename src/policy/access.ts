/**
 * Who can do what under a resource policy: for each class of caller (anonymous, each
 * outside account the policy or the boundary names, any other account, service
 * principals) and each action of interest, over every request context the caller can
 * produce (the network path, transport, values of keys the caller chooses), decide
 * allow / deny / unknown with the IAM evaluation logic: an explicit Deny wins, an Allow
 * is needed, an undecidable condition makes the answer `unknown`, never a pass.
 */
import {
  baseOperator,
  type ConditionContext,
  type ContextValue,
  evalConditionBlock,
} from './conditions.js';
import {
  matchesAction,
  matchesResource,
  type PolicyDocument,
  type PrincipalSpec,
  parsePolicy,
  type Statement,
  wildcardMatch,
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
  /**
   * Principals of an account. With `principal`, that one role or user (named by the policy);
   * without, any other principal of the account, which statements naming only some roles or
   * users of it do not reach.
   */
  | { kind: 'account'; account: string; principal?: string }
  | { kind: 'service'; service: string; for?: string }
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
  /** A bucket's owner account, when the snapshot holds the bucket. */
  bucket?(name: string): { account: string } | undefined;
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
  /** What the caller reaches when it is not the policy's own resource (an endpoint policy's buckets). */
  target?: string;
  /** The owner of that target: a declared party's name or `undeclared`. */
  targetOwner?: string;
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
      // What a caller in the VPC can reach through the endpoint: see endpointProbes.
      return ['s3:GetObject', 's3:PutObject', 's3:ListBucket'].map((a) => ({
        action: a,
        resource: a === 's3:ListBucket' ? OUTSIDE_BUCKET : `${OUTSIDE_BUCKET}/ownmap-object`,
      }));
    case 'msk-cluster': {
      const topic = `${resource.replace(':cluster/', ':topic/')}/ownmap-topic`;
      const group = `${resource.replace(':cluster/', ':group/')}/ownmap-group`;
      // Topic and group ARNs: …:topic/<cluster-name>/<cluster-uuid>/<name>; policies often put * for the uuid.
      const family = (t: string) => `${t.split('/').slice(0, 2).join('/')}/`;
      return [
        ...[
          'kafka-cluster:Connect',
          'kafka-cluster:DescribeCluster',
          'kafka:CreateVpcConnection',
          'kafka:GetBootstrapBrokers',
          'kafka:DescribeCluster',
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
/** Keys whose value a caller cannot change: a condition on them decides once per caller. */
const FIXED_KEYS = new Set([
  'aws:principalaccount',
  'kms:calleraccount',
  'aws:principalisawsservice',
  'aws:principalservicename',
  'aws:principalorgid',
  'aws:principalorgpaths',
]);
/** The account of a bucket outside the boundary that anyone may create. */
const OUTSIDE_RESOURCE_ACCOUNT = '000000000001';
const OUTSIDE_BUCKET = 'arn:aws:s3:::ownmap-outside-bucket';
const OTHER_ORG = 'o-ownmap-other';

/**
 * Buckets AWS owns that its documentation tells endpoint policies to allow (Amazon Linux
 * repositories, ECR image layers, Systems Manager): reading them is not a boundary crossing.
 */
const AWS_OWNED_BUCKETS = [
  /^amazonlinux\.[a-z0-9-]+\.amazonaws\.com$/,
  /^amazonlinux-2-repos-[a-z0-9-]+$/,
  /^al2023-repos-[a-z0-9-]+$/,
  /^prod-[a-z0-9-]+-starport-layer-bucket$/,
  /^(aws-ssm|amazon-ssm|amazon-ssm-packages|aws-windows-downloads|aws-ssm-distributor-file|aws-ssm-document-attachments|patch-baseline-snapshot)-[a-z0-9-]+$/,
  /^[a-z0-9-]+-birdwatcher-prod$/,
];

/** One request the evaluator asks about: an action on a resource that has an owner. */
interface Probe {
  action: string;
  resource: string;
  family?: string;
  /** The resource's account; `null` when nobody knows it. */
  resourceAccount: string | null;
  /** The resource's organization when it is not the account's (a bucket in a named organization). */
  resourceOrg?: string;
  /** For endpoint policies, the bucket the request reaches (in words). */
  target?: string;
}

/**
 * What passes through a VPC endpoint to buckets outside the boundary: a bucket anyone can
 * create (the exfiltration path), each bucket the policy names that the snapshot puts
 * outside or does not hold, and a bucket named to match each wildcard bucket pattern.
 */
function endpointProbes(doc: PolicyDocument, r: PolicyResolver): Probe[] {
  const buckets = new Map<string, { account: string | null; org?: string; target: string }>();
  buckets.set('ownmap-outside-bucket', {
    account: OUTSIDE_RESOURCE_ACCOUNT,
    target: 'any bucket outside the boundary',
  });
  for (const st of doc.statements) {
    if (st.effect !== 'Allow') continue;
    for (const res of st.resources ?? []) {
      const m = /^arn:aws[a-z-]*:s3:::([^/]+)/.exec(res);
      const name = m?.[1];
      if (!name || name === '*') continue;
      if (/[*?]/.test(name)) {
        // Anyone can create a bucket whose name fits the pattern, in any account.
        const made = name.replace(/\*/g, 'ownmap-x').replace(/\?/g, 'x');
        buckets.set(made, {
          account: OUTSIDE_RESOURCE_ACCOUNT,
          target: `a bucket outside the boundary named to match ${name}`,
        });
        continue;
      }
      if (AWS_OWNED_BUCKETS.some((re) => re.test(name))) continue;
      const known = r.bucket?.(name);
      if (known && r.ownerOf(known.account).kind === 'inside') continue;
      buckets.set(name, {
        account: known?.account ?? null,
        target: known ? `bucket ${name} (account ${known.account})` : `bucket ${name}`,
      });
    }
  }
  // Buckets of the outside accounts and organizations the policy's resource conditions name.
  const cv = conditionValues(doc);
  for (const a of [
    ...(cv.get('aws:resourceaccount') ?? []),
    ...(cv.get('s3:resourceaccount') ?? []),
  ])
    if (ACCOUNT_RE.test(a) && r.ownerOf(a).kind !== 'inside')
      buckets.set(`ownmap-bucket-of-${a}`, {
        account: a,
        target: `buckets of account ${a} (${r.ownerOf(a).name})`,
      });
  const insideOrgs = new Set(r.insideOrganizations?.() ?? []);
  for (const o of cv.get('aws:resourceorgid') ?? [])
    if (!insideOrgs.has(o) && !o.includes('$'))
      buckets.set(`ownmap-bucket-in-${o}`, {
        account: OUTSIDE_RESOURCE_ACCOUNT,
        org: o,
        target: `buckets of organization ${o}`,
      });
  const out: Probe[] = [];
  for (const [name, b] of buckets) {
    const arn = `arn:aws:s3:::${name}`;
    for (const action of ['s3:GetObject', 's3:PutObject', 's3:ListBucket'])
      out.push({
        action,
        resource: action === 's3:ListBucket' ? arn : `${arn}/ownmap-object`,
        ...(action === 's3:ListBucket' ? {} : { family: `${arn}/` }),
        resourceAccount: b.account,
        ...(b.org ? { resourceOrg: b.org } : {}),
        target: b.target,
      });
  }
  return out;
}

function endpointIdOf(resource: string): string | undefined {
  return /vpce-[0-9a-z]+/.exec(resource)?.[0];
}
const OTHER_IP = '198.51.100.77';
const ACCOUNT_RE = /^\d{12}$/;

function accountOf(value: string): string | undefined {
  if (ACCOUNT_RE.test(value)) return value;
  const parts = value.split(':');
  return parts.length >= 6 && ACCOUNT_RE.test(parts[4] ?? '') ? parts[4] : undefined;
}

/**
 * An account id that fits a pattern over account ids (`2222*`, `arn:aws:iam::2222*:role/x`):
 * anyone's account may, so the pattern names an account outside the boundary.
 */
function accountFitting(value: string): string | undefined {
  const field = value.startsWith('arn:') ? (value.split(':')[4] ?? '') : value;
  if (!WILD.test(field) || !/^[\d*?]+$/.test(field)) return undefined;
  const parts = field.replace(/\?/g, '0').split('*');
  const fixed = parts.join('').length;
  if (fixed > 12) return undefined;
  const made = parts[0] + '0'.repeat(12 - fixed) + parts.slice(1).join('');
  return ACCOUNT_RE.test(made) && made !== ANY_ACCOUNT ? made : undefined;
}

/** The principal value that makes a statement apply to the caller, if any. */
function principalMatch(spec: PrincipalSpec, caller: Caller): string | undefined {
  if (spec === '*') return '*';
  for (const [type, values] of Object.entries(spec)) {
    for (const v of values) {
      if (type === 'AWS') {
        if (v === '*') return '*';
        if (caller.kind !== 'account' || accountOf(v) !== caller.account) continue;
        // The account (its id or root) covers every principal of it; a role or user ARN
        // only the principal it names.
        if (ACCOUNT_RE.test(v) || v.endsWith(':root')) return v;
        if (caller.principal && wildcardMatch(v, caller.principal)) return v;
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
    return principalMatch(excludedWhole(st.notPrincipal), caller) === undefined
      ? 'NotPrincipal'
      : undefined;
  return undefined;
}

/**
 * The callers a NotPrincipal leaves out entirely. A caller stands for any principal of its
 * account, and a request is weighed against the account as well as the role or user: naming a
 * role without its account's ARN leaves the rest of the account (and, per the IAM guide, the
 * role itself) inside the statement. Only `*` and account-level values exclude an account.
 */
function excludedWhole(spec: PrincipalSpec): PrincipalSpec {
  if (spec === '*') return spec;
  const out: Record<string, string[]> = {};
  for (const [type, values] of Object.entries(spec))
    out[type] =
      type === 'AWS'
        ? values.filter((v) => v === '*' || ACCOUNT_RE.test(v) || /:root$/.test(v))
        : values;
  return out;
}

/** Every value the policy's conditions give a key (lowercased keys). */
function conditionValues(doc: PolicyDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const st of doc.statements) {
    for (const [operator, block] of Object.entries(st.condition ?? {})) {
      if (!block || typeof block !== 'object') continue;
      // Null and Bool compare with true/false: their values are not values of the key.
      const flag = ['Null', 'Bool'].includes(baseOperator(operator));
      for (const [key, val] of Object.entries(block as Record<string, unknown>)) {
        const k = key.toLowerCase();
        const list = out.get(k) ?? [];
        if (!flag)
          for (const v of Array.isArray(val) ? val : [val])
            if (typeof v === 'string' && !list.includes(v)) list.push(v);
        out.set(k, list);
      }
    }
  }
  return out;
}

const WILD = /[*?]/;
/** A concrete value that fits a pattern (`*` and `?` filled in). */
const fill = (pattern: string) => pattern.replace(/\*/g, 'ownmap-x').replace(/\?/g, 'x');
const ORG_ID = /^o-[a-z0-9]{10,32}$/;

/**
 * Identity providers that issue tokens to anyone (a repository, an app, a user of theirs): a
 * role they may assume is reachable from outside unless its conditions pin the subject.
 */
const PUBLIC_ISSUERS = [
  'token.actions.githubusercontent.com',
  'gitlab.com',
  'app.terraform.io',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
  'cognito-identity.amazonaws.com',
  'oidc.circleci.com',
  'token.buildkite.com',
  'api.bitbucket.org',
];

/** The issuer of a federated principal (`arn:…:oidc-provider/<issuer>` or a bare issuer). */
function issuerOf(provider: string): string {
  const m = /:oidc-provider\/(.+)$/.exec(provider);
  return (m ? m[1]! : provider).toLowerCase();
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
  'aws:referer',
  'aws:useragent',
  'aws:resourceaccount',
  's3:resourceaccount',
  'aws:resourceorgid',
  'aws:resourceorgpaths',
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
  const OTHER_ENDPOINT = 'a VPC endpoint the policy does not name (in any account)';
  if (cv.has('aws:sourcevpce') || cv.has('aws:sourcevpc'))
    // Anyone can create an endpoint in a VPC of their own; patterns match some of those.
    out.push({
      values: new Map([
        ['aws:sourcevpce', vals('vpce-ownmap-x')],
        ['aws:sourcevpc', vals('vpc-ownmap-x')],
        ['aws:sourceip', abs],
      ]),
      via: OTHER_ENDPOINT,
      reach: { kind: 'any' },
    });
  for (const e of (cv.get('aws:sourcevpce') ?? []).filter((v) => !WILD.test(v))) {
    const ep = r.endpoint(e);
    const vpcs = ep?.vpcId
      ? [ep.vpcId]
      : [...(cv.get('aws:sourcevpc') ?? []).filter((v) => !WILD.test(v)), 'vpc-ownmap-other'];
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
  for (const v of (cv.get('aws:sourcevpc') ?? []).filter((x) => !WILD.test(x))) {
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
  const named = (key: string) => (cv.get(key) ?? []).map((v) => vals(WILD.test(v) ? fill(v) : v));
  out.set('aws:securetransport', [vals('true'), vals('false')]);
  out.set('sts:externalid', [...named('sts:externalid'), abs]);
  out.set('kms:viaservice', [...named('kms:viaservice'), abs]);
  // The caller writes these headers itself.
  if (cv.has('aws:referer')) out.set('aws:referer', [...named('aws:referer'), abs]);
  if (cv.has('aws:useragent')) out.set('aws:useragent', [...named('aws:useragent'), abs]);
  if (caller.kind === 'anonymous' && cv.has('aws:principalisawsservice'))
    // Unsigned requests carry no principal keys at all.
    out.set('aws:principalisawsservice', [vals('false'), abs]);
  if (
    caller.kind === 'account' &&
    !r.orgOf(caller.account) &&
    r.ownerOf(caller.account).kind !== 'inside'
  ) {
    // An outside account of unknown organization may belong to any organization the policy
    // names other than the boundary's own, to another one, or to none (then the key is absent).
    const inside = new Set(r.insideOrganizations?.() ?? []);
    const foreign = (cv.get('aws:principalorgid') ?? []).filter(
      (o) => ORG_ID.test(o) && !inside.has(o),
    );
    if (cv.has('aws:principalorgid'))
      out.set('aws:principalorgid', [...foreign.map((o) => vals(o)), vals(OTHER_ORG), abs]);
    if (cv.has('aws:principalorgpaths')) {
      const paths = (cv.get('aws:principalorgpaths') ?? []).filter(
        (p) => !inside.has(p.split('/')[0] ?? ''),
      );
      out.set('aws:principalorgpaths', [
        ...paths.map((p) => vals(fill(p))),
        vals(`${OTHER_ORG}/r-ownmap/ou-ownmap/`),
        abs,
      ]);
    }
  }
  if (caller.kind === 'account' && caller.principal) {
    out.set('aws:principalarn', [vals(caller.principal)]);
  } else if (caller.kind === 'account') {
    // Role and user names are the account's to choose: any ARN the policy names or patterns
    // for this account (or for any account) can be made to match.
    const own = (cv.get('aws:principalarn') ?? []).flatMap((v) => {
      const parts = v.split(':');
      if (parts.length < 6) return [];
      const acct = parts[4] ?? '';
      if (acct !== caller.account && !(WILD.test(acct) && caller.account === ANY_ACCOUNT)) {
        if (!WILD.test(acct) || !wildcardMatch(acct, caller.account)) return [];
      }
      parts[4] = caller.account;
      return [fill(parts.join(':'))];
    });
    out.set('aws:principalarn', [
      ...[...new Set(own)].map((v) => vals(v)),
      vals(`arn:aws:iam::${caller.account}:role/ownmap-any-role`),
    ]);
  }
  if (caller.kind === 'service') {
    // A service acts for some account: the one this caller stands for, or any other (the
    // confused deputy). Acting for the accounts the policy pins is the boundary's own use.
    const acting = caller.for ?? ANY_ACCOUNT;
    const arns = (cv.get('aws:sourcearn') ?? [])
      .filter((a) => accountOf(a) === acting)
      .map((a) => vals(fill(a)));
    out.set('aws:sourceaccount', [vals(acting)]);
    out.set('aws:sourcearn', arns.length ? arns : [vals(`arn:aws:s3:::ownmap-any-${acting}`)]);
  }
  if (caller.kind === 'federated') {
    // Keys of a public issuer's tokens: the audience is the caller's to ask for, the subject is
    // one of its own (not the boundary's repository or app).
    const issuer = issuerOf(caller.provider);
    for (const key of cv.keys()) {
      if (key.startsWith(`${issuer}:`) || (key.startsWith('saml:') && key !== 'saml:sub')) {
        const claim = key.slice(key.indexOf(':') + 1);
        // A Cognito identity pool's id (aud) is the boundary's own: who may sign in there is
        // not in the snapshot, so it stays unknown.
        if (issuer === 'cognito-identity.amazonaws.com' && claim !== 'sub') continue;
        if (['aud', 'azp', 'amr'].includes(claim) || key === 'saml:aud')
          out.set(key, [...named(key), abs]);
        else if (claim === 'sub')
          out.set(key, [vals(`repo:ownmap-outside/ownmap:ref:refs/heads/main`)]);
      }
    }
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
      org ? vals(org) : owner.kind === 'inside' ? { kind: 'unknown' } : vals(OTHER_ORG),
    );
    m.set(
      'aws:principalorgpaths',
      owner.kind === 'inside' ? { kind: 'unknown' } : vals(`${OTHER_ORG}/r-ownmap/ou-ownmap/`),
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

/** A request context from layers of values, first layer first; a key none fills is absent
 * when the evaluator knows it, else unknown. */
function layered(...layers: Map<string, ContextValue>[]): ConditionContext {
  return {
    get: (key) => {
      for (const l of layers) {
        const v = l.get(key);
        if (v) return v;
      }
      return KNOWN_KEYS.has(key) ? abs : { kind: 'unknown' };
    },
  };
}

/** How many request contexts ownmap tries at most for one question. */
const CONTEXT_LIMIT = 4096;

/** The number of request contexts the choices make. */
function contextCount(choices: Map<string, ContextValue[]>): number {
  let n = 1;
  for (const list of choices.values()) n *= Math.max(1, list.length);
  return n;
}

/** Why a question is left undecided when it has more request contexts than ownmap tries. */
const tooMany = (n: number) =>
  `the policy's conditions make ${n} request contexts to try, more than ownmap weighs (${CONTEXT_LIMIT})`;

function* combinations(choices: Map<string, ContextValue[]>): Generator<Map<string, ContextValue>> {
  const keys = [...choices.keys()];
  const idx = keys.map(() => 0);
  for (let n = 0; n < CONTEXT_LIMIT; n++) {
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

/** The decision over the statements that apply to the caller, action and resource. */
function decide(statements: Statement[], ctx: ConditionContext): Decision {
  const allows: Statement[] = [];
  const maybe: { st: Statement; reason: string }[] = [];
  let maybeDeny: { st: Statement; reason: string } | undefined;
  for (const st of statements) {
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
  /** privateAccess only: the one principal of the resource account to try (default: any). */
  principalArn?: string;
}

/** Analyse one policy. Pure; never throws on any input. */
export function analyzePolicy(input: AnalyzeInput): PolicyAnswer {
  const { kind, resolver: r } = input;
  const doc = parsePolicy(input.policy);
  const cv = conditionValues(doc);
  const problems = [...doc.problems];
  const unknownKeys = () =>
    [...cv.keys()].filter(
      (k) =>
        !KNOWN_KEYS.has(k) &&
        !callers.some(
          (c) =>
            c.kind === 'federated' &&
            (k.startsWith(`${issuerOf(c.provider)}:`) || k.startsWith('saml:')),
        ),
    );

  // Callers: anonymous, every outside account the policy or the boundary names, any other
  // account, and the services and identity providers the policy names.
  const callers: Caller[] = [{ kind: 'anonymous' }, { kind: 'account', account: ANY_ACCOUNT }];
  const accounts = new Set<string>(r.partyAccounts());
  const services = new Set<string>();
  const principals = new Map<string, Set<string>>();
  const unplaced: UnknownGrant[] = [];
  let everyone = false;
  for (const st of doc.statements) {
    for (const spec of [st.principal, st.notPrincipal]) {
      if (!spec) continue;
      if (spec === '*') {
        everyone = true;
        continue;
      }
      for (const [type, values] of Object.entries(spec)) {
        for (const v of values) {
          const a = type === 'AWS' ? accountOf(v) : undefined;
          if (a) accounts.add(a);
          // A role or user ARN is a caller of its own: statements naming it reach only it.
          if (a && !v.endsWith(':root') && !ACCOUNT_RE.test(v)) {
            const set = principals.get(a) ?? new Set<string>();
            principals.set(a, set.add(v));
          }
          if (type === 'AWS' && v === '*') everyone = true;
          if (type === 'Service') services.add(v);
          if (type === 'Federated' && federatedOutside(v, r))
            callers.push({ kind: 'federated', provider: v });
          // Principals whose account ownmap cannot tell: never a silent pass.
          const cloudfront = type === 'AWS' && v.includes(':iam::cloudfront:user/');
          if (
            st.effect === 'Allow' &&
            spec === st.principal &&
            (type === 'CanonicalUser' || cloudfront)
          )
            unplaced.push({
              caller: cloudfront ? `CloudFront origin access identity ${v}` : `canonical user ${v}`,
              actions: st.actions ?? [`not ${(st.notActions ?? []).join(', ')}`],
              reason: `ownmap cannot tell which account ${cloudfront ? 'owns this origin access identity' : 'this canonical user id belongs to'}`,
              statements: [ref(st)],
            });
        }
      }
    }
  }
  // Accounts named in conditions (ids, or the account field of ARNs) are callers too.
  for (const list of cv.values())
    for (const v of list) {
      const a = accountOf(v) ?? accountFitting(v);
      if (a) accounts.add(a);
    }
  // "*" covers service principals: when the policy weighs them, ask about any service.
  if (everyone && (cv.has('aws:principalisawsservice') || cv.has('aws:principalservicename'))) {
    services.add('ownmap-any-service.amazonaws.com');
    for (const n of cv.get('aws:principalservicename') ?? []) services.add(fill(n));
  }
  // Each service acts for any account, and for each outside account the policy pins it to.
  const actingFor = [
    ...(cv.get('aws:sourceaccount') ?? []).filter((a) => ACCOUNT_RE.test(a)),
    ...(cv.get('aws:sourcearn') ?? []).flatMap((a) => accountOf(a) ?? []),
  ].filter((a) => r.ownerOf(a).kind !== 'inside');
  for (const service of [...services].sort()) {
    callers.push({ kind: 'service', service });
    for (const a of [...new Set(actingFor)].sort())
      callers.push({ kind: 'service', service, for: a });
  }
  if (kind === 'vpc-endpoint') {
    // Who sends requests through the endpoint: principals of the VPC's account, and anyone
    // whose credentials are used from inside the VPC (the exfiltration case).
    callers.length = 0;
    callers.push({ kind: 'account', account: input.resourceAccount });
    callers.push({ kind: 'account', account: ANY_ACCOUNT });
  } else {
    for (const a of [...accounts].sort()) {
      if (r.ownerOf(a).kind === 'inside') continue;
      callers.push({ kind: 'account', account: a });
      for (const p of [...(principals.get(a) ?? [])].sort())
        callers.push({ kind: 'account', account: a, principal: WILD.test(p) ? fill(p) : p });
    }
  }

  const network =
    kind === 'vpc-endpoint' ? endpointScenario(input.resource, r) : networkScenarios(cv, r);
  const probes: Probe[] =
    kind === 'vpc-endpoint'
      ? endpointProbes(doc, r)
      : actionsFor(kind, input.resource).map((p) => ({
          ...p,
          resourceAccount: input.resourceAccount,
        }));
  const grants = new Map<string, Grant>();
  const unknowns = new Map<string, UnknownGrant>();
  let isPublic = false;

  for (const caller of callers) {
    // Only statements naming this caller matter; with no Allow among them it gets nothing.
    const base = callerValues(caller, r);
    const choices = chosenValues(cv, caller, r);
    // Statements that name this caller, less those a condition on a key the caller cannot
    // change (its account, organization, being a service) already rules out.
    const fixed: ConditionContext = {
      get: (key) =>
        FIXED_KEYS.has(key) && !choices.has(key) ? (base.get(key) ?? abs) : { kind: 'unknown' },
    };
    const mine = doc.statements.filter(
      (st) =>
        appliesTo(st, caller) &&
        (!st.condition || evalConditionBlock(st.condition, fixed).result !== false),
    );
    if (!mine.some((st) => st.effect === 'Allow')) continue;
    // Only the keys these statements test are worth choosing values for.
    const tested = new Set(
      mine.flatMap((st) =>
        Object.values(st.condition ?? {}).flatMap((b) =>
          b && typeof b === 'object' ? Object.keys(b).map((k) => k.toLowerCase()) : [],
        ),
      ),
    );
    for (const k of [...choices.keys()]) if (!tested.has(k)) choices.delete(k);
    const label = describeCaller(caller, r);
    // One decision per network path, resource owner and set of matching statements: the
    // actions and sample resources of a probe list mostly share a few such sets.
    const memo = new Map<string, Decision | undefined>();
    for (const {
      action,
      resource: first,
      family,
      resourceAccount,
      resourceOrg,
      target,
    } of probes) {
      const owned = resourceValues(resourceAccount, r, resourceOrg);
      // Three sample names with different first characters, so that one NotResource prefix
      // (bucket/o*) cannot hide a grant on the rest; plus every Resource of the family.
      const resources = family
        ? [
            first,
            `${family}Xq7-ownmap`,
            `${family}_ownmap`,
            ...doc.statements
              .flatMap((st) => [...(st.resources ?? []), ...(st.notResources ?? [])])
              .filter((r) => r.startsWith(family))
              .map(fill),
          ]
        : [first];
      for (const resource of [...new Set(resources)])
        for (const [ni, net] of network.entries()) {
          if (!reachable(net, caller, r, kind)) continue;
          const matching = mine.filter(
            (st) => matchesAction(st, action) && matchesResource(st, resource),
          );
          const mkey = `${ni}|${resourceAccount}|${resourceOrg ?? ''}|${matching.map((st) => st.index).join(',')}`;
          let decided: Decision | undefined;
          if (memo.has(mkey)) decided = memo.get(mkey);
          else if (matching.length && contextCount(choices) > CONTEXT_LIMIT) {
            decided = { kind: 'unknown', reason: tooMany(contextCount(choices)), by: matching };
            memo.set(mkey, decided);
          } else {
            for (const chosen of combinations(choices)) {
              const d = decide(matching, layered(chosen, net.values, owned, base));
              if (d.kind === 'allow') {
                decided = d;
                break;
              }
              if (d.kind === 'unknown' && !decided) decided = d;
            }
            memo.set(mkey, decided);
          }
          if (!decided || decided.kind === 'deny') continue;
          const netUnknown =
            net.reach.kind === 'unknown'
              ? net.reach.why
              : resourceAccount === null
                ? `${target ?? resource} is not in the snapshot, so whether it is outside the boundary is unknown`
                : undefined;
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
          const key = `${label}|${net.via}|${target ?? ''}|${decided.by.map((s) => s.index).join(',')}`;
          const g =
            grants.get(key) ??
            ({
              caller: label,
              callerKind: caller.kind,
              account: accountOfCaller(caller),
              owner: accountOfCaller(caller)
                ? r.ownerOf(accountOfCaller(caller)!).name
                : 'undeclared',
              actions: [],
              via: describeVia(net, r),
              conditions: decided.by.flatMap((s) =>
                s.condition ? [JSON.stringify(s.condition)] : [],
              ),
              statements: decided.by.map(ref),
              ...(target
                ? {
                    target,
                    targetOwner:
                      resourceAccount && resourceAccount !== OUTSIDE_RESOURCE_ACCOUNT
                        ? r.ownerOf(resourceAccount).name
                        : 'undeclared',
                  }
                : {}),
            } satisfies Grant);
          if (!g.actions.includes(action)) g.actions.push(action);
          grants.set(key, g);
        }
    }
  }
  const notEvaluated = unknownKeys();
  if (notEvaluated.length)
    problems.push(`condition keys ownmap does not evaluate: ${notEvaluated.join(', ')}`);
  return {
    public: isPublic,
    outsideAccess: [...grants.values()],
    unknown: [...unknowns.values(), ...unplaced],
    problems,
  };
}

/** The owner of the resource a request reaches, as the aws:Resource* keys give it. */
function resourceValues(
  account: string | null,
  r: PolicyResolver,
  orgOverride?: string,
): Map<string, ContextValue> {
  if (account === null) {
    const u: ContextValue = { kind: 'unknown' };
    return new Map([
      ['aws:resourceaccount', u],
      ['s3:resourceaccount', u],
      ['aws:resourceorgid', u],
      ['aws:resourceorgpaths', u],
    ]);
  }
  const org = orgOverride ?? r.orgOf(account);
  const inside = r.ownerOf(account).kind === 'inside';
  const orgId: ContextValue = org ? vals(org) : inside ? { kind: 'unknown' } : vals(OTHER_ORG);
  return new Map([
    ['aws:resourceaccount', vals(account)],
    ['s3:resourceaccount', vals(account)],
    ['aws:resourceorgid', orgId],
    [
      'aws:resourceorgpaths',
      inside ? { kind: 'unknown' } : vals(`${org ?? OTHER_ORG}/r-ownmap/ou-ownmap/`),
    ],
  ]);
}

/** A request through the endpoint itself: its id and VPC are the network context. */
function endpointScenario(resource: string, r: PolicyResolver): Scenario[] {
  const id = endpointIdOf(resource) ?? 'vpce-ownmap-unknown';
  const vpc = r.endpoint(id)?.vpcId;
  return [
    {
      values: new Map([
        ['aws:sourcevpce', vals(id)],
        ['aws:sourcevpc', vpc ? vals(vpc) : { kind: 'unknown' }],
        ['aws:sourceip', abs],
      ]),
      via: `VPC endpoint ${id}`,
      reach: { kind: 'any' },
    },
  ];
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

function accountOfCaller(c: Caller): string | undefined {
  if (c.kind === 'account') return c.account === ANY_ACCOUNT ? undefined : c.account;
  if (c.kind === 'service') return c.for;
  return undefined;
}

/**
 * Whether a federated principal lets in identities from outside: an identity provider of an
 * outside account, or a public issuer (GitHub, Google, Cognito…) whose tokens anyone can get.
 * A SAML provider or a private OIDC issuer (an EKS cluster, the company's IdP) registered in
 * an inside account is the boundary's own.
 */
function federatedOutside(provider: string, r: PolicyResolver): boolean {
  const account = accountOf(provider);
  if (account && r.ownerOf(account).kind !== 'inside') return true;
  const issuer = issuerOf(provider);
  return PUBLIC_ISSUERS.some((p) => issuer === p || issuer.startsWith(`${p}/`));
}

function describeCaller(c: Caller, r: PolicyResolver): string {
  switch (c.kind) {
    case 'anonymous':
      return 'anonymous (any principal, signed or not)';
    case 'service': {
      const name = c.service === 'ownmap-any-service.amazonaws.com' ? 'any AWS service' : c.service;
      if (!c.for) return `service ${name}`;
      const o = r.ownerOf(c.for);
      return `service ${name} acting for account ${c.for} (${o.kind === 'party' ? o.name : o.kind})`;
    }
    case 'federated':
      return `federated identities of ${c.provider}`;
    case 'account': {
      if (c.account === ANY_ACCOUNT) return 'any other AWS account';
      const o = r.ownerOf(c.account);
      const label = `account ${c.account} (${o.kind === 'party' ? o.name : o.kind})`;
      return c.principal ? `${label} as ${c.principal}` : label;
    }
  }
}

function describeVia(net: Scenario, r: PolicyResolver): string {
  if (net.reach.kind === 'owner')
    return `${net.via} (owner: ${r.ownerOf(net.reach.account).name}, account ${net.reach.account})`;
  return net.via;
}

export interface NetworkPath {
  /** The request context, in words (`any network path`, `VPC endpoint vpce-… (owner …)`). */
  via: string;
  /** The endpoint's or VPC's owner account, when the path goes through one the snapshot holds. */
  account?: string;
  /** `inside`: an endpoint or VPC the boundary owns; `outside`: anything else. */
  kind: 'inside' | 'outside';
  /** The statements that would have to deny it and do not (the Denies that were weighed). */
  statements: StatementRef[];
}

export interface PrivateAccessAnswer {
  /** Paths over which a principal of the bucket's account gets through (no Deny stops it). */
  open: NetworkPath[];
  unknown: { via: string; reason: string; statements: StatementRef[] }[];
  problems: string[];
}

/**
 * Whether a resource policy keeps access to private endpoints the boundary owns. The
 * resource account's own principals are taken to hold IAM permissions (identity policies are
 * not in the snapshot), so only an explicit Deny can close a path: every network path a
 * request can take (any IP, the IPs, endpoints and VPCs the policy names, and an endpoint it
 * does not name) is tried for reads and writes of objects.
 */
export function privateAccess(input: AnalyzeInput): PrivateAccessAnswer {
  const { resolver: r } = input;
  const doc = parsePolicy(input.policy);
  const cv = conditionValues(doc);
  const caller: Caller = {
    kind: 'account',
    account: (input.principalArn && accountOf(input.principalArn)) || input.resourceAccount,
    ...(input.principalArn ? { principal: input.principalArn } : {}),
  };
  const base = callerValues(caller, r);
  const choices = chosenValues(cv, caller, r);
  if (input.principalArn) choices.set('aws:principalarn', [vals(input.principalArn)]);
  // Only the keys the Deny statements test change the answer.
  const tested = new Set(
    doc.statements
      .filter((st) => st.effect === 'Deny')
      .flatMap((st) =>
        Object.values(st.condition ?? {}).flatMap((b) =>
          b && typeof b === 'object' ? Object.keys(b).map((k) => k.toLowerCase()) : [],
        ),
      ),
  );
  for (const k of [...choices.keys()]) if (!tested.has(k)) choices.delete(k);
  const owned = resourceValues(input.resourceAccount, r);
  const network: Scenario[] = networkScenarios(cv, r);
  if (!network.some((n) => n.via.startsWith('a VPC endpoint the policy does not name')))
    network.push({
      values: new Map([
        ['aws:sourcevpce', vals('vpce-ownmap-x')],
        ['aws:sourcevpc', vals('vpc-ownmap-x')],
        ['aws:sourceip', abs],
      ]),
      via: 'a VPC endpoint the policy does not name (in any account)',
      reach: { kind: 'any' },
    });
  const denies = doc.statements.filter((st) => st.effect === 'Deny').map(ref);
  const open: NetworkPath[] = [];
  const unknown: PrivateAccessAnswer['unknown'] = [];
  const actions = ['s3:GetObject', 's3:PutObject'];
  const object = `${input.resource}/ownmap-object`;
  const count = contextCount(choices);
  for (const net of network) {
    let verdict: 'through' | 'denied' | { reason: string; by: Statement[] } = 'denied';
    if (count > CONTEXT_LIMIT)
      verdict = { reason: tooMany(count), by: doc.statements.filter((st) => st.effect === 'Deny') };
    else
      for (const action of actions) {
        for (const chosen of combinations(choices)) {
          const ctx = layered(chosen, net.values, owned, base);
          const d = denied(doc, caller, action, object, ctx);
          if (d === false) {
            verdict = 'through';
            break;
          }
          if (d !== true && verdict === 'denied') verdict = d;
        }
        if (verdict === 'through') break;
      }
    if (verdict === 'denied') continue;
    if (verdict !== 'through') {
      unknown.push({
        via: describeVia(net, r),
        reason: verdict.reason,
        statements: verdict.by.map(ref),
      });
      continue;
    }
    if (net.reach.kind === 'unknown') {
      unknown.push({ via: net.via, reason: net.reach.why, statements: denies });
      continue;
    }
    const account = net.reach.kind === 'owner' ? net.reach.account : undefined;
    open.push({
      via: describeVia(net, r),
      ...(account ? { account } : {}),
      kind: account && r.ownerOf(account).kind === 'inside' ? 'inside' : 'outside',
      statements: denies,
    });
  }
  return { open, unknown, problems: doc.problems };
}

/** Whether an explicit Deny stops the request: true, false, or undecidable (with why). */
function denied(
  doc: PolicyDocument,
  caller: Caller,
  action: string,
  resource: string,
  ctx: ConditionContext,
): boolean | { reason: string; by: Statement[] } {
  let maybe: { reason: string; by: Statement[] } | undefined;
  for (const st of doc.statements) {
    if (st.effect !== 'Deny') continue;
    if (!appliesTo(st, caller) || !matchesAction(st, action) || !matchesResource(st, resource))
      continue;
    const c = st.condition ? evalConditionBlock(st.condition, ctx) : { result: true as const };
    if (c.result === true) return true;
    if (c.result === 'unknown')
      maybe ??= { reason: c.unknownReason ?? 'a condition ownmap cannot decide', by: [st] };
  }
  return maybe ?? false;
}
