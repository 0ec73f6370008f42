import { createHash } from 'node:crypto';
import type { Src } from '../inventory/model.js';
import { entriesForAction } from '../snapshot/contract.js';
import type { Gap } from '../snapshot/manifest.js';
import { cmp } from '../snapshot/reader.js';
import { globMatch } from '../util/glob.js';
import type { ReportInput, Rule, RuleContext } from './define.js';
import { type Evidence, type Finding, type Severity, severityRank } from './finding.js';

export type BaseContext = Omit<RuleContext, 'report' | 'gapFor'>;

export interface EngineOptions {
  /** Resolves evidence to an excerpt (reads the snapshot; cached by the caller). */
  excerpt(src: Src, docPointer?: string): unknown;
}

export interface EngineResult {
  findings: Finding[];
  errors: { ruleId: string; message: string }[];
  /** Suppressions that matched nothing, or had expired: worth telling the user. */
  staleSuppressions: { rule: string; resource: string; why: 'unused' | 'expired' }[];
}

/** Fingerprint: the same rule, resource and path give the same id on every run. */
export function fingerprint(
  ruleId: string,
  resource: string,
  key = '',
  path: readonly string[] = [],
): string {
  return createHash('sha256')
    .update([ruleId, resource, key, ...path].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Run rules over a built context. A rule that throws becomes an error entry; the others
 * run. Gaps in a rule's `needs` become `unknown` findings, and replace an open finding
 * on the same resource (the evidence for it is missing).
 */
export function runRules(
  rules: readonly Rule[],
  base: BaseContext,
  opts: EngineOptions,
): EngineResult {
  const { boundary, inventory } = base;
  const findings: Finding[] = [];
  const errors: { ruleId: string; message: string }[] = [];
  const gapIndex = indexGaps(inventory.gaps);

  for (const rule of rules) {
    // The boundary's override is the severity of every finding of the rule. Otherwise a
    // finding may be less severe than its rule (a declared party vs an unknown account).
    const override = boundary.rules.severity[rule.id];
    const severity: Severity = override ?? rule.severity;
    const local: Finding[] = [];
    const make = (input: ReportInput): Finding => {
      const ownSeverity =
        !override && input.severity && severityRank(input.severity) > severityRank(severity)
          ? input.severity
          : severity;
      const account = input.resource.account;
      return {
        id: fingerprint(
          rule.id,
          input.resource.arn,
          input.key,
          input.path?.map((h) => h.node),
        ),
        ruleId: rule.id,
        category: rule.category,
        severity: ownSeverity,
        status: input.status ?? 'open',
        title: rule.title,
        message: input.message,
        resource: {
          arn: input.resource.arn,
          ...(account ? { account } : {}),
          ...(input.resource.region ? { region: input.resource.region } : {}),
          ...(input.resource.azId ? { azId: input.resource.azId } : {}),
          ...(account ? { owner: base.owners.of(account).name } : {}),
        },
        ...(input.path ? { path: input.path } : {}),
        evidence: input.evidence.map(
          (e): Evidence => ({
            file: e.src.file,
            pointer: e.src.pointer,
            ...(e.docPointer !== undefined ? { docPointer: e.docPointer } : {}),
            excerpt: opts.excerpt(e.src, e.docPointer),
          }),
        ),
        remediation: rule.remediation,
      };
    };
    const ctx: RuleContext = {
      ...base,
      gapFor: (action, account, region, param) => gapIndex.find(action, account, region, param),
      report: (input) => local.push(make(input)),
    };
    try {
      rule.check(ctx);
    } catch (err) {
      errors.push({ ruleId: rule.id, message: err instanceof Error ? err.message : String(err) });
      continue;
    }
    // Gaps in the evidence a rule needs: one `unknown` finding each.
    const unknown = new Map<string, Finding>();
    for (const need of rule.handlesGaps ? [] : rule.needs) {
      for (const gap of gapIndex.forAction(need)) {
        const resource = gapResource(gap);
        const f = make({
          resource: { arn: resource, account: gap.account, region: gap.region },
          status: 'unknown',
          key: `gap:${gap.service}:${gap.operation}`,
          message: `Could not check: ${gap.service} ${gap.operation}${gap.param ? ` (${gap.param})` : ''} failed in ${gap.account}/${gap.region} with ${gap.code}${gap.message ? `: ${gap.message}` : ''}.`,
          evidence: [
            { src: { file: 'manifest.json', pointer: `/gaps/${inventory.gaps.indexOf(gap)}` } },
          ],
        });
        unknown.set(resource, f);
      }
    }
    for (const f of local) {
      if (f.status === 'open' && unknown.has(f.resource.arn)) continue;
      findings.push(f);
    }
    for (const f of unknown.values()) findings.push(f);
  }

  const stale = applySuppressions(findings, base);
  dedupe(findings);
  findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.resource.arn, b.resource.arn) ||
      cmp(a.id, b.id),
  );
  return { findings, errors, staleSuppressions: stale };
}

function dedupe(findings: Finding[]): void {
  const seen = new Set<string>();
  let w = 0;
  for (const f of findings) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    findings[w++] = f;
  }
  findings.length = w;
}

function applySuppressions(
  findings: Finding[],
  base: BaseContext,
): EngineResult['staleSuppressions'] {
  const asOf = base.inventory.snapshot.createdAt?.slice(0, 10);
  const stale: EngineResult['staleSuppressions'] = [];
  for (const s of base.boundary.suppressions) {
    // Without the snapshot's date an expiring suppression cannot be shown to hold: it lapses.
    const expired = s.expires !== undefined && (asOf === undefined || s.expires < asOf);
    if (expired) {
      stale.push({ rule: s.rule, resource: s.resource, why: 'expired' });
      continue;
    }
    let used = false;
    for (const f of findings) {
      if (f.status !== 'open') continue;
      if (
        !globMatch(s.rule, f.ruleId) ||
        !(globMatch(s.resource, f.resource.arn) || s.resource === f.id)
      )
        continue;
      f.status = 'suppressed';
      f.suppression = { reason: s.reason, ...(s.expires ? { expires: s.expires } : {}) };
      used = true;
    }
    if (!used) stale.push({ rule: s.rule, resource: s.resource, why: 'unused' });
  }
  return stale;
}

/** A stable resource name for a gap: the per-resource ARN when the call had one. */
export function gapResource(gap: Gap): string {
  const { account, region, service, param } = gap;
  if (param !== undefined) {
    if (param.startsWith('arn:')) return param;
    if (service === 's3') return `arn:aws:s3:::${param}`;
    if (service === 'kms') return `arn:aws:kms:${region}:${account}:key/${param}`;
    if (service === 'ec2') {
      const type = param.startsWith('tgw-rtb-') ? 'transit-gateway-route-table' : 'prefix-list';
      return `arn:aws:ec2:${region}:${account}:${type}/${param}`;
    }
    return `arn:aws:${service}:${region}:${account}:${param}`;
  }
  return `arn:aws:${service}:${region}:${account}:*`;
}

interface GapIndex {
  forAction(action: string): Gap[];
  find(action: string, account: string, region: string, param?: string): Gap | undefined;
}

function indexGaps(gaps: readonly Gap[]): GapIndex {
  const byOp = new Map<string, Gap[]>();
  for (const g of gaps) {
    const k = `${g.service}-${g.operation}`.toLowerCase();
    const list = byOp.get(k) ?? [];
    list.push(g);
    byOp.set(k, list);
  }
  /** Every `service-operation` an action authorises (an unknown action names none). */
  const opsOf = (action: string): string[] =>
    entriesForAction(action).map((e) => `${e.service}-${e.operation}`);
  return {
    forAction: (action) => opsOf(action).flatMap((op) => byOp.get(op) ?? []),
    find(action, account, region, param) {
      return opsOf(action)
        .flatMap((op) => byOp.get(op) ?? [])
        .find(
          (g) =>
            g.account === account &&
            g.region === region &&
            (g.param === undefined || param === undefined || g.param === param),
        );
    },
  };
}
