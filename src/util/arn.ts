export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  return {
    partition: parts[1]!,
    service: parts[2]!,
    region: parts[3]!,
    account: parts[4]!,
    resource: parts.slice(5).join(':'),
  };
}

/** The 12-digit account in an ARN, if it names one. */
export function accountOfArn(arn: string | undefined): string | undefined {
  if (!arn) return undefined;
  const acct = parseArn(arn)?.account;
  return acct && /^\d{12}$/.test(acct) ? acct : undefined;
}

/** `arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/*` → bucket. */
export function bucketOfArn(arn: string): string | undefined {
  const m = arn.match(/^arn:aws[a-z-]*:s3:::([^/]+)/);
  return m?.[1];
}
