import type { RuleCase } from '../../test/support/cases.js';
import { mskClusterArn } from '../../test/support/estate.js';
import {
  brokerProperties,
  type ClientInput,
  checkoutApi,
  mskEstate,
  ordersBoundary,
  zoneRouter,
} from '../../test/support/kafka.js';
import { KAFKA_AZ_IDS as AZS, kafkaVpc } from '../../test/support/network.js';

const RF3 = 'default.replication.factor=3';
const SELECTOR = 'replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector';

/** server.properties of the three brokers of `kafkaVpc`; `rack` gives broker.rack per broker. */
const brokers = (extra: string[] = [], rack?: (i: number) => string) =>
  brokerProperties(extra, { processRoles: true, rack });
const rackIsAzId = (i: number) => AZS[i]!;

const producer = checkoutApi(10, { azId: AZS[0] });
/** The same producer saying its AZ (client.rack = its AZ id), as AutoMQ zone routing needs. */
const routedProducer = checkoutApi(10, { azId: AZS[0], clientRack: true });
const WAL = 's3.wal.path=0@s3://acme-kafka-wal-euw1?region=eu-west-1';

/** Consumer group `billing`, one member in each AZ (the second placed by its subnet). */
const billing = (rack: (i: number) => string | undefined = () => undefined, cluster = 'orders') =>
  AZS.map(
    (azId, i): ClientInput => ({
      name: `billing-${i + 1}`,
      role: 'consumer',
      cluster,
      group: 'billing',
      ...(i === 1 && cluster === 'orders' ? { subnet: 'subnet-kafka-priv-b' } : { azId }),
      ...(rack(i) !== undefined ? { clientRack: rack(i)! } : {}),
    }),
  );

/** `orders` declared without buckets, with these clients. */
const kafka = (clients: ClientInput[], kind: 'kafka' | 'automq' = 'kafka') =>
  ordersBoundary(kind, { buckets: false, clients });

const msk = (rackAwareFetch: boolean) => ({
  kafka: {
    clusters: [{ name: 'payments', kind: 'msk' as const, msk: 'payments', rackAwareFetch }],
    clients: [{ ...producer, cluster: 'payments' }, ...billing((i) => AZS[i], 'payments')],
  },
});

export default [
  {
    name: 'Kafka without the rack-aware selector: the group reads from leaders in other AZs',
    estate: kafkaVpc(),
    boundary: kafka([producer, ...billing()]),
    configs: { orders: brokers([RF3]) },
    expect: [
      {
        resource: 'cluster:orders',
        severity: 'low',
        message:
          'Consumer group billing of kafka cluster orders reads across AZs although brokers run in its AZs (euw1-az1, euw1-az2, euw1-az3): replica.selector.class is not the rack-aware selector on every broker. It costs 17,520 GB and $350.40 a month at $0.01/GB each way (0.667 bytes per produced byte at 10 MB/s).',
      },
    ],
  },
  {
    name: 'rack-aware selector, broker.rack and client.rack are AZ ids: passes',
    estate: kafkaVpc(),
    boundary: kafka([producer, ...billing((i) => AZS[i])]),
    configs: { orders: brokers([RF3, SELECTOR], rackIsAzId) },
    expect: [],
  },
  {
    // KIP-392 is per client: the two members with client.rack read in their AZ, billing-3
    // reads a third of the records from leaders, two thirds of them in other AZs (2/9).
    name: 'rack-aware selector, but one member sets no client.rack: that member alone reads from leaders',
    estate: kafkaVpc(),
    boundary: kafka([producer, ...billing((i) => (i === 2 ? undefined : AZS[i]))]),
    configs: { orders: brokers([RF3, SELECTOR], rackIsAzId) },
    expect: [
      {
        resource: 'cluster:orders',
        message:
          'not every member sets a client.rack that names a broker rack in its AZ (billing-3). It costs 5,840 GB and $116.80 a month at $0.01/GB each way (0.222 bytes per produced byte at 10 MB/s).',
      },
    ],
  },
  {
    name: 'rack-aware selector and client.rack, but no broker sets broker.rack: leaders serve',
    estate: kafkaVpc(),
    boundary: kafka([producer, ...billing((i) => AZS[i])]),
    configs: { orders: brokers([RF3, SELECTOR]) },
    expect: [{ resource: 'cluster:orders', message: 'Consumer group billing' }],
  },
  {
    name: 'a group in an AZ where no broker runs: no local replica to read from, passes',
    estate: kafkaVpc(),
    boundary: kafka([
      producer,
      {
        name: 'archiver',
        role: 'consumer',
        cluster: 'orders',
        azId: 'euw1-az4',
        throughputMBps: 10,
      },
    ]),
    configs: { orders: brokers([RF3]) },
    expect: [],
  },
  {
    name: 'AutoMQ without zone-aware routing',
    estate: kafkaVpc(),
    boundary: kafka([producer, ...billing()], 'automq'),
    configs: { orders: brokers([WAL]) },
    expect: [
      {
        resource: 'cluster:orders',
        message:
          'Consumer group billing of automq cluster orders reads across AZs although brokers run in its AZs (euw1-az1, euw1-az2, euw1-az3): zone-aware routing (automq.zonerouter.channels) is off.',
      },
    ],
  },
  {
    name: 'AutoMQ with only other automq.zonerouter.* keys: zone routing is off',
    estate: kafkaVpc(),
    boundary: kafka([routedProducer, ...billing((i) => AZS[i])], 'automq'),
    configs: { orders: brokers([WAL, 'automq.zonerouter.rack.aware=true']) },
    expect: [
      {
        resource: 'cluster:orders',
        message: 'zone-aware routing (automq.zonerouter.channels) is off',
      },
    ],
  },
  {
    name: 'AutoMQ with zone routing, every member’s clientRack its AZ id: each reads from its own AZ, passes',
    estate: kafkaVpc(),
    boundary: kafka([routedProducer, ...billing((i) => AZS[i])], 'automq'),
    configs: { orders: brokers([WAL, ...zoneRouter()]) },
    expect: [],
  },
  {
    name: 'AutoMQ with zone routing, but the members set no clientRack: they read from leaders',
    estate: kafkaVpc(),
    boundary: kafka([routedProducer, ...billing()], 'automq'),
    configs: { orders: brokers([WAL, ...zoneRouter()]) },
    expect: [
      {
        resource: 'cluster:orders',
        message:
          'Consumer group billing of automq cluster orders reads across AZs although brokers run in its AZs (euw1-az1, euw1-az2, euw1-az3): not every member sets clientRack to its AZ id, which zone routing needs (billing-1, billing-2, billing-3). It costs 17,520 GB and $350.40 a month',
      },
    ],
  },
  {
    name: 'AutoMQ with zone routing, one member’s clientRack names another AZ: it alone reads from leaders',
    estate: kafkaVpc(),
    boundary: kafka([routedProducer, ...billing((i) => (i === 2 ? AZS[0] : AZS[i]))], 'automq'),
    configs: { orders: brokers([WAL, ...zoneRouter()]) },
    expect: [
      {
        resource: 'cluster:orders',
        message:
          'which zone routing needs (billing-3). It costs 5,840 GB and $116.80 a month at $0.01/GB each way (0.222 bytes per produced byte at 10 MB/s)',
      },
    ],
  },
  {
    name: 'AutoMQ with the channel on two brokers of three: zone routing is off',
    estate: kafkaVpc(),
    boundary: kafka([routedProducer, ...billing((i) => AZS[i])], 'automq'),
    configs: {
      orders: Object.fromEntries(
        Object.entries(brokers([WAL])).map(([f, text], i) => [
          f,
          i < 2 ? `${text}\n${zoneRouter()[0]}` : text,
        ]),
      ),
    },
    expect: [
      {
        resource: 'cluster:orders',
        message: 'zone-aware routing (automq.zonerouter.channels) is off',
      },
    ],
  },
  {
    name: 'MSK that does not declare the rack-aware selector',
    estate: mskEstate({ nodes: true }),
    boundary: msk(false),
    expect: [
      {
        resource: mskClusterArn('payments'),
        message:
          'the cluster does not say it uses the rack-aware replica selector (kafka.clusters[].rackAwareFetch)',
      },
    ],
  },
  {
    name: 'MSK with the rack-aware selector and client.rack = AZ id (MSK sets broker.rack to it): passes',
    estate: mskEstate({ nodes: true }),
    boundary: msk(true),
    expect: [],
  },
  {
    name: 'MSK with the rack-aware selector, brokers not in kafka-list-nodes: each subnet’s AZ is a rack, passes',
    estate: mskEstate(),
    boundary: msk(true),
    expect: [],
  },
] satisfies RuleCase[];
