import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'network-link-to-outside-account',
  title: 'A peering or transit gateway link joins the network to an account outside the boundary',
  category: 'network-path',
  severity: 'high',
  needs: [
    'ec2:DescribeVpcPeeringConnections',
    'ec2:DescribeTransitGatewayAttachments',
    'ec2:DescribeTransitGatewayPeeringAttachments',
  ],
  rationale:
    'A VPC peering, a transit gateway attachment or a transit gateway peering with an account outside the boundary is a packet path into the network that carries brokers and clients. Routes and security groups decide what crosses it today; the link decides that something can.',
  remediation:
    'Remove the link, or declare its owner as a party in the boundary file and keep routes and security groups on both sides to the addresses the party needs. Prefer PrivateLink, which exposes one service, to a network-wide link.',
  references: [
    'https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html',
    'https://docs.aws.amazon.com/vpc/latest/tgw/tgw-transit-gateways.html',
  ],
  check(ctx) {
    const net = ctx.paths().network;
    const link = (
      arn: string,
      region: string | undefined,
      insideAccount: string,
      other: string,
      what: string,
      state: string,
      src: { file: string; pointer: string },
    ) => {
      const owner = ctx.owners.of(other);
      ctx.report({
        resource: { arn, account: insideAccount, ...(region ? { region } : {}) },
        key: other,
        severity: owner.kind === 'party' ? 'medium' : 'high',
        message: `${what} links ${insideAccount} to account ${other} (${owner.kind === 'party' ? owner.name : 'undeclared'}), ${state}.`,
        evidence: [{ src }],
      });
    };
    for (const p of [...net.peerings.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (['deleted', 'rejected', 'failed', 'expired'].includes(p.status ?? '')) continue;
      const [a, b] = [p.requester, p.accepter];
      for (const [mine, theirs] of [
        [a, b],
        [b, a],
      ] as const) {
        if (!mine.account || !theirs.account || !ctx.owners.isInside(mine.account)) continue;
        if (ctx.owners.isInside(theirs.account)) continue;
        link(
          `arn:aws:ec2:${mine.region ?? ''}:${mine.account}:vpc-peering-connection/${p.id}`,
          mine.region,
          mine.account,
          theirs.account,
          `VPC peering ${p.id} (${mine.vpcId} ↔ ${theirs.vpcId}${theirs.region && theirs.region !== mine.region ? `, ${theirs.region}` : ''})`,
          p.status ?? 'state unknown',
          p.src,
        );
        break;
      }
    }
    for (const a of [...net.tgwAttachments.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
      if (a.resourceType !== 'vpc') continue;
      const tgwOwner = a.tgwAccount ?? net.tgws.get(a.tgwId ?? '')?.account;
      if (!tgwOwner || !a.resourceOwner || tgwOwner === a.resourceOwner) continue;
      const [mine, theirs] = ctx.owners.isInside(tgwOwner)
        ? [tgwOwner, a.resourceOwner]
        : [a.resourceOwner, tgwOwner];
      if (!ctx.owners.isInside(mine) || ctx.owners.isInside(theirs)) continue;
      link(
        `arn:aws:ec2:${a.region}:${tgwOwner}:transit-gateway-attachment/${a.id}`,
        a.region,
        mine,
        theirs,
        `Transit gateway attachment ${a.id} (${a.resourceId} on ${a.tgwId})`,
        a.available ? 'available' : 'not available (pending or rejected)',
        a.src,
      );
    }
    for (const p of [...net.tgwPeerings.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
      const [a, b] = p.sides;
      for (const [mine, theirs] of [
        [a, b],
        [b, a],
      ] as const) {
        if (!mine?.account || !theirs?.account || !ctx.owners.isInside(mine.account)) continue;
        if (ctx.owners.isInside(theirs.account)) continue;
        link(
          `arn:aws:ec2:${mine.region ?? ''}:${mine.account}:transit-gateway-attachment/${p.id}`,
          mine.region,
          mine.account,
          theirs.account,
          `Transit gateway peering ${p.id} (${mine.tgwId} ↔ ${theirs.tgwId}${theirs.region ? ` in ${theirs.region}` : ''})`,
          p.available ? 'available' : 'not available',
          p.src,
        );
        break;
      }
    }
  },
});
