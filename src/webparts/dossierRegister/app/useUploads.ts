import * as React from 'react';
import type { DocumentPhase, Lang } from '../../../domain/types';
import { formatFailure } from '../../../app/failures';
import type { RegisterService } from '../../../app/registerService';
import type { UploadKind } from '../../../ui/panel/DocumentsSection';
import type { UploadProgress } from '../../../ui/panel/panelTypes';
import { runAsync } from '../../../ui/shared/runAsync';
import { bytesOf } from './browserFiles';
import type { DossierDetail } from './useDossierDetail';

/** Per-file progress of the uploads to the open dossier; the dossier reloads when a batch is done. */
export function useUploads(service: RegisterService, detail: DossierDetail, lang: Lang): {
  readonly uploads: readonly UploadProgress[];
  readonly upload: (files: readonly File[], kind: UploadKind, phase: DocumentPhase) => void;
} {
  const [uploads, setUploads] = React.useState<UploadProgress[]>([]);
  // A new dossier starts with an empty list.
  React.useEffect(() => setUploads([]), [detail.reference]);
  const upload = (files: readonly File[], kind: UploadKind, phase: DocumentPhase): void => {
    const opened = detail.opened;
    if (!opened) return;
    // Each drop gets its own rows, found by a batch id: two drops before a render never share indexes.
    const batchId = `${Date.now()}-${Math.random()}`;
    setUploads((current) => [...current, ...files.map((file, index): UploadProgress => ({ fileName: file.name, status: 'checking', key: `${batchId}:${index}` }))]);
    const update = (index: number, patch: Partial<UploadProgress>): void =>
      setUploads((current) => current.map((item) => (item.key === `${batchId}:${index}` ? { ...item, ...patch } : item)));
    const batch = service.upload(opened, files.map((file) => ({ name: file.name, bytes: () => bytesOf(file) })), kind, phase, (index, step) => {
      if (step.status === 'failed') update(index, { status: 'failed', message: formatFailure(step.error, lang) });
      else if (step.status === 'uploading') update(index, { status: 'uploading', summary: step.summary });
      else if (step.status === 'done') {
        if (step.checked) detail.remember(step.stored, step.checked);
        update(index, { status: 'done' });
      } else update(index, { status: step.status });
    });
    runAsync(batch.then(detail.reload), detail.showFailure);
  };
  return { uploads, upload };
}
