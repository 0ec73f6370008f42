#!/usr/bin/env node
/**
 * One measured run, in a fresh process (started by bench/analyze.mjs), so that peak RSS
 * belongs to this run alone. Prints one JSON line on stdout.
 *
 *   node bench/worker.mjs analyze <snapshot> <boundary> <report.json>
 *       the whole `ownmap analyze` pipeline, through the CLI entry point (src/cli/main.ts):
 *       boundary, snapshot index, inventory, graph, rules, JSON render, write.
 *   node bench/worker.mjs read <snapshot>
 *       the baseline: walk the tree, readFileSync + JSON.parse every .json file, and keep
 *       the parsed values alive (any analysis has to hold what it read).
 *
 * Times come from performance.now(), whose origin is the start of this process:
 * `processMs` includes node's start-up and module loading, `workMs` is the work alone.
 * Exit code 2 (and the tool's stderr) when analyze fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';

const [mode, ...args] = process.argv.slice(2);

// Garbage-collection pauses (main thread), summed.
let gcMs = 0;
let gcCount = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    gcCount++;
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
const cpu = () => {
  const u = process.cpuUsage();
  return { userMs: u.user / 1000, systemMs: u.system / 1000 };
};
/** Let pending GC entries arrive, then stop observing. */
async function gcTotals() {
  await new Promise((r) => setImmediate(r));
  for (const e of gcObserver.takeRecords?.() ?? []) {
    gcMs += e.duration;
    gcCount++;
  }
  gcObserver.disconnect();
  return { gcMs, gcCount };
}

if (mode === 'analyze') {
  const [snapshot, boundary, out] = args;
  const t0 = performance.now();
  const { main } = await import('../dist/src/cli/main.js');
  const t1 = performance.now();
  const c1 = cpu();
  let stderr = '';
  let code;
  try {
    code = await main(
      [
        process.execPath,
        'ownmap',
        'analyze',
        snapshot,
        '--boundary',
        boundary,
        '--format',
        'json',
        '--out',
        out,
        '--fail-on',
        'none',
        '--debug',
      ],
      {
        stdout: () => {},
        stderr: (s) => {
          stderr += s;
        },
        isTTY: false,
        env: {},
      },
    );
  } catch (err) {
    stderr += `${err?.stack ?? err}\n`;
    code = 2;
  }
  const t2 = performance.now();
  const c2 = cpu();
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  const gc = await gcTotals();
  // 0 clean, 1 findings (not with --fail-on none), 3 unknowns: all fine. 2 = error/bug.
  if (code === 2 || code === undefined) {
    process.stderr.write(stderr || `ownmap analyze exited with ${code}\n`);
    process.exit(2);
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const byRule = {};
  for (const f of report.findings) {
    const k = `${f.ruleId}:${f.status}`;
    byRule[k] = (byRule[k] ?? 0) + 1;
  }
  emit({
    mode,
    exitCode: code,
    importMs: t1 - t0,
    workMs: t2 - t1,
    processMs: t2,
    cpuMs: c2.userMs - c1.userMs + c2.systemMs - c1.systemMs,
    systemMs: c2.systemMs - c1.systemMs,
    ...gc,
    maxRssBytes,
    reportBytes: statSync(out).size,
    summary: report.summary,
    byRule,
    diagnostics: report.diagnostics.length,
  });
} else if (mode === 'read') {
  const [snapshot] = args;
  const t0 = performance.now();
  const c0 = cpu();
  const kept = [];
  let files = 0;
  let chars = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.name.endsWith('.json')) {
        const text = readFileSync(path, 'utf8');
        chars += text.length;
        kept.push(JSON.parse(text));
        files++;
      }
    }
  };
  walk(snapshot);
  const t1 = performance.now();
  const c1 = cpu();
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  const gc = await gcTotals();
  emit({
    mode,
    workMs: t1 - t0,
    processMs: t1,
    cpuMs: c1.userMs - c0.userMs + c1.systemMs - c0.systemMs,
    systemMs: c1.systemMs - c0.systemMs,
    ...gc,
    maxRssBytes,
    files,
    chars,
    kept: kept.length,
  });
} else {
  process.stderr.write(
    'usage: node bench/worker.mjs analyze <snapshot> <boundary> <out> | read <snapshot>\n',
  );
  process.exit(2);
}

function emit(obj) {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}
