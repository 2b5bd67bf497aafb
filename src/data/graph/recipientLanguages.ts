import { languageOf } from '../../domain/i18n/language';
import type { Lang } from '../../domain/types';
import { toDataError } from '../errors';
import type { RecipientLanguages } from '../ports';
import type { GraphApi } from './notifier';

/**
 * `RecipientLanguages` on Microsoft Graph: the user's `preferredLanguage` (`GET /users/{address}`,
 * application permission `User.Read.All` for the command service and the scheduled job). `en…` is
 * English, anything else Dutch; no `preferredLanguage`, or an address the directory does not know
 * (404, e.g. a shared mailbox without a user object), is `undefined` (then Dutch). Any other failure
 * (no permission, throttling) is thrown, never hidden: the reaction reports it. An answer is kept for the
 * life of the instance (a composition: a Functions instance, a page), so a busy run asks once per person.
 */
export class GraphRecipientLanguages implements RecipientLanguages {
  private readonly known = new Map<string, Lang | undefined>();

  public constructor(private readonly graph: GraphApi) {}

  public async preferredLanguageOf(address: string): Promise<Lang | undefined> {
    const key = address.toLowerCase();
    if (this.known.has(key)) return this.known.get(key);
    const lang = await this.lookUp(address);
    this.known.set(key, lang);
    return lang;
  }

  private async lookUp(address: string): Promise<Lang | undefined> {
    try {
      const user = (await this.graph.api(`/users/${encodeURIComponent(address)}`).select('preferredLanguage').get()) as { preferredLanguage?: unknown };
      return typeof user.preferredLanguage === 'string' && user.preferredLanguage.trim() ? languageOf(user.preferredLanguage) : undefined;
    } catch (error) {
      const failure = toDataError(error, 'read the preferred language of a recipient');
      if (failure.code === 'data.error.notFound') return undefined;
      throw failure;
    }
  }
}
