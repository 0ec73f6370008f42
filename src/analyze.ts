import { Owners } from './boundary/owners.js';
import type { Boundary } from './boundary/schema.js';
import { atPointer } from './errors.js';
import { buildGraph, type OwnershipGraph } from './graph/build.js';
import { classifyData } from './graph/data.js';
import { collectAccountRefs } from './graph/references.js';
import { buildInventory } from './inventory/build.js';
import { Lookup } from './inventory/lookup.js';
import type { Inventory, Src } from './inventory/model.js';
import { automaticFlows } from './paths/flows.js';
import { buildNetwork } from './paths/network.js';
import { type ClusterRecords, recordPaths } from './paths/record.js';
import type { PathsContext, Rule } from './rules/define.js';
import { runRules } from './rules/engine.js';
import { type FindingsReport, SEVERITIES } from './rules/finding.js';
import type { Snapshot } from './snapshot/reader.js';
import type { NodeConfig } from './topology/config.js';
import type { Topic } from './topology/topics.js';
import { VERSION } from './version.js';

export interface Analysis {
  inventory: Inventory;
  graph: OwnershipGraph;
  report: FindingsReport;
  /** Every cluster's record paths (built on first use). */
  records(): ClusterRecords[];
}

const MAX_EXCERPT = 4000;

/** snapshot + boundary + rules → inventory, graph and the findings report. Pure. */
export function analyze(
  snapshot: Snapshot,
  boundary: Boundary,
  rules: readonly Rule[],
  pack: string,
  /** Broker configurations by cluster name (read by the CLI from `kafka.clusters[].config`). */
  configs: ReadonlyMap<string, NodeConfig[]> = new Map(),
  /** Topic lists by cluster name (read by the CLI from `kafka.clusters[].topics`). */
  topics: ReadonlyMap<string, Topic[]> = new Map(),
): Analysis {
  const inventory = buildInventory(snapshot);
  const owners = new Owners(boundary, inventory);
  const lookup = new Lookup(inventory);
  const data = classifyData(inventory, boundary, lookup, configs);
  // The graph is for the map and for rules that walk it: built when first asked for.
  let built: OwnershipGraph | undefined;
  const graph = (): OwnershipGraph => {
    built ??= buildGraph(inventory, owners, lookup, data);
    return built;
  };
  const accountRefs = collectAccountRefs(inventory);
  let traced: PathsContext | undefined;
  const paths = (): PathsContext => {
    if (!traced) {
      const network = buildNetwork(inventory, (account) => {
        const o = owners.of(account);
        return { kind: o.kind, name: o.kind === 'party' ? o.name : o.kind };
      });
      traced = { network, ...automaticFlows(inventory, boundary, network, configs) };
    }
    return traced;
  };

  let recorded: ClusterRecords[] | undefined;
  const records = (): ClusterRecords[] => {
    const p = paths();
    recorded ??= recordPaths({
      inventory,
      boundary,
      owners,
      lookup,
      network: p.network,
      brokers: p.brokers,
      unplaced: p.unplaced,
      flows: p.flows,
      configs,
      topics,
    });
    return recorded;
  };

  const files = new Map<string, unknown>();
  const parsedDocs = new Map<string, unknown>();
  const configFiles = new Map<string, NodeConfig>();
  for (const list of configs.values()) for (const c of list) configFiles.set(c.file, c);
  const excerpt = (src: Src, docPointer?: string): unknown => {
    if (src.file === 'manifest.json') return atPointer(snapshot.manifest, src.pointer);
    // A broker configuration: `/key` or `/key@line` → the property as written.
    const config = configFiles.get(src.file);
    if (config) {
      const key = /^\/([^@]*)/.exec(src.pointer)?.[1];
      if (!key) return null;
      const p = config.props.byKey.get(key);
      return p ? `${key}=${p.value}` : `${key} (not set)`;
    }
    let doc = files.get(src.file);
    if (doc === undefined) {
      doc = snapshot.readPath(src.file) ?? null;
      files.set(src.file, doc);
    }
    let value = atPointer(doc, src.pointer);
    if (docPointer !== undefined && typeof value === 'string') {
      const k = `${src.file}#${src.pointer}`;
      let parsed = parsedDocs.get(k);
      if (parsed === undefined) {
        try {
          parsed = JSON.parse(value);
        } catch {
          parsed = null;
        }
        parsedDocs.set(k, parsed);
      }
      // The statement that holds the pointer is the useful excerpt for a policy.
      const m = docPointer.match(/^\/Statement(\/\d+)?/);
      value = atPointer(parsed, m ? m[0] : docPointer);
    } else if (docPointer !== undefined) {
      const m = docPointer.match(/^\/Statement(\/\d+)?/);
      value = atPointer(value, m ? m[0] : docPointer);
    }
    const text = JSON.stringify(value);
    return text !== undefined && text.length > MAX_EXCERPT
      ? `${text.slice(0, MAX_EXCERPT)}…`
      : value;
  };

  const result = runRules(
    rules,
    {
      inventory,
      graph,
      boundary,
      owners,
      lookup,
      data,
      accountRefs,
      paths,
      records,
      configs,
      topics,
    },
    { excerpt },
  );
  const diagnostics = [...inventory.diagnostics];
  for (const s of result.staleSuppressions) {
    diagnostics.push({
      level: 'info',
      code: `suppression-${s.why}`,
      message: `suppression of ${s.rule} on ${s.resource} ${s.why === 'expired' ? (inventory.snapshot.createdAt ? 'has expired' : 'has an expiry date and the snapshot has no createdAt, so it does not apply') : 'matched no finding'}`,
    });
  }
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, 0]),
  ) as FindingsReport['summary']['bySeverity'];
  for (const f of result.findings) if (f.status === 'open') bySeverity[f.severity]++;
  const report: FindingsReport = {
    format: 'ownmap-findings/1',
    tool: { name: 'ownmap', version: VERSION },
    snapshot: {
      layout: inventory.snapshot.layout,
      ...(inventory.snapshot.createdAt ? { createdAt: inventory.snapshot.createdAt } : {}),
      accounts: inventory.snapshot.accounts.map((a) => a.id),
      regions: inventory.snapshot.regions,
    },
    boundary: { name: boundary.name },
    pack,
    summary: {
      total: result.findings.length,
      open: result.findings.filter((f) => f.status === 'open').length,
      suppressed: result.findings.filter((f) => f.status === 'suppressed').length,
      unknown: result.findings.filter((f) => f.status === 'unknown').length,
      bySeverity,
      rulesRun: rules.length,
      ruleErrors: result.errors.length,
    },
    findings: result.findings,
    errors: result.errors,
    gaps: inventory.gaps.map((g) => ({ ...g })),
    diagnostics,
  };
  return {
    inventory,
    get graph() {
      return graph();
    },
    report,
    records,
  };
}
