import { formatFailure } from '../../app/failures';
import type { ProvisioningReport } from '../../data/sharepoint/provisioning';
import { interpolate } from '../../domain/i18n/interpolate';
import type { Lang } from '../../domain/types';

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
      : interpolate(strings.ProvisionDone, { count: report.created.length });
  } catch (error) {
    // The data layer's message is English and technical; the site owner reads the code's own text.
    return interpolate(strings.ProvisionFailed, { reason: formatFailure(error, lang) });
  }
}
