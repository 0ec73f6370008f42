import { reportCrossings } from '../../src/paths/crossings.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'path-crosses-account',
  title: 'A client or broker path crosses an account',
  category: 'network-path',
  severity: 'high',
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
    'A path through another account’s network (a peering, a shared transit gateway, a vendor VPC) puts records on a network that account controls. Inside the boundary that is a design choice to know; across the boundary it is a data path to an outside party.',
  remediation:
    'Keep client and broker paths within the boundary’s accounts, or declare the other account as a party and hold its routes and security groups to the addresses it needs.',
  references: ['https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html'],
  check(ctx) {
    reportCrossings(ctx, 'account');
  },
});
