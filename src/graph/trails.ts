import type { Owners } from '../boundary/owners.js';
import type { Trail } from '../inventory/model.js';

/** Does the trail record events of this account and region (ignoring what kind)? */
export function trailCovers(
  trail: Trail,
  account: string,
  region: string,
  owners: Owners,
): boolean {
  const accountOk =
    trail.ownerAccount === account ||
    (trail.isOrganizationTrail &&
      owners.organizationOf(trail.ownerAccount) !== undefined &&
      owners.organizationOf(trail.ownerAccount) === owners.organizationOf(account));
  return accountOk && (trail.isMultiRegion || trail.homeRegion === region);
}

export type Tri = 'yes' | 'no' | 'unknown';

/** Which S3 data events of a bucket a trail logs: reads (GetObject…), writes (PutObject…). */
export interface DataEventCoverage {
  read: boolean;
  write: boolean;
}

/**
 * Which S3 object-level (data) events the trail logs for this bucket. Basic selectors
 * (DataResources of type AWS::S3::Object, with ReadWriteType) and advanced selectors
 * (eventCategory Data, resources.type AWS::S3::Object, resources.ARN, readOnly) are read.
 * Undefined when the trail's selectors are not in the snapshot.
 */
export function dataEventCoverage(trail: Trail, bucket: string): DataEventCoverage | undefined {
  if (!trail.selectors) return undefined;
  const { EventSelectors, AdvancedEventSelectors } = trail.selectors.raw;
  const arn = `arn:aws:s3:::${bucket}/`;
  const cov: DataEventCoverage = { read: false, write: false };
  const add = (read: boolean, write: boolean) => {
    cov.read ||= read;
    cov.write ||= write;
  };
  for (const sel of EventSelectors ?? []) {
    const rw = sel.ReadWriteType ?? 'All';
    for (const dr of sel.DataResources) {
      if (dr.Type !== 'AWS::S3::Object') continue;
      const hit = dr.Values.some(
        (v) =>
          v === 'arn:aws:s3' ||
          v === 'arn:aws:s3:::' ||
          arn.startsWith(v.endsWith('/') ? v : `${v}/`) ||
          v.startsWith(arn),
      );
      if (hit) add(rw !== 'WriteOnly', rw !== 'ReadOnly');
    }
  }
  for (const sel of AdvancedEventSelectors ?? []) {
    const fields = new Map(sel.FieldSelectors.map((f) => [f.Field, f]));
    if (!fields.get('eventCategory')?.Equals?.includes('Data')) continue;
    if (!fields.get('resources.type')?.Equals?.includes('AWS::S3::Object')) continue;
    const res = fields.get('resources.ARN');
    const objectArn = `${arn}x`;
    const hit =
      !res ||
      (((res.Equals?.some((v) => v.startsWith(arn)) ?? false) ||
        (res.StartsWith?.some((v) => objectArn.startsWith(v) || v.startsWith(arn)) ?? false) ||
        (!res.Equals && !res.StartsWith && !res.EndsWith)) &&
        !(res.NotStartsWith?.some((v) => objectArn.startsWith(v)) ?? false) &&
        !(res.NotEquals?.includes(arn) ?? false));
    if (!hit) continue;
    const ro = fields.get('readOnly')?.Equals;
    add(!ro || ro.includes('true'), !ro || ro.includes('false'));
  }
  return cov;
}

/** Does the trail log S3 data events (reads and writes) for this bucket? */
export function logsBucketDataEvents(trail: Trail, bucket: string): Tri | 'partial' {
  const cov = dataEventCoverage(trail, bucket);
  if (!cov) return 'unknown';
  return cov.read && cov.write ? 'yes' : cov.read || cov.write ? 'partial' : 'no';
}
