/**
 * The ownership table: the review artifact buyers ask for. One row for each part of the
 * platform (client paths, broker placement, durable storage, replication and linking paths,
 * control-plane actions, observability export, support access, failover and rollback
 * authority): what it is, where (accounts, regions, AZ ids), who owns it, whether that is
 * inside the boundary, and the evidence behind it. Pure: an analysis in, rows out.
 */
import type { Owners } from '../boundary/owners.js';
import type { Boundary } from '../boundary/schema.js';
import type { Inventory, Src } from '../inventory/model.js';
import type { ClusterRecords, RecordHop } from '../paths/record.js';
import type { Finding } from '../rules/finding.js';
import { bucketOfArn } from '../util/arn.js';

export const OWNERSHIP_AREAS = [
  'client-paths',
  'compute-placement',
  'durable-storage',
  'replication',
  'control-plane',
  'observability-export',
  'support-access',
  'failover-authority',
  'rollback-authority',
] as const;
export type OwnershipArea = (typeof OWNERSHIP_AREAS)[number];

export const AREA_TITLES: Record<OwnershipArea, string> = {
  'client-paths': 'Client paths',
  'compute-placement': 'Broker / compute placement',
  'durable-storage': 'Durable storage',
  replication: 'Replication and linking paths',
  'control-plane': 'Control-plane actions',
  'observability-export': 'Observability export',
  'support-access': 'Support access',
  'failover-authority': 'Failover authority',
  'rollback-authority': 'Rollback authority',
};

export type OwnershipStatus = 'inside' | 'outside' | 'undeclared' | 'unknown';

export interface OwnershipRow {
  area: OwnershipArea;
  what: string;
  where: { accounts: string[]; regions: string[]; azIds: string[] };
  /** `inside`, a party's name, `undeclared`, or `unknown`; several owners joined by `, `. */
  owner: string;
  status: OwnershipStatus;
  /** Snapshot files and JSON pointers (or `boundary` and a pointer into the boundary file). */
  evidence: Src[];
  /** Ids of the findings that bear on the row. */
  findings: string[];
}

export interface OwnershipInput {
  inventory: Inventory;
  boundary: Boundary;
  owners: Owners;
  records: readonly ClusterRecords[];
  findings: readonly Finding[];
}

/** Evidence without repeats, at most four. */
const unique = (srcs: readonly Src[]) => {
  const seen = new Set<string>();
  return srcs
    .filter((e) => {
      const k = `${e.file}#${e.pointer}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .slice(0, 4);
};

const sorted = (xs: Iterable<string | undefined>) =>
  [...new Set([...xs].filter((x): x is string => !!x))].sort();

/** The least inside of several statuses decides a row's. */
const RANK: Record<OwnershipStatus, number> = { undeclared: 0, outside: 1, unknown: 2, inside: 3 };
function worst(statuses: OwnershipStatus[]): OwnershipStatus {
  return statuses.reduce<OwnershipStatus>((a, b) => (RANK[b] < RANK[a] ? b : a), 'inside');
}

export function ownershipTable(input: OwnershipInput): OwnershipRow[] {
  const { inventory, boundary, owners, records, findings } = input;
  const statusOfAccount = (account: string | undefined): OwnershipStatus => {
    if (!account) return 'unknown';
    const o = owners.of(account);
    return o.kind === 'inside' ? 'inside' : o.kind === 'party' ? 'outside' : 'undeclared';
  };
  const statusOfOwner = (owner: string): OwnershipStatus =>
    owner === 'inside'
      ? 'inside'
      : owner === 'unknown'
        ? 'unknown'
        : owner === 'undeclared'
          ? 'undeclared'
          : 'outside';
  const findingsOn = (pred: (f: Finding) => boolean) =>
    findings.filter((f) => f.status !== 'suppressed' && pred(f)).map((f) => f.id);
  const rows: OwnershipRow[] = [];
  const whereOf = (hops: readonly RecordHop[]) => ({
    accounts: sorted(hops.map((h) => h.account)),
    regions: sorted(hops.map((h) => h.region)),
    azIds: sorted(hops.map((h) => h.azId)),
  });

  // Client paths: each declared client and the cluster it writes to or reads from.
  boundary.kafka.clients.forEach((c, i) => {
    const cluster = records.find((r) => r.name === c.cluster);
    const hops = cluster?.paths
      .filter((p) => p.kind === (c.role === 'producer' ? 'produce' : 'consume'))
      .flatMap((p) => p.hops)
      .filter(
        (h) => h.node === `client:${c.name}` || (h.kind === 'consumer' && h.label.includes(c.name)),
      );
    const hop = hops?.[0];
    const owner = hop?.owner ?? (c.account ? owners.of(c.account).name : 'unknown');
    rows.push({
      area: 'client-paths',
      what: `${c.role} ${c.name} ${c.role === 'producer' ? '→' : '←'} cluster ${c.cluster}`,
      where: {
        accounts: sorted([hop?.account ?? c.account]),
        regions: sorted([hop?.region ?? c.region]),
        azIds: sorted([hop?.azId ?? c.azId]),
      },
      owner,
      status: statusOfOwner(owner),
      evidence: [{ file: 'boundary', pointer: `/kafka/clients/${i}` }],
      findings: findingsOn(
        (f) => f.message.includes(`client ${c.name} `) || f.message.includes(`${c.name} (`),
      ),
    });
  });

  for (const r of records) {
    const clusterFindings = (f: Finding) =>
      f.resource.arn === (r.arn ?? `cluster:${r.name}`) ||
      f.message.includes(`cluster ${r.name} `) ||
      f.message.includes(`of ${r.name} `);
    // Where the brokers run.
    const brokerOwners = sorted(r.brokers.map((b) => owners.of(b.account).name));
    rows.push({
      area: 'compute-placement',
      what: `${r.brokers.length || 'no placed'} ${r.kind === 'msk' ? 'MSK ' : ''}broker${r.brokers.length === 1 ? '' : 's'} of ${r.kind} cluster ${r.name}`,
      where: {
        accounts: sorted([...r.brokers.map((b) => b.account), r.account]),
        regions: sorted([...r.brokers.map((b) => b.region), r.region]),
        azIds: r.azIds,
      },
      owner: brokerOwners.join(', ') || (r.account ? owners.of(r.account).name : 'unknown'),
      status: r.brokers.length
        ? worst(r.brokers.map((b) => statusOfAccount(b.account)))
        : statusOfAccount(r.account),
      evidence: unique(r.evidence),
      findings: findingsOn(
        (f) =>
          clusterFindings(f) &&
          (f.category === 'operations' ||
            f.category === 'elasticity' ||
            f.ruleId === 'broker-reachable-from-internet'),
      ),
    });
    // Where records become durable, and under whose key: one row per kind of store, place,
    // holder and key (MSK broker storage in three AZs is one row).
    const groups = new Map<string, RecordHop[]>();
    for (const s of r.stores) {
      const k = [
        s.store,
        s.account,
        s.region,
        s.owner,
        s.encryption?.state,
        s.encryption?.key,
        s.store?.startsWith('s3') ? s.node : '',
      ].join('|');
      const list = groups.get(k);
      if (list) list.push(s);
      else groups.set(k, [s]);
    }
    for (const group of groups.values()) {
      const s = group[0]!;
      const keyStatus = s.encryption?.keyOwner ? statusOfOwner(s.encryption.keyOwner) : 'inside';
      const name = bucketOfArn(s.node);
      const label = group.length > 1 ? s.label.replace(/ in [a-z0-9-]+$/, '') : s.label;
      rows.push({
        area: 'durable-storage',
        what: `${label} (${s.store})${label.includes(r.name) ? '' : ` of ${r.name}`}${s.encryption ? `, ${s.encryption.state}${s.encryption.key ? ` ${s.encryption.key}` : ''}` : ''}`,
        where: whereOf(group),
        owner:
          s.encryption?.keyOwner && s.encryption.keyOwner !== s.owner
            ? `${s.owner} (key: ${s.encryption.keyOwner})`
            : s.owner,
        status: worst([
          statusOfOwner(s.owner),
          keyStatus,
          ...(s.encryption?.state === 'unknown' ? (['unknown'] as const) : []),
        ]),
        evidence: unique([
          ...group.flatMap((g) => (g.encryption?.src ? [g.encryption.src] : [])),
          ...(r.paths.find((p) => p.hops[p.hops.length - 1]!.node === s.node)?.evidence ?? []),
        ]),
        findings: findingsOn(
          (f) =>
            group.some((g) => f.resource.arn === g.node) ||
            (name !== undefined && f.resource.arn.endsWith(`:::${name}`)),
        ),
      });
    }
    // Replication and linking out of the cluster.
    for (const p of r.paths) {
      if (p.kind !== 'replicate-out') continue;
      const to = p.hops[p.hops.length - 1]!;
      rows.push({
        area: 'replication',
        what: `${p.link?.kind ?? 'link'} ${p.link?.name ?? ''}: ${p.hops[0]!.label} → ${to.label}`,
        where: whereOf(p.hops),
        owner: sorted(p.hops.map((h) => h.owner)).join(', '),
        status: worst(p.hops.map((h) => statusOfOwner(h.owner))),
        evidence: unique(p.evidence),
        findings: findingsOn(
          (f) =>
            f.resource.arn === to.node ||
            (f.ruleId === 'record-replicated-across-regions' &&
              f.resource.arn === (r.arn ?? `cluster:${r.name}`) &&
              f.message.includes(to.label)),
        ),
      });
    }
  }

  // Control-plane actions: who outside can act on the data's roles and clusters.
  const control = findings.filter(
    (f) =>
      f.status !== 'suppressed' &&
      (f.ruleId === 'outside-can-assume-data-role' ||
        f.ruleId === 'cluster-policy-grants-outside-account'),
  );
  for (const f of control)
    rows.push({
      area: 'control-plane',
      what: f.message,
      where: {
        accounts: sorted([f.resource.account]),
        regions: sorted([f.resource.region]),
        azIds: [],
      },
      owner: f.status === 'unknown' ? 'unknown' : 'outside',
      status:
        f.status === 'unknown' ? 'unknown' : f.severity === 'critical' ? 'undeclared' : 'outside',
      evidence: unique(f.evidence.map((e) => ({ file: e.file, pointer: e.pointer }))),
      findings: [f.id],
    });
  if (!control.length)
    rows.push({
      area: 'control-plane',
      what: 'IAM role trusts and cluster policies: no principal outside the boundary can assume a data role or act on a cluster',
      where: {
        accounts: sorted(inventory.roles.map((r) => r.account)),
        regions: [],
        azIds: [],
      },
      owner: 'inside',
      status: inventory.roles.length ? 'inside' : 'unknown',
      evidence: inventory.roles.slice(0, 1).map((r) => r.src),
      findings: [],
    });

  // Observability export: where the audit trails deliver.
  for (const t of [...inventory.trails].sort((a, b) => (a.arn < b.arn ? -1 : 1))) {
    const bucket = t.bucketName
      ? inventory.buckets.find((b) => b.name === t.bucketName)
      : undefined;
    const owner = bucket ? owners.of(bucket.account).name : 'unknown';
    rows.push({
      area: 'observability-export',
      what: `trail ${t.name} → bucket ${t.bucketName ?? '(none)'}${t.isOrganizationTrail ? ' (organization trail)' : ''}`,
      where: {
        accounts: sorted([t.ownerAccount, bucket?.account]),
        regions: sorted([t.homeRegion, bucket?.region]),
        azIds: [],
      },
      owner,
      status: statusOfOwner(owner),
      evidence: [...(t.status ? [t.status.src] : []), ...(bucket ? [bucket.src] : [])].slice(0, 4),
      findings: findingsOn((f) => f.resource.arn === t.arn),
    });
  }

  // Support access: each party that supports or runs the platform, and what it can reach.
  for (const party of boundary.parties) {
    if (party.role !== 'vendor' && party.role !== 'support') continue;
    const reach = findings.filter(
      (f) =>
        f.status !== 'suppressed' &&
        f.category === 'access' &&
        party.accounts.some((a) => f.message.includes(a) || f.message.includes(party.name)),
    );
    rows.push({
      area: 'support-access',
      what: reach.length
        ? `${party.role} ${party.name}: ${reach
            .map((f) => f.title.toLowerCase())
            .filter((x, i, a) => a.indexOf(x) === i)
            .join('; ')}`
        : `${party.role} ${party.name}: no access to data found`,
      where: { accounts: sorted(party.accounts), regions: [], azIds: [] },
      owner: party.name,
      status: 'outside',
      evidence: unique(
        reach.flatMap((f) => f.evidence.map((e) => ({ file: e.file, pointer: e.pointer }))),
      ),
      findings: reach.map((f) => f.id),
    });
  }

  // Failover and rollback authority, as the boundary declares them.
  for (const [area, key] of [
    ['failover-authority', 'failover'],
    ['rollback-authority', 'rollback'],
  ] as const) {
    const a = boundary.authority[key];
    const accounts = sorted(
      (a?.principals ?? []).map((p) => /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(p)?.[1]),
    );
    const owner = a ? a.holder : 'unknown';
    rows.push({
      area,
      what: a
        ? `${a.holder === 'inside' ? 'inside' : `party ${a.holder}`}: ${a.principals.join(', ') || 'no principal named'}${a.evidence ? ` (${a.evidence})` : ''}`
        : `not declared (authority.${key} in the boundary file)`,
      where: { accounts, regions: [], azIds: [] },
      owner,
      status: a ? worst([statusOfOwner(a.holder), ...accounts.map(statusOfAccount)]) : 'unknown',
      evidence: a ? [{ file: 'boundary', pointer: `/authority/${key}` }] : [],
      findings: [],
    });
  }

  const order = new Map(OWNERSHIP_AREAS.map((a, i) => [a, i]));
  return rows.sort(
    (x, y) =>
      order.get(x.area)! - order.get(y.area)! || (x.what < y.what ? -1 : x.what > y.what ? 1 : 0),
  );
}

/** Markdown, every cell escaped: names and tags reach it. */
export function renderOwnershipMarkdown(rows: readonly OwnershipRow[], title: string): string {
  const cell = (s: string) =>
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;');
  let out = `# Ownership map: ${cell(title)}\n\n`;
  out +=
    '| Area | What | Accounts | Regions | AZ ids | Owner | Status | Evidence |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n';
  for (const r of rows)
    out += `| ${AREA_TITLES[r.area]} | ${cell(r.what)} | ${cell(r.where.accounts.join(', '))} | ${cell(r.where.regions.join(', '))} | ${cell(r.where.azIds.join(', '))} | ${cell(r.owner)} | ${r.status} | ${cell(r.evidence.map((e) => `${e.file}#${e.pointer}`).join('; ') || '—')}${r.findings.length ? ` (${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}: ${r.findings.join(', ')})` : ''} |\n`;
  const counts = OWNERSHIP_AREAS.map((a) => {
    const mine = rows.filter((r) => r.area === a);
    const bad = mine.filter((r) => r.status !== 'inside').length;
    return `- ${AREA_TITLES[a]}: ${mine.length} row${mine.length === 1 ? '' : 's'}, ${bad} not inside`;
  });
  return `${out}\n${counts.join('\n')}\n`;
}
