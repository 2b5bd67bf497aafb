import type { Lang } from '../../domain/types';
import type { MailPreviewStrings } from './MailPreview.types';
import type { IntakeListStrings } from './IntakeList.types';

/** Default texts of the mail preview; a web part may pass its own from its `loc/` files instead. */
export const mailPreviewStrings: Readonly<Record<Lang, MailPreviewStrings>> = {
  nl: {
    heading: 'E-mail nakijken en versturen',
    to: 'Aan',
    cc: 'Cc',
    addressesHint: 'Scheid meerdere adressen met een komma.',
    subject: 'Onderwerp',
    body: 'Tekst',
    attachments: 'Bijlagen',
    noAttachments: 'Geen bijlagen.',
    removeAttachment: 'Bijlage {name} verwijderen',
    fromTemplate: 'sjabloon',
    fromDossier: 'uit het dossier',
    filledFromDossier: 'ingevuld met de gegevens van het dossier',
    annotatedFromDossier: 'uit het dossier, met de opmerkingen in de marge',
    errorsHeading: 'Los dit op voor u verstuurt:',
    warningsHeading: 'Let op:',
    send: 'Versturen vanuit de gedeelde mailbox',
    sending: 'Bezig met versturen…',
    cancel: 'Annuleren'
  },
  en: {
    heading: 'Review and send the e-mail',
    to: 'To',
    cc: 'Cc',
    addressesHint: 'Separate several addresses with a comma.',
    subject: 'Subject',
    body: 'Text',
    attachments: 'Attachments',
    noAttachments: 'No attachments.',
    removeAttachment: 'Remove attachment {name}',
    fromTemplate: 'template',
    fromDossier: 'from the file',
    filledFromDossier: 'filled in with the data of the file',
    annotatedFromDossier: 'from the file, with the remarks in the margin',
    errorsHeading: 'Fix this before sending:',
    warningsHeading: 'Note:',
    send: 'Send from the shared mailbox',
    sending: 'Sending…',
    cancel: 'Cancel'
  }
};

/** Default texts of the intake list. */
export const intakeListStrings: Readonly<Record<Lang, IntakeListStrings>> = {
  nl: {
    caption: 'Nieuwe e-mails in data-aanvragen, nog niet aan een dossier gekoppeld',
    empty: 'Er zijn geen nieuwe e-mails.',
    received: 'Ontvangen',
    from: 'Van',
    subject: 'Onderwerp',
    attachments: 'Bijlagen',
    actions: 'Acties',
    yes: 'ja',
    no: 'nee',
    create: 'Nieuw dossier aanmaken',
    attachTo: 'Koppelen aan {reference}',
    attachOther: 'Koppelen aan ander dossier…',
    resume: 'Import hervatten ({reference})',
    body: 'Bericht',
    showFullText: 'Volledige tekst tonen',
    hideFullText: 'Volledige tekst verbergen',
    noBodyText: '(geen tekst)',
    foundInSubject: '{mention} gevonden in het onderwerp',
    foundInBody: '{mention} gevonden in de tekst van de e-mail'
  },
  en: {
    caption: 'New e-mails in data-aanvragen not yet linked to a file',
    empty: 'There are no new e-mails.',
    received: 'Received',
    from: 'From',
    subject: 'Subject',
    attachments: 'Attachments',
    actions: 'Actions',
    yes: 'yes',
    no: 'no',
    create: 'Create new file',
    attachTo: 'Link to {reference}',
    attachOther: 'Link to another file…',
    resume: 'Resume import ({reference})',
    body: 'Message',
    showFullText: 'Show full text',
    hideFullText: 'Hide full text',
    noBodyText: '(no text)',
    foundInSubject: '{mention} found in the subject',
    foundInBody: '{mention} found in the body of the e-mail'
  }
};
