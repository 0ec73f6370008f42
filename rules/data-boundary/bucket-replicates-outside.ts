import { defineRule } from '../../src/rules/define.js';
import { gapResource } from '../../src/rules/engine.js';
import { GLOBAL_REGION } from '../../src/snapshot/contract.js';
import type { Gap } from '../../src/snapshot/manifest.js';
import { accountOfArn, bucketOfArn } from '../../src/util/arn.js';

export default defineRule({
  id: 'bucket-replicates-outside',
  title: 'S3 replication copies objects to an account or region outside the boundary',
  category: 'data-boundary',
  severity: 'high',
  needs: ['s3:ListAllMyBuckets', 's3:GetReplicationConfiguration', 's3:GetBucketLocation'],
  handlesGaps: true,
  rationale:
    'A replication rule makes a second durable copy of every object it matches. A destination bucket in an outside account (or an unapproved region) puts records where the boundary owner no longer decides who reads or deletes them.',
  remediation:
    'Point the replication rule at a bucket in an inside account and an approved region, or disable the rule; if the destination owner is part of your organisation, declare it in the boundary file.',
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketReplication.html'],
  check({ inventory, lookup, owners, boundary, data, report, gapFor }) {
    const gapEvidence = (g: Gap) => ({
      src: { file: 'manifest.json', pointer: `/gaps/${inventory.gaps.indexOf(g)}` },
    });
    const failed = (g: Gap) =>
      `${g.service} ${g.operation} failed in ${g.account}/${g.region} (${g.code})`;
    // An inside account whose bucket list failed: none of its replication rules was read.
    for (const g of inventory.gaps) {
      if (g.service !== 's3' || g.operation !== 'list-buckets' || !owners.isInside(g.account))
        continue;
      report({
        resource: { arn: gapResource(g), account: g.account },
        status: 'unknown',
        key: 'gap:s3:list-buckets',
        message: `Could not check: ${failed(g)}, so the replication of its buckets is unknown.`,
        evidence: [gapEvidence(g)],
      });
    }
    for (const b of inventory.buckets) {
      if (!owners.isInside(b.account)) continue;
      const isData = data.buckets.has(b.name);
      if (!b.replication) {
        const gap = gapFor('s3:GetReplicationConfiguration', b.account, GLOBAL_REGION, b.name);
        if (gap) {
          report({
            resource: { arn: b.arn, account: b.account, ...(b.region ? { region: b.region } : {}) },
            status: 'unknown',
            severity: isData ? 'high' : 'medium',
            message: `Could not check: ${failed(gap)}, so where ${isData ? 'data bucket' : 'bucket'} ${b.name} replicates to is unknown.`,
            evidence: [gapEvidence(gap)],
          });
        }
        continue;
      }
      for (const r of b.replication.rules) {
        if (r.raw.Status === 'Disabled') continue;
        const destName = bucketOfArn(r.raw.Destination.Bucket) ?? r.raw.Destination.Bucket;
        const dest = lookup.bucketByName.get(destName);
        // The snapshot's owner (the account whose list-buckets lists it) beats what the rule
        // claims: Destination.Account is only what the writer of the rule believed.
        const claimed = r.raw.Destination.Account;
        const destAccount = dest?.account ?? claimed;
        const mismatch =
          dest && claimed && claimed !== dest.account
            ? ` (the rule names account ${claimed}, but account ${dest.account} lists the bucket)`
            : '';
        const rule = r.raw.ID ? `rule ${r.raw.ID}` : 'a replication rule';
        const what = `${isData ? 'Data bucket' : 'Bucket'} ${b.name} replicates (${rule}) to ${destName}`;
        const base = {
          resource: { arn: b.arn, account: b.account, ...(b.region ? { region: b.region } : {}) },
          evidence: [{ src: r.src }],
          key: `${r.raw.ID ?? ''}->${destName}`,
          path: [
            {
              node: b.arn,
              kind: 'bucket',
              account: b.account,
              ...(b.region ? { region: b.region } : {}),
              owner: owners.of(b.account).name,
            },
            {
              node: `arn:aws:s3:::${destName}`,
              kind: 'bucket',
              ...(destAccount ? { account: destAccount, owner: owners.of(destAccount).name } : {}),
              ...(dest?.region ? { region: dest.region } : {}),
            },
          ],
        };
        if (!destAccount) {
          report({
            ...base,
            status: 'unknown',
            severity: isData ? 'high' : 'medium',
            message: `${what}, a bucket the snapshot does not hold and the rule names no Account for: its owner cannot be proven.`,
          });
          continue;
        }
        const owner = owners.of(destAccount);
        const replicaKey = r.raw.Destination.EncryptionConfiguration?.ReplicaKmsKeyID;
        const replicaKeyAccount = accountOfArn(replicaKey);
        const replicaKeyOwner = replicaKeyAccount ? owners.of(replicaKeyAccount) : undefined;
        const checkRegion = boundary.approvedRegions.length > 0;
        const regionOut =
          checkRegion && dest?.region && !boundary.approvedRegions.includes(dest.region);
        if (owner.kind !== 'inside') {
          report({
            ...base,
            severity: isData ? 'high' : 'medium',
            message: `${what} in account ${destAccount} (${owner.kind === 'party' ? `${owner.name}, ${owner.role}` : 'undeclared'}), outside the boundary${mismatch}.`,
          });
        } else if (replicaKeyOwner && replicaKeyOwner.kind !== 'inside') {
          report({
            ...base,
            severity: isData ? 'high' : 'medium',
            message: `${what}, but its replicas are encrypted with key ${replicaKey} in account ${replicaKeyAccount} (${replicaKeyOwner.kind === 'party' ? replicaKeyOwner.name : 'undeclared'}), outside the boundary: that owner can decrypt or lock the copies.`,
          });
        } else if (regionOut) {
          report({
            ...base,
            severity: isData ? 'high' : 'medium',
            message: `${what} in ${dest?.region}, outside the approved regions (${boundary.approvedRegions.join(', ')}).`,
          });
        } else if (checkRegion && !dest?.region) {
          // Cross-region replication is the common case: an unknown region is not a pass.
          const gap = dest
            ? gapFor('s3:GetBucketLocation', dest.account, GLOBAL_REGION, destName)
            : undefined;
          report({
            ...base,
            status: 'unknown',
            severity: isData ? 'high' : 'medium',
            message: `${what} in inside account ${destAccount}, but the destination's region is unknown (${gap ? failed(gap) : dest ? 'no location in the snapshot' : 'the snapshot does not hold the bucket'}).`,
            evidence: [...base.evidence, ...(gap ? [gapEvidence(gap)] : [])],
          });
        }
      }
    }
  },
});
