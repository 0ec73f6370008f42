import type { RuleCase } from '../../test/support/cases.js';
import { estate } from '../../test/support/estate.js';

const PARTNER = '222222222222';
const STRANGER = '999999999999';
const partner = [{ name: 'partner', role: 'partner' as const, accounts: [PARTNER] }];
const peering = (account: string, status = 'active') =>
  estate()
    .vpc('vpc-0a1b2c3d4e5f60718')
    .peering('pcx-0123456789abcdef0', {
      requester: { vpc: 'vpc-0a1b2c3d4e5f60718', account: '111111111111' },
      accepter: { vpc: 'vpc-0f0e0d0c0b0a09080', account },
      status,
    });
const PCX = 'arn:aws:ec2:eu-west-1:111111111111:vpc-peering-connection/pcx-0123456789abcdef0';

export default [
  {
    name: 'an active peering with an undeclared account: high',
    estate: peering(STRANGER),
    expect: [
      {
        resource: PCX,
        severity: 'high',
        message:
          'VPC peering pcx-0123456789abcdef0 (vpc-0a1b2c3d4e5f60718 ↔ vpc-0f0e0d0c0b0a09080) links 111111111111 to account 999999999999 (undeclared), active.',
      },
    ],
  },
  {
    name: 'a peering with a declared partner: medium',
    estate: peering(PARTNER),
    boundary: { parties: partner },
    expect: [{ resource: PCX, severity: 'medium', message: '(partner), active' }],
  },
  {
    name: 'a pending peering is a link too',
    estate: peering(STRANGER, 'pending-acceptance'),
    expect: [{ resource: PCX, message: 'pending-acceptance' }],
  },
  {
    name: 'a deleted peering, and a peering between inside accounts: pass',
    estate: peering(STRANGER, 'deleted'),
    expect: [],
  },
  {
    name: 'an outside VPC attached to the boundary’s transit gateway',
    estate: estate()
      .transitGateway('tgw-0123456789abcdef0')
      .tgwAttachment('tgw-attach-0123456789abcdef0', {
        tgw: 'tgw-0123456789abcdef0',
        tgwOwner: '111111111111',
        resourceOwner: STRANGER,
        resourceId: 'vpc-0f0e0d0c0b0a09080',
        account: '111111111111',
      }),
    expect: [
      {
        resource:
          'arn:aws:ec2:eu-west-1:111111111111:transit-gateway-attachment/tgw-attach-0123456789abcdef0',
        severity: 'high',
        message: 'links 111111111111 to account 999999999999 (undeclared)',
      },
    ],
  },
] satisfies RuleCase[];
