const cache = new Map<string, RegExp>();

/** Case-sensitive glob over names and ARNs: `*` any run of characters, `?` one character. */
export function globMatch(pattern: string, value: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 's');
    cache.set(pattern, re);
  }
  return re.test(value);
}

export function anyGlob(
  patterns: readonly string[],
  ...values: (string | undefined)[]
): string | undefined {
  for (const p of patterns)
    for (const v of values) if (v !== undefined && globMatch(p, v)) return p;
  return undefined;
}
