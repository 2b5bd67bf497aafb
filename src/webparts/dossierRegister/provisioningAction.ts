import type { ProvisioningReport } from '../../data/sharepoint/provisioning';
import type { Lang } from '../../domain/types';
import { formatFailure } from '../../app/failures';

/** The texts of the property pane's provisioning action. */
export interface ProvisioningStrings {
  readonly ProvisionRunning: string;
  /** `{count}`: how many lists, columns, groups, permissions and views were created. */
  readonly ProvisionDone: string;
  readonly ProvisionNothingToDo: string;
  /** `{reason}`: why it failed, in the user's language (`formatFailure`). */
  readonly ProvisionFailed: string;
}

/**
 * Runs the idempotent provisioning for a site owner and turns the outcome into the status line the
 * property pane shows. A refusal (no site owner, throttled after retries) is a status, never a crash.
 */
export async function runProvisioning(
  provisioner: { ensureAll(): Promise<ProvisioningReport> },
  strings: ProvisioningStrings,
  lang: Lang
): Promise<string> {
  try {
    const report = await provisioner.ensureAll();
    return report.created.length === 0
      ? strings.ProvisionNothingToDo
      : strings.ProvisionDone.replace('{count}', String(report.created.length));
  } catch (error) {
    return strings.ProvisionFailed.replace('{reason}', formatFailure(error, lang));
  }
}
