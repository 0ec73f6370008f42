import {
  describePath,
  groupFlows,
  PATH_NEEDS,
  pathEvidence,
  pathOf,
} from '../../src/paths/report.js';
import { defineRule } from '../../src/rules/define.js';

const PUBLIC_HOPS = new Set(['nat-gateway', 'internet-gateway']);

export default defineRule({
  id: 'data-traffic-off-private-path',
  title: 'Broker traffic to a data bucket or key leaves the private path',
  category: 'network-path',
  severity: 'medium',
  needs: [...PATH_NEEDS],
  rationale:
    'Brokers write every record to their buckets and ask KMS for every data key. Through a NAT or internet gateway that traffic takes the public endpoints: it pays NAT processing per gigabyte, depends on the gateway AZ, and cannot be held by an aws:SourceVpce bucket policy. A gateway endpoint for S3 and an interface endpoint for KMS keep it on the private path.',
  remediation:
    'Add an S3 gateway endpoint to the route tables of the broker subnets (and a KMS interface endpoint with private DNS in each broker AZ); then hold the bucket policy to that endpoint with aws:SourceVpce.',
  references: [
    'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html',
    'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-pricing.html',
  ],
  check(ctx) {
    const flows = ctx
      .paths()
      .flows.filter(
        (f) =>
          (f.kind === 'broker-to-bucket' || f.kind === 'broker-to-key') &&
          f.result.disposition === 'delivered' &&
          f.result.hops.some((h) => PUBLIC_HOPS.has(h.kind)),
      );
    const totals = new Map<string, number>();
    for (const f of ctx.paths().flows) {
      const k = `${f.subject.arn}|${f.cluster}|${f.kind}`;
      totals.set(k, (totals.get(k) ?? 0) + 1);
    }
    // Paths that stopped for lack of data may be either: unknown, never a pass.
    const incomplete = ctx
      .paths()
      .flows.filter(
        (f) =>
          (f.kind === 'broker-to-bucket' || f.kind === 'broker-to-key') &&
          f.result.disposition !== 'delivered' &&
          f.result.incomplete,
      );
    for (const [, group] of groupFlows(incomplete, (f) => `${f.subject.arn}|${f.cluster}`)) {
      const first = group[0]!;
      ctx.report({
        resource: {
          arn: first.subject.arn,
          ...(first.subject.account ? { account: first.subject.account } : {}),
          ...(first.subject.region ? { region: first.subject.region } : {}),
        },
        key: `incomplete:${first.cluster}`,
        status: 'unknown',
        message: `The path of ${group.length} brokers of ${first.cluster} to ${first.subject.label} could not be followed: ${first.result.blockedBy?.rule ?? first.result.unchecked.join('; ')}.`,
        path: pathOf(first.result),
        evidence: pathEvidence(first.result),
      });
    }
    for (const [, group] of groupFlows(flows, (f) => `${f.subject.arn}|${f.cluster}`)) {
      const first = group[0]!;
      const all = {
        length: totals.get(`${first.subject.arn}|${first.cluster}|${first.kind}`) ?? group.length,
      };
      const gateways = [
        ...new Set(
          group.flatMap((f) =>
            f.result.hops.filter((h) => PUBLIC_HOPS.has(h.kind)).map((h) => h.node),
          ),
        ),
      ].sort();
      const what = first.kind === 'broker-to-bucket' ? 'data bucket' : 'data key';
      ctx.report({
        resource: {
          arn: first.subject.arn,
          ...(first.subject.account ? { account: first.subject.account } : {}),
          ...(first.subject.region ? { region: first.subject.region } : {}),
        },
        key: first.cluster,
        message: `${group.length} of ${all.length} brokers of ${first.cluster} reach ${what} ${first.subject.label} through ${gateways.join(', ')} instead of a VPC endpoint, e.g. ${describePath(first.result)}.`,
        path: pathOf(first.result),
        evidence: pathEvidence(first.result),
      });
    }
  },
});
