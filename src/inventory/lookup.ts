import { parseArn } from '../util/arn.js';
import type { Bucket, Inventory, KmsKey, MskCluster, Subnet } from './model.js';

/** Indexes over an inventory, built once per analysis. */
export class Lookup {
  readonly bucketByName = new Map<string, Bucket>();
  readonly keyByArn = new Map<string, KmsKey>();
  private readonly keyByScopedId = new Map<string, KmsKey>();
  private readonly keyByScopedAlias = new Map<string, KmsKey>();
  readonly subnetById = new Map<string, Subnet>();
  readonly clusterByArn = new Map<string, MskCluster>();

  constructor(readonly inv: Inventory) {
    for (const b of inv.buckets)
      if (!this.bucketByName.has(b.name)) this.bucketByName.set(b.name, b);
    for (const k of inv.kmsKeys) {
      this.keyByArn.set(k.arn, k);
      this.keyByScopedId.set(`${k.account}|${k.region}|${k.id}`, k);
      for (const a of k.aliases) this.keyByScopedAlias.set(`${k.account}|${k.region}|${a}`, k);
    }
    for (const s of inv.subnets) this.subnetById.set(s.id, s);
    for (const c of inv.mskClusters) this.clusterByArn.set(c.arn, c);
  }

  /**
   * The key a bucket's default encryption names, resolved in the bucket's account and
   * region. Undefined when there is none, or when a bare key id or alias names it and the
   * bucket's region is unknown (its scope would only be a guess).
   */
  keyOfBucket(b: Bucket): KeyRef | undefined {
    const ref = b.encryption?.kmsKeyId;
    if (!ref) return undefined;
    if (!ref.startsWith('arn:') && !b.region) return undefined;
    return this.resolveKey(ref, b.account, b.region ?? '');
  }

  /**
   * A KMS key reference (key id, key ARN, alias name or alias ARN) as a bucket, cluster
   * or trail names it, resolved in the caller's account and region.
   */
  resolveKey(ref: string, account: string, region: string): KeyRef {
    const arn = parseArn(ref);
    if (arn) {
      if (arn.resource.startsWith('key/')) {
        const key = this.keyByArn.get(ref);
        return { ref, account: arn.account, region: arn.region, key };
      }
      if (arn.resource.startsWith('alias/')) {
        const key = this.keyByScopedAlias.get(`${arn.account}|${arn.region}|${arn.resource}`);
        return { ref, account: arn.account, region: arn.region, key };
      }
    }
    if (ref.startsWith('alias/')) {
      const key = this.keyByScopedAlias.get(`${account}|${region}|${ref}`);
      return { ref, account, region, key };
    }
    const key = this.keyByScopedId.get(`${account}|${region}|${ref}`);
    return { ref, account, region, key };
  }
}

export interface KeyRef {
  /** The reference as written. */
  ref: string;
  /** Where the key lives (from the ARN, else the caller's scope). */
  account: string;
  region: string;
  /** The key, when the snapshot holds it. */
  key: KmsKey | undefined;
}
