import type { DataBearing } from '../graph/data.js';
import type { Lookup } from '../inventory/lookup.js';
import type { Inventory, Role } from '../inventory/model.js';
import { type PolicyResolver, privateAccess } from './access.js';
import { type RolePermissions, roleAllows } from './identity.js';
import { namedPrincipals } from './trust.js';

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
      const d = roleAllows(perms, v.s3, `${b.arn}/ownmap-object`, b.account);
      if (d.kind === 'deny') continue;
      let doubt = d.kind === 'unknown' ? d.reason : undefined;
      if (b.policy) {
        const through = privateAccess({
          kind: 's3-bucket',
          policy: b.policy.doc,
          resource: b.arn,
          resourceAccount: b.account,
          resolver,
          principalArn: role.arn,
        });
        const outside = through.open.filter((p) => p.kind === 'outside');
        if (!outside.length) {
          if (!through.unknown.length) continue;
          doubt ??= through.unknown[0]!.reason;
        }
      }
      if (b.account !== role.account && !names(b.policy?.doc, role)) continue;
      touches.push({
        verb: v.verb,
        what: name,
        kind: 'bucket',
        ...(doubt ? { doubt } : {}),
        evidence: d.kind === 'allow' ? evidenceOf(d.by) : [role.permissions!.src],
      });
    }
  }
  for (const [ref, k] of [...ctx.data.keys].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = k.ref.key;
    if (!key) continue;
    const d = roleAllows(perms, 'kms:Decrypt', key.arn, key.account);
    if (d.kind === 'deny') continue;
    // A key policy delegates to IAM only through the account's root (or names the role).
    if (key.policy && !names(key.policy.doc, role)) continue;
    const doubt =
      d.kind === 'unknown'
        ? d.reason
        : key.policy
          ? undefined
          : 'the key policy is not in the snapshot';
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
      if (c.account !== role.account && !names(c.policy?.doc, role)) continue;
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
 * Whether a resource policy's Allow names the role, its account (id or root, which delegates
 * to the account's IAM policies) or everyone: the resource side of a grant the role needs
 * across accounts, and for a KMS key in every case. Conditions are not weighed here.
 */
function names(doc: unknown, role: Role): boolean {
  if (!doc) return false;
  return namedPrincipals(doc).some((p) => {
    if (p.effect !== 'Allow') return false;
    if (p.type === '*') return true;
    if (p.type !== 'AWS') return false;
    if (p.value === '*' || p.value === role.arn) return true;
    return p.account === role.account && (p.value === role.account || p.value.endsWith(':root'));
  });
}
