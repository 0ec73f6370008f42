import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNodeConfig } from '../src/topology/config.js';
import { parseProperties } from '../src/topology/properties.js';

/** java.util.Properties.load semantics, case by case (key → value, and the line it starts on). */
const PARSER_CASES: { name: string; text: string; expect: Record<string, [string, number]> }[] = [
  { name: 'key=value', text: 'node.id=3', expect: { 'node.id': ['3', 1] } },
  {
    name: 'colon separator',
    text: 'broker.rack:euw1-az2',
    expect: { 'broker.rack': ['euw1-az2', 1] },
  },
  {
    name: 'whitespace separator',
    text: 'log.dirs /data/kafka',
    expect: { 'log.dirs': ['/data/kafka', 1] },
  },
  {
    name: 'whitespace around the separator is dropped, trailing whitespace kept',
    text: '  min.insync.replicas   =   2  ',
    expect: { 'min.insync.replicas': ['2  ', 1] },
  },
  {
    name: '# and ! comments, blank lines, lines counted',
    text: '# a comment\n! another\n\n   \nnode.id=1',
    expect: { 'node.id': ['1', 5] },
  },
  {
    name: 'a comment marker inside a value is part of it',
    text: 'listeners=PLAINTEXT://h:9092 # not a comment',
    expect: { listeners: ['PLAINTEXT://h:9092 # not a comment', 1] },
  },
  {
    name: 'continuation lines join, their leading whitespace dropped',
    text: 'controller.quorum.voters=0@10.0.0.1:9093,\\\n    1@10.0.0.2:9093,\\\n    2@10.0.0.3:9093',
    expect: { 'controller.quorum.voters': ['0@10.0.0.1:9093,1@10.0.0.2:9093,2@10.0.0.3:9093', 1] },
  },
  {
    name: 'a continued line starting with # is not a comment',
    text: 'a=x\\\n#y',
    expect: { a: ['x#y', 1] },
  },
  {
    name: 'an even number of trailing backslashes does not continue',
    text: 'path=C:\\\\\nnext=1',
    expect: { path: ['C:\\', 1], next: ['1', 2] },
  },
  {
    name: 'escapes: \\t, \\n, \\u0041, an escaped separator in the key',
    text: 'my\\=key=a\\tb\\nc\\u0041',
    expect: { 'my=key': ['a\tb\ncA', 1] },
  },
  {
    name: 'an escaped colon in a value and CRLF line ends',
    text: 'endpoint=https\\://s3.eu-west-1.amazonaws.com\r\nnode.id=7\r\n',
    expect: { endpoint: ['https://s3.eu-west-1.amazonaws.com', 1], 'node.id': ['7', 2] },
  },
  { name: 'the last of repeated keys wins', text: 'a=1\na=2', expect: { a: ['2', 2] } },
  {
    name: 'a key with no value',
    text: 'auto.create.topics.enable',
    expect: { 'auto.create.topics.enable': ['', 1] },
  },
];

describe('parseProperties', () => {
  it.each(PARSER_CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const p = parseProperties(c.text);
    const got = Object.fromEntries([...p.byKey].map(([k, v]) => [k, [v.value, v.line]]));
    expect(got).toEqual(c.expect);
  });
  it('a malformed \\u escape is kept as written and reported with its line', () => {
    const p = parseProperties('x=1\nbad=\\u12G4');
    expect(p.byKey.get('bad')?.value).toBe('\\u12G4');
    expect(p.problems).toEqual([{ line: 2, message: 'malformed \\u escape: \\u12G4' }]);
  });
});

describe('readNodeConfig', () => {
  it('an AutoMQ node of the bundled estate: URIs, WAL on S3, rack, listeners', () => {
    const file = 'fixtures/estates/automq-byoc/kafka/orders/node-0.properties';
    const c = readNodeConfig(file, readFileSync(file, 'utf8'));
    expect(c).toMatchObject({
      nodeId: '0',
      roles: ['broker', 'controller'],
      rack: 'euw1-az1',
      listeners: [
        { name: 'INTERNAL', host: '10.42.18.117', port: 9092 },
        { name: 'CONTROLLER', host: '10.42.18.117', port: 9093 },
      ],
      advertisedListeners: [{ name: 'INTERNAL', host: '10.42.18.117', port: 9092 }],
      problems: [],
    });
    expect(c.automq).toMatchObject({
      elasticStream: true,
      zoneRouting: false,
      data: [
        {
          id: '0',
          bucket: 'acme-automq-data-euw1',
          region: 'eu-west-1',
          endpoint: 'https://s3.eu-west-1.amazonaws.com',
        },
      ],
      ops: [{ id: '1', bucket: 'acme-automq-ops-euw1', region: 'eu-west-1' }],
      wal: { kind: 's3', id: '2', bucket: 'acme-automq-wal-euw1', region: 'eu-west-1' },
    });
  });
  it('the legacy AutoMQ form: s3.bucket, s3.region, s3.endpoint, and a block-device WAL', () => {
    const c = readNodeConfig(
      'legacy.properties',
      'elasticstream.enable=true\ns3.endpoint=https://s3.amazonaws.com\ns3.region=us-east-1\ns3.bucket=ko3\ns3.wal.path=/tmp/kraft-broker-logs/s3wal\n',
    );
    expect(c.automq).toMatchObject({
      data: [
        {
          bucket: 'ko3',
          region: 'us-east-1',
          endpoint: 'https://s3.amazonaws.com',
          from: { key: 's3.bucket', line: 4 },
        },
      ],
      wal: { kind: 'block', path: '/tmp/kraft-broker-logs/s3wal' },
    });
  });
  it('several data buckets, a file:// WAL, zone routing', () => {
    const c = readNodeConfig(
      'multi.properties',
      's3.data.buckets=0@s3://a?region=eu-west-1,1@s3://b?region=eu-west-1\ns3.wal.path=0@file:///dev/nvme1n1\nautomq.zonerouter.channels=0@s3://r?region=eu-west-1\n',
    );
    expect(c.automq?.data.map((d) => d.bucket)).toEqual(['a', 'b']);
    expect(c.automq?.wal).toMatchObject({ kind: 'block', path: '/dev/nvme1n1' });
    expect(c.automq?.zoneRouting).toBe(true);
    expect(c.automq?.zoneRouter).toEqual({
      id: '0',
      bucket: 'r',
      region: 'eu-west-1',
      endpoint: undefined,
      from: { key: 'automq.zonerouter.channels', line: 3 },
    });
  });
  it.each([
    ['another automq.zonerouter.* key alone', 'automq.zonerouter.rack.aware=true'],
    ['the legacy automq.zone.router.enable', 'automq.zone.router.enable=true'],
    ['an empty automq.zonerouter.channels', 'automq.zonerouter.channels='],
  ])('zone routing needs a channel: %s leaves it off', (_name, line) => {
    const c = readNodeConfig(
      'router.properties',
      `s3.data.buckets=0@s3://a?region=eu-west-1\ns3.wal.path=0@s3://w?region=eu-west-1\n${line}\n`,
    );
    expect(c.automq?.zoneRouting).toBe(false);
    expect(c.automq?.zoneRouter).toBeUndefined();
  });
  it('a region that is not an AWS region name is stated and left unknown', () => {
    const c = readNodeConfig(
      'region.properties',
      [
        's3.data.buckets=0@s3://a?region=eu-west-1,1@s3://b?region=Ireland',
        's3.wal.path=0@s3://w?region=eu-west-1x',
        'automq.zonerouter.channels=0@s3://r?region=us-east-1',
      ].join('\n'),
    );
    expect(c.automq?.data.map((d) => [d.bucket, d.region])).toEqual([
      ['a', 'eu-west-1'],
      ['b', undefined],
    ]);
    expect(c.automq?.wal).toMatchObject({ kind: 's3', bucket: 'w', region: undefined });
    expect(c.automq?.zoneRouter).toMatchObject({ bucket: 'r', region: 'us-east-1' });
    expect(c.problems).toEqual([
      { line: 1, message: "s3.data.buckets: region 'Ireland' is not an AWS region name" },
      { line: 2, message: "s3.wal.path: region 'eu-west-1x' is not an AWS region name" },
    ]);
  });
  it('a tiered-storage region that is not an AWS region name is stated and left unknown', () => {
    const c = readNodeConfig(
      'tiered.properties',
      [
        'remote.log.storage.system.enable=true',
        'rsm.config.storage.s3.bucket.name=t',
        'rsm.config.storage.s3.region=eu_west_1',
      ].join('\n'),
    );
    expect(c.tieredStorage).toMatchObject({ enabled: true, bucket: 't', region: undefined });
    expect(c.problems).toEqual([
      { line: 3, message: "region 'eu_west_1' is not an AWS region name" },
    ]);
  });
  it('Apache Kafka: rack-aware fetching, replication settings, KIP-405 tiered storage to S3', () => {
    const c = readNodeConfig(
      'kafka.properties',
      [
        'broker.id=2',
        'broker.rack=usw2-az2',
        'log.dirs=/data/a,/data/b',
        'default.replication.factor=3',
        'min.insync.replicas=2',
        'replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector',
        'remote.log.storage.system.enable=true',
        'rsm.config.storage.s3.bucket.name=kprod-kafka-tiered-usw2',
        'rsm.config.storage.s3.region=us-west-2',
        'listeners=PLAINTEXT://[fd00::12]:9092',
      ].join('\n'),
    );
    expect(c).toMatchObject({
      nodeId: '2',
      rack: 'usw2-az2',
      logDirs: ['/data/a', '/data/b'],
      defaultReplicationFactor: 3,
      minInsyncReplicas: 2,
      rackAwareFetch: true,
      tieredStorage: { enabled: true, bucket: 'kprod-kafka-tiered-usw2', region: 'us-west-2' },
      listeners: [{ name: 'PLAINTEXT', host: 'fd00::12', port: 9092 }],
      automq: undefined,
    });
  });
  it('bad settings are stated with their lines, not guessed', () => {
    const c = readNodeConfig(
      'bad.properties',
      'listeners=PLAINTEXT:/h:9092\ns3.data.buckets=ftp://x\ns3.wal.path=nowhere',
    );
    expect(c.problems.map((p) => p.line)).toEqual([1, 2, 3]);
    expect(c.listeners).toEqual([]);
  });
});
