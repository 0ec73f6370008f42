import { readFileSync } from 'node:fs';
import { type Analysis, analyze } from '../../src/analyze.js';
import { parseBoundary } from '../../src/boundary/load.js';
import type { Boundary } from '../../src/boundary/schema.js';
import { loadClusterConfigs, loadClusterTopics } from '../../src/cli/configs.js';
import type { Rule } from '../../src/rules/define.js';
import { openSnapshotDir } from '../../src/snapshot/reader.js';

/** Analyse a bundled estate as the CLI does: its boundary, broker configs and topic lists. */
export function analyzeFixture(
  name: string,
  rules: readonly Rule[] = [],
  pack = 'none',
): { analysis: Analysis; boundary: Boundary } {
  const dir = `fixtures/estates/${name}`;
  const file = `${dir}/boundary.yaml`;
  const boundary = parseBoundary(readFileSync(file, 'utf8'), file);
  const analysis = analyze(
    openSnapshotDir(`${dir}/snapshot`),
    boundary,
    rules,
    pack,
    loadClusterConfigs(boundary, file),
    loadClusterTopics(boundary, file),
  );
  return { analysis, boundary };
}
