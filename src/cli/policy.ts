import { readFileSync } from 'node:fs';
import { parseBoundary } from '../boundary/load.js';
import { BoundarySchema } from '../boundary/schema.js';
import { InputError } from '../errors.js';
import { buildInventory } from '../inventory/build.js';
import {
  analyzePolicy,
  POLICY_KINDS,
  type PolicyAnswer,
  type PolicyKind,
} from '../policy/access.js';
import { makeResolver } from '../policy/resolver.js';
import { safeText } from '../report/text.js';
import { openSnapshotDir } from '../snapshot/reader.js';
import { accountOfArn } from '../util/arn.js';

export interface PolicyCheckOptions {
  kind: string;
  resource: string;
  boundary?: string;
  snapshot?: string;
  account?: string;
}

/** `ownmap policy check`: one policy file, answered offline. I/O here; the analysis is pure. */
export function policyCheck(file: string, opts: PolicyCheckOptions): PolicyAnswer {
  if (!POLICY_KINDS.includes(opts.kind as PolicyKind)) {
    throw new InputError(`--kind: expected one of ${POLICY_KINDS.join(', ')}, got '${opts.kind}'`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(
      `${file}: cannot read the policy (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: expected a JSON policy document (${(err as Error).message})`);
  }
  // The AWS CLI prints {"Policy": "<json string>"}; accept that as well as the bare document.
  if (
    policy &&
    typeof policy === 'object' &&
    typeof (policy as { Policy?: unknown }).Policy === 'string'
  ) {
    policy = (policy as { Policy: string }).Policy;
  }
  const resourceAccount = opts.account ?? accountOfArn(opts.resource);
  if (!resourceAccount) {
    throw new InputError(
      `--resource ${opts.resource}: expected an ARN with an account (or give --account for an S3 bucket ARN)`,
    );
  }
  const boundary = opts.boundary
    ? parseBoundary(readFileSync(opts.boundary, 'utf8'), opts.boundary)
    : BoundarySchema.parse({
        version: 1,
        name: 'policy check',
        inside: { accounts: [{ id: resourceAccount }] },
      });
  const inventory = opts.snapshot ? buildInventory(openSnapshotDir(opts.snapshot)) : undefined;
  return analyzePolicy({
    kind: opts.kind as PolicyKind,
    policy,
    resource: opts.resource,
    resourceAccount,
    resolver: makeResolver(boundary, inventory),
  });
}

export function renderPolicyText(a: PolicyAnswer): string {
  const out: string[] = [`public: ${a.public ? 'yes' : 'no'}`];
  out.push(`outside access: ${a.outsideAccess.length ? '' : 'none'}`);
  for (const g of a.outsideAccess) {
    const st = g.statements.map((s) => s.sid ?? `#${s.index}`).join(', ');
    out.push(
      `  ${safeText(g.caller)}: ${g.actions.join(', ')}`,
      `    via ${safeText(g.via)}${g.target ? `; reaches ${safeText(g.target)}` : ''}; statement ${safeText(st)}${g.conditions.length ? `; when ${safeText(g.conditions.join(' and '))}` : ''}`,
    );
  }
  if (a.unknown.length) out.push('unknown:');
  for (const u of a.unknown)
    out.push(`  ${safeText(u.caller)}: ${u.actions.join(', ')}`, `    ${safeText(u.reason)}`);
  for (const p of a.problems) out.push(`note: ${safeText(p)}`);
  return `${out.join('\n')}\n`;
}
