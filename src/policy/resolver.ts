import { Owners } from '../boundary/owners.js';
import type { Boundary } from '../boundary/schema.js';
import type { Inventory } from '../inventory/model.js';
import type { PolicyResolver } from './access.js';

/**
 * The evaluator's view of the boundary and, when there is one, the snapshot: who owns an
 * account, which organization it is in, who owns a VPC endpoint or a VPC.
 */
export function makeResolver(boundary: Boundary, inventory?: Inventory): PolicyResolver {
  const owners = new Owners(boundary, inventory ?? { organizations: [], orgAccounts: [] });
  const endpoints = new Map(
    (inventory?.vpcEndpoints ?? []).map((e) => [
      e.id,
      { account: e.raw.OwnerId ?? e.account, vpcId: e.raw.VpcId },
    ]),
  );
  const vpcs = new Map(
    (inventory?.vpcs ?? []).map((v) => [v.id, { account: v.raw.OwnerId ?? v.account }]),
  );
  const buckets = new Map((inventory?.buckets ?? []).map((b) => [b.name, { account: b.account }]));
  const parties = [...new Set(boundary.parties.flatMap((p) => p.accounts))].sort();
  return {
    ownerOf: (account) => {
      const o = owners.of(account);
      return { kind: o.kind, name: o.name };
    },
    orgOf: (account) => owners.organizationOf(account),
    partyAccounts: () => parties,
    endpoint: (id) => endpoints.get(id),
    vpc: (id) => vpcs.get(id),
    insideOrganizations: () => [...boundary.inside.organizations],
    bucket: (name) => buckets.get(name),
  };
}

const shared = new WeakMap<Inventory, WeakMap<Boundary, PolicyResolver>>();

/** The resolver of one analysis, built once and shared by every rule that evaluates policies. */
export function resolverFor(boundary: Boundary, inventory: Inventory): PolicyResolver {
  let byBoundary = shared.get(inventory);
  if (!byBoundary) {
    byBoundary = new WeakMap();
    shared.set(inventory, byBoundary);
  }
  let r = byBoundary.get(boundary);
  if (!r) {
    r = makeResolver(boundary, inventory);
    byBoundary.set(boundary, r);
  }
  return r;
}
