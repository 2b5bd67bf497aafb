import { Inflate, inflateSync, Unzip, zipSync } from 'fflate';
import type { AsyncFlateStreamHandler, FlateError, UnzipDecoder, Zippable } from 'fflate';
import { formatBytes, FormReadError } from '../errors';

/** Limits for untrusted .docx input (decision: docs/decisions.md). */
export interface ZipLimits {
  /** Largest accepted input file. */
  readonly maxInputBytes: number;
  readonly maxEntries: number;
  /** Sum of the actually inflated bytes of all entries. */
  readonly maxTotalUncompressedBytes: number;
  /** Inflated / compressed size, checked once the output passes `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

/** Defaults: a real form is well under 1 MB; a 200-variable form is about 100 kB zipped. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxInputBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  maxTotalUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024
};

/**
 * Compressed data is pushed in slices so the inflated-byte counter trips early: deflate expands at
 * most ~1032:1, so one 64 kB slice can overshoot the limit by at most ~66 MB before the counter
 * stops it. A typical form (< 64 kB) goes in one push, which keeps inflation fast.
 */
const PUSH_SLICE_BYTES = 64 * 1024;

/**
 * Entries up to these sizes (declared inflated size, actual compressed bytes) are inflated in one call
 * into a buffer of the declared size. fflate's streaming inflate instead starts every entry with a
 * fresh window and grows its output buffer block by block; for the handful of small parts of a form
 * that allocation was about half of a `vsa-forms check` run. The bound is the same as one pushed slice:
 * at most ~66 MB of inflation work before a lying header is caught.
 */
const ONE_CALL_MAX_INFLATED_BYTES = 1024 * 1024;
const ONE_CALL_MAX_COMPRESSED_BYTES = PUSH_SLICE_BYTES;

/**
 * DEFLATE decoder for `Unzip`: small entries in one call (see above), larger ones, or entries
 * without a declared size, through fflate's streaming `Inflate` as before. A header that declares
 * fewer inflated bytes than the data holds is reported as an error (the counter in `unzipSafely`
 * never trusts declared sizes).
 */
class SizedUnzipInflate implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private stream: Inflate | undefined;

  /** `Unzip` passes the declared compressed and inflated sizes when the local header has them. */
  constructor(
    private readonly name: string,
    _compressedSize?: number,
    private readonly originalSize?: number
  ) {}

  push(chunk: Uint8Array, final: boolean): void {
    try {
      if (this.stream) {
        this.stream.push(chunk, final);
        return;
      }
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      const declared = this.originalSize;
      if (declared === undefined || declared > ONE_CALL_MAX_INFLATED_BYTES || this.pendingBytes > ONE_CALL_MAX_COMPRESSED_BYTES) {
        this.stream = new Inflate((data, last) => this.ondata(null, data, last));
        this.stream.push(concat(this.pending), final);
        this.pending = [];
        return;
      }
      if (!final) return;
      // One byte more than declared: a longer result means the header lied.
      const out = inflateSync(concat(this.pending), { out: new Uint8Array(declared + 1) });
      if (out.length > declared) throw new Error(`${this.name}: more data than the declared ${declared} bytes`);
      this.ondata(null, out, true);
    } catch (error) {
      this.ondata(error as FlateError, null as unknown as Uint8Array, final);
    }
  }
}

/** The entries of a zip, in archive order. */
export type ZipEntries = Map<string, Uint8Array>;

/**
 * Unzips untrusted bytes with a running inflated-byte counter (zip-bomb guard). Declared sizes
 * are only used to refuse early; the counter is what enforces the limits, because headers can lie.
 * `wanted` limits inflation to the entries the caller will read (the others are left out).
 */
export function unzipSafely(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS, wanted?: (name: string) => boolean): ZipEntries {
  const entries: ZipEntries = new Map();
  const chunksByName = new Map<string, Uint8Array[]>();
  let totalInflated = 0;
  let entryCount = 0;
  let failure: FormReadError | undefined;
  let corrupt: string | undefined;

  const fail = (error: FormReadError): void => {
    if (!failure) failure = error;
  };
  const unzip = new Unzip((file) => {
    if (failure) return;
    entryCount++;
    if (entryCount > limits.maxEntries) {
      fail(new FormReadError('tooManyEntries', fileName, { count: `> ${limits.maxEntries}`, max: String(limits.maxEntries) }));
      return;
    }
    if (file.originalSize !== undefined && file.originalSize > limits.maxTotalUncompressedBytes) {
      fail(new FormReadError('zipBomb', fileName, { reason: `${file.name}: ${formatBytes(file.originalSize)}` }));
      return;
    }
    // Entries nobody will read are never inflated (fflate skips the data of files not started).
    if (wanted && !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    chunksByName.set(file.name, chunks);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        corrupt = `${file.name}: ${error.message}`;
        return;
      }
      totalInflated += chunk.length;
      if (totalInflated > limits.maxTotalUncompressedBytes) {
        fail(new FormReadError('zipBomb', fileName, { reason: `> ${formatBytes(limits.maxTotalUncompressedBytes)}` }));
        file.terminate();
        return;
      }
      if (totalInflated > limits.ratioFloorBytes && totalInflated / bytes.length > limits.maxRatio) {
        fail(new FormReadError('zipBomb', fileName, { reason: `ratio > ${limits.maxRatio}:1` }));
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.set(file.name, concat(chunks));
    };
    try {
      file.start();
    } catch (error) {
      corrupt = `${file.name}: ${(error as Error).message}`;
    }
  });
  unzip.register(SizedUnzipInflate);
  try {
    // `failure` is set by the ondata callbacks that `push` runs synchronously.
    // eslint-disable-next-line no-unmodified-loop-condition
    for (let offset = 0; offset < bytes.length && !failure; offset += PUSH_SLICE_BYTES) {
      const end = Math.min(offset + PUSH_SLICE_BYTES, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (!failure) corrupt = (error as Error).message;
  }
  if (failure) throw failure;
  if (corrupt !== undefined || entryCount === 0) {
    throw new FormReadError('notZip', fileName, corrupt ? { detail: corrupt } : {});
  }
  // An entry whose data ended early never reported `final`: the archive is truncated.
  for (const name of chunksByName.keys()) {
    if (!entries.has(name)) throw new FormReadError('notZip', fileName, { detail: `${name} truncated` });
  }
  return entries;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A fixed timestamp keeps generated documents byte-identical between runs. */
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

/** Zips entries in the given order (deflate level 6, fixed timestamps). */
export function zipEntries(entries: ZipEntries): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of entries) zippable[name] = [data, { level: name.endsWith('.png') || name.endsWith('.jpeg') ? 0 : 6 }];
  return zipSync(zippable, { mtime: FIXED_MTIME });
}
