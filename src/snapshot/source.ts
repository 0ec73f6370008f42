import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';

const isLink = (p: string): boolean => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/**
 * Where snapshot files come from. The reader is pure over this interface: the file
 * system is one source, an in-memory map (tests, rule cases) another.
 * Paths are relative and use `/`.
 */
export interface SnapshotSource {
  /** A label for messages and evidence (the snapshot directory as the user named it). */
  readonly label: string;
  /** Entries directly below `dir` ('' = root); directories end with `/`. Undefined if absent. */
  list(dir: string): string[] | undefined;
  /** The text of a file, or undefined if absent. */
  read(path: string): string | undefined;
}

export function fsSource(root: string): SnapshotSource {
  // Paths are relative with `/`; joining them by hand saves a path.join per file.
  const base = root.endsWith('/') ? root : `${root}/`;
  return {
    label: root,
    list(dir) {
      try {
        const entries = readdirSync(join(root, dir), { withFileTypes: true });
        return entries.map((e) => {
          let isDir = e.isDirectory();
          if (e.isSymbolicLink()) {
            try {
              isDir = statSync(join(root, dir, e.name)).isDirectory();
            } catch {
              // a dangling link is a file that cannot be read: reading it reports it
            }
          }
          return isDir ? `${e.name}/` : e.name;
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
        throw err;
      }
    },
    read(path) {
      try {
        return readFileSync(base + path, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' && existsSync(base + path) === false && !isLink(base + path))
          return undefined;
        throw new InputError(`${path}: cannot read (${code ?? 'error'})`, { file: path });
      }
    },
  };
}

/** An in-memory snapshot: `{ 'path/in/snapshot.json': jsonValueOrText }`. */
export function memorySource(files: Record<string, unknown>, label = '<memory>'): SnapshotSource {
  const texts = new Map<string, string>();
  for (const [path, value] of Object.entries(files)) {
    texts.set(path, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return {
    label,
    list(dir) {
      const prefix = dir === '' || dir.endsWith('/') ? dir : `${dir}/`;
      const out = new Set<string>();
      for (const path of texts.keys()) {
        if (!path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        const slash = rest.indexOf('/');
        out.add(slash === -1 ? rest : rest.slice(0, slash + 1));
      }
      return out.size ? [...out] : undefined;
    },
    read(path) {
      return texts.get(path);
    },
  };
}
