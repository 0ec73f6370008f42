import { reportCrossings } from '../../src/paths/crossings.js';
import { PATH_NEEDS } from '../../src/paths/report.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'path-crosses-az',
  title: 'A client or broker path crosses an availability zone',
  category: 'cost',
  severity: 'low',
  needs: [...PATH_NEEDS],
  rationale:
    'Inter-AZ traffic is charged in each direction; a client that reaches brokers in other AZs, or a broker whose bucket or key traffic crosses an AZ (a NAT gateway or endpoint interface elsewhere), pays for it on every byte. AZ ids, not names, decide.',
  remediation:
    'Keep clients close to their leaders (client.rack with rack-aware fetching, or AutoMQ zone routing), and give each broker AZ its own NAT gateway and endpoint interfaces.',
  references: [
    'https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region',
    'https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html',
  ],
  check(ctx) {
    reportCrossings(ctx, 'az');
  },
});
