import { reportCrossings } from '../../src/paths/crossings.js';
import { PATH_NEEDS } from '../../src/paths/report.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'path-crosses-region',
  title: 'A client or broker path crosses a region',
  category: 'network-path',
  severity: 'medium',
  needs: [...PATH_NEEDS],
  rationale:
    'A packet path that leaves its region carries records into another jurisdiction and pays inter-region transfer on every byte; for a broker it also ties the cluster to the other region’s availability.',
  remediation:
    'Keep brokers, their buckets and keys, and their clients in one region; replicate across regions deliberately (MirrorMaker 2, MSK Replicator) where a second region is needed.',
  references: ['https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer'],
  check(ctx) {
    reportCrossings(ctx, 'region');
  },
});
