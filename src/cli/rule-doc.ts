import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../rules/define.js';

/** The rule's own doc (`rules/<category>/<id>.md`), found from the package root. */
export function ruleDocPath(rule: Rule): string {
  // dist/src/cli/rule-doc.js and src/cli/rule-doc.ts both sit three levels below the root
  const root = new URL(
    import.meta.url.includes('/dist/') ? '../../../' : '../../',
    import.meta.url,
  );
  return fileURLToPath(new URL(`rules/${rule.category}/${rule.id}.md`, root));
}

export function readRuleDoc(rule: Rule): string | undefined {
  const path = ruleDocPath(rule);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Metadata first (generated), then the hand-written explanation and examples. */
export function renderRuleDoc(rule: Rule, level = 1): string {
  const h = '#'.repeat(level);
  const lines = [
    `${h} ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    `- Category: \`${rule.category}\``,
    `- Severity: \`${rule.severity}\``,
    `- Needs: ${rule.needs.length ? rule.needs.map((n) => `\`${n}\``).join(', ') : 'nothing beyond the inventory'}`,
    '',
    `${h}# Why`,
    '',
    rule.rationale,
    '',
    `${h}# Fix`,
    '',
    rule.remediation,
    '',
  ];
  const doc = readRuleDoc(rule);
  if (doc) {
    const body = doc
      .replace(/^# .*\n+/, '')
      .replace(/^## /gm, `${h}# `)
      .trim();
    lines.push(body, '');
  }
  if (rule.references.length) {
    lines.push(`${h}# References`, '', ...rule.references.map((r) => `- ${r}`), '');
  }
  return lines.join('\n');
}
