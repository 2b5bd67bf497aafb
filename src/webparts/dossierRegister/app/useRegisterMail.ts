import * as React from 'react';
import type { Lang } from '../../../domain/types';
import { formatFailure } from '../../../app/failures';
import { formatText } from '../../../ui/shared/format';
import { runAsync } from '../../../ui/shared/runAsync';
import type { UiStrings } from '../../../ui/strings';
import type { RegisterMail, RegisterMailLoader } from '../../../app/registerMail';

/** The mail features, composed on first use (`wanted`), in their own chunk; a failure is shown, not dropped. */
export function useRegisterMail(loader: RegisterMailLoader | undefined, wanted: boolean, strings: UiStrings, lang: Lang): {
  readonly mail?: RegisterMail;
  readonly mailError?: string;
  readonly showMailFailure: (error: unknown) => void;
} {
  const [mail, setMail] = React.useState<RegisterMail | undefined>(undefined);
  const [mailError, setMailError] = React.useState<string | undefined>(undefined);
  const requested = React.useRef(false);
  const showMailFailure = React.useCallback(
    (error: unknown) => setMailError(formatText(strings.mailboxError, { message: formatFailure(error, lang) })),
    [strings, lang]
  );
  // Another loader (e.g. a new mailbox address in the property pane) means other services.
  React.useEffect(() => {
    requested.current = false;
    setMail(undefined);
    setMailError(undefined);
  }, [loader]);
  React.useEffect(() => {
    if (!wanted || !loader || requested.current) return;
    requested.current = true;
    runAsync(loader().then(setMail), (error) => {
      requested.current = false;
      showMailFailure(error);
    });
  }, [wanted, loader, showMailFailure]);
  return { mail, mailError, showMailFailure };
}
