import { describe, expect, it } from 'vitest';
import { parseTopicList, TopicListError } from '../src/topology/topics.js';

const DESCRIBE = [
  'Topic: orders\tTopicId: 8F3tJ4kWQm2xq1bCbu7vEg\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2,remote.storage.enable=true,retention.ms=604800000',
  '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\tElr: \tLastKnownElr: ',
  '\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3',
  '\tTopic: orders\tPartition: 2\tLeader: none\tReplicas: 3,1,2\tIsr: ',
  'Topic: audit\tTopicId: Qw1\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: ',
  '\tTopic: audit\tPartition: 0\tLeader: 3\tReplicas: 3\tIsr: 3',
  '',
].join('\n');

describe('topic lists', () => {
  it('kafka-topics --describe: topics, configs, partition placement (Leader: none)', () => {
    const topics = parseTopicList(DESCRIBE, 'topics.txt');
    expect(topics.map((t) => [t.name, t.partitions, t.replicationFactor, t.remoteStorage])).toEqual(
      [
        ['orders', 3, 3, true],
        ['audit', 1, 1, undefined],
      ],
    );
    expect(topics[0]!.configs['min.insync.replicas']).toBe('2');
    expect(topics[0]!.assignments).toEqual([
      { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] },
      { partition: 1, leader: 2, replicas: [2, 3, 1], isr: [2, 3] },
      { partition: 2, leader: undefined, replicas: [3, 1, 2], isr: [] },
    ]);
  });
  it('YAML', () => {
    const topics = parseTopicList(
      'topics:\n  - name: orders\n    partitions: 12\n    replicationFactor: 3\n    remoteStorage: true\n',
      'topics.yaml',
    );
    expect(topics).toEqual([
      {
        name: 'orders',
        partitions: 12,
        replicationFactor: 3,
        remoteStorage: true,
        configs: {},
        assignments: [],
      },
    ]);
  });
  it.each([
    [
      'a partition line before its topic',
      '\tTopic: x\tPartition: 0\tLeader: 1',
      /topics\.txt:1: partition of x before its topic line/,
    ],
    [
      'a describe line without Topic',
      'Topic: a\tPartitionCount: 1\nfoo bar',
      /topics\.txt:2: expected "Topic: <name>"/,
    ],
    [
      'YAML with a wrong field',
      'topics:\n  - name: x\n    partitions: many\n',
      /topics\.txt: topics\.0\.partitions: /,
    ],
    ['not YAML', 'topics: [', /topics\.txt: not YAML/],
  ])('bad input names the file and line or field: %s', (_n, text, re) => {
    expect(() => parseTopicList(text, 'topics.txt')).toThrow(TopicListError);
    expect(() => parseTopicList(text, 'topics.txt')).toThrow(re);
  });
});
