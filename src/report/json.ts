import type { FindingsReport } from '../rules/finding.js';

/** The findings report as JSON text: 2-space indent, trailing newline, key order as built. */
export function renderJson(report: FindingsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
