/**
 * Demo messages of the shared mailbox (fictional people, `.example` domains): new requests with and
 * without the draft forms, a reply quoting a dossier reference with a mandate proof, and a request of an
 * individual. The seed runner calls `seedMailbox` after the dossiers exist; it does nothing when the
 * mailbox already holds messages.
 */
import { docxContentType } from '../../data/mail/contentTypes';
import { fillForm, generateTemplate } from '../../forms';
import type { FormType } from '../../forms/types';
import { sharedMailbox } from '../personas';
import type { TenantStore } from '../store/tenant-store';
import { storeMailDrop } from './drop';
import type { DemoAttachment, MailDrop } from './drop';

/** A one-page PDF standing in for a scanned, signed mandate. */
function mandatePdf(): Uint8Array {
  return new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
  );
}

async function draftForm(type: FormType, fields: Record<string, string>): Promise<DemoAttachment> {
  return { name: `${type}.docx`, contentType: docxContentType, content: await fillForm(await generateTemplate(type), { fields }) };
}

const message = (subject: string, name: string, address: string, receivedDateTime: string, bodyPreview: string): Record<string, unknown> => ({
  subject,
  from: { emailAddress: { name, address } },
  toRecipients: [{ emailAddress: { name: 'Data-aanvragen VSA', address: sharedMailbox } }],
  receivedDateTime,
  bodyPreview,
  body: { contentType: 'text', content: bodyPreview },
  importance: 'normal',
  isRead: false,
  categories: []
});

/** Options of `seedMailbox`. */
export interface MailboxSeedOptions {
  /** An existing dossier (e.g. one awaiting signatures) that gets a reply with a mandate proof. */
  readonly replyToReference?: string;
  /** Who writes that reply (the dossier's contact); default a fictional contact. */
  readonly replyFrom?: { readonly name: string; readonly address: string };
  /** Arrival times are counted back from this moment; default now. */
  readonly now?: Date;
}

const isMailDrop = (target: TenantStore | MailDrop): target is MailDrop => typeof (target as MailDrop).deliver === 'function';

/**
 * Adds the demo messages unless the mailbox has messages already, into the tenant's store or through a
 * `MailDrop` (see `hookMailDrop` for a running tenant). Returns how many were added.
 */
export async function seedMailbox(target: TenantStore | MailDrop, options: MailboxSeedOptions = {}): Promise<number> {
  const drop = isMailDrop(target) ? target : storeMailDrop(target);
  if (!(await drop.isEmpty())) return 0;
  const now = options.now ?? new Date();
  const daysAgo = (days: number, hour: number): string => {
    const at = new Date(now.getTime() - days * 86_400_000);
    at.setUTCHours(hour, 15, 0, 0);
    return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  };
  const fields = {
    'aanvrager.instelling': 'Hogeschool West-Vlaanderen – Onderzoeksgroep Mobiliteit',
    'aanvrager.type': 'onderzoeksinstelling',
    'contact.naam': 'Bram Lievens',
    'contact.email': 'bram.lievens@howest.example',
    'project.titel': 'Pendelgedrag en telewerk na COVID-19',
    'project.onderzoekstype': 'wetenschappelijk'
  };
  const messages: [Record<string, unknown>, DemoAttachment[]][] = [
    [
      message('Aanvraag microdata SV-bevraging – welzijn van jongeren', 'Dr. Hanne Vos', 'hanne.vos@ugent.example', daysAgo(2, 8),
        'Geachte, graag vragen wij individuele gegevens van de SV-bevraging aan voor een onderzoek naar het welzijn van jongeren. Kunt u ons de procedure bezorgen?'),
      []
    ],
    [
      message('Aanvraag individuele gegevens – pendelgedrag en telewerk', 'Bram Lievens', 'bram.lievens@howest.example', daysAgo(1, 10),
        'Beste DPO-team, in bijlage vindt u ons ingevuld (nog niet ondertekend) dossier voor de aanvraag van microdata van de COVID-19-bevraging.'),
      [await draftForm('aanvraagformulier', fields), await draftForm('verklaringTOM', fields), await draftForm('protocol', fields)]
    ],
    [
      message('Vraag: microdata voor mijn thesis', 'Ingrid Individu', 'ingrid.individu@mail.example', daysAgo(0, 7),
        'Hallo, ik schrijf als privépersoon een boek over vrijetijdsbesteding en zou graag de ruwe gegevens van de SCV-survey ontvangen.'),
      []
    ]
  ];
  if (options.replyToReference) {
    messages.push([
      message(`RE: [${options.replyToReference}] Aanvraag microdata: ondertekening van het dossier`, options.replyFrom?.name ?? 'Karel Contact', options.replyFrom?.address ?? 'karel.contact@kuleuven.example', daysAgo(0, 9),
        'Beste, hierbij het bewijs van volmacht van onze gevolmachtigde ondertekenaar. De ondertekende documenten volgen.'),
      [{ name: 'Volmacht ondertekenaar.pdf', contentType: 'application/pdf', content: mandatePdf() }]
    ]);
  }
  for (const [payload, attachments] of messages) await drop.deliver(payload, attachments);
  return messages.length;
}
