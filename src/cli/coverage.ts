import { Owners } from '../boundary/owners.js';
import type { Boundary } from '../boundary/schema.js';
import type { Diagnostic, Inventory } from '../inventory/model.js';
import { CONTRACT, GLOBAL_REGION } from '../snapshot/contract.js';
import type { Gap } from '../snapshot/manifest.js';
import type { Snapshot } from '../snapshot/reader.js';

export interface Coverage {
  layout: string;
  manifest: 'present' | 'derived';
  files: number;
  accounts: {
    id: string;
    owner?: string;
    regions: { region: string; present: number; missing: string[] }[];
  }[];
  resources: Record<string, number>;
  gaps: Gap[];
  diagnostics: Diagnostic[];
}

/** What the snapshot holds and lacks, per account and region. */
export function coverage(snap: Snapshot, inv: Inventory, boundary?: Boundary): Coverage {
  const owners = boundary ? new Owners(boundary, inv) : undefined;
  const diagnostics = [...inv.diagnostics];
  if (boundary && owners) {
    for (const a of inv.snapshot.accounts) {
      if (owners.of(a.id).kind === 'undeclared') {
        diagnostics.push({
          level: 'warning',
          code: 'account-undeclared',
          message: `scanned account ${a.id} is neither inside nor a declared party in the boundary file`,
        });
      }
    }
  }
  return {
    layout: snap.layout,
    manifest: snap.manifestPresent ? 'present' : 'derived',
    files: snap.fileCount,
    accounts: snap.accounts.map((id) => ({
      id,
      ...(owners ? { owner: owners.of(id).name } : {}),
      regions: snap.regionsOf(id).map((region) => {
        const expected = CONTRACT.filter(
          (e) => !e.param && (e.scope === 'region' || region === GLOBAL_REGION),
        );
        const missing = expected
          .filter((e) => !(e.service === 'kafka' && e.operation === 'list-clusters'))
          .filter((e) => snap.get(id, region, e.service, e.operation) === undefined)
          .map((e) => `${e.service}-${e.operation}`);
        return { region, present: expected.length - missing.length, missing };
      }),
    })),
    resources: {
      vpcs: inv.vpcs.length,
      subnets: inv.subnets.length,
      routeTables: inv.routeTables.length,
      networkInterfaces: inv.networkInterfaces.length,
      instances: inv.instances.length,
      vpcEndpoints: inv.vpcEndpoints.length,
      buckets: inv.buckets.length,
      kmsKeys: inv.kmsKeys.length,
      trails: inv.trails.length,
      roles: inv.roles.length,
      mskClusters: inv.mskClusters.length,
    },
    gaps: [...inv.gaps],
    diagnostics,
  };
}

export function renderCoverage(c: Coverage): string {
  const out: string[] = [
    `snapshot: ${c.layout} layout, manifest ${c.manifest}, ${c.files} files, ${c.accounts.length} account(s)`,
    `resources: ${Object.entries(c.resources)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  ];
  for (const a of c.accounts) {
    out.push(`account ${a.id}${a.owner ? ` (${a.owner})` : ''}`);
    for (const r of a.regions) {
      out.push(
        `  ${r.region}: ${r.present} call(s) present${r.missing.length ? `, missing: ${r.missing.join(', ')}` : ''}`,
      );
    }
  }
  out.push(`gaps: ${c.gaps.length}`);
  for (const g of c.gaps)
    out.push(
      `  ${g.account}/${g.region} ${g.service} ${g.operation}${g.param ? ` ${g.param}` : ''}: ${g.code} ${g.message}`,
    );
  for (const d of c.diagnostics) out.push(`${d.level}: ${d.message}`);
  out.push('valid');
  return `${out.join('\n')}\n`;
}
