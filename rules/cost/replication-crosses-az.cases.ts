import type { RuleCase } from '../../test/support/cases.js';
import { estate } from '../../test/support/estate.js';
import {
  brokerProperties,
  type ClientInput,
  checkoutApi,
  mskEstate,
  ordersBoundary,
} from '../../test/support/kafka.js';
import { KAFKA_BROKER_IPS as IPS, kafkaVpc, network } from '../../test/support/network.js';

const RF3 = 'default.replication.factor=3';

/** server.properties of brokers 0..n-1 of `kafkaVpc`, listeners on their addresses. */
const brokers = (extra: string[] = [], ips: readonly string[] = IPS) =>
  brokerProperties(extra, { ips, processRoles: true });

/** The `orders` cluster of `kafkaVpc` as Apache Kafka (no bucket declared: disks only). */
const kafka = (clients: ClientInput[] = [], kind: 'kafka' | 'automq' = 'kafka') =>
  ordersBoundary(kind, { buckets: false, clients });

export default [
  {
    name: 'RF 3 over three AZs at 10 MB/s: two copies of every byte cross an AZ',
    estate: kafkaVpc(),
    boundary: kafka([checkoutApi(10)]),
    configs: { orders: brokers([RF3]) },
    expect: [
      {
        resource: 'cluster:orders',
        severity: 'low',
        message:
          'Kafka cluster orders copies each record to 2 followers across 3 AZs (replication factor 3, from default.replication.factor of the broker configs): 52,560 GB and $1,051.20 a month at $0.01/GB each way (2 bytes per produced byte at 10 MB/s).',
      },
    ],
  },
  {
    name: 'no producer declares a rate: the figure is per produced byte',
    estate: kafkaVpc(),
    boundary: kafka([checkoutApi()]),
    configs: { orders: brokers([RF3]) },
    expect: [
      {
        resource: 'cluster:orders',
        message:
          "2 bytes per produced byte (declare producers' throughputMBps for a monthly figure)",
      },
    ],
  },
  {
    name: 'a negotiated inter-AZ rate is used for the money',
    estate: kafkaVpc(),
    boundary: { ...kafka([checkoutApi(10)]), costs: { interAzPerGbEachWay: 0.005 } },
    configs: { orders: brokers([RF3]) },
    expect: [
      {
        resource: 'cluster:orders',
        message: '52,560 GB and $525.60 a month at $0.005/GB each way',
      },
    ],
  },
  {
    name: 'RF 2 over two AZs: one copy crosses',
    estate: kafkaVpc(),
    boundary: kafka([checkoutApi(10)]),
    configs: { orders: brokers(['default.replication.factor=2'], IPS.slice(0, 2)) },
    expect: [
      {
        resource: 'cluster:orders',
        message: /across 2 AZs \(replication factor 2.*26,280 GB and \$525\.60 a month/,
      },
    ],
  },
  {
    name: 'replication factor 1: nothing is copied, passes',
    estate: kafkaVpc(),
    boundary: kafka([checkoutApi(10)]),
    configs: { orders: brokers(['default.replication.factor=1']) },
    expect: [],
  },
  {
    name: 'all brokers in one AZ: followers copy inside the AZ, passes',
    estate: (() => {
      const e = estate();
      network(e, {
        vpc: 'vpc-kafka',
        cidr: '10.8.0.0/16',
        subnets: { 'subnet-kafka-priv-a': ['eu-west-1a', '10.8.1.0/24'] },
      });
      for (const [i, ip] of ['10.8.1.20', '10.8.1.21', '10.8.1.22'].entries())
        e.instance(`i-broker-a${i}`, { subnet: 'subnet-kafka-priv-a', privateIp: ip });
      return e;
    })(),
    boundary: kafka([checkoutApi(10)]),
    configs: { orders: brokers([RF3], ['10.8.1.20', '10.8.1.21', '10.8.1.22']) },
    expect: [],
  },
  {
    name: 'AutoMQ keeps one copy on brokers (durability is S3): passes',
    estate: kafkaVpc(),
    boundary: kafka([checkoutApi(10)], 'automq'),
    configs: {
      orders: brokers([RF3, 's3.wal.path=0@s3://acme-kafka-wal-euw1?region=eu-west-1']),
    },
    expect: [],
  },
  {
    name: 'MSK does not bill replication between its brokers: passes',
    estate: mskEstate(),
    boundary: {
      kafka: {
        clusters: [{ name: 'payments', kind: 'msk', msk: 'payments' }],
        clients: [
          {
            name: 'ledger',
            role: 'producer',
            cluster: 'payments',
            azId: 'euw1-az1',
            throughputMBps: 10,
          },
        ],
      },
    },
    expect: [],
  },
] satisfies RuleCase[];
