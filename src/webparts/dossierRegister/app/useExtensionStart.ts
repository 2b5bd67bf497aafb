import * as React from 'react';
import type { Actor, Lang } from '../../../domain/types';
import { formatFailure } from '../../../app/failures';
import type { RegisterService } from '../../../app/registerService';
import type { RegisterMailPort } from '../../../app/registerPorts';
import type { ExtensionReminder } from '../../../publication/extension';
import { formatText } from '../../../ui/shared/format';
import type { UiStrings } from '../../../ui/strings';

/** The one-click extension of a protocol end-date reminder: which one is starting, and what happened. */
export function useExtensionStart(
  service: RegisterService,
  actor: Actor | undefined,
  mail: RegisterMailPort | undefined,
  onStarted: (reference: string) => void,
  strings: UiStrings,
  lang: Lang
): {
  readonly starting?: string;
  readonly status?: { readonly ok: boolean; readonly text: string };
  readonly start: (reminder: ExtensionReminder) => Promise<void>;
} {
  const [starting, setStarting] = React.useState<string | undefined>(undefined);
  const [status, setStatus] = React.useState<{ readonly ok: boolean; readonly text: string } | undefined>(undefined);
  const start = async (reminder: ExtensionReminder): Promise<void> => {
    if (!mail) return;
    setStarting(reminder.protocolNumber);
    setStatus(undefined);
    try {
      const started = await service.startExtension(reminder, actor, mail);
      onStarted(started.reference);
      setStatus({ ok: true, text: formatText(strings.extensionStarted, { reference: started.reference, protocol: reminder.protocolNumber }) });
    } catch (error) {
      setStatus({ ok: false, text: formatText(strings.genericError, { message: formatFailure(error, lang) }) });
    } finally {
      setStarting(undefined);
    }
  };
  return { starting, status, start };
}
