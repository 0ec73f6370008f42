/**
 * The optional topic list of a cluster (`kafka.clusters[].topics`): either YAML
 * (`topics: [{ name, partitions, replicationFactor, remoteStorage }]`) or the text that
 * `kafka-topics --describe` prints (a header line per topic, a line per partition with its
 * leader, replicas and in-sync replicas). Pure; bad input is an error naming the line.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export interface PartitionPlacement {
  partition: number;
  leader: number | undefined;
  replicas: number[];
  isr: number[];
}

export interface Topic {
  name: string;
  partitions: number | undefined;
  replicationFactor: number | undefined;
  /** `remote.storage.enable` of the topic (KIP-405 tiered storage). */
  remoteStorage: boolean | undefined;
  configs: Record<string, string>;
  assignments: PartitionPlacement[];
}

export class TopicListError extends Error {}

const YamlTopics = z.strictObject({
  topics: z.array(
    z.strictObject({
      name: z.string().min(1),
      partitions: z.number().int().positive().optional(),
      replicationFactor: z.number().int().positive().optional(),
      remoteStorage: z.boolean().optional(),
      configs: z.record(z.string(), z.string()).default({}),
    }),
  ),
});

const ints = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^-?\d+$/.test(s))
    .map(Number);

/** `Key: value<TAB>Key: value…` → a map (values may hold spaces, e.g. `Configs: a=b,c=d`). */
function fields(line: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of line.trim().split(/\t+/)) {
    const m = /^([A-Za-z]+):\s*(.*)$/.exec(part.trim());
    if (m) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

/** The text of `kafka-topics --describe`. */
export function parseTopicsDescribe(text: string, file: string): Topic[] {
  const topics = new Map<string, Topic>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const f = fields(raw);
    const name = f.get('Topic');
    if (!name)
      throw new TopicListError(
        `${file}:${i + 1}: expected "Topic: <name>" and tab-separated fields`,
      );
    if (f.has('Partition')) {
      const t = topics.get(name);
      if (!t)
        throw new TopicListError(`${file}:${i + 1}: partition of ${name} before its topic line`);
      const partition = Number(f.get('Partition'));
      if (!Number.isInteger(partition))
        throw new TopicListError(
          `${file}:${i + 1}: Partition: expected a number, got '${f.get('Partition')}'`,
        );
      const leader = ints(f.get('Leader'))[0];
      t.assignments.push({
        partition,
        leader: leader !== undefined && leader >= 0 ? leader : undefined,
        replicas: ints(f.get('Replicas')),
        isr: ints(f.get('Isr')),
      });
      return;
    }
    const configs: Record<string, string> = {};
    for (const kv of (f.get('Configs') ?? '').split(',')) {
      const eq = kv.indexOf('=');
      if (eq > 0) configs[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
    }
    const remote = configs['remote.storage.enable'];
    topics.set(name, {
      name,
      partitions: ints(f.get('PartitionCount'))[0],
      replicationFactor: ints(f.get('ReplicationFactor'))[0],
      remoteStorage: remote === undefined ? undefined : remote === 'true',
      configs,
      assignments: [],
    });
  });
  return [...topics.values()];
}

/** The YAML form. */
export function parseTopicsYaml(text: string, file: string): Topic[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new TopicListError(`${file}: not YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const parsed = YamlTopics.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TopicListError(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data.topics.map((t) => ({
    name: t.name,
    partitions: t.partitions,
    replicationFactor: t.replicationFactor,
    remoteStorage: t.remoteStorage,
    configs: t.configs,
    assignments: [],
  }));
}

/** Either form: `kafka-topics --describe` text starts with `Topic:`. */
export function parseTopicList(text: string, file: string): Topic[] {
  return /^\s*Topic:/m.test(text) && !/^\s*topics\s*:/m.test(text)
    ? parseTopicsDescribe(text, file)
    : parseTopicsYaml(text, file);
}
