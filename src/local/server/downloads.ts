/**
 * Short-lived, pre-authenticated download URLs (`/_local/download/<token>`), like the
 * `@microsoft.graph.downloadUrl` and the 302 targets of Graph's `…/content` endpoints: valid for a few
 * minutes, fetched without an Authorization header.
 */
import { randomBytes } from 'node:crypto';

interface Download {
  readonly content: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
  readonly expires: number;
}

/** Holds the pending downloads of one server (in memory; they do not survive a restart). */
export class DownloadLinks {
  private readonly links = new Map<string, Download>();

  constructor(private readonly lifetimeMs = 5 * 60 * 1000, private readonly now: () => number = Date.now) {}

  /** Registers content and returns the path of its download URL. */
  create(content: Uint8Array, contentType: string, fileName: string): string {
    const time = this.now();
    for (const [token, link] of this.links) if (link.expires <= time) this.links.delete(token);
    const token = randomBytes(24).toString('base64url');
    this.links.set(token, { content, contentType, fileName, expires: time + this.lifetimeMs });
    return `/_local/download/${token}`;
  }

  /** The content of a token, or undefined when unknown or expired. */
  get(token: string): Download | undefined {
    const link = this.links.get(token);
    if (!link || link.expires <= this.now()) return undefined;
    return link;
  }
}
