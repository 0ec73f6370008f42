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

/**
 * Does the trail log S3 object-level (data) events for this bucket? Basic selectors
 * (DataResources of type AWS::S3::Object) and advanced selectors are both read.
 */
export function logsBucketDataEvents(trail: Trail, bucket: string): Tri {
  if (!trail.selectors) return 'unknown';
  const { EventSelectors, AdvancedEventSelectors } = trail.selectors.raw;
  const arn = `arn:aws:s3:::${bucket}/`;
  for (const sel of EventSelectors ?? []) {
    for (const dr of sel.DataResources) {
      if (dr.Type !== 'AWS::S3::Object') continue;
      for (const v of dr.Values) {
        if (
          v === 'arn:aws:s3' ||
          v === 'arn:aws:s3:::' ||
          arn.startsWith(v.endsWith('/') ? v : `${v}/`) ||
          v.startsWith(arn)
        ) {
          return 'yes';
        }
      }
    }
  }
  for (const sel of AdvancedEventSelectors ?? []) {
    const fields = new Map(sel.FieldSelectors.map((f) => [f.Field, f]));
    const cat = fields.get('eventCategory');
    if (!cat?.Equals?.includes('Data')) continue;
    const type = fields.get('resources.type');
    if (!type?.Equals?.includes('AWS::S3::Object')) continue;
    const res = fields.get('resources.ARN');
    if (!res) return 'yes';
    const objectArn = `${arn}x`;
    const hit =
      (res.Equals?.some((v) => v.startsWith(arn)) ?? false) ||
      (res.StartsWith?.some((v) => objectArn.startsWith(v) || v.startsWith(arn)) ?? false);
    const excluded =
      (res.NotStartsWith?.some((v) => objectArn.startsWith(v)) ?? false) ||
      (res.NotEquals?.includes(arn) ?? false);
    const onlyNegative = !res.Equals && !res.StartsWith && !res.EndsWith;
    if ((hit || onlyNegative) && !excluded) return 'yes';
  }
  return 'no';
}
