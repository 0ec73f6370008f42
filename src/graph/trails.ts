import type { Owners } from '../boundary/owners.js';
import type { Trail } from '../inventory/model.js';

/** Does the trail record events of this account and region (ignoring what kind)? */
export function trailCovers(
  trail: Trail,
  account: string,
  region: string,
  owners: Owners,
): boolean {
  // An organization trail covers the accounts of its organization; the account's own
  // describe-trails listing it (as a shadow trail) proves membership without Organizations data.
  const accountOk =
    trail.ownerAccount === account ||
    (trail.isOrganizationTrail &&
      ((owners.organizationOf(trail.ownerAccount) !== undefined &&
        owners.organizationOf(trail.ownerAccount) === owners.organizationOf(account)) ||
        trail.seenIn.some((s) => s.account === account)));
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
      // Only all of S3, or the bucket itself, covers every object; a prefix inside the
      // bucket (arn:aws:s3:::b/topics/) covers part of it, which proves nothing for the rest.
      const hit = dr.Values.some(
        (v) =>
          v === 'arn:aws:s3' ||
          v === 'arn:aws:s3:::' ||
          arn.startsWith(v.endsWith('/') ? v : `${v}/`),
      );
      if (hit) add(rw !== 'WriteOnly', rw !== 'ReadOnly');
    }
  }
  for (const sel of AdvancedEventSelectors ?? []) {
    const fields = new Map(sel.FieldSelectors.map((f) => [f.Field, f]));
    if (!fields.get('eventCategory')?.Equals?.includes('Data')) continue;
    if (!fields.get('resources.type')?.Equals?.includes('AWS::S3::Object')) continue;
    // Fields that narrow which events are logged (by name, caller, source) or exclude
    // objects of the bucket leave the rest unlogged: such a selector proves nothing.
    const narrowing = sel.FieldSelectors.some(
      (f) =>
        !['eventCategory', 'resources.type', 'resources.ARN', 'readOnly'].includes(f.Field) ||
        (f.Field === 'resources.ARN' && (f.EndsWith || f.NotEndsWith)),
    );
    if (narrowing) continue;
    const res = fields.get('resources.ARN');
    const hit =
      !res ||
      (((res.StartsWith?.some((v) => arn.startsWith(v)) ?? false) ||
        (!res.Equals && !res.StartsWith)) &&
        !(res.NotStartsWith?.some((v) => v.startsWith(arn) || arn.startsWith(v)) ?? false) &&
        !(res.NotEquals?.some((v) => v.startsWith(arn)) ?? false));
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

/**
 * Does the trail record management events (reads and writes)? With no selectors file the
 * answer is unknown; a trail without custom selectors records them (the default).
 */
export function logsManagementEvents(trail: Trail): Tri {
  if (!trail.selectors) return 'unknown';
  const { EventSelectors, AdvancedEventSelectors } = trail.selectors.raw;
  if (AdvancedEventSelectors && AdvancedEventSelectors.length > 0) {
    const ok = AdvancedEventSelectors.some((sel) => {
      const fields = new Map(sel.FieldSelectors.map((f) => [f.Field, f]));
      // Reads and writes: no readOnly restriction. Excluded sources (eventSource
      // NotEquals kms.amazonaws.com, a common cost cut) still leave a management trail.
      return (
        fields.get('eventCategory')?.Equals?.includes('Management') === true &&
        !fields.has('readOnly')
      );
    });
    return ok ? 'yes' : 'no';
  }
  if (!EventSelectors || EventSelectors.length === 0) return 'yes';
  return EventSelectors.some(
    (sel) => sel.IncludeManagementEvents !== false && (sel.ReadWriteType ?? 'All') === 'All',
  )
    ? 'yes'
    : 'no';
}
