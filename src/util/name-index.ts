import { globMatch } from './glob.js';

/**
 * Names sorted once, so that a glob is matched only against the names that share its literal
 * prefix (estates have tens of thousands of buckets and many clusters).
 */
export class NameIndex<T> {
  private readonly names: (readonly [string, T])[];
  constructor(entries: (readonly [string, T])[]) {
    this.names = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  match(patterns: readonly string[]): Set<T> {
    const out = new Set<T>();
    for (const p of patterns) {
      const wild = p.search(/[*?]/);
      const prefix = wild === -1 ? p : p.slice(0, wild);
      let lo = 0;
      let hi = this.names.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.names[mid]![0] < prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.names.length && this.names[i]![0].startsWith(prefix); i++)
        if (globMatch(p, this.names[i]![0])) out.add(this.names[i]![1]);
    }
    return out;
  }
}
