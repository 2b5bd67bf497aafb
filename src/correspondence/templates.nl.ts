import type { MailTemplates } from './templates';
import { requesterTextOf } from './reminderTexts';

/**
 * Dutch e-mail templates (the default language). `{name}` is filled from the dossier;
 * `{?name}...{/name}` is kept only when `name` has a value. Wording follows the VSA procedure text.
 */
export const nlTemplates: MailTemplates = {
  'requestForms.standard': {
    subject: '[{reference}] Aanvraag microdata: in te vullen formulieren',
    body: `Geachte {contactName},

Bedankt voor uw aanvraag voor individuele gegevens (microdata) van Statistiek Vlaanderen ({requestSubject}). Uw aanvraag is geregistreerd onder dossiernummer {reference}. Vermeld dit nummer in het onderwerp van elke e-mail over deze aanvraag.

Om uw aanvraag te beoordelen, vragen wij u de volgende documenten in te vullen:
{formList}

U vindt de formulieren in bijlage. Stuur ze zo volledig mogelijk ingevuld, maar nog niet ondertekend, in docx-formaat terug naar {mailbox}.

Met inhoudelijke vragen over de gegevens kunt u terecht bij {statistician}; met administratief-technische vragen bij het DPO-team via {mailbox}.

Met vriendelijke groeten,

{signature}`
  },
  'requestForms.simplified': {
    subject: '[{reference}] Aanvraag microdata: vereenvoudigde procedure',
    body: `Geachte {contactName},

Bedankt voor uw aanvraag voor individuele gegevens (microdata) van Statistiek Vlaanderen ({requestSubject}). Uw aanvraag is geregistreerd onder dossiernummer {reference}. Vermeld dit nummer in het onderwerp van elke e-mail over deze aanvraag.

Uw aanvraag bouwt voort op het bestaande protocol {parentProtocol} ({reasons}). U kunt daarom de vereenvoudigde procedure volgen en hoeft slechts één formulier in te vullen:
{formList}

U vindt het formulier in bijlage. Stuur het zo volledig mogelijk ingevuld, maar nog niet ondertekend, in docx-formaat terug naar {mailbox}. Na goedkeuring bezorgen wij u een addendum bij het bestaande protocol.

Met inhoudelijke vragen over de gegevens kunt u terecht bij {statistician}; met administratief-technische vragen bij het DPO-team via {mailbox}.

Met vriendelijke groeten,

{signature}`
  },
  'returnWithComments.default': {
    subject: '[{reference}] Aanvraag microdata: documenten met opmerkingen',
    body: `Geachte {contactName},

Het DPO-team van de VSA heeft de documenten van uw aanvraag {reference} ({projectTitle}) beoordeeld. Enkele onderdelen zijn onvolledig, onjuist of onduidelijk.

Onze opmerkingen:
{comments}
{?documentList}
In bijlage vindt u de documenten met onze opmerkingen in de marge:
{documentList}
{/documentList}
Wij vragen u de documenten aan te passen en ze opnieuw, nog niet ondertekend en in docx-formaat, te bezorgen via {mailbox}.

Met vriendelijke groeten,

{signature}`
  },
  'decision.approved': {
    subject: '[{reference}] Aanvraag microdata: goedgekeurd',
    body: `Geachte {contactName},

Na beraad van het DPO-team en het advies van de functionaris voor gegevensbescherming heeft de Hoofdstatisticus van de VSA uw aanvraag {reference} ({projectTitle}) goedgekeurd.

Motivering: {motivation}

U ontvangt van ons de praktische afspraken voor de ondertekening van het definitieve dossier.

Met vriendelijke groeten,

{signature}`
  },
  'decision.approvedWithConditions': {
    subject: '[{reference}] Aanvraag microdata: {decision}',
    body: `Geachte {contactName},

Na beraad van het DPO-team en het advies van de functionaris voor gegevensbescherming heeft de Hoofdstatisticus van de VSA uw aanvraag {reference} ({projectTitle}) {decision}.

Motivering: {motivation}

Aan de goedkeuring zijn de volgende voorwaarden verbonden:
{conditions}

Deze voorwaarden worden ook opgenomen in {conditionsDocument} dat u ter ondertekening ontvangt. Wie een voorwaarde met een termijn vervult, bezorgt ons het bewijs via {mailbox}.

U ontvangt van ons de praktische afspraken voor de ondertekening van het definitieve dossier.

Met vriendelijke groeten,

{signature}`
  },
  'decision.rejected': {
    subject: '[{reference}] Aanvraag microdata: beslissing',
    body: `Geachte {contactName},

Na beraad van het DPO-team en het advies van de functionaris voor gegevensbescherming heeft de Hoofdstatisticus van de VSA beslist dat de individuele gegevens van uw aanvraag {reference} ({projectTitle}) niet meegedeeld kunnen worden.

Motivering: {motivation}

Met vragen over deze beslissing kunt u terecht bij het DPO-team via {mailbox}.

Met vriendelijke groeten,

{signature}`
  },
  'requestSignatures.standard': {
    subject: '[{reference}] Aanvraag microdata: ondertekening van het dossier',
    body: `Geachte {contactName},

Uw aanvraag {reference} ({projectTitle}) werd {approval}. U mag het definitieve dossier nu finaliseren en ondertekenen:
{documentList}
{?conditionsNote}
{conditionsNote}
{/conditionsNote}
Wie ondertekent? De verwerkingsverantwoordelijke, de wettelijke vertegenwoordiger van de instelling of een persoon met deze bevoegdheid. Ondertekent een gevolmachtigde, bezorg ons dan ook een bewijs van de volmacht of delegatie.

Wij vragen een elektronische handtekening, bij voorkeur een gekwalificeerde elektronische handtekening met eID.

Stuur de ondertekende documenten naar {mailbox}. De functionaris voor gegevensbescherming (DPO) van uw instelling mag de documenten ook voor u versturen. Na ontvangst ondertekent de Hoofdstatisticus van de VSA het protocol.

Met vriendelijke groeten,

{signature}`
  },
  'requestSignatures.simplified': {
    subject: '[{reference}] Aanvraag microdata: ondertekening van het addendum',
    body: `Geachte {contactName},

Uw aanvraag {reference} ({projectTitle}) via de vereenvoudigde procedure werd {approval}. Het addendum bij protocol {parentProtocol} vindt u in bijlage. Wij vragen u te ondertekenen:
{documentList}
{?conditionsNote}
{conditionsNote}
{/conditionsNote}
Wie ondertekent? De verwerkingsverantwoordelijke, de wettelijke vertegenwoordiger van de instelling of een persoon met deze bevoegdheid. Ondertekent een gevolmachtigde, bezorg ons dan ook een bewijs van de volmacht of delegatie.

Wij vragen een elektronische handtekening, bij voorkeur een gekwalificeerde elektronische handtekening met eID.

Stuur de ondertekende documenten naar {mailbox}. De functionaris voor gegevensbescherming (DPO) van uw instelling mag de documenten ook voor u versturen. Na ontvangst ondertekent de Hoofdstatisticus van de VSA het addendum.

Met vriendelijke groeten,

{signature}`
  },
  'countersignedProtocol.standard': {
    subject: '[{reference}] Ondertekend protocol {number}',
    body: `Geachte {contactName},

De Hoofdstatisticus van de VSA heeft het protocol {number} voor uw aanvraag {reference} ({projectTitle}) ondertekend. In bijlage vindt u het door beide partijen ondertekende protocol in twee versies:
- de versie met de originele handtekeningen;
- de versie voor publicatie, waarin de onderliggende gegevens van de elektronische handtekeningen niet meer raadpleegbaar zijn.

De publicatieversie wordt op de website van Statistiek Vlaanderen gepubliceerd.{?endDate} Het protocol loopt tot {endDate}.{/endDate}

Zodra de gevraagde gegevens beschikbaar zijn, worden ze u geleverd.

Met vriendelijke groeten,

{signature}`
  },
  'countersignedProtocol.simplified': {
    subject: '[{reference}] Ondertekend addendum {number}',
    body: `Geachte {contactName},

De Hoofdstatisticus van de VSA heeft het addendum {number} bij protocol {parentProtocol} voor uw aanvraag {reference} ({projectTitle}) ondertekend. In bijlage vindt u het door beide partijen ondertekende addendum in twee versies:
- de versie met de originele handtekeningen;
- de versie voor publicatie, waarin de onderliggende gegevens van de elektronische handtekeningen niet meer raadpleegbaar zijn.

De publicatieversie wordt op de website van Statistiek Vlaanderen gepubliceerd.{?endDate} Het protocol loopt nu tot {endDate}.{/endDate}

Zodra de gevraagde gegevens beschikbaar zijn, worden ze u geleverd.

Met vriendelijke groeten,

{signature}`
  },
  'deliveryNotice.default': {
    subject: '[{reference}] Levering van de gevraagde microdata',
    body: `Geachte {contactName},

De individuele gegevens voor uw aanvraag {reference} ({projectTitle}) werden op {deliveredOn} geleverd.

Dataset: {dataset}{?variables}
Aantal variabelen: {variables}{/variables}{?method}
Wijze van levering: {method}{/method}

U mag de gegevens gebruiken binnen de voorwaarden van {agreement}.{?endDate} Het protocol loopt tot {endDate}. Wilt u de gegevens daarna nog gebruiken, variabelen toevoegen of nieuwe, verwante doeleinden nastreven, dien dan tijdig een aanvraag via de vereenvoudigde procedure in.{/endDate}

Met vriendelijke groeten,

{signature}`
  },
  'protocolEndReminder.default': {
    subject: '[{reference}] Protocol {number} loopt af op {endDate}',
    body: `Geachte {contactName},

Het protocol {number} voor uw project "{projectTitle}" loopt af op {endDate}. Na die datum mag u de gegevens niet meer gebruiken en moet u ze vernietigen zoals in het protocol bepaald.

Wilt u de gegevens langer gebruiken, dan kunt u een verlenging aanvragen via de vereenvoudigde procedure: één formulier, waarna een addendum bij het bestaande protocol wordt gevoegd. Antwoord op deze e-mail of schrijf naar {mailbox}; wij bezorgen u dan het formulier.

Met vriendelijke groeten,

{signature}`
  },
  'notAdmissible.individual': {
    subject: '[{reference}] Aanvraag microdata: niet ontvankelijk',
    body: `Geachte {contactName},

Bedankt voor uw aanvraag voor individuele gegevens (microdata) van Statistiek Vlaanderen ({requestSubject}), geregistreerd onder dossiernummer {reference}.

Wij kunnen uw aanvraag helaas niet behandelen. Individuele gegevens van de bevragingen van de VSA worden alleen ter beschikking gesteld van overheidsdiensten en onderzoeksinstellingen, die er als verwerkingsverantwoordelijke voor instaan. Een aanvraag van een individu dat niet verbonden is aan zo'n dienst of instelling is daarom niet ontvankelijk.

Werkt u voor een overheidsdienst of een onderzoeksinstelling, dan kan die instelling de aanvraag indienen; vermeld dan de naam en het ondernemingsnummer van de instelling. De resultaten van de bevragingen zijn vrij te raadplegen op de website van Statistiek Vlaanderen.

Met vriendelijke groeten,

{signature}`
  },
  // Issue 16: the scheduled job's requester drafts. One source: the reminder table's words (the job renders them).
  'requesterReminder.default': requesterTextOf('requesterReminder', 'nl'),
  'destructionRequest.default': requesterTextOf('destructionRequest', 'nl')
};
