import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/ownmap.js`;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built binary as a user would (`npm test` builds first). */
export function ownmap(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const estateArgs = (name: string) => [
  `fixtures/estates/${name}/snapshot`,
  '--boundary',
  `fixtures/estates/${name}/boundary.yaml`,
];
