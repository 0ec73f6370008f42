import { reportCrossings } from '../../src/paths/crossings.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'path-crosses-region',
  title: 'A client or broker path crosses a region',
  category: 'network-path',
  severity: 'medium',
  needs: [
    'ec2:DescribeRouteTables',
    'ec2:DescribeSubnets',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeInstances',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeNetworkAcls',
    'ec2:DescribeNatGateways',
    'ec2:DescribeInternetGateways',
    'ec2:DescribeVpcEndpoints',
    'ec2:DescribePrefixLists',
    'ec2:DescribeVpcPeeringConnections',
    'ec2:DescribeTransitGatewayAttachments',
    'ec2:SearchTransitGatewayRoutes',
  ],
  rationale:
    'A packet path that leaves its region carries records into another jurisdiction and pays inter-region transfer on every byte; for a broker it also ties the cluster to the other region’s availability.',
  remediation:
    'Keep brokers, their buckets and keys, and their clients in one region; replicate across regions deliberately (MirrorMaker 2, MSK Replicator) where a second region is needed.',
  references: ['https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer'],
  check(ctx) {
    reportCrossings(ctx, 'region');
  },
});
