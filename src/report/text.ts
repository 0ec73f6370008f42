import type { Finding, FindingsReport, Severity } from '../rules/finding.js';
import { SEVERITIES } from '../rules/finding.js';

export interface TextOptions {
  color: boolean;
}

const COLORS: Record<Severity | 'unknown' | 'suppressed' | 'dim' | 'bold', [number, number]> = {
  critical: [31, 39],
  high: [91, 39],
  medium: [33, 39],
  low: [36, 39],
  info: [34, 39],
  unknown: [35, 39],
  suppressed: [90, 39],
  dim: [2, 22],
  bold: [1, 22],
};

/** Strip control characters so resource names cannot drive the terminal. */
export function safeText(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

/** A human-readable report, grouped by severity; colour only when asked for. */
export function renderText(report: FindingsReport, opts: TextOptions): string {
  const c = (k: keyof typeof COLORS, s: string) =>
    opts.color ? `\u001b[${COLORS[k][0]}m${s}\u001b[${COLORS[k][1]}m` : s;
  const lines: string[] = [];
  const s = report.summary;
  lines.push(
    c('bold', `ownmap: ${safeText(report.boundary.name)}`) +
      ` — ${report.snapshot.accounts.length} account(s), ${report.snapshot.regions.length} region(s), ${s.rulesRun} rule(s), pack ${report.pack}`,
  );
  const open = (f: Finding) => f.status === 'open';
  for (const sev of SEVERITIES) {
    const group = report.findings.filter((f) => open(f) && f.severity === sev);
    if (group.length === 0) continue;
    lines.push('', c(sev, `${sev.toUpperCase()} (${group.length})`));
    for (const f of group) lines.push(...item(f, c));
  }
  const unknown = report.findings.filter((f) => f.status === 'unknown');
  if (unknown.length) {
    lines.push('', c('unknown', `UNKNOWN (${unknown.length}): evidence missing, not a pass`));
    for (const f of unknown) lines.push(...item(f, c));
  }
  const suppressed = report.findings.filter((f) => f.status === 'suppressed');
  if (suppressed.length) {
    lines.push('', c('suppressed', `SUPPRESSED (${suppressed.length})`));
    for (const f of suppressed) {
      lines.push(
        `  ${f.ruleId}  ${safeText(f.resource.arn)}`,
        c('dim', `    reason: ${safeText(f.suppression?.reason ?? '')}`),
      );
    }
  }
  if (report.errors.length) {
    lines.push('', c('critical', `RULE ERRORS (${report.errors.length})`));
    for (const e of report.errors) lines.push(`  ${e.ruleId}: ${safeText(e.message)}`);
  }
  if (report.gaps.length) {
    lines.push('', c('unknown', `GAPS (${report.gaps.length}): calls that failed during the scan`));
    for (const g of report.gaps) {
      lines.push(
        `  ${g.account}/${g.region} ${g.service} ${g.operation}${g.param ? ` ${safeText(g.param)}` : ''}: ${safeText(g.code)}`,
      );
    }
  }
  for (const d of report.diagnostics) lines.push(c('dim', `note: ${safeText(d.message)}`));
  const bySev = SEVERITIES.map((x) => `${s.bySeverity[x]} ${x}`).join(', ');
  lines.push('', `${s.open} open (${bySev}), ${s.unknown} unknown, ${s.suppressed} suppressed`);
  return `${lines.join('\n')}\n`;
}

function item(f: Finding, c: (k: keyof typeof COLORS, s: string) => string): string[] {
  const where = [f.resource.account, f.resource.region, f.resource.azId].filter(Boolean).join(' ');
  const out = [
    `  ${c('bold', f.ruleId)}  ${safeText(f.resource.arn)}${where ? c('dim', `  (${where})`) : ''}`,
    `    ${safeText(f.message)}`,
  ];
  const ev = f.evidence[0];
  if (ev)
    out.push(
      c(
        'dim',
        `    evidence: ${safeText(ev.file)}#${safeText(ev.pointer)}${ev.docPointer ? ` → ${safeText(ev.docPointer)}` : ''}${f.evidence.length > 1 ? ` (+${f.evidence.length - 1})` : ''}`,
      ),
    );
  out.push(c('dim', `    id: ${f.id}`));
  return out;
}
