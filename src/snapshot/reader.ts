import type { z } from 'zod';
import { InputError, inputError, jsonPointer } from '../errors.js';
import { decodeParam, entryForStem, GLOBAL_REGION } from './contract.js';
import { type Gap, type Manifest, ManifestSchema, SNAPSHOT_FORMAT } from './manifest.js';
import { fsSource, type SnapshotSource } from './source.js';

export type Layout = 'ownmap' | 'cloudmapper';

export interface SnapshotFile {
  /** Path relative to the snapshot root, with `/`: what evidence points at. */
  file: string;
  data: unknown;
}

export interface Snapshot {
  readonly label: string;
  readonly layout: Layout;
  readonly manifest: Manifest;
  /** Whether manifest.json was present (else it was derived from the tree). */
  readonly manifestPresent: boolean;
  /** Account ids with a folder, sorted. */
  readonly accounts: readonly string[];
  /** Regions with regional calls in any account, sorted (us-east-1 may hold only global ones). */
  readonly regions: readonly string[];
  /** Regions with a folder, per account, sorted. */
  regionsOf(account: string): readonly string[];
  /** One call's response, or undefined when the file is absent. Throws on malformed JSON. */
  get(
    account: string,
    region: string,
    service: string,
    operation: string,
    param?: string,
  ): SnapshotFile | undefined;
  /** The parameters a per-resource call was made with, sorted. */
  params(account: string, region: string, service: string, operation: string): readonly string[];
  /** A file by its path relative to the root (evidence look-ups), parsed; undefined if absent. */
  readPath(path: string): unknown;
  /** How many contract files the snapshot holds. */
  readonly fileCount: number;
  readonly gaps: readonly Gap[];
}

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

interface Indexed {
  path: string;
}

export function openSnapshotDir(dir: string): Snapshot {
  return readSnapshot(fsSource(dir));
}

/** Index a snapshot (ownmap or CloudMapper layout) from a source. Reads only what it must. */
export function readSnapshot(src: SnapshotSource): Snapshot {
  const top = src.list('');
  if (!top) throw new InputError(`${src.label}: snapshot directory not found`);

  let layout: Layout = 'ownmap';
  let base = '';
  if (top.includes('account-data/') && !top.includes('manifest.json')) {
    layout = 'cloudmapper';
    base = 'account-data/';
  }

  let manifest: Manifest | undefined;
  const manifestText = src.read('manifest.json');
  if (manifestText !== undefined) {
    const raw = parseJson(manifestText, 'manifest.json');
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) throw zodToInputError(parsed.error, 'manifest.json');
    manifest = parsed.data;
  }

  const files = new Map<string, Indexed>();
  const paramIndex = new Map<string, { param: string; path: string }[]>();
  /** `account|region|stem|param` → path: per-resource look-ups are O(1). */
  const paramPaths = new Map<string, string>();
  const regions = new Map<string, Set<string>>();
  const accountNames = new Map<string, string>();
  const scanned = new Set<string>();

  const accountDirs = (src.list(base) ?? []).filter((e) => e.endsWith('/')).sort();
  for (const entry of accountDirs) {
    const name = entry.slice(0, -1);
    const dir = `${base}${entry}`;
    let account = name;
    // A folder named by an account name (not its id) is CloudMapper's: its parameter
    // files have no .json. The user may also have pointed at account-data/ itself.
    const named = !ACCOUNT_ID.test(name);
    if (named) {
      const id = accountIdFromIdentity(src, dir);
      if (!id) {
        if (layout === 'cloudmapper') {
          throw new InputError(
            `${src.label}: account folder ${dir}: expected a 12-digit account id as its name or ${GLOBAL_REGION}/sts-get-caller-identity.json with an Account field`,
          );
        }
        continue; // not an account folder (e.g. an editor's or a tool's folder)
      }
      account = id;
      accountNames.set(account, name);
      if (!manifest) layout = 'cloudmapper';
    }
    const regionSet = regions.get(account) ?? new Set<string>();
    regions.set(account, regionSet);
    for (const regionEntry of src.list(dir) ?? []) {
      if (!regionEntry.endsWith('/')) continue;
      const region = regionEntry.slice(0, -1);
      if (!REGION.test(region)) continue;
      regionSet.add(region);
      const rdir = `${dir}${regionEntry}`;
      for (const f of src.list(rdir) ?? []) {
        if (f.endsWith('/')) {
          const stem = f.slice(0, -1);
          const entry = entryForStem(stem);
          if (!entry) continue;
          if (entry.scope === 'region') scanned.add(region);
          const list: { param: string; path: string }[] = [];
          for (const pf of src.list(`${rdir}${f}`) ?? []) {
            if (pf.endsWith('/')) continue;
            if (!named && !pf.endsWith('.json')) continue;
            const path = `${rdir}${f}${pf}`;
            let param: string;
            try {
              param = decodeParam(named ? pf.replace(/\+/g, '%20') : pf);
            } catch {
              throw inputError(path, '', 'expected a URL-encoded parameter as the file name');
            }
            list.push({ param, path });
          }
          list.sort((a, b) => cmp(a.param, b.param) || cmp(a.path, b.path));
          for (let i = 1; i < list.length; i++) {
            if (list[i]!.param === list[i - 1]!.param) {
              throw inputError(
                list[i]!.path,
                '',
                `expected one file per parameter; ${list[i - 1]!.path} names the same one`,
              );
            }
          }
          paramIndex.set(`${account}|${region}|${stem}`, list);
          for (const p of list) paramPaths.set(`${account}|${region}|${stem}|${p.param}`, p.path);
        } else if (f.endsWith('.json')) {
          const stem = f.slice(0, -5);
          const entry = entryForStem(stem);
          if (!entry) continue;
          if (entry.scope === 'region') scanned.add(region);
          files.set(`${account}|${region}|${stem}`, { path: `${rdir}${f}` });
        }
      }
    }
  }

  const accounts = [...regions.keys()].sort();
  if (accounts.length === 0) {
    throw new InputError(
      `${src.label}: no account folders: expected <account-id>/<region>/<service>-<operation>.json (or a CloudMapper account-data/ folder)`,
    );
  }

  const derived: Manifest = manifest ?? {
    format: SNAPSHOT_FORMAT,
    accounts: accounts.map((id) => ({
      id,
      ...(accountNames.has(id) ? { name: accountNames.get(id)! } : {}),
    })),
    // Regions scanned: folders with regional calls (us-east-1 may hold only global ones).
    regions: [...scanned].sort(),
    gaps: [],
  };

  let fileCount = files.size;
  for (const list of paramIndex.values()) fileCount += list.length;

  const regionsSorted = new Map([...regions].map(([a, set]) => [a, [...set].sort()]));

  return {
    label: src.label,
    layout,
    manifest: derived,
    manifestPresent: manifest !== undefined,
    accounts,
    regions: [...scanned].sort(),
    fileCount,
    gaps: derived.gaps,
    regionsOf: (account) => regionsSorted.get(account) ?? [],
    get(account, region, service, operation, param) {
      const stem = `${service}-${operation}`;
      let path: string | undefined;
      if (param === undefined) {
        path = files.get(`${account}|${region}|${stem}`)?.path;
      } else {
        path = paramPaths.get(`${account}|${region}|${stem}|${param}`);
      }
      if (path === undefined) return undefined;
      const text = src.read(path);
      if (text === undefined) return undefined;
      return { file: path, data: parseJson(text, path) };
    },
    readPath(path) {
      const text = src.read(path);
      return text === undefined ? undefined : parseJson(text, path);
    },
    params(account, region, service, operation) {
      return (paramIndex.get(`${account}|${region}|${service}-${operation}`) ?? []).map(
        (p) => p.param,
      );
    },
  };
}

function accountIdFromIdentity(src: SnapshotSource, dir: string): string | undefined {
  const text = src.read(`${dir}${GLOBAL_REGION}/sts-get-caller-identity.json`);
  if (text === undefined) return undefined;
  const data = parseJson(text, `${dir}${GLOBAL_REGION}/sts-get-caller-identity.json`) as {
    Account?: unknown;
  };
  return typeof data?.Account === 'string' && ACCOUNT_ID.test(data.Account)
    ? data.Account
    : undefined;
}

function parseJson(text: string, file: string): unknown {
  // A regex, not trim(): trim would copy every (large) file once more.
  if (/^\s*$/.test(text)) throw inputError(file, '', 'expected JSON, the file is empty');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw inputError(file, '', `expected JSON (${(err as Error).message})`);
  }
}

/** The first zod issue as one line: file, JSON pointer, what was expected. */
export function zodToInputError(error: z.ZodError, file: string): InputError {
  const issue = error.issues[0]!;
  return inputError(file, jsonPointer(issue.path), describeIssue(issue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `unexpected field ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message.startsWith('expected') ? issue.message : `expected ${issue.message}`;
  }
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
