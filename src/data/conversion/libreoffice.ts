/**
 * Document → PDF with LibreOffice headless (`soffice --headless --convert-to pdf`): the local
 * stand-in for Graph's `?format=pdf`, and the converter of the Node command line (`vsa-forms
 * publication`). Node only (a child process): no browser composition imports it. Conversions run one
 * at a time with a private profile directory, because two soffice processes sharing a profile block
 * each other.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Raised when LibreOffice is not installed or the conversion fails. */
export class ConversionError extends Error {
  constructor(readonly reason: 'notInstalled' | 'failed' | 'timeout', message: string) {
    super(message);
    this.name = 'ConversionError';
  }
}

/** The soffice executable: `LOCAL_TENANT_SOFFICE`, else `soffice`/`libreoffice` on PATH; undefined when absent. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.LOCAL_TENANT_SOFFICE !== undefined) return env.LOCAL_TENANT_SOFFICE === '' ? undefined : executable(env.LOCAL_TENANT_SOFFICE);
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const found = executable(join(dir, name));
      if (found) return found;
    }
  }
  return undefined;
}

function executable(path: string): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

/** The Dutch-first message the tenant gives when LibreOffice is missing. */
export const notInstalledMessage =
  'PDF-conversie is lokaal niet beschikbaar: LibreOffice (soffice) is niet geïnstalleerd. Installeer bv. het Debian-pakket libreoffice-writer-nogui, of zet LOCAL_TENANT_SOFFICE. ' +
  '(PDF conversion is not available locally: LibreOffice (soffice) is not installed.)';

let queue: Promise<unknown> = Promise.resolve();

/** Converts one document to PDF; `fileName` gives LibreOffice the format by its extension. */
export function convertToPdf(content: Uint8Array, fileName: string, options: { soffice?: string; timeoutMs?: number } = {}): Promise<Uint8Array> {
  const run = queue.then(() => convertNow(content, fileName, options));
  // The queue only orders conversions (one soffice at a time); the caller gets `run` and its failure.
  queue = run.catch(() => undefined);
  return run;
}

async function convertNow(content: Uint8Array, fileName: string, options: { soffice?: string; timeoutMs?: number }): Promise<Uint8Array> {
  const soffice = options.soffice ?? findSoffice();
  if (!soffice) throw new ConversionError('notInstalled', notInstalledMessage);
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(fileName)?.[0] ?? '.docx';
  const work = await mkdtemp(join(tmpdir(), 'lt-pdf-'));
  try {
    const input = join(work, `document${extension.toLowerCase()}`);
    await writeFile(input, content);
    const profile = pathToFileURL(join(work, 'profile')).href;
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', 'pdf', '--outdir', work, input],
        { timeout: options.timeoutMs ?? 120_000, windowsHide: true },
        (error) => {
          if (!error) resolve();
          else if ((error as { killed?: boolean }).killed) reject(new ConversionError('timeout', 'LibreOffice took too long to convert the document.'));
          else reject(new ConversionError('failed', `LibreOffice could not convert the document (${error.message.split('\n')[0]}).`));
        }
      );
    });
    let pdf: Buffer;
    try {
      pdf = await readFile(join(work, 'document.pdf'));
    } catch {
      throw new ConversionError('failed', 'LibreOffice produced no PDF (is the document a valid Office file?).');
    }
    return new Uint8Array(pdf);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
