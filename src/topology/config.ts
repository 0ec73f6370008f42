/**
 * What a Kafka or AutoMQ node's `server.properties` says about where records go: its id and
 * roles, rack, listeners, log directories, replication settings, tiered storage, and for
 * AutoMQ the data, ops and WAL stores (the `<id>@s3://bucket?region=…&endpoint=…` forms and
 * the legacy `s3.bucket`/`s3.region`/`s3.endpoint`, or a block-device WAL) and zone routing.
 * Pure: the CLI reads the files.
 */
import { type Properties, parseProperties } from './properties.js';

export interface Listener {
  name: string;
  host: string;
  port: number;
}

export interface S3Store {
  /** The id before `@` in the URI form (undefined in the legacy form). */
  id: string | undefined;
  bucket: string;
  region: string | undefined;
  endpoint: string | undefined;
  /** The key that named it, and its line. */
  from: { key: string; line: number };
}

export type WalStore =
  | ({ kind: 's3' } & S3Store)
  | { kind: 'block'; path: string; from: { key: string; line: number } };

export interface NodeConfig {
  file: string;
  nodeId: string | undefined;
  roles: string[];
  rack: string | undefined;
  listeners: Listener[];
  advertisedListeners: Listener[];
  logDirs: string[];
  defaultReplicationFactor: number | undefined;
  minInsyncReplicas: number | undefined;
  /** `replica.selector.class` names the rack-aware selector (consumers fetch from followers). */
  rackAwareFetch: boolean;
  tieredStorage: { enabled: boolean; bucket: string | undefined; region: string | undefined };
  automq:
    | {
        elasticStream: boolean;
        data: S3Store[];
        ops: S3Store[];
        wal: WalStore | undefined;
        /**
         * Zone-aware routing: `automq.zonerouter.channels` names the bucket through which a
         * broker hands records taken in its AZ to the leader in another. Clients take part only
         * when they say their AZ (client-side rack awareness).
         */
        zoneRouting: boolean;
        zoneRouter: S3Store | undefined;
      }
    | undefined;
  /** Settings that could not be read, with their lines: stated, never guessed. */
  problems: { line: number; message: string }[];
  props: Properties;
}

const get = (p: Properties, key: string) => p.byKey.get(key);

/** `INTERNAL://10.0.0.1:9092,EXTERNAL://[::1]:9094` → listeners. */
export function parseListeners(
  value: string | undefined,
  line: number,
  problems: NodeConfig['problems'],
): Listener[] {
  if (!value?.trim()) return [];
  const out: Listener[] = [];
  for (const part of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z0-9_-]+):\/\/(\[[^\]]+\]|[^:/]*):(\d+)$/.exec(part);
    if (!m) {
      problems.push({ line, message: `listener '${part}' is not NAME://host:port` });
      continue;
    }
    out.push({
      name: m[1]!.toUpperCase(),
      host: m[2]!.replace(/^\[|\]$/g, ''),
      port: Number(m[3]),
    });
  }
  return out;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** `0@s3://bucket?region=r&endpoint=e,1@s3://other` → stores. */
export function parseS3Uris(
  value: string,
  from: { key: string; line: number },
  problems: NodeConfig['problems'],
): S3Store[] {
  const out: S3Store[] = [];
  for (const part of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(?:(\d+)@)?s3:\/\/([^/?]+)(?:\/[^?]*)?(?:\?(.*))?$/.exec(part);
    if (!m) {
      problems.push({
        line: from.line,
        message: `${from.key}: '${part}' is not <id>@s3://bucket?region=…`,
      });
      continue;
    }
    const query = new URLSearchParams(m[3] ?? '');
    const region = query.get('region') ?? undefined;
    if (region !== undefined && !REGION.test(region))
      problems.push({
        line: from.line,
        message: `${from.key}: region '${region}' is not an AWS region name`,
      });
    out.push({
      id: m[1],
      bucket: m[2]!,
      region: region !== undefined && REGION.test(region) ? region : undefined,
      endpoint: query.get('endpoint') ?? undefined,
      from,
    });
  }
  return out;
}

const num = (v: string | undefined) =>
  v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : undefined;
const bool = (v: string | undefined) => v?.trim().toLowerCase() === 'true';

/** Read one node's configuration. */
export function readNodeConfig(file: string, text: string): NodeConfig {
  const props = parseProperties(text);
  const problems = [...props.problems];
  const value = (k: string) => get(props, k)?.value;
  const line = (k: string) => get(props, k)?.line ?? 0;
  const listeners = parseListeners(value('listeners'), line('listeners'), problems);
  const advertised = parseListeners(
    value('advertised.listeners'),
    line('advertised.listeners'),
    problems,
  );
  const selector = value('replica.selector.class') ?? '';
  const remote = bool(value('remote.log.storage.system.enable'));
  // KIP-405: the RemoteStorageManager's own settings carry a prefix (default `rsm.config.`);
  // the S3 plugins name the bucket and region under it.
  const rsm = value('remote.log.storage.manager.impl.prefix') ?? 'rsm.config.';
  const remoteBucket = value(`${rsm}storage.s3.bucket.name`) ?? value(`${rsm}storage.bucket.name`);
  const remoteRegionText = value(`${rsm}storage.s3.region`) ?? value(`${rsm}storage.region`);
  const remoteRegion =
    remoteRegionText !== undefined && REGION.test(remoteRegionText.trim())
      ? remoteRegionText.trim()
      : undefined;
  if (remoteRegionText !== undefined && remoteRegion === undefined)
    problems.push({
      line: line(`${rsm}storage.s3.region`) || line(`${rsm}storage.region`),
      message: `region '${remoteRegionText}' is not an AWS region name`,
    });

  const isAutoMq =
    [...props.byKey.keys()].some((k) => k.startsWith('s3.') || k.startsWith('automq.')) ||
    value('elasticstream.enable') !== undefined;
  let automq: NodeConfig['automq'];
  if (isAutoMq) {
    const uris = (k: string) => {
      const v = value(k);
      return v ? parseS3Uris(v, { key: k, line: line(k) }, problems) : [];
    };
    let data = uris('s3.data.buckets');
    const ops = uris('s3.ops.buckets');
    // The legacy form: one bucket for everything.
    if (!data.length && value('s3.bucket'))
      data = [
        {
          id: undefined,
          bucket: value('s3.bucket')!,
          region: REGION.test(value('s3.region')?.trim() ?? '')
            ? value('s3.region')!.trim()
            : undefined,
          endpoint: value('s3.endpoint'),
          from: { key: 's3.bucket', line: line('s3.bucket') },
        },
      ];
    let wal: WalStore | undefined;
    const walPath = value('s3.wal.path');
    if (walPath) {
      const from = { key: 's3.wal.path', line: line('s3.wal.path') };
      const block = /^(?:\d+@)?(?:file:\/\/)?(\/.*)$/.exec(walPath.trim());
      if (walPath.includes('s3://')) {
        const s3 = parseS3Uris(walPath, from, problems)[0];
        if (s3) wal = { kind: 's3', ...s3 };
      } else if (block) wal = { kind: 'block', path: block[1]!, from };
      else
        problems.push({
          line: from.line,
          message: `s3.wal.path: '${walPath}' is neither an s3:// URI nor a path`,
        });
    }
    const router = uris('automq.zonerouter.channels')[0];
    automq = {
      elasticStream: bool(value('elasticstream.enable')),
      data,
      ops,
      wal,
      zoneRouting: router !== undefined,
      zoneRouter: router,
    };
  }
  return {
    file,
    nodeId: value('node.id') ?? value('broker.id'),
    roles: (value('process.roles') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rack: value('broker.rack')?.trim() || undefined,
    listeners,
    advertisedListeners: advertised,
    logDirs: (value('log.dirs') ?? value('log.dir') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    defaultReplicationFactor: num(value('default.replication.factor')),
    minInsyncReplicas: num(value('min.insync.replicas')),
    rackAwareFetch: /RackAwareReplicaSelector$/.test(selector.trim()),
    tieredStorage: { enabled: remote, bucket: remoteBucket, region: remoteRegion },
    automq,
    problems,
    props,
  };
}
