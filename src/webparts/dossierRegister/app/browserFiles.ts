/** Saves bytes as a file download in the browser (an object URL on a temporary link). */
export function saveFileInBrowser(fileName: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Let the download start before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The bytes of a dropped or chosen file (one helper for every host: `src/ui/shared/fileBytes.ts`). */
export { bytesOf } from '../../../ui/shared/fileBytes';
