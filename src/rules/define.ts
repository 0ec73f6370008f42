import type { Owners } from '../boundary/owners.js';
import type { Boundary } from '../boundary/schema.js';
import type { OwnershipGraph } from '../graph/build.js';
import type { DataBearing } from '../graph/data.js';
import type { AccountRef } from '../graph/references.js';
import type { Lookup } from '../inventory/lookup.js';
import type { Inventory, Src } from '../inventory/model.js';
import type { Broker, Flow, UnplacedNode } from '../paths/flows.js';
import type { NetworkIndex } from '../paths/network.js';
import type { ClusterRecords } from '../paths/record.js';
import type { Gap } from '../snapshot/manifest.js';
import type { NodeConfig } from '../topology/config.js';
import type { Topic } from '../topology/topics.js';
import type { Category, Hop, Severity } from './finding.js';

export interface PathsContext {
  network: NetworkIndex;
  brokers: Broker[];
  flows: Flow[];
  /** Configured nodes whose listener addresses match no interface of the snapshot. */
  unplaced: UnplacedNode[];
}

/** What a rule reads: everything pure, built once per analysis. */
export interface RuleContext {
  inventory: Inventory;
  /** The ownership graph, built on first use (no rule of the foundation needs it). */
  graph(): OwnershipGraph;
  boundary: Boundary;
  owners: Owners;
  lookup: Lookup;
  data: DataBearing;
  accountRefs: readonly AccountRef[];
  /** Broker configurations by cluster name, from `kafka.clusters[].config`. */
  configs: ReadonlyMap<string, NodeConfig[]>;
  /** Topic lists by cluster name, from `kafka.clusters[].topics`. */
  topics: ReadonlyMap<string, Topic[]>;
  /** The network and the automatic flows, traced on first use (rules that need paths ask). */
  paths(): PathsContext;
  /** Every cluster's record paths and what they cost, built on first use. */
  records(): ClusterRecords[];
  /** The gap, if the call that would hold this evidence failed. `action` as in `needs`. */
  gapFor(action: string, account: string, region: string, param?: string): Gap | undefined;
  /** Report one finding. */
  report(finding: ReportInput): void;
}

export interface EvidenceInput {
  src: Src;
  /** A pointer inside a policy document that the file holds as a JSON string. */
  docPointer?: string;
}

export interface ReportInput {
  resource: { arn: string; account?: string; region?: string; azId?: string };
  message: string;
  evidence: EvidenceInput[];
  path?: Hop[];
  /** `unknown` when the rule cannot decide for this resource. Default `open`. */
  status?: 'open' | 'unknown';
  /** A finding may be less severe than the rule (e.g. a declared party vs an unknown one). */
  severity?: Severity;
  /** Extra discriminator for the fingerprint when one resource has several findings. */
  key?: string;
}

export interface RuleMeta {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  /** IAM actions whose responses the rule reads; a gap in one makes the rule `unknown` there. */
  needs: string[];
  /**
   * The rule asks `gapFor` itself and reports `unknown` only where a gap can change its
   * answer. Otherwise the engine reports every gap in `needs` as an `unknown` finding.
   */
  handlesGaps?: boolean;
  rationale: string;
  remediation: string;
  references: string[];
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return Object.freeze({ ...rule, needs: [...rule.needs], references: [...rule.references] });
}
