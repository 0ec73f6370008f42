import type { AccountRef } from '../../src/graph/references.js';
import { defineRule } from '../../src/rules/define.js';

const MAX_EVIDENCE = 20;

export default defineRule({
  id: 'undeclared-account',
  title: 'An account is referenced that is neither inside the boundary nor a declared party',
  category: 'access',
  severity: 'high',
  // The listings too: a failed list-buckets (list-keys, ...) hides every policy behind it.
  needs: [
    's3:ListAllMyBuckets',
    's3:GetBucketPolicy',
    's3:GetReplicationConfiguration',
    'kms:ListKeys',
    'kms:GetKeyPolicy',
    'kms:ListGrants',
    'kafka:ListClustersV2',
    'kafka:GetClusterPolicy',
    'kafka:ListReplicators',
    'kafka:DescribeReplicator',
    'iam:ListRoles',
    'ec2:DescribeVpcPeeringConnections',
    'ec2:DescribeTransitGatewayAttachments',
    'ec2:DescribeTransitGatewayPeeringAttachments',
    'ec2:DescribeVpcEndpoints',
  ],
  rationale:
    'Every account that a policy, grant, replication rule, peering or transit gateway attachment names can reach your data or network. An account nobody declared is either a forgotten grant or an unknown party: both must be answered before the map can be trusted.',
  remediation:
    'Find out who owns the account. Remove the reference if it is stale; otherwise add the account under inside or as a party (vendor, support or partner) in the boundary file.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-resources.html'],
  check({ accountRefs, owners, report }) {
    const byAccount = new Map<string, AccountRef[]>();
    for (const r of accountRefs) {
      if (owners.of(r.account).kind !== 'undeclared') continue;
      const list = byAccount.get(r.account) ?? [];
      list.push(r);
      byAccount.set(r.account, list);
    }
    for (const [account, refs] of byAccount) {
      const where = [...new Set(refs.map((r) => `${r.what} of ${r.resource}`))];
      report({
        resource: { arn: `arn:aws:iam::${account}:root`, account },
        message: `Account ${account} is named in ${where.length} place${where.length === 1 ? '' : 's'} (${where.slice(0, 3).join('; ')}${where.length > 3 ? '; …' : ''}) but is neither inside the boundary nor a declared party.`,
        evidence: refs
          .slice(0, MAX_EVIDENCE)
          .map((r) => ({ src: r.src, ...(r.docPointer ? { docPointer: r.docPointer } : {}) })),
      });
    }
  },
});
