import type { DomainError, DomainWarning } from '../../domain/types';

/**
 * What happened to a command the UI sent: accepted (maybe with warnings), refused by the domain
 * (every error), a concurrency conflict (someone else changed the dossier), or another failure.
 */
export type CommandOutcome =
  | { readonly ok: true; readonly warnings?: readonly DomainWarning[] }
  | { readonly ok: false; readonly kind: 'refused'; readonly errors: readonly DomainError[] }
  | { readonly ok: false; readonly kind: 'conflict' }
  | { readonly ok: false; readonly kind: 'failed'; readonly message: string };
