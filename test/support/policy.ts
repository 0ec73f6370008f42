import type { PolicyResolver } from '../../src/policy/access.js';

/** The boundary of the policy tests: 111 inside (in o-inside1234), 222 a declared vendor. */
export const INSIDE = '111111111111';
export const VENDOR = '222222222222';
export const STRANGER = '333333333333';
export const ORG = 'o-inside1234';
export const BUCKET = 'arn:aws:s3:::acme-data';
export const KEY = `arn:aws:kms:eu-west-1:${INSIDE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const owners: Record<string, ReturnType<PolicyResolver['ownerOf']>> = {
  [INSIDE]: { kind: 'inside', name: 'inside' },
  [VENDOR]: { kind: 'party', name: 'Vendor' },
};
const endpoints: Record<string, { account: string; vpcId: string }> = {
  'vpce-inside': { account: INSIDE, vpcId: 'vpc-inside' },
  'vpce-vendor': { account: VENDOR, vpcId: 'vpc-vendor' },
};

/** Endpoints and VPCs: vpce-inside/vpc-inside owned inside, vpce-vendor/vpc-vendor by the vendor. */
export const resolver: PolicyResolver = {
  ownerOf: (a) => owners[a] ?? { kind: 'undeclared', name: 'undeclared' },
  orgOf: (a) => (a === INSIDE ? ORG : undefined),
  partyAccounts: () => [VENDOR],
  endpoint: (id) => endpoints[id],
  vpc: (id) => Object.values(endpoints).find((e) => e.vpcId === id),
  insideOrganizations: () => [ORG],
};
