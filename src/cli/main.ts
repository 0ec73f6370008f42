import { readFileSync, writeFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { RULES } from '../../rules/index.js';
import { analyze } from '../analyze.js';
import { parseBoundary } from '../boundary/load.js';
import { Owners } from '../boundary/owners.js';
import type { Boundary } from '../boundary/schema.js';
import { InputError } from '../errors.js';
import { buildInventory } from '../inventory/build.js';
import { POLICY_KINDS } from '../policy/access.js';
import { renderJson } from '../report/json.js';
import { buildMapModel, FocusError, type MapLevel, type MapModel } from '../report/map-model.js';
import { ownershipTable, renderOwnershipMarkdown } from '../report/ownership.js';
import { renderMapSvg } from '../report/svg.js';
import { renderText } from '../report/text.js';
import { type FindingsReport, SEVERITIES, type Severity, severityRank } from '../rules/finding.js';
import { PACKS, selectPack } from '../rules/packs.js';
import { openSnapshotDir } from '../snapshot/reader.js';
import { VERSION } from '../version.js';
import { loadClusterConfigs, loadClusterTopics } from './configs.js';
import { coverage, renderCoverage } from './coverage.js';
import { renderPathText, tracePath } from './paths.js';
import { policyCheck, renderPolicyText } from './policy.js';
import { recordReport, renderRecordText } from './records.js';
import { renderRuleDoc } from './rule-doc.js';

export const EXIT = { clean: 0, findings: 1, error: 2, incomplete: 3 } as const;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
});

/** The ownmap command line. Returns the exit code; never calls process.exit. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  let code: number = EXIT.clean;
  const debug = argv.includes('--debug');
  const program = new Command('ownmap')
    .description('The ownership map of a Kafka or Kafka-compatible streaming platform on AWS.')
    .version(VERSION)
    .option('--debug', 'print stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const emit = (text: string, out: string | undefined) => {
    if (!out) return io.stdout(text);
    try {
      writeFileSync(out, text);
    } catch (err) {
      throw new InputError(
        `--out ${out}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  };
  const color = () => io.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';

  program
    .command('analyze')
    .description('read a snapshot and a boundary file, run the rules, report findings')
    .argument('<snapshot>', 'snapshot directory (ownmap or CloudMapper layout)')
    .requiredOption('-b, --boundary <file>', 'boundary file (YAML)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['json', 'text'])
        .default('json'),
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when an open finding is at or above this severity')
        .choices([...SEVERITIES, 'none'])
        .default('info'),
    )
    .addOption(new Option('--pack <name>', 'rule pack').choices(Object.keys(PACKS)).default('all'))
    .action(
      (
        snapshotDir: string,
        opts: { boundary: string; format: string; out?: string; failOn: string; pack: string },
      ) => {
        const boundary = loadBoundary(opts.boundary);
        const snapshot = openSnapshotDir(snapshotDir);
        const rules = selectPack(RULES, opts.pack, boundary.rules.disable);
        const configs = loadClusterConfigs(boundary, opts.boundary);
        const topics = loadClusterTopics(boundary, opts.boundary);
        const { report } = analyze(snapshot, boundary, rules, opts.pack, configs, topics);
        emit(
          opts.format === 'json'
            ? renderJson(report)
            : renderText(report, { color: color() && !opts.out }),
          opts.out,
        );
        for (const e of report.errors) io.stderr(`ownmap: rule ${e.ruleId} failed: ${e.message}\n`);
        code = exitCodeFor(report, opts.failOn as Severity | 'none');
      },
    );

  program
    .command('validate')
    .description('check a snapshot (and a boundary file): shapes, coverage, gaps')
    .argument('<snapshot>', 'snapshot directory')
    .option('-b, --boundary <file>', 'also validate this boundary file')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['json', 'text'])
        .default('text'),
    )
    .action((snapshotDir: string, opts: { boundary?: string; format: string }) => {
      const boundary = opts.boundary ? loadBoundary(opts.boundary) : undefined;
      const snapshot = openSnapshotDir(snapshotDir);
      const inventory = buildInventory(snapshot);
      const cov = coverage(snapshot, inventory, boundary);
      io.stdout(opts.format === 'json' ? `${JSON.stringify(cov, null, 2)}\n` : renderCoverage(cov));
      code = EXIT.clean;
    });

  const policy = program.command('policy').description('evaluate a resource policy offline');
  policy
    .command('check')
    .description('who outside the boundary can use a resource under this policy (exit 1 if anyone)')
    .argument('<policy.json>', 'the policy document (or the AWS CLI output holding it)')
    .addOption(
      new Option('-k, --kind <kind>', 'what the policy is attached to')
        .choices([...POLICY_KINDS])
        .makeOptionMandatory(),
    )
    .requiredOption('-r, --resource <arn>', 'the ARN of the resource the policy is attached to')
    .option(
      '--account <id>',
      'the account that owns the resource, when its ARN has none (S3 buckets)',
    )
    .option(
      '-b, --boundary <file>',
      'boundary file (without it only the resource account is inside)',
    )
    .option('-s, --snapshot <dir>', 'snapshot to resolve VPC endpoints, VPCs and organizations')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['json', 'text'])
        .default('json'),
    )
    .action(
      (
        file: string,
        opts: {
          kind: string;
          resource: string;
          account?: string;
          boundary?: string;
          snapshot?: string;
          format: string;
        },
      ) => {
        const answer = policyCheck(file, opts);
        io.stdout(
          opts.format === 'json'
            ? `${JSON.stringify(answer, null, 2)}\n`
            : renderPolicyText(answer),
        );
        code =
          answer.public || answer.outsideAccess.length > 0
            ? EXIT.findings
            : answer.unknown.length > 0
              ? EXIT.incomplete
              : EXIT.clean;
      },
    );

  const paths = program.command('paths').description('trace packet paths and record paths offline');
  paths
    .command('packet')
    .description(
      'the route a packet takes, hop by hop, and what it crosses (exit 1 if it does not arrive)',
    )
    .argument('<snapshot>', 'snapshot directory')
    .requiredOption(
      '--from <source>',
      'eni-…, i-…, subnet-…, an IP address, internet, broker:<cluster>/<id> or client:<name> (with --boundary)',
    )
    .requiredOption(
      '--to <destination>',
      'eni-…, i-…, an IP address, service:region (s3:eu-central-1), a bucket ARN, or internet',
    )
    .option('-b, --boundary <file>', 'boundary file (owners of the accounts on the path)')
    .addOption(
      new Option('--protocol <protocol>', 'protocol')
        .choices(['tcp', 'udp', 'icmp'])
        .default('tcp'),
    )
    .option('--port <port>', 'destination port', '443')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['json', 'text'])
        .default('json'),
    )
    .action(
      (
        snapshotDir: string,
        opts: {
          from: string;
          to: string;
          boundary?: string;
          protocol: 'tcp' | 'udp' | 'icmp';
          port: string;
          format: string;
        },
      ) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new InputError(`--port ${opts.port}: expected a port number from 0 to 65535`);
        const boundary = opts.boundary ? loadBoundary(opts.boundary) : undefined;
        const inventory = buildInventory(openSnapshotDir(snapshotDir));
        const configs =
          boundary && opts.boundary ? loadClusterConfigs(boundary, opts.boundary) : new Map();
        const result = tracePath(
          inventory,
          boundary,
          opts.from,
          opts.to,
          { protocol: opts.protocol, port },
          configs,
        );
        io.stdout(
          opts.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderPathText(result),
        );
        // 3 when the snapshot could not settle it (missing data, unchecked rules on the way).
        code = result.incomplete
          ? EXIT.incomplete
          : result.disposition !== 'delivered'
            ? EXIT.findings
            : result.unchecked.length
              ? EXIT.incomplete
              : EXIT.clean;
      },
    );

  paths
    .command('record')
    .description(
      "where each cluster's records go and become durable, hop by hop, and what the data motion costs",
    )
    .argument('<snapshot>', 'snapshot directory')
    .requiredOption('-b, --boundary <file>', 'boundary file (clusters, clients, links, costs)')
    .option('-c, --cluster <name>', 'only this cluster')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['json', 'text'])
        .default('json'),
    )
    .option('-o, --out <file>', 'write the report to this file instead of stdout')
    .action(
      (
        snapshotDir: string,
        opts: { boundary: string; cluster?: string; format: string; out?: string },
      ) => {
        const boundary = loadBoundary(opts.boundary);
        const report = recordReport(
          openSnapshotDir(snapshotDir),
          boundary,
          loadClusterConfigs(boundary, opts.boundary),
          loadClusterTopics(boundary, opts.boundary),
          opts.cluster,
        );
        emit(
          opts.format === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : renderRecordText(report),
          opts.out,
        );
        // 3 when failed calls of the snapshot fall where the clusters are.
        code = report.gaps.length ? EXIT.incomplete : EXIT.clean;
      },
    );

  program
    .command('map')
    .description(
      'the ownership map: who owns each part of the platform (client paths, brokers, storage, replication, control plane, observability, support, failover, rollback)',
    )
    .argument('<snapshot>', 'snapshot directory')
    .requiredOption('-b, --boundary <file>', 'boundary file')
    .addOption(
      new Option('-f, --format <format>', 'svg: the picture; md and json: the ownership table')
        .choices(['svg', 'md', 'json'])
        .default('md'),
    )
    .addOption(
      new Option('-l, --level <level>', 'how deep the picture goes (svg)')
        .choices(['account', 'vpc', 'subnet', 'resource', 'auto'])
        .default('auto'),
    )
    .option(
      '--focus <what>',
      'draw only what is around a cluster (name or ARN), an account id or a finding id (svg)',
    )
    .option('-o, --out <file>', 'write the map to this file instead of stdout')
    .action(
      async (
        snapshotDir: string,
        opts: { boundary: string; format: string; level: string; focus?: string; out?: string },
      ) => {
        const boundary = loadBoundary(opts.boundary);
        const configs = loadClusterConfigs(boundary, opts.boundary);
        const topics = loadClusterTopics(boundary, opts.boundary);
        const analysis = analyze(
          openSnapshotDir(snapshotDir),
          boundary,
          selectPack(RULES, 'all', boundary.rules.disable),
          'all',
          configs,
          topics,
        );
        if (opts.focus !== undefined && opts.format !== 'svg')
          throw new InputError(
            '--focus: expected --format svg (the table always covers everything)',
          );
        if (opts.format === 'svg') {
          let model: MapModel;
          try {
            model = buildMapModel(
              {
                inventory: analysis.inventory,
                boundary,
                owners: new Owners(boundary, analysis.inventory),
                records: analysis.records(),
                findings: analysis.report.findings,
              },
              opts.level as MapLevel | 'auto',
              300,
              opts.focus,
            );
          } catch (err) {
            if (err instanceof FocusError) throw new InputError(err.message);
            throw err;
          }
          emit(
            await renderMapSvg(model, {
              title: boundary.name,
              date: analysis.inventory.snapshot.createdAt?.slice(0, 10),
            }),
            opts.out,
          );
          code = EXIT.clean;
          return;
        }
        const rows = ownershipTable({
          inventory: analysis.inventory,
          boundary,
          owners: new Owners(boundary, analysis.inventory),
          records: analysis.records(),
          findings: analysis.report.findings,
        });
        emit(
          opts.format === 'json'
            ? `${JSON.stringify({ format: 'ownmap-ownership/1', boundary: boundary.name, rows }, null, 2)}\n`
            : renderOwnershipMarkdown(rows, boundary.name),
          opts.out,
        );
        code = EXIT.clean;
      },
    );

  const rules = program.command('rules').description('list the rules or show one');
  rules
    .command('list')
    .description('list every rule')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['json', 'text'])
        .default('text'),
    )
    .action((opts: { format: string }) => {
      const sorted = [...RULES].sort((a, b) => (a.id < b.id ? -1 : 1));
      if (opts.format === 'json') {
        io.stdout(`${JSON.stringify(sorted.map(ruleMeta), null, 2)}\n`);
        return;
      }
      const w = Math.max(...sorted.map((r) => r.id.length));
      for (const r of sorted)
        io.stdout(
          `${r.id.padEnd(w)}  ${r.severity.padEnd(8)}  ${r.category.padEnd(13)}  ${r.title}\n`,
        );
    });
  rules
    .command('show')
    .description('show one rule: what it checks, why, how to fix it')
    .argument('<id>', 'rule id')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['json', 'text'])
        .default('text'),
    )
    .action((id: string, opts: { format: string }) => {
      const rule = RULES.find((r) => r.id === id);
      if (!rule) throw new InputError(`rules show: no rule '${id}' (see 'ownmap rules list')`);
      io.stdout(
        opts.format === 'json'
          ? `${JSON.stringify(ruleMeta(rule), null, 2)}\n`
          : renderRuleDoc(rule),
      );
    });

  try {
    await program.parseAsync([...argv], { from: 'node' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; usage errors have been printed by commander
      return err.exitCode === 0 ? EXIT.clean : EXIT.error;
    }
    if (err instanceof InputError) {
      io.stderr(`ownmap: ${err.message}\n`);
      if (debug && err.stack) io.stderr(`${err.stack}\n`);
      return EXIT.error;
    }
    const e = err as Error;
    io.stderr(
      `ownmap: internal error: ${e?.message ?? String(err)}${debug ? '' : ' (run with --debug for the stack)'}\n`,
    );
    if (debug && e?.stack) io.stderr(`${e.stack}\n`);
    return EXIT.error;
  }
}

function loadBoundary(file: string): Boundary {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(
      `${file}: cannot read the boundary file (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseBoundary(text, file);
}

/** 1 for open findings at or above the threshold; else 3 if anything is unknown; else 0. */
export function exitCodeFor(report: FindingsReport, failOn: Severity | 'none'): number {
  if (report.errors.length > 0) return EXIT.error;
  if (failOn !== 'none') {
    const limit = severityRank(failOn);
    if (report.findings.some((f) => f.status === 'open' && severityRank(f.severity) <= limit))
      return EXIT.findings;
  }
  if (report.summary.unknown > 0) return EXIT.incomplete;
  return EXIT.clean;
}

function ruleMeta(r: (typeof RULES)[number]) {
  const { check: _check, ...meta } = r;
  return meta;
}
