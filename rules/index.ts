import type { Rule } from '../src/rules/define.js';
import clusterPolicyGrantsOutsideAccount from './access/cluster-policy-grants-outside-account.js';
import endpointAllowsOutsideBuckets from './access/endpoint-allows-outside-buckets.js';
import outsideCanAssumeDataRole from './access/outside-can-assume-data-role.js';
import outsideCanDecryptData from './access/outside-can-decrypt-data.js';
import outsideCanReadData from './access/outside-can-read-data.js';
import outsideCanWriteData from './access/outside-can-write-data.js';
import undeclaredAccount from './access/undeclared-account.js';
import consumerFetchesAcrossAz from './cost/consumer-fetches-across-az.js';
import interfaceEndpointMissingInBrokerAz from './cost/interface-endpoint-missing-in-broker-az.js';
import natGatewayInAnotherAz from './cost/nat-gateway-in-another-az.js';
import pathCrossesAz from './cost/path-crosses-az.js';
import replicationCrossesAz from './cost/replication-crosses-az.js';
import bucketReplicatesOutside from './data-boundary/bucket-replicates-outside.js';
import dataBucketKeyNotInside from './data-boundary/data-bucket-key-not-inside.js';
import dataBucketNotPrivateOnly from './data-boundary/data-bucket-not-private-only.js';
import dataBucketPublic from './data-boundary/data-bucket-public.js';
import dataInOutsideAccount from './data-boundary/data-in-outside-account.js';
import dataOutsideApprovedRegions from './data-boundary/data-outside-approved-regions.js';
import durableHopKeyOutside from './data-boundary/durable-hop-key-outside.js';
import durableHopUnencrypted from './data-boundary/durable-hop-unencrypted.js';
import recordReplicatedAcrossRegions from './data-boundary/record-replicated-across-regions.js';
import recordStoredOutsideApprovedRegions from './data-boundary/record-stored-outside-approved-regions.js';
import recordStoredOutsideBoundary from './data-boundary/record-stored-outside-boundary.js';
import durableLogOnBrokerDisk from './elasticity/durable-log-on-broker-disk.js';
import dataBucketWithoutDataEventTrail from './evidence/data-bucket-without-data-event-trail.js';
import noMultiRegionTrail from './evidence/no-multi-region-trail.js';
import trailDeliversOutside from './evidence/trail-delivers-outside.js';
import brokerReachableFromInternet from './network-path/broker-reachable-from-internet.js';
import dataTrafficOffPrivatePath from './network-path/data-traffic-off-private-path.js';
import networkLinkToOutsideAccount from './network-path/network-link-to-outside-account.js';
import pathCrossesAccount from './network-path/path-crosses-account.js';
import pathCrossesRegion from './network-path/path-crosses-region.js';
import brokerRackMismatch from './operations/broker-rack-mismatch.js';
/** The rule registry: every rule file, once. A parity test keeps this list and the files in step. */

export const RULES: readonly Rule[] = [
  brokerRackMismatch,
  brokerReachableFromInternet,
  bucketReplicatesOutside,
  clusterPolicyGrantsOutsideAccount,
  consumerFetchesAcrossAz,
  dataBucketKeyNotInside,
  dataBucketNotPrivateOnly,
  dataBucketPublic,
  dataBucketWithoutDataEventTrail,
  dataInOutsideAccount,
  dataOutsideApprovedRegions,
  dataTrafficOffPrivatePath,
  durableHopKeyOutside,
  durableHopUnencrypted,
  durableLogOnBrokerDisk,
  endpointAllowsOutsideBuckets,
  interfaceEndpointMissingInBrokerAz,
  natGatewayInAnotherAz,
  networkLinkToOutsideAccount,
  noMultiRegionTrail,
  outsideCanAssumeDataRole,
  outsideCanDecryptData,
  outsideCanReadData,
  outsideCanWriteData,
  pathCrossesAccount,
  pathCrossesAz,
  pathCrossesRegion,
  recordReplicatedAcrossRegions,
  recordStoredOutsideApprovedRegions,
  recordStoredOutsideBoundary,
  replicationCrossesAz,
  trailDeliversOutside,
  undeclaredAccount,
];
