import type { RuleCase } from '../../test/support/cases.js';
import { KAFKA_BUCKET, kafkaBoundary, kafkaVpc } from '../../test/support/network.js';

export default [
  {
    name: 'the WAL bucket is in eu-central-1: every broker path crosses the region',
    estate: kafkaVpc({
      s3Endpoint: true,
      kmsEndpoint: ['a', 'b', 'c'],
      bucketRegion: 'eu-central-1',
    }),
    boundary: kafkaBoundary(),
    expect: [
      {
        resource: `arn:aws:s3:::${KAFKA_BUCKET}`,
        severity: 'medium',
        message:
          '3 of 3 brokers of orders reach acme-kafka-wal-euw1 across a region (eu-west-1 → eu-central-1)',
      },
    ],
  },
  {
    name: 'bucket and key in the brokers’ region: passes',
    estate: kafkaVpc({ s3Endpoint: true, kmsEndpoint: ['a', 'b', 'c'] }),
    boundary: kafkaBoundary(),
    expect: [],
  },
] satisfies RuleCase[];
