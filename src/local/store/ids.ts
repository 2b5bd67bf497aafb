/**
 * Identifiers and timestamps in the forms SharePoint and Graph use.
 */
import { createHash, randomUUID } from 'node:crypto';

/** A new random GUID, lower case, as SharePoint returns them. */
export function newGuid(): string {
  return randomUUID();
}

/**
 * A stable GUID derived from a name (SHA-1 based, version-5 layout), so that directory object ids of
 * the demo personas stay the same across restarts and resets.
 */
export function stableGuid(name: string): string {
  const hash = createHash('sha1').update(`local-tenant:${name.toLowerCase()}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A clock, injectable so tests can pin time. */
export type Clock = () => Date;

/** ISO-8601 UTC without milliseconds, the way SharePoint REST serialises DateTime values. */
export function toSharePointDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
