import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Boundary } from '../boundary/schema.js';
import { InputError } from '../errors.js';
import { type NodeConfig, readNodeConfig } from '../topology/config.js';
import { parseTopicList, type Topic, TopicListError } from '../topology/topics.js';

/**
 * The broker configurations the boundary file names (`kafka.clusters[].config`: a
 * `server.properties` file or a folder of them, relative to the boundary file), read from
 * disk. I/O lives here; reading the settings is pure (src/topology).
 */
export function loadClusterConfigs(
  boundary: Boundary,
  boundaryFile: string,
): Map<string, NodeConfig[]> {
  const out = new Map<string, NodeConfig[]>();
  const base = dirname(resolve(boundaryFile));
  boundary.kafka.clusters.forEach((c, i) => {
    if (!c.config) return;
    const path = resolve(base, c.config);
    const where = `${boundaryFile}: kafka.clusters[${i}].config (${c.config})`;
    let files: string[];
    try {
      const st = statSync(path);
      files = st.isDirectory()
        ? readdirSync(path)
            .filter((f) => f.endsWith('.properties'))
            .sort()
            .map((f) => join(path, f))
        : [path];
    } catch (err) {
      throw new InputError(
        `${where}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'}); expected a server.properties file or a folder of them`,
      );
    }
    if (!files.length) throw new InputError(`${where}: the folder holds no .properties file`);
    out.set(
      c.name,
      files.map((f) => {
        let text: string;
        try {
          text = readFileSync(f, 'utf8');
        } catch (err) {
          throw new InputError(
            `${f}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
          );
        }
        return readNodeConfig(relative(base, f), text);
      }),
    );
  });
  return out;
}

/**
 * The topic lists the boundary file names (`kafka.clusters[].topics`, relative to the boundary
 * file): YAML or `kafka-topics --describe` text.
 */
export function loadClusterTopics(boundary: Boundary, boundaryFile: string): Map<string, Topic[]> {
  const out = new Map<string, Topic[]>();
  const base = dirname(resolve(boundaryFile));
  boundary.kafka.clusters.forEach((c, i) => {
    if (!c.topics) return;
    const path = resolve(base, c.topics);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new InputError(
        `${boundaryFile}: kafka.clusters[${i}].topics (${c.topics}): cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'}); expected a YAML topic list or kafka-topics --describe output`,
      );
    }
    try {
      out.set(c.name, parseTopicList(text, relative(base, path)));
    } catch (err) {
      if (err instanceof TopicListError) throw new InputError(err.message);
      throw err;
    }
  });
  return out;
}
