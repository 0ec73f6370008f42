/** The rule registry: every rule file, once. A parity test keeps this list and the files in step. */
import type { Rule } from '../src/rules/define.js';
import clusterPolicyGrantsOutsideAccount from './access/cluster-policy-grants-outside-account.js';
import endpointAllowsOutsideBuckets from './access/endpoint-allows-outside-buckets.js';
import outsideCanAssumeDataRole from './access/outside-can-assume-data-role.js';
import outsideCanDecryptData from './access/outside-can-decrypt-data.js';
import outsideCanReadData from './access/outside-can-read-data.js';
import outsideCanWriteData from './access/outside-can-write-data.js';
import undeclaredAccount from './access/undeclared-account.js';
import bucketReplicatesOutside from './data-boundary/bucket-replicates-outside.js';
import dataBucketKeyNotInside from './data-boundary/data-bucket-key-not-inside.js';
import dataBucketNotPrivateOnly from './data-boundary/data-bucket-not-private-only.js';
import dataBucketPublic from './data-boundary/data-bucket-public.js';
import dataInOutsideAccount from './data-boundary/data-in-outside-account.js';
import dataOutsideApprovedRegions from './data-boundary/data-outside-approved-regions.js';
import dataBucketWithoutDataEventTrail from './evidence/data-bucket-without-data-event-trail.js';
import noMultiRegionTrail from './evidence/no-multi-region-trail.js';
import trailDeliversOutside from './evidence/trail-delivers-outside.js';

export const RULES: readonly Rule[] = [
  bucketReplicatesOutside,
  clusterPolicyGrantsOutsideAccount,
  dataBucketKeyNotInside,
  dataBucketNotPrivateOnly,
  dataBucketPublic,
  dataInOutsideAccount,
  dataOutsideApprovedRegions,
  dataBucketWithoutDataEventTrail,
  endpointAllowsOutsideBuckets,
  noMultiRegionTrail,
  outsideCanAssumeDataRole,
  outsideCanDecryptData,
  outsideCanReadData,
  outsideCanWriteData,
  trailDeliversOutside,
  undeclaredAccount,
];
