import type { Actor, RoleId } from '../../../domain/types';
import type { Reaction } from '../../commandService';
import type { Notifier } from '../../ports';
import { messagingReaction } from '../../reactions';

/** @deprecated Configuration of `notifyDpoTeam`; use `messagingReaction` with `dpoTeamMailbox`/`approvalsAppId`. */
export interface DecisionNotificationConfig {
  readonly notifier: Notifier;
  readonly dpoTeamRecipients: () => Promise<readonly string[]>;
  readonly mailbox?: string;
  readonly teamsAppId: string;
}

/**
 * @deprecated The DPO team's notifications are part of the data layer's one reaction,
 * `messagingReaction` (`src/data/reactions.ts`). This alias only keeps
 * `src/local/workbench/approvals/entry.tsx` compiling until it switches; it has no logic of its own.
 */
export function notifyDpoTeam(config: DecisionNotificationConfig): Reaction {
  const directory = {
    membersOf: async (role: RoleId): Promise<Actor[]> =>
      role === 'dpoTeam' ? (await config.dpoTeamRecipients()).map((id) => ({ id, displayName: id, roles: ['dpoTeam'] })) : []
  };
  return messagingReaction(config.notifier, directory, { registerUrl: '', dpoTeamMailbox: config.mailbox, approvalsAppId: config.teamsAppId });
}
