import { z } from 'zod';

export const SNAPSHOT_FORMAT = 'ownmap-snapshot/1';

export const GapSchema = z.strictObject({
  account: z.string(),
  region: z.string(),
  service: z.string(),
  operation: z.string(),
  param: z.string().optional(),
  code: z.string(),
  message: z.string().default(''),
});

export const ManifestSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  createdAt: z.string().optional(),
  tool: z.strictObject({ name: z.string(), version: z.string() }).optional(),
  accounts: z.array(z.strictObject({ id: z.string(), name: z.string().optional() })).default([]),
  regions: z.array(z.string()).default([]),
  gaps: z.array(GapSchema).default([]),
});

export type Gap = z.output<typeof GapSchema>;
export type Manifest = z.output<typeof ManifestSchema>;
