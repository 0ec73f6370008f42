import { dataHiddenByGap } from '../../src/graph/data.js';
import { defineRule } from '../../src/rules/define.js';
import { gapResource } from '../../src/rules/engine.js';

export default defineRule({
  id: 'data-in-outside-account',
  title: 'A data-bearing resource sits in an account outside the boundary',
  category: 'data-boundary',
  severity: 'high',
  needs: ['s3:ListAllMyBuckets', 'kms:ListKeys', 'kms:ListAliases', 'kafka:ListClustersV2'],
  handlesGaps: true,
  rationale:
    'Whoever owns the account that holds a bucket, key or cluster can read, delete or lock away its records whatever the bucket or key policy says today. Data-bearing resources belong in accounts inside the boundary.',
  remediation:
    'Move the data (or the key) into an account inside the boundary, or, if the owner really is part of your organisation, list the account or its organization under inside in the boundary file.',
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies-cross-account-resource-access.html',
  ],
  check({ boundary, data, lookup, owners, inventory, report }) {
    const describe = (account: string) => {
      const o = owners.of(account);
      return o.kind === 'party' ? `${o.name} (${o.role})` : 'an undeclared owner';
    };
    for (const [name, reasons] of data.buckets) {
      const b = lookup.bucketByName.get(name);
      if (!b) {
        // Named by the boundary (a cluster's bucket), listed by no scanned account.
        report({
          resource: { arn: `arn:aws:s3:::${name}` },
          status: 'unknown',
          message: `Data bucket ${name} (${reasons[0]}) is not in any scanned account's bucket list, so its owner cannot be proven.`,
          evidence: [{ src: { file: 'manifest.json', pointer: '/accounts' } }],
        });
        continue;
      }
      if (owners.isInside(b.account)) continue;
      report({
        resource: { arn: b.arn, account: b.account, ...(b.region ? { region: b.region } : {}) },
        message: `Data bucket ${name} (${reasons[0]}) is owned by account ${b.account}, which belongs to ${describe(b.account)}.`,
        evidence: [{ src: b.src }],
      });
    }
    for (const [, k] of data.keys) {
      const account = k.ref.key?.account ?? k.ref.account;
      if (owners.isInside(account)) continue;
      const use = inventory.buckets.find((b) => b.encryption?.kmsKeyId === k.ref.ref);
      report({
        resource: {
          arn: k.ref.key?.arn ?? k.ref.ref,
          account,
          region: k.ref.key?.region ?? k.ref.region,
        },
        message: `Data key ${k.ref.key?.aliases[0] ?? k.ref.ref} (${k.reasons[0]}) is in account ${account}, which belongs to ${describe(account)}: that owner can decrypt or disable the records it protects.`,
        evidence: [
          {
            src: k.ref.key?.src ??
              use?.encryption?.src ??
              use?.src ?? { file: 'manifest.json', pointer: '' },
          },
        ],
      });
    }
    for (const c of inventory.mskClusters) {
      if (!data.clusters.has(c.arn) || owners.isInside(c.account)) continue;
      report({
        resource: { arn: c.arn, account: c.account, region: c.region },
        message: `MSK cluster ${c.name} runs in account ${c.account}, which belongs to ${describe(c.account)}.`,
        evidence: [{ src: c.src }],
      });
    }

    // Listings that failed in an outside account may hide a data resource there.
    for (const g of inventory.gaps) {
      if (owners.isInside(g.account)) continue;
      const hidden = dataHiddenByGap(g, boundary)?.what;
      if (!hidden) continue;
      report({
        resource: { arn: gapResource(g), account: g.account, region: g.region },
        status: 'unknown',
        key: `gap:${g.service}:${g.operation}`,
        message: `Could not check: ${g.service} ${g.operation} failed in ${g.account}/${g.region} (${g.code}), an account of ${describe(g.account)}, and ${hidden} may be there.`,
        evidence: [
          { src: { file: 'manifest.json', pointer: `/gaps/${inventory.gaps.indexOf(g)}` } },
        ],
      });
    }
  },
});
