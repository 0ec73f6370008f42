// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written ${...} in plain strings
import { describe, expect, it } from 'vitest';
import {
  baseOperator,
  type ConditionContext,
  type ContextValue,
  evalCondition,
  evalConditionBlock,
  isKnownOperator,
  type Tri,
} from '../src/policy/conditions.js';

/** Marks a context key whose value ownmap cannot know. */
const U = { unknown: true } as const;
type Entries = Record<string, string | string[] | typeof U>;

/** A request context; keys are stored exactly as written (lowercase), as the caller's map does. */
function context(entries: Entries = {}): ConditionContext {
  return {
    get(key: string): ContextValue {
      if (!Object.hasOwn(entries, key)) return { kind: 'absent' };
      const v = entries[key]!;
      if (v === U) return { kind: 'unknown' };
      return { kind: 'values', values: Array.isArray(v) ? v : [v as string] };
    },
  };
}

interface Case {
  name: string;
  op: string;
  key: string;
  value: unknown;
  ctx: Entries;
  want: Tri;
  vars?: Record<string, string>;
}

const c = (
  name: string,
  op: string,
  key: string,
  value: unknown,
  ctx: Entries,
  want: Tri,
  vars?: Record<string, string>,
): Case => ({ name, op, key, value, ctx, want, ...(vars ? { vars } : {}) });

const run = ({ op, key, value, ctx, vars }: Case): Tri =>
  evalCondition(op, key, value, context(ctx), vars ? (n) => vars[n] : undefined);

// "IAM JSON policy elements: Condition operators": string, numeric, date, Bool, binary,
// IP address, ARN, ...IfExists and Null operators, and the absent-key rule.
// biome-ignore format: a case table reads best one case a line
const OPERATORS: Case[] = [
  // String condition operators
  c('StringEquals matches exactly', 'StringEquals', 'aws:username', 'johndoe', { 'aws:username': 'johndoe' }, true),
  c('StringEquals is case-sensitive', 'StringEquals', 'aws:username', 'johndoe', { 'aws:username': 'JohnDoe' }, false),
  c('StringEquals with the key absent is false', 'StringEquals', 'aws:username', 'johndoe', {}, false),
  c('StringEquals reads * literally', 'StringEquals', 's3:prefix', '*', { 's3:prefix': 'anything' }, false),
  c('StringEquals matches a literal *', 'StringEquals', 's3:prefix', '*', { 's3:prefix': '*' }, true),
  c('StringEquals takes a JSON number as its string', 'StringEquals', 'aws:principalaccount', 123456789012, { 'aws:principalaccount': '123456789012' }, true),
  c('StringNotEquals with another value is true', 'StringNotEquals', 'aws:username', 'johndoe', { 'aws:username': 'alice' }, true),
  c('StringNotEquals with the same value is false', 'StringNotEquals', 'aws:username', 'johndoe', { 'aws:username': 'johndoe' }, false),
  c('StringNotEquals with the key absent is true', 'StringNotEquals', 'aws:username', 'johndoe', {}, true),
  c('StringEqualsIgnoreCase ignores case', 'StringEqualsIgnoreCase', 'aws:username', 'JOHNDOE', { 'aws:username': 'johndoe' }, true),
  c('StringEqualsIgnoreCase with another value is false', 'StringEqualsIgnoreCase', 'aws:username', 'JOHNDOE', { 'aws:username': 'john' }, false),
  c('StringNotEqualsIgnoreCase with a case-only difference is false', 'StringNotEqualsIgnoreCase', 'aws:username', 'JohnDoe', { 'aws:username': 'johndoe' }, false),
  c('StringNotEqualsIgnoreCase with another value is true', 'StringNotEqualsIgnoreCase', 'aws:username', 'JohnDoe', { 'aws:username': 'alice' }, true),
  c('StringNotEqualsIgnoreCase with the key absent is true', 'StringNotEqualsIgnoreCase', 'aws:username', 'JohnDoe', {}, true),
  c('StringLike * matches a run of characters', 'StringLike', 's3:prefix', 'marketing/*', { 's3:prefix': 'marketing/2024/plan' }, true),
  c('StringLike * matches the empty string', 'StringLike', 's3:prefix', '*', { 's3:prefix': '' }, true),
  c('StringLike ? matches one character', 'StringLike', 's3:prefix', 'file?.txt', { 's3:prefix': 'file1.txt' }, true),
  c('StringLike ? does not match two characters', 'StringLike', 's3:prefix', 'file?.txt', { 's3:prefix': 'file12.txt' }, false),
  c('StringLike ? does not match none', 'StringLike', 's3:prefix', 'file?.txt', { 's3:prefix': 'file.txt' }, false),
  c('StringLike ? matches one code point', 'StringLike', 's3:prefix', 'x?', { 's3:prefix': 'x😀' }, true),
  c('StringLike is case-sensitive', 'StringLike', 's3:prefix', 'Marketing/*', { 's3:prefix': 'marketing/x' }, false),
  c('StringLike with several stars backtracks', 'StringLike', 's3:prefix', 'a*b*c', { 's3:prefix': 'axxbyybzc' }, true),
  c('StringLike with the key absent is false', 'StringLike', 's3:prefix', 'marketing/*', {}, false),
  c('StringNotLike with no match is true', 'StringNotLike', 's3:prefix', 'home/*', { 's3:prefix': 'other/x' }, true),
  c('StringNotLike with a match is false', 'StringNotLike', 's3:prefix', 'home/*', { 's3:prefix': 'home/x' }, false),
  c('StringNotLike with the key absent is true', 'StringNotLike', 's3:prefix', 'home/*', {}, true),
  // Numeric condition operators
  c('NumericEquals equal integers', 'NumericEquals', 's3:max-keys', 10, { 's3:max-keys': '10' }, true),
  c('NumericEquals compares values, not text', 'NumericEquals', 's3:max-keys', '10', { 's3:max-keys': '10.0' }, true),
  c('NumericEquals with the key absent is false', 'NumericEquals', 's3:max-keys', 10, {}, false),
  c('NumericNotEquals with another number is true', 'NumericNotEquals', 's3:max-keys', 10, { 's3:max-keys': '11' }, true),
  c('NumericNotEquals with the same number is false', 'NumericNotEquals', 's3:max-keys', 10, { 's3:max-keys': '10' }, false),
  c('NumericNotEquals with the key absent is true', 'NumericNotEquals', 's3:max-keys', 10, {}, true),
  c('NumericLessThan below', 'NumericLessThan', 'aws:multifactorauthage', 3600, { 'aws:multifactorauthage': '100' }, true),
  c('NumericLessThan at the bound is false', 'NumericLessThan', 'aws:multifactorauthage', 3600, { 'aws:multifactorauthage': '3600' }, false),
  c('NumericLessThan with negative decimals', 'NumericLessThan', 'x:n', '-1.5', { 'x:n': '-2' }, true),
  c('NumericLessThanEquals at the bound', 'NumericLessThanEquals', 'aws:multifactorauthage', '3600', { 'aws:multifactorauthage': '3600' }, true),
  c('NumericGreaterThan above', 'NumericGreaterThan', 's3:max-keys', 10, { 's3:max-keys': '11' }, true),
  c('NumericGreaterThan at the bound is false', 'NumericGreaterThan', 's3:max-keys', 10, { 's3:max-keys': '10' }, false),
  c('NumericGreaterThanEquals at the bound', 'NumericGreaterThanEquals', 's3:max-keys', '10', { 's3:max-keys': '10' }, true),
  c('NumericGreaterThanEquals below is false', 'NumericGreaterThanEquals', 's3:max-keys', 10, { 's3:max-keys': '9.5' }, false),
  // Date condition operators (ISO 8601 and epoch seconds)
  c('DateEquals: ISO policy, epoch request, same instant', 'DateEquals', 'aws:currenttime', '2020-01-01T00:00:00Z', { 'aws:currenttime': '1577836800' }, true),
  c('DateEquals: epoch number policy, ISO request', 'DateEquals', 'aws:epochtime', 1577836800, { 'aws:epochtime': '2020-01-01T00:00:00Z' }, true),
  c('DateEquals: a date alone is midnight UTC', 'DateEquals', 'aws:currenttime', '2020-01-01', { 'aws:currenttime': '2020-01-01T00:00:00Z' }, true),
  c('DateNotEquals with another instant is true', 'DateNotEquals', 'aws:currenttime', '2020-01-01T00:00:00Z', { 'aws:currenttime': '2020-01-02T00:00:00Z' }, true),
  c('DateNotEquals with the key absent is true', 'DateNotEquals', 'aws:currenttime', '2020-01-01T00:00:00Z', {}, true),
  c('DateLessThan before', 'DateLessThan', 'aws:currenttime', '2020-06-30T23:59:59Z', { 'aws:currenttime': '2020-04-01T12:00:00Z' }, true),
  c('DateLessThan after is false', 'DateLessThan', 'aws:currenttime', '2020-06-30T23:59:59Z', { 'aws:currenttime': '2020-07-01T00:00:00Z' }, false),
  c('DateLessThan with the key absent is false', 'DateLessThan', 'aws:currenttime', '2020-06-30T23:59:59Z', {}, false),
  c('DateLessThanEquals at the bound', 'DateLessThanEquals', 'aws:currenttime', '2020-06-30T23:59:59Z', { 'aws:currenttime': '2020-06-30T23:59:59Z' }, true),
  c('DateGreaterThan one second after', 'DateGreaterThan', 'aws:currenttime', '2020-04-01T00:00:00Z', { 'aws:currenttime': '2020-04-01T00:00:01Z' }, true),
  c('DateGreaterThan with fractional seconds', 'DateGreaterThan', 'aws:currenttime', '2020-01-01T00:00:00.500Z', { 'aws:currenttime': '2020-01-01T00:00:00.250Z' }, false),
  c('DateGreaterThan: epoch request against ISO policy', 'DateGreaterThan', 'aws:epochtime', '2020-01-01T00:00:00Z', { 'aws:epochtime': '1700000000' }, true),
  c('DateGreaterThanEquals: offsets name the same instant', 'DateGreaterThanEquals', 'aws:currenttime', '2020-01-01T01:00:00+01:00', { 'aws:currenttime': '2020-01-01T00:00:00Z' }, true),
  // Boolean condition operators
  c('Bool true matches true', 'Bool', 'aws:securetransport', 'true', { 'aws:securetransport': 'true' }, true),
  c('Bool false does not match true', 'Bool', 'aws:securetransport', 'false', { 'aws:securetransport': 'true' }, false),
  c('Bool takes a JSON boolean', 'Bool', 'aws:securetransport', true, { 'aws:securetransport': 'true' }, true),
  c('Bool reads true/false without regard to case', 'Bool', 'aws:securetransport', 'True', { 'aws:securetransport': 'true' }, true),
  c('Bool with the key absent is false', 'Bool', 'aws:securetransport', 'false', {}, false),
  // Binary condition operators
  c('BinaryEquals same bytes', 'BinaryEquals', 'x:bin', 'QmluYXJ5VmFsdWU=', { 'x:bin': 'QmluYXJ5VmFsdWU=' }, true),
  c('BinaryEquals other bytes', 'BinaryEquals', 'x:bin', 'QmluYXJ5VmFsdWU=', { 'x:bin': 'T3RoZXI=' }, false),
  c('BinaryEquals compares bytes, not padding', 'BinaryEquals', 'x:bin', 'QmluYXJ5VmFsdWU', { 'x:bin': 'QmluYXJ5VmFsdWU=' }, true),
  c('BinaryEquals with the key absent is false', 'BinaryEquals', 'x:bin', 'QmluYXJ5VmFsdWU=', {}, false),
  // IP address condition operators
  c('IpAddress inside an IPv4 CIDR', 'IpAddress', 'aws:sourceip', '203.0.113.0/24', { 'aws:sourceip': '203.0.113.7' }, true),
  c('IpAddress outside an IPv4 CIDR', 'IpAddress', 'aws:sourceip', '203.0.113.0/24', { 'aws:sourceip': '203.0.114.7' }, false),
  c('IpAddress with a plain address (a /32)', 'IpAddress', 'aws:sourceip', '203.0.113.7', { 'aws:sourceip': '203.0.113.7' }, true),
  c('IpAddress with a plain address, another request address', 'IpAddress', 'aws:sourceip', '203.0.113.7', { 'aws:sourceip': '203.0.113.8' }, false),
  c('IpAddress 0.0.0.0/0 holds every IPv4 address', 'IpAddress', 'aws:sourceip', '0.0.0.0/0', { 'aws:sourceip': '8.8.8.8' }, true),
  c('IpAddress inside an IPv6 CIDR', 'IpAddress', 'aws:sourceip', '2001:db8::/32', { 'aws:sourceip': '2001:db8:1234::1' }, true),
  c('IpAddress outside an IPv6 CIDR', 'IpAddress', 'aws:sourceip', '2001:db8::/32', { 'aws:sourceip': '2001:db9::1' }, false),
  c('IpAddress: IPv6 spellings of one address are equal', 'IpAddress', 'aws:sourceip', '2001:DB8:0:0::1', { 'aws:sourceip': '2001:db8::1' }, true),
  c('IpAddress: an IPv4-mapped IPv6 request address', 'IpAddress', 'aws:sourceip', '203.0.113.0/24', { 'aws:sourceip': '::ffff:203.0.113.7' }, true),
  c('IpAddress: an IPv6 request against an IPv4 CIDR', 'IpAddress', 'aws:sourceip', '203.0.113.0/24', { 'aws:sourceip': '2001:db8::1' }, false),
  c('IpAddress with the key absent is false', 'IpAddress', 'aws:sourceip', '203.0.113.0/24', {}, false),
  c('NotIpAddress outside is true', 'NotIpAddress', 'aws:sourceip', '203.0.113.0/24', { 'aws:sourceip': '198.51.100.1' }, true),
  c('NotIpAddress inside is false', 'NotIpAddress', 'aws:sourceip', '203.0.113.0/24', { 'aws:sourceip': '203.0.113.9' }, false),
  c('NotIpAddress with the key absent is true', 'NotIpAddress', 'aws:sourceip', '203.0.113.0/24', {}, true),
  // Amazon Resource Name (ARN) condition operators
  c('ArnLike with * in the resource', 'ArnLike', 'aws:principalarn', 'arn:aws:iam::123456789012:role/*', { 'aws:principalarn': 'arn:aws:iam::123456789012:role/admin' }, true),
  c('ArnLike with * as the account', 'ArnLike', 'aws:principalarn', 'arn:aws:iam::*:role/x', { 'aws:principalarn': 'arn:aws:iam::111122223333:role/x' }, true),
  c('ArnLike with * as the partition', 'ArnLike', 'aws:principalarn', 'arn:*:iam::123456789012:root', { 'aws:principalarn': 'arn:aws-cn:iam::123456789012:root' }, true),
  c('ArnLike with * as the region', 'ArnLike', 'aws:sourcearn', 'arn:aws:sns:*:123456789012:topic', { 'aws:sourcearn': 'arn:aws:sns:us-east-1:123456789012:topic' }, true),
  c('ArnLike: * in one segment does not span a colon', 'ArnLike', 'aws:principalarn', 'arn:aws:iam::*:role/x', { 'aws:principalarn': 'arn:aws:iam::a:b:role/x' }, false),
  c('ArnLike with ? in the resource', 'ArnLike', 'aws:sourcearn', 'arn:aws:s3:::bucket-?', { 'aws:sourcearn': 'arn:aws:s3:::bucket-1' }, true),
  c('ArnLike: the resource keeps its colons', 'ArnLike', 'aws:sourcearn', 'arn:aws:logs:us-east-1:123456789012:log-group:*', { 'aws:sourcearn': 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/x:log-stream:y' }, true),
  c('ArnLike is case-sensitive', 'ArnLike', 'aws:principalarn', 'arn:aws:iam::123456789012:role/Admin', { 'aws:principalarn': 'arn:aws:iam::123456789012:role/admin' }, false),
  c('ArnLike: a request value that is no ARN does not match', 'ArnLike', 'aws:principalarn', 'arn:aws:iam::*:root', { 'aws:principalarn': '123456789012' }, false),
  c('ArnLike: * alone matches any value', 'ArnLike', 'aws:sourcearn', '*', { 'aws:sourcearn': 'arn:aws:s3:::b' }, true),
  c('ArnLike: a pattern short of six segments matches nothing', 'ArnLike', 'aws:sourcearn', 'arn:aws:s3', { 'aws:sourcearn': 'arn:aws:s3:::b' }, false),
  c('ArnLike with the key absent is false', 'ArnLike', 'aws:sourcearn', 'arn:aws:s3:::*', {}, false),
  c('ArnEquals takes wildcards like ArnLike', 'ArnEquals', 'aws:sourcearn', 'arn:aws:s3:::bucket/*', { 'aws:sourcearn': 'arn:aws:s3:::bucket/key' }, true),
  c('ArnEquals exact', 'ArnEquals', 'aws:sourcearn', 'arn:aws:s3:::bucket', { 'aws:sourcearn': 'arn:aws:s3:::bucket' }, true),
  c('ArnNotEquals with another ARN is true', 'ArnNotEquals', 'aws:sourcearn', 'arn:aws:s3:::bucket', { 'aws:sourcearn': 'arn:aws:s3:::other' }, true),
  c('ArnNotEquals with the same ARN is false', 'ArnNotEquals', 'aws:sourcearn', 'arn:aws:s3:::bucket', { 'aws:sourcearn': 'arn:aws:s3:::bucket' }, false),
  c('ArnNotLike with a match is false', 'ArnNotLike', 'aws:sourcearn', 'arn:aws:s3:::bucket*', { 'aws:sourcearn': 'arn:aws:s3:::bucket-1' }, false),
  c('ArnNotLike with the key absent is true', 'ArnNotLike', 'aws:sourcearn', 'arn:aws:s3:::bucket*', {}, true),
  // ...IfExists condition operators
  c('StringEqualsIfExists with the key absent is true', 'StringEqualsIfExists', 'ec2:instancetype', 't3.micro', {}, true),
  c('StringEqualsIfExists with another value is false', 'StringEqualsIfExists', 'ec2:instancetype', 't3.micro', { 'ec2:instancetype': 'm5.large' }, false),
  c('StringEqualsIfExists with the value is true', 'StringEqualsIfExists', 'ec2:instancetype', 't3.micro', { 'ec2:instancetype': 't3.micro' }, true),
  c('StringNotEqualsIfExists with the key absent is true', 'StringNotEqualsIfExists', 'ec2:instancetype', 't3.micro', {}, true),
  c('StringLikeIfExists with a match is true', 'StringLikeIfExists', 'ec2:instancetype', 't3.*', { 'ec2:instancetype': 't3.nano' }, true),
  c('NumericLessThanIfExists with the key absent is true', 'NumericLessThanIfExists', 'aws:multifactorauthage', 3600, {}, true),
  c('DateLessThanIfExists with a later value is false', 'DateLessThanIfExists', 'aws:tokenissuetime', '2020-01-01T00:00:00Z', { 'aws:tokenissuetime': '2021-01-01T00:00:00Z' }, false),
  c('BoolIfExists with the key absent is true', 'BoolIfExists', 'aws:multifactorauthpresent', 'false', {}, true),
  c('BoolIfExists with the value present decides', 'BoolIfExists', 'aws:multifactorauthpresent', 'false', { 'aws:multifactorauthpresent': 'true' }, false),
  c('BinaryEqualsIfExists with the key absent is true', 'BinaryEqualsIfExists', 'x:bin', 'QQ==', {}, true),
  c('IpAddressIfExists with an outside address is false', 'IpAddressIfExists', 'aws:sourceip', '10.0.0.0/8', { 'aws:sourceip': '11.0.0.1' }, false),
  c('NotIpAddressIfExists with the key absent is true', 'NotIpAddressIfExists', 'aws:sourceip', '10.0.0.0/8', {}, true),
  c('ArnLikeIfExists with the key absent is true', 'ArnLikeIfExists', 'aws:sourcearn', 'arn:aws:s3:::b', {}, true),
  // Condition operator to check existence of condition keys (Null)
  c('Null true with the key absent is true', 'Null', 'aws:tokenissuetime', 'true', {}, true),
  c('Null true with the key present is false', 'Null', 'aws:tokenissuetime', 'true', { 'aws:tokenissuetime': '2020-01-01T00:00:00Z' }, false),
  c('Null false with the key present is true', 'Null', 'aws:tokenissuetime', 'false', { 'aws:tokenissuetime': '2020-01-01T00:00:00Z' }, true),
  c('Null false with the key absent is false', 'Null', 'aws:tokenissuetime', 'false', {}, false),
  c('Null takes a JSON boolean', 'Null', 'aws:tokenissuetime', true, {}, true),
  c('Null true with an empty set of values is true', 'Null', 'aws:tagkeys', 'true', { 'aws:tagkeys': [] }, true),
  c('NullIfExists is no operator', 'NullIfExists', 'aws:tokenissuetime', 'true', {}, 'unknown'),
];

// "Conditions with multiple context keys or values" (the Condition element's evaluation
// logic): several values of one key are OR; for a negated matching operator they are NOR.
// biome-ignore format: a case table reads best one case a line
const MULTIPLE_VALUES: Case[] = [
  c('StringEquals with several values: one matches', 'StringEquals', 'aws:principaltag/role', ['audit', 'security'], { 'aws:principaltag/role': 'security' }, true),
  c('StringEquals with several values: none matches', 'StringEquals', 'aws:principaltag/role', ['audit', 'security'], { 'aws:principaltag/role': 'dev' }, false),
  c('StringNotEquals with several values: one matches → false', 'StringNotEquals', 'aws:principaltag/role', ['audit', 'security'], { 'aws:principaltag/role': 'audit' }, false),
  c('StringNotEquals with several values: none matches → true', 'StringNotEquals', 'aws:principaltag/role', ['audit', 'security'], { 'aws:principaltag/role': 'dev' }, true),
  c('StringNotEqualsIgnoreCase with several values: one matches → false', 'StringNotEqualsIgnoreCase', 'aws:principaltag/role', ['Audit', 'Security'], { 'aws:principaltag/role': 'security' }, false),
  c('StringLike with several patterns: the second matches', 'StringLike', 's3:prefix', ['home/*', 'public/*'], { 's3:prefix': 'public/x' }, true),
  c('StringNotLike with several patterns: one matches → false', 'StringNotLike', 's3:prefix', ['a*', 'b*'], { 's3:prefix': 'bob' }, false),
  c('StringNotLike with several patterns: none matches → true', 'StringNotLike', 's3:prefix', ['a*', 'b*'], { 's3:prefix': 'carol' }, true),
  c('NumericNotEquals with several values: one matches → false', 'NumericNotEquals', 'x:n', [1, 2], { 'x:n': '2' }, false),
  c('NumericNotEquals with several values: none matches → true', 'NumericNotEquals', 'x:n', [1, 2], { 'x:n': '3' }, true),
  c('DateNotEquals with several values: one matches → false', 'DateNotEquals', 'aws:currenttime', ['2020-01-01', '2020-01-02'], { 'aws:currenttime': '2020-01-02T00:00:00Z' }, false),
  c('IpAddress with IPv4 and IPv6 CIDRs: the IPv6 one matches', 'IpAddress', 'aws:sourceip', ['10.0.0.0/8', '2001:db8::/32'], { 'aws:sourceip': '2001:db8::5' }, true),
  c('NotIpAddress with several CIDRs: inside one → false', 'NotIpAddress', 'aws:sourceip', ['10.0.0.0/8', '192.168.0.0/16'], { 'aws:sourceip': '192.168.1.1' }, false),
  c('NotIpAddress with several CIDRs: outside all → true', 'NotIpAddress', 'aws:sourceip', ['10.0.0.0/8', '192.168.0.0/16'], { 'aws:sourceip': '8.8.8.8' }, true),
  c('ArnNotLike with several patterns: one matches → false', 'ArnNotLike', 'aws:sourcearn', ['arn:aws:s3:::a*', 'arn:aws:s3:::b*'], { 'aws:sourcearn': 'arn:aws:s3:::bucket' }, false),
  c('ArnNotEquals with several ARNs: none matches → true', 'ArnNotEquals', 'aws:sourcearn', ['arn:aws:s3:::a', 'arn:aws:s3:::b'], { 'aws:sourcearn': 'arn:aws:s3:::c' }, true),
  c('Bool with true and false values holds for either', 'Bool', 'aws:securetransport', ['true', 'false'], { 'aws:securetransport': 'false' }, true),
  c('Null with true and false values holds either way', 'Null', 'aws:tokenissuetime', ['true', 'false'], {}, true),
];

// "Single-valued vs. multivalued context keys": ForAllValues / ForAnyValue, and the empty set.
// biome-ignore format: a case table reads best one case a line
const SET_OPERATORS: Case[] = [
  c('ForAllValues: every request value is in the policy', 'ForAllValues:StringEquals', 'aws:tagkeys', ['env', 'team'], { 'aws:tagkeys': ['env'] }, true),
  c('ForAllValues: request and policy sets are equal', 'ForAllValues:StringEquals', 'aws:tagkeys', ['env', 'team'], { 'aws:tagkeys': ['env', 'team'] }, true),
  c('ForAllValues: one request value is outside the policy', 'ForAllValues:StringEquals', 'aws:tagkeys', ['env', 'team'], { 'aws:tagkeys': ['env', 'owner'] }, false),
  c('ForAllValues with the key absent is true', 'ForAllValues:StringEquals', 'aws:tagkeys', ['env', 'team'], {}, true),
  c('ForAllValues with an empty set is true', 'ForAllValues:StringEquals', 'aws:tagkeys', ['env', 'team'], { 'aws:tagkeys': [] }, true),
  c('ForAllValues:StringLike: every value fits a pattern', 'ForAllValues:StringLike', 'aws:tagkeys', 'key1*', { 'aws:tagkeys': ['key1a', 'key1b'] }, true),
  c('ForAllValues:StringEqualsIgnoreCase', 'ForAllValues:StringEqualsIgnoreCase', 'aws:tagkeys', ['ENV'], { 'aws:tagkeys': ['env', 'Env'] }, true),
  c('ForAllValues:StringNotLike: no value fits → true', 'ForAllValues:StringNotLike', 'aws:tagkeys', 'key1*', { 'aws:tagkeys': ['key2', 'key3'] }, true),
  c('ForAllValues:StringNotLike: one value fits → false', 'ForAllValues:StringNotLike', 'aws:tagkeys', 'key1*', { 'aws:tagkeys': ['key1x', 'key2'] }, false),
  c('ForAllValues:StringNotLike with the key absent is true', 'ForAllValues:StringNotLike', 'aws:tagkeys', 'key1*', {}, true),
  c('ForAllValues:StringNotEqualsIgnoreCase: none of several → true', 'ForAllValues:StringNotEqualsIgnoreCase', 'aws:tagkeys', ['env', 'team'], { 'aws:tagkeys': ['owner', 'cost'] }, true),
  c('ForAllValues:StringNotEqualsIgnoreCase: one equals → false', 'ForAllValues:StringNotEqualsIgnoreCase', 'aws:tagkeys', ['env', 'team'], { 'aws:tagkeys': ['owner', 'ENV'] }, false),
  c('ForAllValues on a single-valued key with a mismatch', 'ForAllValues:StringEquals', 'aws:username', 'alice', { 'aws:username': 'bob' }, false),
  c('ForAllValues:ArnLike over a list of ARNs', 'ForAllValues:ArnLike', 'x:arns', 'arn:aws:iam::123456789012:*', { 'x:arns': ['arn:aws:iam::123456789012:role/a', 'arn:aws:iam::123456789012:user/b'] }, true),
  c('ForAnyValue: one request value is in the policy', 'ForAnyValue:StringEquals', 'aws:tagkeys', 'env', { 'aws:tagkeys': ['env', 'owner'] }, true),
  c('ForAnyValue: no request value is in the policy', 'ForAnyValue:StringEquals', 'aws:tagkeys', 'env', { 'aws:tagkeys': ['owner'] }, false),
  c('ForAnyValue with the key absent is false', 'ForAnyValue:StringEquals', 'aws:tagkeys', 'env', {}, false),
  c('ForAnyValue with an empty set is false', 'ForAnyValue:StringEquals', 'aws:tagkeys', 'env', { 'aws:tagkeys': [] }, false),
  c('ForAnyValue:StringLike over service names', 'ForAnyValue:StringLike', 'aws:principalservicenameslist', '*.amazonaws.com', { 'aws:principalservicenameslist': ['ec2.amazonaws.com', 'other'] }, true),
  c('ForAnyValue:StringNotEquals: one value differs → true', 'ForAnyValue:StringNotEquals', 'aws:tagkeys', 'env', { 'aws:tagkeys': ['env', 'team'] }, true),
  c('ForAnyValue:StringNotEquals: every value equals → false', 'ForAnyValue:StringNotEquals', 'aws:tagkeys', 'env', { 'aws:tagkeys': ['env'] }, false),
  c('ForAnyValue:StringNotEquals with the key absent is false', 'ForAnyValue:StringNotEquals', 'aws:tagkeys', 'env', {}, false),
  c('ForAnyValue:StringEqualsIfExists with the key absent is true', 'ForAnyValue:StringEqualsIfExists', 'aws:tagkeys', 'env', {}, true),
  c('ForAnyValue:ArnNotLike: one ARN outside → true', 'ForAnyValue:ArnNotLike', 'x:arns', 'arn:aws:s3:::a*', { 'x:arns': ['arn:aws:s3:::ab', 'arn:aws:s3:::zz'] }, true),
  c('No qualifier, several request values all matching', 'StringLike', 'aws:tagkeys', 'env*', { 'aws:tagkeys': ['env1', 'env2'] }, true),
  c('No qualifier, several request values none matching', 'StringLike', 'aws:tagkeys', 'env*', { 'aws:tagkeys': ['a', 'b'] }, false),
  c('No qualifier, several request values disagreeing', 'StringLike', 'aws:tagkeys', 'env*', { 'aws:tagkeys': ['env1', 'b'] }, 'unknown'),
];

// "IAM JSON policy elements: Condition": key names are case-insensitive, values are not.
// biome-ignore format: a case table reads best one case a line
const KEY_CASE: Case[] = [
  c('A mixed-case key is looked up lowercased', 'IpAddress', 'AWS:SourceIp', '10.0.0.0/8', { 'aws:sourceip': '10.1.2.3' }, true),
  c('An upper-case key is looked up lowercased', 'StringEquals', 'aws:USERNAME', 'johndoe', { 'aws:username': 'johndoe' }, true),
  c('The value stays case-sensitive under a mixed-case key', 'StringEquals', 'AWS:UserName', 'johndoe', { 'aws:username': 'JohnDoe' }, false),
  c('A mixed-case tag key', 'StringEquals', 'aws:PrincipalTag/Team', 'data', { 'aws:principaltag/team': 'data' }, true),
];

// "IAM policy elements: Variables and tags": ${...} in String and ARN condition values.
// biome-ignore format: a case table reads best one case a line
const VARIABLES: Case[] = [
  c('${aws:username} resolves', 'StringEquals', 'aws:principaltag/owner', '${aws:username}', { 'aws:principaltag/owner': 'alice' }, true, { 'aws:username': 'alice' }),
  c('A variable inside a StringLike pattern', 'StringLike', 's3:prefix', 'home/${aws:username}/*', { 's3:prefix': 'home/alice/docs' }, true, { 'aws:username': 'alice' }),
  c('A variable inside a pattern, another user', 'StringLike', 's3:prefix', 'home/${aws:username}/*', { 's3:prefix': 'home/bob/docs' }, false, { 'aws:username': 'alice' }),
  c('Variable names are case-insensitive', 'StringEquals', 'x:k', '${aws:UserName}', { 'x:k': 'alice' }, true, { 'aws:username': 'alice' }),
  c('A variable with a default value, resolved', 'StringEquals', 'x:k', "${aws:username, 'nobody'}", { 'x:k': 'alice' }, true, { 'aws:username': 'alice' }),
  c('A default holding a quote and a brace parses', 'StringEquals', 'x:k', "a${aws:username, 'it''s}'}b", { 'x:k': 'aalicéb' }, true, { 'aws:username': 'alicé' }),
  c('StringEqualsIgnoreCase with a variable', 'StringEqualsIgnoreCase', 'x:k', '${aws:username}', { 'x:k': 'ALICE' }, true, { 'aws:username': 'Alice' }),
  c('A variable in the account segment of an ARN', 'ArnLike', 'aws:principalarn', 'arn:aws:iam::${aws:PrincipalAccount}:role/*', { 'aws:principalarn': 'arn:aws:iam::111122223333:role/x' }, true, { 'aws:principalaccount': '111122223333' }),
  c('A variable in an ARN, another account', 'ArnLike', 'aws:principalarn', 'arn:aws:iam::${aws:PrincipalAccount}:role/*', { 'aws:principalarn': 'arn:aws:iam::444455556666:role/x' }, false, { 'aws:principalaccount': '111122223333' }),
  c('A resolved value is literal: its * is no wildcard', 'StringLike', 'x:k', 'u/${aws:username}', { 'x:k': 'u/abc' }, false, { 'aws:username': 'a*' }),
  c('A resolved value with * matches itself', 'StringLike', 'x:k', 'u/${aws:username}', { 'x:k': 'u/a*' }, true, { 'aws:username': 'a*' }),
  c('Without vars, a variable is unknown', 'StringEquals', 'x:k', '${aws:username}', { 'x:k': 'alice' }, 'unknown'),
  c('vars that cannot resolve make it unknown', 'StringEquals', 'x:k', '${aws:username}', { 'x:k': 'alice' }, 'unknown', {}),
  c('A default value does not make an unresolvable variable known', 'StringEquals', 'x:k', "${aws:username, 'nobody'}", { 'x:k': 'nobody' }, 'unknown'),
  c('Unresolved, but the fixed text already rules a match out', 'StringLike', 's3:prefix', 'home/${aws:username}/*', { 's3:prefix': 'other/alice' }, false),
  c('Unresolved, and the fixed text could match', 'StringLike', 's3:prefix', 'home/${aws:username}/*', { 's3:prefix': 'home/alice/x' }, 'unknown'),
  c('Unresolved under a negated operator that cannot match is true', 'StringNotLike', 's3:prefix', 'home/${aws:username}/*', { 's3:prefix': 'other/x' }, true),
  c('Unresolved under a negated operator that could match', 'StringNotEquals', 'x:k', '${aws:username}', { 'x:k': 'alice' }, 'unknown'),
  c('Unresolved in one value while another matches (OR)', 'StringEquals', 'x:k', ['${aws:username}', 'admin'], { 'x:k': 'admin' }, true),
  c('Unresolved with a negated operator and the key absent', 'StringNotEquals', 'x:k', '${aws:username}', {}, true),
  c('Unresolved with IfExists and the key absent', 'StringEqualsIfExists', 'x:k', '${aws:username}', {}, true),
  c('Unresolved with the key absent (positive operator)', 'StringEquals', 'x:k', '${aws:username}', {}, false),
  c('${*} is a literal asterisk', 'StringLike', 'x:k', 'a${*}b', { 'x:k': 'a*b' }, true),
  c('${*} is no wildcard', 'StringLike', 'x:k', 'a${*}b', { 'x:k': 'axyb' }, false),
  c('${?} is a literal question mark', 'StringLike', 'x:k', 'what${?}', { 'x:k': 'what?' }, true),
  c('${?} is no wildcard', 'StringLike', 'x:k', 'what${?}', { 'x:k': 'whatx' }, false),
  c('${$} is a literal dollar sign', 'StringEquals', 'x:k', 'cost${$}', { 'x:k': 'cost$' }, true),
  c('${$} keeps ${ from starting a variable', 'StringEquals', 'x:k', '${$}{aws:username}', { 'x:k': '${aws:username}' }, true),
  c('Fixed variables need no resolver in ARNs', 'ArnLike', 'aws:sourcearn', 'arn:aws:s3:::b/${*}', { 'aws:sourcearn': 'arn:aws:s3:::b/*' }, true),
  c('An unterminated ${ is literal text', 'StringEquals', 'x:k', '${aws:username', { 'x:k': '${aws:username' }, true),
  c('Variables are not read in Numeric values', 'NumericEquals', 'x:n', '${aws:n}', { 'x:n': '1' }, 'unknown', { 'aws:n': '1' }),
  c('Variables are not read in Date values', 'DateLessThan', 'aws:currenttime', '${aws:tokenissuetime}', { 'aws:currenttime': '2020-01-01T00:00:00Z' }, 'unknown', { 'aws:tokenissuetime': '2020-01-01T00:00:00Z' }),
];

// ownmap's own rules: a request value ownmap cannot know, operators it does not recognise.
// biome-ignore format: a case table reads best one case a line
const UNKNOWNS: Case[] = [
  c('An unknown value makes StringEquals unknown', 'StringEquals', 'aws:sourcevpce', 'vpce-1', { 'aws:sourcevpce': U }, 'unknown'),
  c('An unknown value makes a negated operator unknown', 'StringNotEquals', 'aws:sourcevpce', 'vpce-1', { 'aws:sourcevpce': U }, 'unknown'),
  c('An unknown value makes Null unknown (presence is unknown too)', 'Null', 'aws:sourcevpce', 'true', { 'aws:sourcevpce': U }, 'unknown'),
  c('An unknown value makes IfExists unknown', 'StringEqualsIfExists', 'aws:sourcevpce', 'vpce-1', { 'aws:sourcevpce': U }, 'unknown'),
  c('An unknown value makes ForAllValues unknown', 'ForAllValues:StringEquals', 'aws:tagkeys', 'env', { 'aws:tagkeys': U }, 'unknown'),
  c('An unknown value makes ForAnyValue unknown', 'ForAnyValue:StringEquals', 'aws:tagkeys', 'env', { 'aws:tagkeys': U }, 'unknown'),
  c('An operator AWS does not have', 'StringStartsWith', 'x:k', 'a', { 'x:k': 'abc' }, 'unknown'),
  c('An operator in the wrong case', 'stringequals', 'x:k', 'a', { 'x:k': 'a' }, 'unknown'),
  c('An unknown set qualifier', 'ForSomeValues:StringEquals', 'x:k', 'a', { 'x:k': 'a' }, 'unknown'),
  c('A set qualifier on Null', 'ForAnyValue:Null', 'x:k', 'true', {}, 'unknown'),
  c('IfExists alone', 'IfExists', 'x:k', 'a', {}, 'unknown'),
];

// Malformed input never throws: it is unknown.
// biome-ignore format: a case table reads best one case a line
const MALFORMED: Case[] = [
  c('NumericEquals with a word', 'NumericEquals', 'x:n', 'ten', { 'x:n': '10' }, 'unknown'),
  c('A malformed value is unknown even with the key absent', 'NumericLessThan', 'x:n', 'abc', {}, 'unknown'),
  c('DateLessThan with a word', 'DateLessThan', 'aws:currenttime', 'yesterday', { 'aws:currenttime': '2020-01-01' }, 'unknown'),
  c('DateLessThan with a bare year (year or epoch?)', 'DateLessThan', 'aws:currenttime', '2020', { 'aws:currenttime': '2020-01-01' }, 'unknown'),
  c('DateEquals with no such day', 'DateEquals', 'aws:currenttime', '2021-02-30', { 'aws:currenttime': '2021-03-02' }, 'unknown'),
  c('DateEquals with an hour out of range', 'DateEquals', 'aws:currenttime', '2021-02-03T25:00:00Z', { 'aws:currenttime': '2021-03-02' }, 'unknown'),
  c('IpAddress with a prefix too long', 'IpAddress', 'aws:sourceip', '10.0.0.0/33', { 'aws:sourceip': '10.0.0.1' }, 'unknown'),
  c('IpAddress with no address', 'IpAddress', 'aws:sourceip', 'not-an-ip', { 'aws:sourceip': '10.0.0.1' }, 'unknown'),
  c('BinaryEquals with text that is not base64', 'BinaryEquals', 'x:bin', 'not base64!', { 'x:bin': 'QQ==' }, 'unknown'),
  c('Bool with yes', 'Bool', 'aws:securetransport', 'yes', { 'aws:securetransport': 'true' }, 'unknown'),
  c('Null with maybe', 'Null', 'x:k', 'maybe', {}, 'unknown'),
  c('A value that is an object', 'StringEquals', 'x:k', { a: 1 }, { 'x:k': 'a' }, 'unknown'),
  c('A value that is null', 'StringEquals', 'x:k', null, { 'x:k': 'a' }, 'unknown'),
  c('An empty list of values', 'StringEquals', 'x:k', [], { 'x:k': 'a' }, 'unknown'),
  c('A list holding a list', 'StringEquals', 'x:k', [['a']], { 'x:k': 'a' }, 'unknown'),
  c('A number that is not finite', 'NumericEquals', 'x:n', Number.NaN, { 'x:n': '1' }, 'unknown'),
  c('An empty key', 'StringEquals', '', 'a', {}, 'unknown'),
  c('A request value that is not a number', 'NumericEquals', 'x:n', 1, { 'x:n': 'one' }, 'unknown'),
  c('A request value that is not an address', 'IpAddress', 'aws:sourceip', '10.0.0.0/8', { 'aws:sourceip': 'host.example' }, 'unknown'),
  c('A request value that is not a date', 'DateLessThan', 'aws:currenttime', '2020-01-01', { 'aws:currenttime': 'soon' }, 'unknown'),
  c('A request value that is not a boolean', 'Bool', 'aws:securetransport', 'true', { 'aws:securetransport': '1' }, 'unknown'),
  c('A request value that is not base64', 'BinaryEquals', 'x:bin', 'QQ==', { 'x:bin': '***' }, 'unknown'),
];

describe('evalCondition', () => {
  describe('IAM JSON policy elements: Condition operators', () => {
    it.each(OPERATORS)('$name', (k) => expect(run(k)).toBe(k.want));
  });
  describe('Conditions with multiple context keys or values', () => {
    it.each(MULTIPLE_VALUES)('$name', (k) => expect(run(k)).toBe(k.want));
  });
  describe('Single-valued vs. multivalued context keys', () => {
    it.each(SET_OPERATORS)('$name', (k) => expect(run(k)).toBe(k.want));
  });
  describe('IAM JSON policy elements: Condition (key names)', () => {
    it.each(KEY_CASE)('$name', (k) => expect(run(k)).toBe(k.want));
  });
  describe('IAM policy elements: Variables and tags', () => {
    it.each(VARIABLES)('$name', (k) => expect(run(k)).toBe(k.want));
  });
  describe('what ownmap cannot know', () => {
    it.each(UNKNOWNS)('$name', (k) => expect(run(k)).toBe(k.want));
  });
  describe('malformed input', () => {
    it.each(MALFORMED)('$name', (k) => expect(run(k)).toBe(k.want));
  });

  it('never throws on a non-string operator or a context that throws', () => {
    const throwing: ConditionContext = {
      get() {
        throw new Error('boom');
      },
    };
    expect(evalCondition(42 as unknown as string, 'x:k', 'a', context())).toBe('unknown');
    expect(evalCondition('StringEquals', 'x:k', 'a', throwing)).toBe('unknown');
    const bad = { get: () => ({ kind: 'values', values: 'a' }) } as unknown as ConditionContext;
    expect(evalCondition('StringEquals', 'x:k', 'a', bad)).toBe('unknown');
  });
});

interface BlockCase {
  name: string;
  block: unknown;
  ctx: Entries;
  want: Tri;
  reason?: RegExp;
}

const b = (name: string, block: unknown, ctx: Entries, want: Tri, reason?: RegExp): BlockCase => ({
  name,
  block,
  ctx,
  want,
  ...(reason ? { reason } : {}),
});

const DATE_RANGE = {
  DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' },
  DateLessThan: { 'aws:CurrentTime': '2020-06-30T23:59:59Z' },
};

// "Conditions with multiple context keys or values": operators AND, keys AND, in three values.
// biome-ignore format: a case table reads best one case a line
const BLOCKS: BlockCase[] = [
  b('An empty block is true', {}, {}, true),
  b('No block at all is true', undefined, {}, true),
  b('A null block is unknown', null, {}, 'unknown', /not an object/),
  b('A string block is unknown', 'StringEquals', {}, 'unknown', /not an object/),
  b('An array block is unknown', [{ StringEquals: { 'x:k': 'a' } }], {}, 'unknown', /not an object/),
  b('Two operators, both true', DATE_RANGE, { 'aws:currenttime': '2020-05-01T00:00:00Z' }, true),
  b('Two operators, one false', DATE_RANGE, { 'aws:currenttime': '2020-07-01T00:00:00Z' }, false),
  b('Two keys under one operator are AND: one false', { StringEquals: { 'aws:PrincipalTag/department': 'finance', 'aws:PrincipalTag/role': 'audit' } }, { 'aws:principaltag/department': 'finance', 'aws:principaltag/role': 'dev' }, false),
  b('Two keys under one operator are AND: both true', { StringEquals: { 'aws:PrincipalTag/department': 'finance', 'aws:PrincipalTag/role': 'audit' } }, { 'aws:principaltag/department': 'finance', 'aws:principaltag/role': 'audit' }, true),
  b('False beats unknown', { StringEquals: { 'x:a': 'yes' }, Bool: { 'aws:SecureTransport': 'true' } }, { 'x:a': U, 'aws:securetransport': 'false' }, false),
  b('True and unknown is unknown, with the reason', { StringEquals: { 'aws:SourceVpce': 'vpce-1' }, Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:sourcevpce': U, 'aws:securetransport': 'true' }, 'unknown', /aws:SourceVpce/),
  b('An unrecognised operator is unknown, named in the reason', { StringStartsWith: { 'x:k': 'a' } }, {}, 'unknown', /StringStartsWith/),
  b('An unrecognised operator does not hide a false one', { StringStartsWith: { 'x:k': 'a' }, StringEquals: { 'x:b': 'b' } }, { 'x:b': 'c' }, false),
  b('Entries that are not an object', { StringEquals: 'x:k' }, {}, 'unknown', /not an object/),
  b('An operator with no keys', { StringEquals: {} }, {}, 'unknown', /no condition key/),
  b('An unresolvable variable is named in the reason', { StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/alice/x' }, 'unknown', /\$\{aws:username\}/),
  b('Mixed-case keys in a block are looked up lowercased', { IpAddress: { 'AWS:SOURCEIP': '10.0.0.0/8' }, Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:sourceip': '10.0.0.1', 'aws:tokenissuetime': '2020-01-01T00:00:00Z' }, true),
  b('A malformed value is named in the reason', { NumericLessThan: { 'aws:MultiFactorAuthAge': 'soon' } }, { 'aws:multifactorauthage': '10' }, 'unknown', /'soon' is not a number/),
];

describe('evalConditionBlock', () => {
  it.each(BLOCKS)('$name', ({ block, ctx, want, reason }) => {
    const out = evalConditionBlock(block, context(ctx));
    expect(out.result).toBe(want);
    if (want === 'unknown') expect(out.unknownReason).toMatch(reason ?? /./);
    else expect(out.unknownReason).toBeUndefined();
  });

  it('resolves variables with vars', () => {
    const out = evalConditionBlock(
      { StringLike: { 's3:prefix': 'home/${aws:username}/*' } },
      context({ 's3:prefix': 'home/alice/x' }),
      (n) => (n === 'aws:username' ? 'alice' : undefined),
    );
    expect(out).toEqual({ result: true });
  });

  it('never throws when the context throws', () => {
    const throwing: ConditionContext = {
      get() {
        throw new Error('boom');
      },
    };
    const out = evalConditionBlock({ StringEquals: { 'x:k': 'a' } }, throwing);
    expect(out.result).toBe('unknown');
    expect(out.unknownReason).toMatch(/boom/);
  });
});

describe('isKnownOperator and baseOperator', () => {
  it.each([
    ['StringEquals', true, 'StringEquals'],
    ['StringNotEqualsIgnoreCase', true, 'StringNotEqualsIgnoreCase'],
    ['ForAllValues:StringNotEqualsIgnoreCase', true, 'StringNotEqualsIgnoreCase'],
    ['ForAnyValue:StringLikeIfExists', true, 'StringLike'],
    ['DateLessThanIfExists', true, 'DateLessThan'],
    ['NumericGreaterThanEquals', true, 'NumericGreaterThanEquals'],
    ['BinaryEquals', true, 'BinaryEquals'],
    ['NotIpAddressIfExists', true, 'NotIpAddress'],
    ['ArnNotLike', true, 'ArnNotLike'],
    ['Bool', true, 'Bool'],
    ['Null', true, 'Null'],
    ['NullIfExists', false, 'Null'],
    ['ForAllValues:Null', false, 'Null'],
    ['StringStartsWith', false, 'StringStartsWith'],
    ['stringEquals', false, 'stringEquals'],
    ['ForSomeValues:StringEquals', false, 'ForSomeValues:StringEquals'],
    ['', false, ''],
  ] as const)('%s → known %s, base %s', (op, known, base) => {
    expect(isKnownOperator(op)).toBe(known);
    expect(baseOperator(op)).toBe(base);
  });
});

describe('prepared conditions', () => {
  const ctx = { get: () => ({ kind: 'values' as const, values: ['o-inside1234'] }) };
  it('one entries object shared by two operators is read for each', () => {
    const entries = { 'aws:PrincipalOrgID': 'o-inside1234' };
    expect(evalConditionBlock({ StringEquals: entries }, ctx).result).toBe(true);
    expect(evalConditionBlock({ StringNotEquals: entries }, ctx).result).toBe(false);
  });
  it('an entry given another value is read again', () => {
    const entries: Record<string, string> = { 'aws:PrincipalOrgID': 'o-inside1234' };
    expect(evalConditionBlock({ StringEquals: entries }, ctx).result).toBe(true);
    entries['aws:PrincipalOrgID'] = 'o-other56789';
    expect(evalConditionBlock({ StringEquals: entries }, ctx).result).toBe(false);
  });
});
