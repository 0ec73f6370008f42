import { z } from 'zod';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const CATEGORIES = [
  'data-boundary',
  'network-path',
  'access',
  'evidence',
  'operations',
  'cost',
  'elasticity',
] as const;
export const STATUSES = ['open', 'suppressed', 'unknown'] as const;

export const Severity = z.enum(SEVERITIES);
export const Category = z.enum(CATEGORIES);
export type Severity = z.infer<typeof Severity>;
export type Category = z.infer<typeof Category>;

/** Lower is more severe. */
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

const Location = {
  account: z.string().optional().describe('12-digit AWS account id'),
  region: z.string().optional(),
  azId: z.string().optional().describe('availability zone id (never the AZ name)'),
  owner: z.string().optional().describe('inside, a declared party name, or undeclared'),
};

export const Hop = z.strictObject({
  node: z.string().describe('graph node key: an ARN or a stable synthetic key'),
  kind: z.string(),
  ...Location,
});

export const Evidence = z.strictObject({
  file: z.string().describe('snapshot file, relative to the snapshot root'),
  pointer: z.string().describe('RFC 6901 JSON pointer inside that file'),
  docPointer: z
    .string()
    .optional()
    .describe('JSON pointer inside the policy document that the file holds as a string'),
  excerpt: z.unknown().describe('the JSON value at that pointer (truncated when large)'),
});

export const Finding = z.strictObject({
  id: z.string().describe('stable fingerprint of rule id, resource and path'),
  ruleId: z.string(),
  category: Category,
  severity: Severity,
  status: z.enum(STATUSES),
  title: z.string(),
  message: z.string(),
  resource: z.strictObject({ arn: z.string(), ...Location }),
  path: z.array(Hop).optional(),
  evidence: z.array(Evidence),
  remediation: z.string(),
  suppression: z.strictObject({ reason: z.string(), expires: z.string().optional() }).optional(),
});

export const FindingsReport = z.strictObject({
  format: z.literal('ownmap-findings/1'),
  tool: z.strictObject({ name: z.literal('ownmap'), version: z.string() }),
  snapshot: z.strictObject({
    layout: z.enum(['ownmap', 'cloudmapper']),
    createdAt: z.string().optional(),
    accounts: z.array(z.string()),
    regions: z.array(z.string()),
  }),
  boundary: z.strictObject({ name: z.string() }),
  pack: z.string(),
  summary: z.strictObject({
    total: z.number().int(),
    open: z.number().int(),
    suppressed: z.number().int(),
    unknown: z.number().int(),
    bySeverity: z.strictObject(
      Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int()])) as Record<
        Severity,
        z.ZodNumber
      >,
    ),
    rulesRun: z.number().int(),
    ruleErrors: z.number().int(),
  }),
  findings: z.array(Finding),
  errors: z.array(z.strictObject({ ruleId: z.string(), message: z.string() })),
  gaps: z.array(
    z.strictObject({
      account: z.string(),
      region: z.string(),
      service: z.string(),
      operation: z.string(),
      param: z.string().optional(),
      code: z.string(),
      message: z.string(),
    }),
  ),
  diagnostics: z.array(
    z.strictObject({
      level: z.enum(['warning', 'info']),
      code: z.string(),
      message: z.string(),
      file: z.string().optional(),
    }),
  ),
});

export type Finding = z.infer<typeof Finding>;
export type FindingsReport = z.infer<typeof FindingsReport>;
export type Hop = z.infer<typeof Hop>;
export type Evidence = z.infer<typeof Evidence>;
