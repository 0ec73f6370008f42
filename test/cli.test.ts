import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { estateArgs, ownmap } from './support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'ownmap-cli-'));
const badBoundary = join(tmp, 'bad.yaml');
writeFileSync(badBoundary, 'version: 1\nname: x\ninside:\n  accounts:\n    - id: "12"\n');

describe('ownmap analyze (spawned binary)', () => {
  it.each([
    {
      name: 'findings at or above --fail-on exit 1',
      args: [...estateArgs('automq-byoc'), '--fail-on', 'medium'],
      code: 1,
    },
    {
      name: 'findings below --fail-on exit 0',
      args: [...estateArgs('automq-byoc'), '--fail-on', 'high'],
      code: 0,
    },
    {
      name: '--fail-on none never fails on findings',
      args: [...estateArgs('kafka-tiered-nat'), '--fail-on', 'none'],
      code: 0,
    },
    {
      name: 'unknown findings and nothing at --fail-on exit 3',
      args: [...estateArgs('multi-account-tgw'), '--fail-on', 'critical'],
      code: 3,
    },
    { name: 'the default --fail-on is info', args: estateArgs('automq-byoc'), code: 1 },
  ])('$name', ({ args, code }) => {
    const r = ownmap(['analyze', ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(code);
    expect(JSON.parse(r.stdout).format).toBe('ownmap-findings/1');
  });

  it.each([
    {
      name: 'a missing snapshot',
      args: [
        'analyze',
        join(tmp, 'nope'),
        '--boundary',
        'fixtures/estates/automq-byoc/boundary.yaml',
      ],
      err: /^ownmap: .*nope: snapshot directory not found\n$/,
    },
    {
      name: 'a bad boundary file',
      args: ['analyze', 'fixtures/estates/automq-byoc/snapshot', '--boundary', badBoundary],
      err: /^ownmap: .*bad\.yaml:5: inside\.accounts\.0\.id: expected a 12-digit AWS account id\n$/,
    },
    {
      name: 'a missing boundary file',
      args: [
        'analyze',
        'fixtures/estates/automq-byoc/snapshot',
        '--boundary',
        join(tmp, 'none.yaml'),
      ],
      err: /^ownmap: .*none\.yaml: cannot read the boundary file \(ENOENT\)\n$/,
    },
    {
      name: 'no --boundary',
      args: ['analyze', 'fixtures/estates/automq-byoc/snapshot'],
      err: /required option '-b, --boundary <file>' not specified/,
    },
    {
      name: 'an unknown pack',
      args: ['analyze', ...estateArgs('automq-byoc'), '--pack', 'nope'],
      err: /--pack <name>' argument 'nope' is invalid/,
    },
    {
      name: 'an --out that cannot be written',
      args: ['analyze', ...estateArgs('automq-byoc'), '--out', join(tmp, 'no-such-dir', 'f.json')],
      err: /^ownmap: --out .*f\.json: cannot write \(ENOENT\)\n$/,
    },
    {
      name: 'an empty snapshot directory',
      args: ['analyze', tmp, '--boundary', 'fixtures/estates/automq-byoc/boundary.yaml'],
      err: /^ownmap: .*: no account folders: expected <account-id>\/<region>\//,
    },
    {
      name: 'an unknown option',
      args: ['analyze', ...estateArgs('automq-byoc'), '--colour'],
      err: /unknown option '--colour'/,
    },
  ])('exits 2 with one clear line for $name', ({ args, err }) => {
    const r = ownmap(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(err);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes --out and prints nothing; a gap still exits 3 with --fail-on none', () => {
    const out = join(tmp, 'findings.json');
    const r = ownmap([
      'analyze',
      ...estateArgs('msk-replicator'),
      '--out',
      out,
      '--fail-on',
      'none',
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.open).toBeGreaterThan(0);
  });

  it('text output groups by severity, with no colour off a TTY', () => {
    const r = ownmap([
      'analyze',
      ...estateArgs('kafka-tiered-nat'),
      '--format',
      'text',
      '--fail-on',
      'none',
    ]);
    expect(r.stdout).toMatch(/^HIGH \(4\)$/m);
    expect(r.stdout).toMatch(/^MEDIUM \(6\)$/m);
    expect(r.stdout.indexOf('HIGH')).toBeLessThan(r.stdout.indexOf('MEDIUM'));
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--pack selects rules', () => {
    const r = ownmap([
      'analyze',
      ...estateArgs('kafka-tiered-nat'),
      '--pack',
      'evidence',
      '--fail-on',
      'none',
    ]);
    const report = JSON.parse(r.stdout);
    expect(report.pack).toBe('evidence');
    expect(new Set(report.findings.map((f: { category: string }) => f.category))).toEqual(
      new Set(['evidence']),
    );
  });
});

describe('ownmap validate, rules', () => {
  it('validate prints coverage and gaps', () => {
    const r = ownmap(['validate', ...estateArgs('multi-account-tgw')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^snapshot: ownmap layout, manifest present/);
    expect(r.stdout).toMatch(
      /gaps: 1\n {2}606060606003\/eu-west-1 cloudtrail describe-trails: AccessDeniedException/,
    );
    expect(r.stdout).toMatch(/\nvalid\n$/);
  });

  it('validate --format json', () => {
    const r = ownmap(['validate', 'fixtures/estates/automq-byoc/snapshot', '--format', 'json']);
    const cov = JSON.parse(r.stdout);
    expect(cov.accounts.map((a: { id: string }) => a.id)).toEqual([
      '210987650000',
      '210987650001',
      '210987654321',
    ]);
    expect(cov.resources.buckets).toBeGreaterThan(0);
  });

  it('rules list shows every rule', () => {
    const r = ownmap(['rules', 'list', '--format', 'json']);
    const rules = JSON.parse(r.stdout);
    expect(rules.length).toBeGreaterThanOrEqual(9);
    expect(rules[0]).toHaveProperty('rationale');
    expect(rules[0]).not.toHaveProperty('check');
  });

  it('rules show <id> prints the doc; an unknown id exits 2', () => {
    const r = ownmap(['rules', 'show', 'undeclared-account']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# undeclared-account\n/);
    const bad = ownmap(['rules', 'show', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("ownmap: rules show: no rule 'nope' (see 'ownmap rules list')\n");
  });

  it('--version and --help exit 0', () => {
    expect(ownmap(['--version']).code).toBe(0);
    expect(ownmap(['--help']).stdout).toContain('analyze');
  });
});

describe('colour and determinism', () => {
  const args = ['node', 'ownmap', 'analyze', ...estateArgs('automq-byoc'), '--format', 'text'];
  it.each([
    { name: 'colour on a TTY', isTTY: true, env: {}, colour: true },
    {
      name: 'no colour with NO_COLOR, even on a TTY',
      isTTY: true,
      env: { NO_COLOR: '1' },
      colour: false,
    },
    { name: 'no colour off a TTY', isTTY: false, env: {}, colour: false },
  ])('$name', async ({ isTTY, env, colour }) => {
    let out = '';
    const code = await main(args, {
      stdout: (s) => {
        out += s;
      },
      stderr: () => {},
      isTTY,
      env,
    });
    expect(code).toBe(1);
    expect(out.includes('\u001b[')).toBe(colour);
  });

  it('two spawned runs print identical bytes', () => {
    const a = ownmap(['analyze', ...estateArgs('multi-account-tgw')]);
    const b = ownmap(['analyze', ...estateArgs('multi-account-tgw')]);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
  });
});

describe('ownmap policy check', () => {
  const check = (file: string, extra: string[] = []) =>
    ownmap([
      'policy',
      'check',
      `fixtures/policies/${file}`,
      '--kind',
      's3-bucket',
      '--resource',
      'arn:aws:s3:::acme-automq-data-euw1',
      '--account',
      '210987654321',
      ...extra,
    ]);
  it('a VPC-endpoint-only bucket policy has no outside access (exit 0) when the endpoint is inside', () => {
    const r = check('vpce-only-bucket.json', [
      '--snapshot',
      'fixtures/estates/automq-byoc/snapshot',
      '--boundary',
      'fixtures/estates/automq-byoc/boundary.yaml',
    ]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ public: false, outsideAccess: [], unknown: [] });
    expect(r.code).toBe(0);
  });
  it('without the snapshot the endpoint owner is unknown (exit 3)', () => {
    const r = check('vpce-only-bucket.json');
    expect(JSON.parse(r.stdout).unknown.length).toBeGreaterThan(0);
    expect(r.code).toBe(3);
  });
  it('a public policy exits 1 and says why in text', () => {
    const r = check('public-read-bucket.json', ['--format', 'text']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^public: yes\n/);
    expect(r.stdout).toContain('statement PublicRead');
  });
  it('bad input exits 2 with one line', () => {
    const r = ownmap([
      'policy',
      'check',
      'fixtures/policies/public-read-bucket.json',
      '--kind',
      'bucket',
      '--resource',
      'arn:aws:s3:::x',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--kind <kind>' argument 'bucket' is invalid/);
  });
});

describe('ownmap paths packet', () => {
  const snap = 'fixtures/estates/kafka-tiered-nat/snapshot';
  const trace = (extra: string[]) => ownmap(['paths', 'packet', snap, ...extra]);
  it('a broker to its tiered-storage bucket: delivered through NAT and the internet gateway', () => {
    const r = trace([
      '--from',
      'i-0a3f7c1e9b2d45086',
      '--to',
      'arn:aws:s3:::kprod-kafka-tiered-usw2',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.disposition).toBe('delivered');
    expect(out.hops.map((h: { kind: string }) => h.kind)).toEqual([
      'eni',
      'nat-gateway',
      'internet-gateway',
      'service',
    ]);
    expect(out.crossings.map((c: { kind: string }) => c.kind)).toEqual(['internet']);
  });
  it('another region is a crossing; the text trace shows the routes', () => {
    const r = trace(['--from', 'i-07d2b9e4c1a6f3805', '--to', 's3:us-east-1', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^i-07d2b9e4c1a6f3805 → s3:us-east-1: delivered$/m);
    expect(r.stdout).toContain('via rtb-0a7e3d1b5c9f26840: 0.0.0.0/0 → nat-0b6d2f8a1c94e7305');
    expect(r.stdout).toMatch(
      /crossings: .*az \(usw2-az2 → usw2-az1\).*region \(us-west-2 → us-east-1\)/,
    );
  });
  it('a packet that does not arrive exits 1 and names what stopped it', () => {
    const r = trace(['--from', 'internet', '--to', 'eni-0a91c3e7d2f4b6058', '--port', '9092']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).blockedBy.rule).toContain('no public IPv4 address');
  });
  it('a declared client and a placed broker as sources (with the boundary)', () => {
    const automq = [
      'fixtures/estates/automq-byoc/snapshot',
      '--boundary',
      'fixtures/estates/automq-byoc/boundary.yaml',
    ];
    const client = ownmap([
      'paths',
      'packet',
      ...automq,
      '--from',
      'client:checkout-api',
      '--to',
      'i-03f3e22d2f958d90c',
      '--port',
      '9092',
    ]);
    expect(client.code).toBe(0);
    expect(JSON.parse(client.stdout)).toMatchObject({
      from: 'client:checkout-api',
      disposition: 'delivered',
    });
    const broker = ownmap([
      'paths',
      'packet',
      ...automq,
      '--from',
      'broker:orders/1',
      '--to',
      'kms:eu-west-1',
    ]);
    expect(JSON.parse(broker.stdout).hops.map((h: { node: string }) => h.node)).toContain(
      'nat-0d37eb142c6c0dc78',
    );
    const missing = ownmap([
      'paths',
      'packet',
      ...automq,
      '--from',
      'broker:orders/9',
      '--to',
      'internet',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no broker 9 of cluster orders');
  });
  it('bad input exits 2 with one line', () => {
    for (const args of [
      ['--from', 'vpc-123', '--to', 'internet'],
      ['--from', 'broker:orders/1', '--to', 'internet'],
      ['--from', 'internet', '--to', 's3'],
      ['--from', 'internet', '--to', 'internet', '--port', '70000'],
    ]) {
      const r = trace(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('broker configurations named by the boundary', () => {
  it('a config path that does not exist is bad input: one line naming the file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ownmap-config-'));
    const file = join(dir, 'boundary.yaml');
    writeFileSync(
      file,
      'version: 1\nname: x\ninside:\n  accounts: [{ id: "210987654321" }]\nkafka:\n  clusters:\n    - { name: orders, kind: automq, config: kafka/missing }\n',
    );
    const r = ownmap(['analyze', 'fixtures/estates/automq-byoc/snapshot', '--boundary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('kafka.clusters[0].config (kafka/missing): cannot read (ENOENT)');
  });
});

describe('topic lists named by the boundary', () => {
  it('a malformed topic list is bad input: one line naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ownmap-topics-'));
    writeFileSync(join(dir, 'topics.txt'), '\tTopic: x\tPartition: 0\tLeader: 1\n');
    const file = join(dir, 'boundary.yaml');
    writeFileSync(
      file,
      'version: 1\nname: x\ninside:\n  accounts: [{ id: "210987654321" }]\nkafka:\n  clusters:\n    - { name: orders, kind: kafka, topics: topics.txt }\n',
    );
    const r = ownmap(['analyze', 'fixtures/estates/automq-byoc/snapshot', '--boundary', file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('ownmap: topics.txt:1: partition of x before its topic line');
  });
});
