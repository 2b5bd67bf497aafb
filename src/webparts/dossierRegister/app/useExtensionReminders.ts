import * as React from 'react';
import type { RegisterService } from '../../../app/registerService';
import type { ExtensionReminder } from '../../../publication/extension';
import { runAsync } from '../../../ui/shared/runAsync';

/** The protocols due for an extension reminder, loaded when `active` first becomes true and again after `reload`. */
export function useExtensionReminders(active: boolean, service: RegisterService): {
  readonly reminders?: readonly ExtensionReminder[];
  /** The failure, to be formatted by the screen (`formatFailure`). */
  readonly error?: unknown;
  readonly reload: () => void;
} {
  const [reminders, setReminders] = React.useState<readonly ExtensionReminder[] | undefined>(undefined);
  const [error, setError] = React.useState<unknown>(undefined);
  const [generation, setGeneration] = React.useState(0);
  React.useEffect(() => {
    if (!active) return;
    let current = true;
    // A new load starts without the previous failure.
    setError(undefined);
    runAsync(
      service.extensionReminders().then((found) => current && setReminders(found)),
      (failure) => current && setError(failure ?? new Error('unknown'))
    );
    return () => {
      current = false;
    };
  }, [active, service, generation]);
  const reload = React.useCallback(() => setGeneration((value) => value + 1), []);
  return { reminders, error, reload };
}
