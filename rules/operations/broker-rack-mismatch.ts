import { brokerArn } from '../../src/paths/flows.js';
import { defineRule } from '../../src/rules/define.js';

export default defineRule({
  id: 'broker-rack-mismatch',
  title: 'A broker’s broker.rack disagrees with the AZ it runs in',
  category: 'operations',
  severity: 'medium',
  needs: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'ec2:DescribeAvailabilityZones'],
  rationale:
    'Kafka places replicas across racks and, with rack-aware fetching, serves consumers from the replica in their rack. A broker.rack that is not the AZ the broker really runs in puts two replicas in one AZ (an AZ failure loses both) and sends consumers across AZs while claiming they stay local. AZ ids, not names, must be the racks: names map to different zones in different accounts.',
  remediation:
    'Set broker.rack to the AZ id of the broker’s subnet (for example euw1-az2), on every broker, and client.rack to the AZ id of each client.',
  references: [
    'https://kafka.apache.org/documentation/#brokerconfigs_broker.rack',
    'https://docs.aws.amazon.com/ram/latest/userguide/working-with-az-ids.html',
  ],
  check(ctx) {
    const { brokers, unplaced } = ctx.paths();
    for (const b of brokers) {
      const rack = b.config?.rack;
      if (!rack || !b.eni.azId || rack === b.eni.azId) continue;
      const line = b.config!.props.byKey.get('broker.rack')?.line;
      const resource = {
        arn: brokerArn(b),
        account: b.eni.account,
        region: b.eni.region,
        azId: b.eni.azId,
      };
      const evidence = [
        { src: { file: b.config!.file, pointer: `/broker.rack${line ? `@${line}` : ''}` } },
        { src: b.eni.src },
      ];
      // An AZ name that this account maps to the broker's zone: right today, wrong elsewhere.
      const zoneOfName = ctx.inventory.azIds.get(`${b.eni.account}|${b.eni.region}|${rack}`);
      if (zoneOfName === b.eni.azId) {
        ctx.report({
          resource,
          severity: 'low',
          message: `Broker ${b.id} of ${b.cluster} sets broker.rack=${rack}, an AZ name: it is ${b.eni.azId} in account ${b.eni.account}, but the same name is another zone in other accounts, so clients that name their rack elsewhere disagree. Use the AZ id ${b.eni.azId}.`,
          evidence,
        });
        continue;
      }
      ctx.report({
        resource,
        message: `Broker ${b.id} of ${b.cluster} sets broker.rack=${rack} in ${b.config!.file}, but runs in ${b.eni.azId} (${b.eni.id}, subnet ${b.eni.subnetId}): replicas and rack-aware fetching follow the wrong AZ.`,
        evidence,
      });
    }
    for (const u of unplaced) {
      ctx.report({
        resource: { arn: `config:${u.cluster}/${u.config.file}` },
        status: 'unknown',
        message: `Node ${u.config.nodeId ?? '?'} of ${u.cluster} (${u.config.file}) cannot be placed, so its rack cannot be checked: ${u.reason}.`,
        evidence: [{ src: { file: u.config.file, pointer: '/listeners' } }],
      });
    }
  },
});
