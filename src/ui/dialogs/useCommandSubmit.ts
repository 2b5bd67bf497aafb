import * as React from 'react';
import type { CommandOutcome } from '../shared/outcome';

/** What a command dialog's submit gives the dialog to render. */
export interface CommandSubmit {
  /** The last answer (refused errors render next to their fields; a failure as a message). */
  readonly outcome: CommandOutcome | undefined;
  readonly saving: boolean;
  /** Runs the command; closes the dialog on success without warnings, keeps it open otherwise. */
  readonly submit: (run: () => Promise<CommandOutcome>) => Promise<void>;
  /** Shows a failure that happened outside `run` (e.g. a rejected promise of the click handler). */
  readonly fail: (error: unknown) => void;
  readonly reset: () => void;
}

/**
 * The submit cycle every command dialog shares: saving flag, outcome, close on a clean success, a thrown
 * error turned into a readable failure. A dialog closed while the command runs is not updated any more.
 */
export function useCommandSubmit(onDismiss: () => void, describeFailure: (error: unknown) => string): CommandSubmit {
  const [outcome, setOutcome] = React.useState<CommandOutcome>();
  const [saving, setSaving] = React.useState(false);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const fail = React.useCallback((error: unknown) => {
    if (mounted.current) setOutcome({ ok: false, kind: 'failed', message: describeFailure(error) });
  }, [describeFailure]);

  const submit = React.useCallback(async (run: () => Promise<CommandOutcome>): Promise<void> => {
    setSaving(true);
    setOutcome(undefined);
    try {
      const result = await run();
      if (!mounted.current) return;
      setOutcome(result);
      if (result.ok && (!result.warnings || result.warnings.length === 0)) onDismiss();
    } catch (error) {
      fail(error);
    } finally {
      if (mounted.current) setSaving(false);
    }
  }, [onDismiss, fail]);

  const reset = React.useCallback(() => setOutcome(undefined), []);
  return { outcome, saving, submit, fail, reset };
}
