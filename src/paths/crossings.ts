/**
 * The three crossing rules (AZ, region, account) share one report: delivered client and
 * broker paths that cross, grouped by client or by what the brokers reach.
 */
import type { RuleContext } from '../rules/define.js';
import type { Flow } from './flows.js';
import { describePath, groupFlows, pathEvidence, pathOf } from './report.js';
import type { CrossingKind } from './trace.js';

const WORDS: Record<'az' | 'region' | 'account', string> = {
  az: 'an availability zone',
  region: 'a region',
  account: 'an account',
};

/** Each flow's group key and the size of each group, once per set of flows (three rules ask). */
const GROUPS = new WeakMap<
  readonly Flow[],
  { keyOf: Map<Flow, string>; totals: Map<string, number> }
>();

function groupsOf(all: readonly Flow[]) {
  let g = GROUPS.get(all);
  if (!g) {
    const keyOf = new Map<Flow, string>();
    const totals = new Map<string, number>();
    for (const f of all) {
      const k =
        f.kind === 'client-to-broker'
          ? `client|${f.fromLabel}`
          : `${f.kind}|${f.subject.arn}|${f.cluster}`;
      keyOf.set(f, k);
      totals.set(k, (totals.get(k) ?? 0) + 1);
    }
    g = { keyOf, totals };
    GROUPS.set(all, g);
  }
  return g;
}

export function reportCrossings(ctx: RuleContext, kind: 'az' | 'region' | 'account'): void {
  const crosses = (f: Flow, k: CrossingKind) => f.result.crossings.some((c) => c.kind === k);
  const flows = ctx.paths().flows.filter(
    (f) =>
      f.result.disposition === 'delivered' &&
      f.kind !== 'internet-to-broker' &&
      // Replication between brokers of one cluster across AZs is the design of a multi-AZ
      // cluster; its cost is the record-path analysis's to weigh.
      !(kind === 'az' && f.kind === 'broker-to-broker') &&
      crosses(f, kind),
  );
  const { keyOf, totals } = groupsOf(ctx.paths().flows);
  const key = (f: Flow) => keyOf.get(f)!;
  for (const [k, group] of groupFlows(flows, key)) {
    const first = group[0]!;
    const all = { length: totals.get(k) ?? group.length };
    const details = [
      ...new Set(
        group.flatMap((f) =>
          f.result.crossings.filter((c) => c.kind === kind).map((c) => c.detail),
        ),
      ),
    ].sort();
    const boundary = group.some((f) => crosses(f, 'boundary'));
    const subject =
      first.kind === 'client-to-broker'
        ? `${first.fromLabel} reaches ${group.length} of ${all.length} brokers of ${first.cluster}`
        : `${group.length} of ${all.length} ${first.kind === 'broker-to-broker' ? 'broker pairs' : 'brokers'} of ${first.cluster} reach ${first.subject.label}`;
    const source =
      first.source.kind === 'subnet' ? ctx.paths().network.subnets.get(first.source.id) : undefined;
    const resource =
      first.kind === 'client-to-broker' && source
        ? {
            arn: `arn:aws:ec2:${source.region}:${source.account}:subnet/${source.id}`,
            account: source.account,
            region: source.region,
            ...(source.azId ? { azId: source.azId } : {}),
          }
        : {
            arn: first.subject.arn,
            ...(first.subject.account ? { account: first.subject.account } : {}),
            ...(first.subject.region ? { region: first.subject.region } : {}),
          };
    ctx.report({
      resource,
      key: k,
      ...(kind === 'account' && !boundary ? { severity: 'medium' as const } : {}),
      message: `${subject} across ${WORDS[kind]} (${details.join('; ')})${boundary ? ', leaving the boundary' : ''}: e.g. ${describePath(first.result)}.`,
      path: pathOf(first.result),
      evidence: pathEvidence(first.result),
    });
  }
}
