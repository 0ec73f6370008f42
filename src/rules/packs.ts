import { InputError } from '../errors.js';
import type { Rule } from './define.js';
import { CATEGORIES } from './finding.js';

/**
 * Packs select rules: `all` (the default), one per category, and `ci` (everything a
 * CI gate should hold: high and critical rules of every category).
 */
export const PACKS: Record<string, { description: string; select(rule: Rule): boolean }> = {
  all: { description: 'every rule', select: () => true },
  ci: {
    description: 'rules of severity high or critical, for a pipeline gate',
    select: (r) => r.severity === 'critical' || r.severity === 'high',
  },
  ...Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      { description: `rules of category ${c}`, select: (r: Rule) => r.category === c },
    ]),
  ),
};

export function selectPack(
  rules: readonly Rule[],
  pack: string,
  disabled: readonly string[] = [],
): Rule[] {
  const p = PACKS[pack];
  if (!p)
    throw new InputError(`--pack: expected one of ${Object.keys(PACKS).join(', ')}, got '${pack}'`);
  return rules.filter((r) => p.select(r) && !disabled.includes(r.id));
}
