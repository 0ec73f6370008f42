import { describe, expect, it } from 'vitest';
import { type CostInput, crossAzPerProducedByte, monthly } from '../src/topology/cost.js';

const AZS = ['euw1-az1', 'euw1-az2', 'euw1-az3'];
/** G consumer groups, each with one member in every AZ; producers spread evenly. */
const spread = (
  kind: CostInput['kind'],
  groups: number,
  o: Partial<CostInput> = {},
): CostInput => ({
  kind,
  brokerAzs: AZS,
  replicationFactor: 3,
  producers: AZS.map((azId) => ({ azId, share: 1 })),
  consumerGroups: Array.from({ length: groups }, () => ({ azIds: AZS })),
  rackAwareFetch: false,
  zoneRouting: false,
  ...o,
});

describe('cross-AZ bytes per produced byte (closed forms)', () => {
  it.each([0, 1, 2, 5])('Kafka, 3 AZs, RF=3, %i groups, leader fetching: 2/3 + 2 + 2G/3', (g) => {
    const c = crossAzPerProducedByte(spread('kafka', g));
    expect(c.produce).toBeCloseTo(2 / 3, 10);
    expect(c.replicate).toBe(2);
    expect(c.consume).toBeCloseTo((2 * g) / 3, 10);
    expect(c.total).toBeCloseTo(2 / 3 + 2 + (2 * g) / 3, 10);
  });
  it.each([1, 3])('Kafka with rack-aware fetching, %i groups: 2/3 + 2', (g) => {
    expect(crossAzPerProducedByte(spread('kafka', g, { rackAwareFetch: true })).total).toBeCloseTo(
      2 / 3 + 2,
      10,
    );
  });
  it('AutoMQ with zone routing: no bulk cross-AZ bytes', () => {
    expect(crossAzPerProducedByte(spread('automq', 3, { zoneRouting: true })).total).toBe(0);
  });
  it('AutoMQ without zone routing: produce and consume cross, no replication', () => {
    const c = crossAzPerProducedByte(spread('automq', 1));
    expect(c.replicate).toBe(0);
    expect(c.total).toBeCloseTo(4 / 3, 10);
  });
  it('MSK: replication is not charged, client traffic is', () => {
    const c = crossAzPerProducedByte(spread('msk', 2));
    expect(c.total).toBeCloseTo(2 / 3 + 2 + 4 / 3, 10);
    expect(c.charged).toBeCloseTo(2 / 3 + 4 / 3, 10);
  });
  it('one AZ: nothing crosses', () => {
    expect(
      crossAzPerProducedByte(
        spread('kafka', 2, {
          brokerAzs: ['euw1-az1', 'euw1-az1', 'euw1-az1'],
          producers: [{ azId: 'euw1-az1', share: 1 }],
          consumerGroups: [{ azIds: ['euw1-az1'] }],
        }),
      ).total,
    ).toBe(0);
  });
  it('RF above the AZ count: the extra replica lands in the leader’s AZ', () => {
    const c = crossAzPerProducedByte(
      spread('kafka', 0, { brokerAzs: ['a', 'b', 'a', 'b'], replicationFactor: 3 }),
    );
    expect(c.replicate).toBe(1);
  });
  it('rack-aware fetching per member (KIP-392): one member of three from leaders, 2/9', () => {
    const c = crossAzPerProducedByte(
      spread('kafka', 0, { consumerGroups: [{ azIds: AZS, rackAware: [true, true, false] }] }),
    );
    expect(c.consume).toBeCloseTo(2 / 9, 10);
  });
  it('a member without a flag in the per-member list fetches from leaders', () => {
    const c = crossAzPerProducedByte(
      spread('kafka', 0, { consumerGroups: [{ azIds: AZS, rackAware: [true] }] }),
    );
    expect(c.consume).toBeCloseTo(4 / 9, 10);
  });
  it('members weighted by their part of the reads: 3 of 4 from leaders, 2/3 of it across', () => {
    const c = crossAzPerProducedByte(
      spread('kafka', 0, {
        consumerGroups: [{ azIds: AZS.slice(0, 2), rackAware: [true, false], weights: [1, 3] }],
      }),
    );
    expect(c.consume).toBeCloseTo(1 / 2, 10);
  });
  it('weights that do not match the members count as equal parts', () => {
    const c = crossAzPerProducedByte(
      spread('kafka', 0, {
        consumerGroups: [{ azIds: AZS.slice(0, 2), rackAware: [true, false], weights: [1] }],
      }),
    );
    expect(c.consume).toBeCloseTo(1 / 3, 10);
  });
  it('a group reading half the records pulls half the bytes', () => {
    const c = crossAzPerProducedByte(
      spread('kafka', 0, { consumerGroups: [{ azIds: AZS, share: 0.5 }] }),
    );
    expect(c.consume).toBeCloseTo(1 / 3, 10);
  });
  it('AutoMQ zone routing per client: a client that does not take part talks to the leaders', () => {
    const c = crossAzPerProducedByte(
      spread('automq', 0, {
        zoneRouting: true,
        producers: AZS.map((azId, i) => ({ azId, share: 1, routed: i !== 1 })),
        consumerGroups: [{ azIds: AZS, routed: [true, true, false] }],
      }),
    );
    expect(c.produce).toBeCloseTo(2 / 9, 10);
    expect(c.consume).toBeCloseTo(2 / 9, 10);
    expect(c.replicate).toBe(0);
  });
  it('a producer in an AZ with no broker always crosses', () => {
    const c = crossAzPerProducedByte(
      spread('kafka', 0, { producers: [{ azId: 'euw1-az9', share: 1 }] }),
    );
    expect(c.produce).toBe(1);
  });
});

describe('monthly', () => {
  it('10 MB/s at 2 cross-AZ bytes per byte: GB and $ at $0.01/GB each way', () => {
    const m = monthly({ produce: 0, replicate: 2, consume: 0, total: 2, charged: 2 }, 10);
    expect(m.gbPerMonth).toBeCloseTo(52_560, 6);
    expect(m.usdPerMonth).toBeCloseTo(1051.2, 6);
  });
});
