/**
 * The delivery dialog's values and their payload (issue 16): the checksums the user pasted, read line by
 * line, and the SHA-256 of a chosen file computed with WebCrypto. Whether the values are acceptable (a
 * requested wave, a known channel, 64 hex digits) is the domain's guard; this only reads what was typed.
 */
import type { DeliveredFile, DeliveryChannel, IsoDate } from '../../domain/types';

/** The payload of `registerDelivery` (without `commandId`). */
export interface DeliveryPayload {
  readonly type: 'registerDelivery';
  readonly deliveredOn: IsoDate;
  readonly dataset: string;
  readonly variables?: number;
  readonly waves?: readonly string[];
  readonly channel?: DeliveryChannel;
  readonly files?: readonly DeliveredFile[];
  readonly comment?: string;
}

/** What the dialog holds. */
export interface DeliveryValues {
  readonly deliveredOn: string;
  readonly dataset: string;
  readonly variables: string;
  readonly waves: readonly string[];
  readonly channel?: DeliveryChannel;
  /** Files whose checksum the browser computed. */
  readonly computed: readonly DeliveredFile[];
  /** The pasted lines. */
  readonly pasted: string;
  readonly comment: string;
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

/**
 * The pasted checksums: one file per line, as `sha256sum` writes it (`<hash>  <name>`, a `*` before a
 * binary name) or the other way round (`<name> <hash>`, `<name>;<hash>`, `<name>,<hash>`). Blank lines
 * are skipped; a line without exactly one 64-hex word and a name is reported by its number (1-based).
 */
export function parseChecksumLines(text: string): { readonly files: DeliveredFile[]; readonly invalidLines: number[] } {
  const files: DeliveredFile[] = [];
  const invalidLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const words = line.split(/[\s;,\t]+/).filter((word) => word !== '');
    const hashes = words.filter((word) => HEX64.test(word));
    const name = words.filter((word) => !HEX64.test(word)).join(' ').replace(/^\*/, '');
    if (hashes.length !== 1 || name === '') invalidLines.push(index + 1);
    else files.push({ fileName: name, sha256: hashes[0].toLowerCase() });
  });
  return { files, invalidLines };
}

/** Lower-case hex of a digest. */
export function hexOf(digest: ArrayBuffer): string {
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A SHA-256 digest function (WebCrypto's `crypto.subtle.digest('SHA-256', …)` in the browser). */
export type Sha256 = (bytes: Uint8Array) => Promise<ArrayBuffer>;

/** The browser's SHA-256, when WebCrypto is there (a secure context: https or localhost). */
export function webCryptoSha256(): Sha256 | undefined {
  const subtle = (globalThis as { crypto?: { subtle?: { digest?: (algorithm: string, data: Uint8Array) => Promise<ArrayBuffer> } } }).crypto?.subtle;
  if (!subtle || typeof subtle.digest !== 'function') return undefined;
  return (bytes) => subtle.digest!('SHA-256', bytes);
}

/**
 * The payload: empty text stays empty so the domain's guards refuse it with their own message; the
 * variables only when a number was typed (a non-number goes as is, for the guard to refuse).
 */
export function deliveryPayload(values: DeliveryValues): DeliveryPayload {
  const variablesText = values.variables.trim();
  const pasted = parseChecksumLines(values.pasted).files;
  const files = [...values.computed, ...pasted];
  const comment = values.comment.trim();
  return {
    type: 'registerDelivery',
    deliveredOn: values.deliveredOn.trim(),
    dataset: values.dataset.trim(),
    ...(variablesText !== '' ? { variables: Number(variablesText) } : {}),
    ...(values.waves.length > 0 ? { waves: [...values.waves] } : {}),
    ...(values.channel ? { channel: values.channel } : {}),
    ...(files.length > 0 ? { files } : {}),
    ...(comment ? { comment } : {})
  };
}
