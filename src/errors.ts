/**
 * Bad input (a malformed snapshot file, an invalid boundary file, a wrong option):
 * the CLI prints `message` as one line and exits 2.
 */
export class InputError extends Error {
  readonly file: string | undefined;
  readonly pointer: string | undefined;
  constructor(message: string, opts: { file?: string; pointer?: string } = {}) {
    super(message);
    this.name = 'InputError';
    this.file = opts.file;
    this.pointer = opts.pointer;
  }
}

/** `file: /Pointer/0: expected …` — the one line a user reads. */
export function inputError(file: string, pointer: string, expected: string): InputError {
  const where = pointer ? `${file} at ${pointer}` : file;
  return new InputError(`${where}: ${expected}`, { file, pointer });
}

/** RFC 6901 JSON pointer from a path of keys and indices. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The value at a JSON pointer, or undefined. */
export function atPointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
