import { jsonPointer } from '../errors.js';
import type { Inventory, PolicyDoc, Src } from '../inventory/model.js';
import { accountOfArn } from '../util/arn.js';

/** One place where the snapshot names an account. */
export interface AccountRef {
  account: string;
  /** What names it, in a few words (`bucket policy`, `VPC peering accepter`). */
  what: string;
  /** The resource that names it (ARN or id). */
  resource: string;
  src: Src;
  /** For policies: the pointer inside the policy document. */
  docPointer?: string;
}

const ACCOUNT = /^\d{12}$/;

/** Every account id the snapshot references, with where. Sorted for stable output. */
export function collectAccountRefs(inv: Inventory): AccountRef[] {
  const out: AccountRef[] = [];
  const push = (
    account: string | undefined,
    what: string,
    resource: string,
    src: Src,
    docPointer?: string,
  ) => {
    if (account && ACCOUNT.test(account))
      out.push({ account, what, resource, src, ...(docPointer ? { docPointer } : {}) });
  };
  const policy = (p: PolicyDoc | undefined, what: string, resource: string) => {
    if (!p) return;
    walk(p.doc, [], (value, path) => {
      const acct = ACCOUNT.test(value) ? value : accountOfArn(value);
      // The pointer is built only for the few strings that name an account.
      if (acct) push(acct, what, resource, p.src, jsonPointer(path));
    });
  };

  for (const b of inv.buckets) {
    policy(b.policy, 'bucket policy', b.arn);
    for (const r of b.replication?.rules ?? []) {
      push(r.raw.Destination.Account, 'bucket replication destination', b.arn, r.src);
      push(
        r.raw.Destination.AccessControlTranslation?.Owner === 'Destination'
          ? r.raw.Destination.Account
          : undefined,
        'bucket replication owner override',
        b.arn,
        r.src,
      );
      push(
        accountOfArn(r.raw.Destination.EncryptionConfiguration?.ReplicaKmsKeyID),
        'bucket replication replica key',
        b.arn,
        r.src,
      );
    }
    push(
      accountOfArn(b.replication?.role),
      'bucket replication role',
      b.arn,
      b.replication?.src ?? b.src,
    );
  }
  for (const k of inv.kmsKeys) {
    policy(k.policy, 'key policy', k.arn);
    for (const g of k.grants ?? []) {
      push(
        accountOfArn(g.raw.GranteePrincipal) ??
          (ACCOUNT.test(g.raw.GranteePrincipal ?? '') ? g.raw.GranteePrincipal : undefined),
        'KMS grant grantee',
        k.arn,
        g.src,
      );
      push(accountOfArn(g.raw.RetiringPrincipal), 'KMS grant retiring principal', k.arn, g.src);
      push(
        accountOfArn(g.raw.IssuingAccount) ?? g.raw.IssuingAccount,
        'KMS grant issuing account',
        k.arn,
        g.src,
      );
    }
  }
  for (const r of inv.roles) policy(r.trust, 'role trust policy', r.arn);
  for (const c of inv.mskClusters) policy(c.policy, 'MSK cluster policy', c.arn);
  for (const e of inv.vpcEndpoints) {
    if (e.raw.PolicyDocument) {
      try {
        policy(
          {
            doc: JSON.parse(e.raw.PolicyDocument),
            src: { file: e.src.file, pointer: `${e.src.pointer}/PolicyDocument` },
          },
          'VPC endpoint policy',
          e.id,
        );
      } catch {
        // an endpoint policy that is not JSON is reported by the policy evaluator
      }
    }
    push(e.raw.OwnerId, 'VPC endpoint owner', e.id, e.src);
  }
  for (const p of inv.vpcPeerings) {
    push(p.raw.AccepterVpcInfo?.OwnerId, 'VPC peering accepter', p.id, {
      ...p.src,
      pointer: `${p.src.pointer}/AccepterVpcInfo/OwnerId`,
    });
    push(p.raw.RequesterVpcInfo?.OwnerId, 'VPC peering requester', p.id, {
      ...p.src,
      pointer: `${p.src.pointer}/RequesterVpcInfo/OwnerId`,
    });
  }
  for (const a of inv.tgwAttachments) {
    push(a.raw.ResourceOwnerId, 'transit gateway attachment resource owner', a.id, {
      ...a.src,
      pointer: `${a.src.pointer}/ResourceOwnerId`,
    });
    push(a.raw.TransitGatewayOwnerId, 'transit gateway owner', a.id, {
      ...a.src,
      pointer: `${a.src.pointer}/TransitGatewayOwnerId`,
    });
  }
  for (const a of inv.tgwPeeringAttachments) {
    push(a.raw.AccepterTgwInfo?.OwnerId, 'transit gateway peering accepter', a.id, {
      ...a.src,
      pointer: `${a.src.pointer}/AccepterTgwInfo/OwnerId`,
    });
    push(a.raw.RequesterTgwInfo?.OwnerId, 'transit gateway peering requester', a.id, {
      ...a.src,
      pointer: `${a.src.pointer}/RequesterTgwInfo/OwnerId`,
    });
  }
  inv.snapshot.accounts.forEach((a, i) => {
    const id = inv.identities.find((x) => x.account === a.id);
    push(
      a.id,
      'scanned account',
      a.id,
      id ? id.src : { file: 'manifest.json', pointer: `/accounts/${i}` },
    );
  });
  for (const v of inv.vpcs) push(v.raw.OwnerId, 'VPC owner', v.id, v.src);
  for (const s of inv.subnets) push(s.raw.OwnerId, 'subnet owner', s.id, s.src);
  for (const t of inv.trails) push(t.ownerAccount, 'trail owner', t.arn, t.src);
  for (const r of inv.replicators) {
    for (const c of r.clusters) push(accountOfArn(c.arn), 'MSK replicator cluster', r.arn, r.src);
  }
  out.sort((a, b) =>
    a.account < b.account
      ? -1
      : a.account > b.account
        ? 1
        : a.resource < b.resource
          ? -1
          : a.resource > b.resource
            ? 1
            : 0,
  );
  return out;
}

/** Visit every string of a JSON value with its path (one path array, reused: copy to keep). */
function walk(
  node: unknown,
  path: (string | number)[],
  visit: (value: string, path: (string | number)[]) => void,
): void {
  if (typeof node === 'string') visit(node, path);
  else if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      path.push(i);
      walk(node[i], path, visit);
      path.pop();
    }
  } else if (node && typeof node === 'object') {
    for (const k in node) {
      path.push(k);
      walk((node as Record<string, unknown>)[k], path, visit);
      path.pop();
    }
  }
}
