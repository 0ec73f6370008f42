import { z } from 'zod';

/** A 12-digit AWS account id; YAML users often forget the quotes, so numbers are accepted. */
export const AccountId = z
  .union([z.string(), z.number().int()])
  .transform((v) => (typeof v === 'number' ? String(v).padStart(12, '0') : v))
  .pipe(z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id'));

const Region = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'expected an AWS region such as eu-west-1');
const AzId = z.string().regex(/^[a-z]{2,}\d*-az\d+$/, 'expected an AZ id such as euw1-az1');
const Pattern = z.string().min(1);

export const PartyRole = z.enum(['vendor', 'support', 'partner']);

export const Party = z.strictObject({
  name: z.string().min(1),
  role: PartyRole,
  accounts: z.array(AccountId).default([]),
  /** Organization ids the party owns (its accounts are then recognised too). */
  organizations: z.array(z.string().regex(/^o-[a-z0-9]{10,32}$/)).default([]),
  description: z.string().optional(),
  /**
   * Where brokers send to the party (a control plane, an observability export): an IP address
   * or a CIDR block, and the port. The packet-path analysis traces each broker to each one.
   */
  endpoints: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        address: z
          .string()
          .regex(/^[0-9a-fA-F.:]+(\/\d{1,3})?$/, 'expected an IP address or a CIDR block'),
        port: z.number().int().min(0).max(65535).default(443),
      }),
    )
    .default([]),
});

export const ClusterKind = z.enum(['msk', 'kafka', 'automq']);

export const KafkaCluster = z.strictObject({
  name: z.string().min(1),
  kind: ClusterKind,
  /** MSK: the cluster ARN or name in the snapshot. */
  msk: z.string().optional(),
  /** Kafka/AutoMQ: a server.properties file or a folder of them, relative to this file. */
  config: z.string().optional(),
  /** Optional topic list (YAML or `kafka-topics --describe` text), relative to this file. */
  topics: z.string().optional(),
  /** Buckets and keys that hold this cluster's records, besides those its broker configs name. */
  buckets: z.array(Pattern).default([]),
  keys: z.array(Pattern).default([]),
  account: AccountId.optional(),
  region: Region.optional(),
  /**
   * Consumers fetch from the nearest replica (`replica.selector.class` is the rack-aware
   * selector). Read from the broker configs when they are given; say it here for MSK, whose
   * cluster configuration is not in the snapshot.
   */
  rackAwareFetch: z.boolean().optional(),
});

/** A replication link the snapshot cannot show: MirrorMaker 2, Confluent Cluster Linking… */
export const KafkaLink = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['mirrormaker2', 'cluster-linking', 'msk-replicator', 'other']),
  /** Source and target: names of clusters in `kafka.clusters`. */
  from: z.string().min(1),
  to: z.string().min(1),
  /** What it copies, MB/s; default everything the source's producers write. */
  throughputMBps: z.number().nonnegative().optional(),
});

/**
 * Prices for the record-path costs, US dollars. Defaults are AWS's published list prices
 * (see docs/record-paths.md for the pages); set your own negotiated or regional rates here.
 */
export const Costs = z.strictObject({
  /** Data transfer between AZs of a region, charged on each side ($0.01/GB in and out). */
  interAzPerGbEachWay: z.number().nonnegative().default(0.01),
  /** Data transfer out to another region ($0.02/GB between most US and EU regions). */
  interRegionPerGb: z.number().nonnegative().default(0.02),
  /** NAT gateway data processing ($0.045/GB). */
  natPerGb: z.number().nonnegative().default(0.045),
  /** S3 Standard PUT, COPY, POST, LIST requests, per 1,000 ($0.005). */
  s3PutPer1000: z.number().nonnegative().default(0.005),
  /** S3 Standard GET and other requests, per 1,000 ($0.0004). */
  s3GetPer1000: z.number().nonnegative().default(0.0004),
  /** Size of the objects brokers write to S3 (WAL objects, tiered segments), MB. */
  s3ObjectMB: z.number().positive().default(8),
});

export const KafkaClient = z.strictObject({
  name: z.string().min(1),
  role: z.enum(['producer', 'consumer']),
  cluster: z.string().min(1),
  account: AccountId.optional(),
  region: Region.optional(),
  vpc: z.string().optional(),
  subnet: z.string().optional(),
  cidr: z.string().optional(),
  azId: AzId.optional(),
  throughputMBps: z.number().nonnegative().optional(),
  clientRack: z.string().optional(),
  /** Consumers: the consumer group; clients that share one are its members. Default: its name. */
  group: z.string().min(1).optional(),
});

export const Authority = z.strictObject({
  /** `inside` or the name of a party. */
  holder: z.string().min(1),
  principals: z.array(z.string()).default([]),
  evidence: z.string().optional(),
});

export const Suppression = z.strictObject({
  rule: z.string().min(1),
  /** Glob over the finding's resource ARN (or key); `*` matches any run of characters. */
  resource: Pattern.default('*'),
  reason: z.string().min(3, 'a suppression needs a reason'),
  /** After this date (compared with the snapshot's time) the suppression no longer applies. */
  expires: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2027-01-31')
    .optional(),
});

export const BoundarySchema = z.strictObject({
  version: z.literal(1),
  name: z.string().min(1),
  inside: z.strictObject({
    organizations: z
      .array(
        z.string().regex(/^o-[a-z0-9]{10,32}$/, 'expected an Organization id such as o-a1b2c3d4e5'),
      )
      .default([]),
    accounts: z.array(z.strictObject({ id: AccountId, name: z.string().optional() })).default([]),
  }),
  approvedRegions: z.array(Region).default([]),
  parties: z.array(Party).default([]),
  data: z
    .strictObject({
      buckets: z.array(Pattern).default([]),
      keys: z.array(Pattern).default([]),
      /**
       * Data buckets must be reachable only through VPC endpoints (or VPCs) the boundary owns:
       * their bucket policies must deny every other network path.
       */
      requirePrivateAccess: z.boolean().default(false),
    })
    .prefault({}),
  kafka: z
    .strictObject({
      clusters: z.array(KafkaCluster).default([]),
      clients: z.array(KafkaClient).default([]),
      links: z.array(KafkaLink).default([]),
    })
    .superRefine((k, ctx) => {
      const names = new Set<string>();
      k.clusters.forEach((c, i) => {
        if (names.has(c.name))
          ctx.addIssue({
            code: 'custom',
            path: ['clusters', i, 'name'],
            message: `expected a cluster name used once, got '${c.name}' again`,
          });
        names.add(c.name);
      });
      k.links.forEach((l, i) => {
        for (const end of ['from', 'to'] as const)
          if (!names.has(l[end]))
            ctx.addIssue({
              code: 'custom',
              path: ['links', i, end],
              message: `expected the name of a cluster in kafka.clusters, got '${l[end]}'`,
            });
      });
    })
    .prefault({}),
  costs: Costs.prefault({}),
  authority: z
    .strictObject({
      failover: Authority.optional(),
      rollback: Authority.optional(),
    })
    .prefault({}),
  rules: z
    .strictObject({
      disable: z.array(z.string()).default([]),
      severity: z
        .record(z.string(), z.enum(['critical', 'high', 'medium', 'low', 'info']))
        .default({}),
    })
    .prefault({}),
  suppressions: z.array(Suppression).default([]),
});

export type Boundary = z.output<typeof BoundarySchema>;
export type BoundaryInput = z.input<typeof BoundarySchema>;
export type PartyT = z.output<typeof Party>;
export type KafkaClusterT = z.output<typeof KafkaCluster>;
export type SuppressionT = z.output<typeof Suppression>;
