import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'durable-log-on-broker-disk',
  title: 'Records become durable on broker-local disks',
  category: 'elasticity',
  severity: 'low',
  needs: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeInstances'],
  rationale:
    'Where a record is durable decides what scaling costs: a cluster whose log lives on broker disks (Apache Kafka, and AutoMQ with a block-device WAL) must copy partitions to move or add a broker, and loses whatever an unreplicated disk held. A WAL and log in S3 make brokers stateless.',
  remediation:
    'For Apache Kafka, enable tiered storage (remote.log.storage.system.enable with an S3 RemoteStorageManager) to keep little on disk; for AutoMQ, put the WAL on S3 (s3.wal.path=<id>@s3://…) rather than a block device.',
  references: [
    'https://kafka.apache.org/documentation/#tiered_storage',
    'https://www.automq.com/docs',
  ],
  check(ctx) {
    const { brokers } = ctx.paths();
    for (const cluster of ctx.boundary.kafka.clusters) {
      if (cluster.kind === 'msk') continue;
      const configs = ctx.configs.get(cluster.name) ?? [];
      const mine = brokers.filter((b) => b.cluster === cluster.name);
      const azs = [...new Set(mine.flatMap((b) => (b.eni.azId ? [b.eni.azId] : [])))].sort();
      const where = azs.length ? ` in ${azs.join(', ')}` : '';
      const resource = {
        arn: `cluster:${cluster.name}`,
        ...(cluster.account ? { account: cluster.account } : {}),
        ...(cluster.region ? { region: cluster.region } : {}),
      };
      if (cluster.kind === 'automq') {
        const block = configs.filter((c) => c.automq?.wal?.kind === 'block');
        if (!block.length) continue;
        const first = block[0]!;
        const wal = first.automq!.wal!;
        ctx.report({
          resource,
          message: `AutoMQ cluster ${cluster.name} writes its WAL to a block device (${wal.kind === 'block' ? wal.path : ''}) on ${block.length} of ${configs.length} nodes${where}: a record is durable on that broker's disk until it is uploaded to S3.`,
          evidence: block.map((c) => ({
            src: { file: c.file, pointer: `/s3.wal.path@${c.automq!.wal!.from.line}` },
          })),
        });
        continue;
      }
      const tiered = configs.filter((c) => c.tieredStorage.enabled);
      const dirs = [...new Set(configs.flatMap((c) => c.logDirs))].sort();
      ctx.report({
        resource,
        message: `Kafka cluster ${cluster.name} keeps its log on broker disks${dirs.length ? ` (log.dirs ${dirs.join(', ')})` : ''}${where}${
          configs.length
            ? tiered.length === configs.length
              ? '; tiered storage moves closed segments to S3, the active ones stay on disk'
              : tiered.length
                ? `; only ${tiered.length} of ${configs.length} nodes enable tiered storage`
                : '; tiered storage is off'
            : ' (no configuration file: Apache Kafka keeps its log on the brokers)'
        }: moving or adding a broker copies its partitions.`,
        ...(configs.length && tiered.length === configs.length
          ? { severity: 'info' as const }
          : {}),
        evidence: configs.length
          ? configs.map((c) => ({ src: { file: c.file, pointer: '/log.dirs' } }))
          : mine.slice(0, 3).map((b) => ({ src: b.src })),
      });
    }
  },
});
