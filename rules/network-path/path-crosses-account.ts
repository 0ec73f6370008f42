import { reportCrossings } from '../../src/paths/crossings.js';
import { PATH_NEEDS } from '../../src/paths/report.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'path-crosses-account',
  title: 'A client or broker path crosses an account',
  category: 'network-path',
  severity: 'high',
  needs: [...PATH_NEEDS],
  rationale:
    'A path through another account’s network (a peering, a shared transit gateway, a vendor VPC) puts records on a network that account controls. Inside the boundary that is a design choice to know; across the boundary it is a data path to an outside party.',
  remediation:
    'Keep client and broker paths within the boundary’s accounts, or declare the other account as a party and hold its routes and security groups to the addresses it needs.',
  references: ['https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html'],
  check(ctx) {
    reportCrossings(ctx, 'account');
  },
});
