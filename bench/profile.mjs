/**
 * CPU profile summaries shared by the benchmarks: self and inclusive time per function,
 * labelled by file and line relative to the project root.
 */
import { relative } from 'node:path';

export function summariseProfile(p, ROOT) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const cf = n.callFrame;
    const url = cf.url ? cf.url.replace(/^file:\/\//, '') : '';
    const rel = url.startsWith(ROOT)
      ? relative(ROOT, url)
      : url.replace(/^.*node_modules\//, 'node_modules/');
    return `${cf.functionName || '(anonymous)'}${rel ? ` ${rel}:${cf.lineNumber + 1}` : ''}`;
  };
  const own = (n) => /^(dist\/)?(src|rules)\//.test(label(n).split(' ')[1] ?? '');
  // The in-process profiler's own frames (Profiler.start/stop through node:inspector).
  const profiler = (n) => {
    for (let x = n; x; x = byId.get(parent.get(x.id)))
      if (x.callFrame.url === 'node:inspector') return true;
    return false;
  };
  const self = new Map();
  const incl = new Map();
  let totalMs = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    let n = byId.get(p.samples[i]);
    if (ms <= 0 || profiler(n)) continue;
    totalMs += ms;
    self.set(label(n), (self.get(label(n)) ?? 0) + ms);
    const seen = new Set();
    while (n) {
      if (own(n)) {
        const l = label(n);
        if (!seen.has(l)) {
          seen.add(l);
          incl.set(l, (incl.get(l) ?? 0) + ms);
        }
      }
      n = byId.get(parent.get(n.id));
    }
  }
  const list = (m) =>
    [...m].map(([fn, ms]) => ({ fn, ms, pct: (100 * ms) / totalMs })).sort((a, b) => b.ms - a.ms);
  return { totalMs, self: list(self), inclusive: list(incl) };
}
