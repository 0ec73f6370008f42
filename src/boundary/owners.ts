import type { Inventory } from '../inventory/model.js';
import type { Boundary } from './schema.js';

export type OwnerKind = 'inside' | 'party' | 'undeclared';

export interface Owner {
  kind: OwnerKind;
  /** `inside`, the party's name, or `undeclared`. */
  name: string;
  /** The party's role, for parties. */
  role?: 'vendor' | 'support' | 'partner';
  /** Why: which boundary entry or organization membership decided it. */
  basis: string;
}

export const INSIDE = 'inside';
export const UNDECLARED = 'undeclared';

/**
 * Who owns an account: inside (listed, or a member of an inside organization as the
 * snapshot's Organizations data shows), a declared party, or undeclared.
 */
export class Owners {
  private readonly cache = new Map<string, Owner>();
  private readonly insideAccounts = new Map<string, string | undefined>();
  private readonly orgOf = new Map<string, string>();

  constructor(
    readonly boundary: Boundary,
    inventory: Pick<Inventory, 'organizations' | 'orgAccounts'>,
  ) {
    for (const a of boundary.inside.accounts) this.insideAccounts.set(a.id, a.name);
    for (const o of inventory.organizations) {
      this.orgOf.set(o.account, o.id);
      if (o.masterAccountId) this.orgOf.set(o.masterAccountId, o.id);
    }
    for (const a of inventory.orgAccounts)
      if (a.orgId && a.status !== 'SUSPENDED') this.orgOf.set(a.id, a.orgId);
  }

  of(account: string | undefined): Owner {
    if (!account) return { kind: 'undeclared', name: UNDECLARED, basis: 'no account known' };
    const hit = this.cache.get(account);
    if (hit) return hit;
    const owner = this.resolve(account);
    this.cache.set(account, owner);
    return owner;
  }

  isInside(account: string | undefined): boolean {
    return this.of(account).kind === 'inside';
  }

  /** The organization the snapshot shows the account in, if any. */
  organizationOf(account: string): string | undefined {
    return this.orgOf.get(account);
  }

  /** The account's name from the boundary file or the organization, if any. */
  nameOf(account: string): string | undefined {
    return this.insideAccounts.get(account);
  }

  private resolve(account: string): Owner {
    if (this.insideAccounts.has(account)) {
      return { kind: 'inside', name: INSIDE, basis: 'boundary inside.accounts' };
    }
    const org = this.orgOf.get(account);
    if (org && this.boundary.inside.organizations.includes(org)) {
      return { kind: 'inside', name: INSIDE, basis: `member of organization ${org}` };
    }
    for (const p of this.boundary.parties) {
      if (p.accounts.includes(account) || (org && p.organizations.includes(org))) {
        return { kind: 'party', name: p.name, role: p.role, basis: `boundary party ${p.name}` };
      }
    }
    return { kind: 'undeclared', name: UNDECLARED, basis: 'not inside and not a declared party' };
  }
}
