import type { RuleCase } from '../../test/support/cases.js';
import { keyArn } from '../../test/support/estate.js';
import { KAFKA_BUCKET, KAFKA_KEY_ID, kafkaBoundary, kafkaVpc } from '../../test/support/network.js';

const BUCKET = `arn:aws:s3:::${KAFKA_BUCKET}`;
const KEY = keyArn(KAFKA_KEY_ID);

export default [
  {
    name: 'no endpoints: bucket and key traffic leaves through the NAT gateway',
    estate: kafkaVpc(),
    boundary: kafkaBoundary(),
    expect: [
      {
        resource: BUCKET,
        severity: 'medium',
        message:
          /^3 of 3 brokers of orders reach data bucket acme-kafka-wal-euw1 through igw-kafka, nat-kafka-a instead of a VPC endpoint/,
      },
      { resource: KEY, message: /reach data key alias\/acme-kafka through igw-kafka, nat-kafka-a/ },
    ],
  },
  {
    name: 'an S3 gateway endpoint and a KMS interface endpoint in every AZ: passes',
    estate: kafkaVpc({ s3Endpoint: true, kmsEndpoint: ['a', 'b', 'c'] }),
    boundary: kafkaBoundary(),
    expect: [],
  },
  {
    name: 'the S3 endpoint alone: only the key is reported',
    estate: kafkaVpc({ s3Endpoint: true }),
    boundary: kafkaBoundary(),
    expect: [{ resource: KEY, message: 'nat-kafka-a' }],
  },
  {
    name: 'a bucket in another region cannot use the gateway endpoint',
    estate: kafkaVpc({
      s3Endpoint: true,
      kmsEndpoint: ['a', 'b', 'c'],
      bucketRegion: 'eu-central-1',
    }),
    boundary: kafkaBoundary(),
    expect: [{ resource: BUCKET, message: /s3:eu-central-1/ }],
  },
  {
    name: 'no cluster declared: no brokers, no flows',
    estate: kafkaVpc(),
    expect: [],
  },
] satisfies RuleCase[];
