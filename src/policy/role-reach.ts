import type { DataBearing } from '../graph/data.js';
import type { Lookup } from '../inventory/lookup.js';
import type { Inventory, Role } from '../inventory/model.js';
import { type PolicyResolver, privateAccess } from './access.js';
import { matchesAction, matchesResource, parsePolicy, wildcardMatch } from './document.js';
import { type RolePermissions, roleAllows } from './identity.js';

export interface Touch {
  /** `read`, `write` or `decrypt`. */
  verb: 'read' | 'write' | 'decrypt';
  /** Bucket name, key ARN (or alias) or cluster name. */
  what: string;
  kind: 'bucket' | 'key' | 'cluster';
  /** Certain, or possible with the reason it is not certain. */
  doubt?: string;
  /** Where the permission is written: policy file and statement pointer. */
  evidence: { file: string; pointer: string; docPointer?: string }[];
}

export interface RoleReach {
  /** False when the snapshot holds no permissions for the role. */
  known: boolean;
  touches: Touch[];
}

const VERBS = [
  { verb: 'read', s3: 's3:GetObject', kafka: 'kafka-cluster:ReadData' },
  { verb: 'write', s3: 's3:PutObject', kafka: 'kafka-cluster:WriteData' },
] as const;

/** The role's permissions as the identity evaluator takes them. */
export function permissionsOf(role: Role, inventory: Inventory): RolePermissions | undefined {
  const p = role.permissions;
  if (!p) return undefined;
  const managed = (arn: string) => {
    const m = inventory.managedPolicies.get(arn);
    return { name: m?.name ?? arn, doc: m?.doc?.doc };
  };
  return {
    arn: role.arn,
    account: role.account,
    policies: [...p.inline.map((d) => ({ name: d.name, doc: d.doc })), ...p.attached.map(managed)],
    ...(p.boundary ? { boundary: managed(p.boundary) } : {}),
  };
}

/**
 * Which data-bearing buckets, keys and clusters a role can read, write or decrypt with its
 * credentials used from outside the boundary: its own policies must allow it, and the
 * resource policy must not deny it on a network path outside (a bucket kept to the
 * boundary's endpoints is out of reach); across accounts the resource policy must name it.
 */
export function roleDataReach(
  role: Role,
  ctx: { inventory: Inventory; data: DataBearing; lookup: Lookup },
  resolver: PolicyResolver,
): RoleReach {
  const perms = permissionsOf(role, ctx.inventory);
  if (!perms) return { known: false, touches: [] };
  const touches: Touch[] = [];
  const evidenceOf = (by: { policy: string; statement: { pointer: string } }[]) =>
    by.map((b) => {
      const inline = role.permissions!.inline.find((d) => d.name === b.policy);
      const managed = ctx.inventory.managedPolicies.get(
        role.permissions!.attached.find(
          (a) => (ctx.inventory.managedPolicies.get(a)?.name ?? a) === b.policy,
        ) ?? '',
      );
      const src = inline?.src ?? managed?.doc?.src ?? role.permissions!.src;
      return { ...src, docPointer: b.statement.pointer };
    });

  for (const [name] of [...ctx.data.buckets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const b = ctx.lookup.bucketByName.get(name);
    if (!b) continue;
    for (const v of VERBS) {
      const object = `${b.arn}/ownmap-object`;
      const d = roleAllows(perms, v.s3, object, b.account);
      // The bucket policy's side: an Allow naming the role (or everyone) grants on its own in
      // the bucket's account; across accounts both sides must allow.
      const res = b.policy ? resourceGrant(b.policy.doc, role, v.s3, object) : 'none';
      const same = b.account === role.account;
      if (same ? d.kind === 'deny' && res !== 'role' : d.kind === 'deny' || res === 'none')
        continue;
      let doubt = d.kind === 'unknown' && res !== 'role' ? d.reason : undefined;
      if (b.policy) {
        const through = openPaths(b.policy.doc, b.arn, b.account, role, resolver);
        const outside = through.open.filter((p) => p.kind === 'outside');
        if (!outside.length) {
          if (!through.unknown.length) continue;
          doubt ??= through.unknown[0]!.reason;
        }
      }
      touches.push({
        verb: v.verb,
        what: name,
        kind: 'bucket',
        ...(doubt ? { doubt } : {}),
        evidence: d.kind === 'allow' ? evidenceOf(d.by) : [b.policy?.src ?? role.permissions!.src],
      });
    }
  }
  for (const [ref, k] of [...ctx.data.keys].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = k.ref.key;
    if (!key) continue;
    const d = roleAllows(perms, 'kms:Decrypt', key.arn, key.account);
    // The key policy must allow: naming the role (or everyone) grants on its own; naming the
    // role's account (its root) delegates to the role's IAM policies.
    const res = key.policy
      ? resourceGrant(key.policy.doc, role, 'kms:Decrypt', key.arn)
      : undefined;
    if (res === 'none' || (res !== 'role' && d.kind === 'deny')) continue;
    const doubt =
      res === undefined
        ? 'the key policy is not in the snapshot'
        : d.kind === 'unknown' && res !== 'role'
          ? d.reason
          : undefined;
    touches.push({
      verb: 'decrypt',
      what: key.aliases[0] ?? ref,
      kind: 'key',
      ...(doubt ? { doubt } : {}),
      evidence: d.kind === 'allow' ? evidenceOf(d.by) : [role.permissions!.src],
    });
  }
  for (const c of ctx.inventory.mskClusters) {
    if (!ctx.data.clusters.has(c.arn)) continue;
    const topic = `${c.arn.replace(':cluster/', ':topic/')}/ownmap-topic`;
    for (const v of VERBS) {
      const d = roleAllows(perms, v.kafka, topic, c.account);
      if (d.kind === 'deny') continue;
      if (
        c.account !== role.account &&
        (!c.policy || resourceGrant(c.policy.doc, role, v.kafka, topic) === 'none')
      )
        continue;
      touches.push({
        verb: v.verb,
        what: c.name,
        kind: 'cluster',
        ...(d.kind === 'unknown' ? { doubt: d.reason } : {}),
        evidence: d.kind === 'allow' ? evidenceOf(d.by) : [role.permissions!.src],
      });
    }
  }
  return { known: true, touches };
}

/**
 * The network paths a bucket policy leaves open to a role's credentials (reads and writes
 * together). The answer depends on the role only through its account, unless the policy
 * tests aws:PrincipalArn: kept per document and account (or role), since many roles of an
 * estate reach the same buckets.
 */
const PATHS = new WeakMap<
  PolicyResolver,
  Map<string, { byRole: boolean; answers: Map<string, ReturnType<typeof privateAccess>> }>
>();
function openPaths(
  doc: unknown,
  arn: string,
  account: string,
  role: Role,
  resolver: PolicyResolver,
): ReturnType<typeof privateAccess> {
  let perBucket = PATHS.get(resolver);
  if (!perBucket) {
    perBucket = new Map();
    PATHS.set(resolver, perBucket);
  }
  let entry = perBucket.get(arn);
  if (!entry) {
    // The answer differs between roles of one account only when the policy names roles.
    const text = JSON.stringify(doc ?? '').toLowerCase();
    const byRole = text.includes('aws:principalarn') || /:(role|user|assumed-role)\//.test(text);
    entry = { byRole, answers: new Map() };
    perBucket.set(arn, entry);
  }
  const key = entry.byRole ? role.arn : role.account;
  let answer = entry.answers.get(key);
  if (!answer) {
    answer = privateAccess({
      kind: 's3-bucket',
      policy: doc,
      resource: arn,
      resourceAccount: account,
      resolver,
      principalArn: role.arn,
    });
    entry.answers.set(key, answer);
  }
  return answer;
}

/**
 * What a resource policy's Allow statements give the role for one action: `role` when one
 * names the role itself or everyone (a grant on its own), `account` when one names the role's
 * account (its id or root: a delegation to the account's IAM policies), else `none`.
 * Conditions are not weighed here; the network paths are, by privateAccess.
 */
function resourceGrant(
  doc: unknown,
  role: Role,
  action: string,
  resource: string,
): 'role' | 'account' | 'none' {
  let best: 'role' | 'account' | 'none' = 'none';
  for (const st of parsePolicy(doc).statements) {
    if (st.effect !== 'Allow' || !matchesAction(st, action) || !matchesResource(st, resource))
      continue;
    const spec = st.principal;
    if (!spec) continue;
    if (spec === '*') return 'role';
    for (const v of spec.AWS ?? []) {
      if (v === '*' || wildcardMatch(v, role.arn)) return 'role';
      if (v === role.account || new RegExp(`^arn:aws[a-z-]*:iam::${role.account}:root$`).test(v))
        best = 'account';
    }
  }
  return best;
}
