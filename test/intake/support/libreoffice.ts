import { findSoffice } from '../../../src/local/conversion/libreoffice';

/**
 * Whether the PDF tests run. Without LibreOffice they are skipped with a visible notice on a developer
 * machine; with `CI` set a missing LibreOffice fails the suite instead (CI installs it).
 */
export function pdfConversionAvailable(suite: string): boolean {
  if (findSoffice()) return true;
  if (process.env.CI) throw new Error(`${suite}: LibreOffice (soffice) is required in CI for the PDF conversion tests.`);
  // A visible notice, not a silent skip.
  process.stderr.write(`\n[${suite}] OVERGESLAGEN: LibreOffice (soffice) is niet geïnstalleerd; de PDF-conversietests lopen niet. (SKIPPED: LibreOffice not installed.)\n`);
  return false;
}
