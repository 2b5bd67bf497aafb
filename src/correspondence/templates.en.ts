import type { MailTemplates } from './templates';
import { requesterTextOf } from './reminderTexts';

/** English e-mail templates (second language); same ids and placeholders as the Dutch ones. */
export const enTemplates: MailTemplates = {
  'requestForms.standard': {
    subject: '[{reference}] Microdata request: forms to complete',
    body: `Dear {contactName},

Thank you for your request for individual data (microdata) of Statistics Flanders ({requestSubject}). Your request is registered under file number {reference}. Please mention this number in the subject of every e-mail about this request.

To assess your request, we ask you to complete the following documents:
{formList}

The forms are attached. Please return them as complete as possible, but not yet signed, in docx format to {mailbox}.

For questions about the data, please contact {statistician}; for administrative or technical questions, the DPO team at {mailbox}.

Kind regards,

{signature}`
  },
  'requestForms.simplified': {
    subject: '[{reference}] Microdata request: simplified procedure',
    body: `Dear {contactName},

Thank you for your request for individual data (microdata) of Statistics Flanders ({requestSubject}). Your request is registered under file number {reference}. Please mention this number in the subject of every e-mail about this request.

Your request builds on the existing protocol {parentProtocol} ({reasons}). You may therefore follow the simplified procedure and complete a single form:
{formList}

The form is attached. Please return it as complete as possible, but not yet signed, in docx format to {mailbox}. After approval we will send you an addendum to the existing protocol.

For questions about the data, please contact {statistician}; for administrative or technical questions, the DPO team at {mailbox}.

Kind regards,

{signature}`
  },
  'returnWithComments.default': {
    subject: '[{reference}] Microdata request: documents with comments',
    body: `Dear {contactName},

The DPO team of the VSA has reviewed the documents of your request {reference} ({projectTitle}). Some parts are incomplete, incorrect or unclear.

Our comments:
{comments}
{?documentList}
The attached documents carry our comments in the margin:
{documentList}
{/documentList}
Please amend the documents and send them again, not yet signed and in docx format, to {mailbox}.

Kind regards,

{signature}`
  },
  'decision.approved': {
    subject: '[{reference}] Microdata request: approved',
    body: `Dear {contactName},

After deliberation of the DPO team and the advice of the data protection officer, the Chief Statistician of the VSA has approved your request {reference} ({projectTitle}).

Motivation: {motivation}

We will send you the practical arrangements for signing the final file.

Kind regards,

{signature}`
  },
  'decision.approvedWithConditions': {
    subject: '[{reference}] Microdata request: {decision}',
    body: `Dear {contactName},

After deliberation of the DPO team and the advice of the data protection officer, the Chief Statistician of the VSA has decided on your request {reference} ({projectTitle}): {decision}.

Motivation: {motivation}

The approval comes with the following conditions:
{conditions}

These conditions are also included in {conditionsDocument} you will receive for signature. Whoever meets a condition with a due date sends us the evidence at {mailbox}.

We will send you the practical arrangements for signing the final file.

Kind regards,

{signature}`
  },
  'decision.rejected': {
    subject: '[{reference}] Microdata request: decision',
    body: `Dear {contactName},

After deliberation of the DPO team and the advice of the data protection officer, the Chief Statistician of the VSA has decided that the individual data of your request {reference} ({projectTitle}) cannot be communicated.

Motivation: {motivation}

For questions about this decision, please contact the DPO team at {mailbox}.

Kind regards,

{signature}`
  },
  'requestSignatures.standard': {
    subject: '[{reference}] Microdata request: signing the file',
    body: `Dear {contactName},

Your request {reference} ({projectTitle}) has been {approval}. You may now finalise and sign the final file:
{documentList}
{?conditionsNote}
{conditionsNote}
{/conditionsNote}
Who signs? The controller, the legal representative of the institution or a person holding that authority. If a proxy signs, please also send us proof of the mandate or delegation.

We ask for an electronic signature, preferably a qualified electronic signature with eID.

Send the signed documents to {mailbox}. The data protection officer (DPO) of your institution may also send them on your behalf. On receipt, the Chief Statistician of the VSA countersigns the protocol.

Kind regards,

{signature}`
  },
  'requestSignatures.simplified': {
    subject: '[{reference}] Microdata request: signing the addendum',
    body: `Dear {contactName},

Your request {reference} ({projectTitle}) through the simplified procedure has been {approval}. The addendum to protocol {parentProtocol} is attached. Please sign:
{documentList}
{?conditionsNote}
{conditionsNote}
{/conditionsNote}
Who signs? The controller, the legal representative of the institution or a person holding that authority. If a proxy signs, please also send us proof of the mandate or delegation.

We ask for an electronic signature, preferably a qualified electronic signature with eID.

Send the signed documents to {mailbox}. The data protection officer (DPO) of your institution may also send them on your behalf. On receipt, the Chief Statistician of the VSA countersigns the addendum.

Kind regards,

{signature}`
  },
  'countersignedProtocol.standard': {
    subject: '[{reference}] Signed protocol {number}',
    body: `Dear {contactName},

The Chief Statistician of the VSA has signed protocol {number} for your request {reference} ({projectTitle}). Attached is the protocol signed by both parties, in two versions:
- the version with the original signatures;
- the version for publication, in which the underlying data of the electronic signatures can no longer be consulted.

The publication version will be published on the website of Statistics Flanders.{?endDate} The protocol runs until {endDate}.{/endDate}

The requested data will be delivered to you as soon as they are available.

Kind regards,

{signature}`
  },
  'countersignedProtocol.simplified': {
    subject: '[{reference}] Signed addendum {number}',
    body: `Dear {contactName},

The Chief Statistician of the VSA has signed addendum {number} to protocol {parentProtocol} for your request {reference} ({projectTitle}). Attached is the addendum signed by both parties, in two versions:
- the version with the original signatures;
- the version for publication, in which the underlying data of the electronic signatures can no longer be consulted.

The publication version will be published on the website of Statistics Flanders.{?endDate} The protocol now runs until {endDate}.{/endDate}

The requested data will be delivered to you as soon as they are available.

Kind regards,

{signature}`
  },
  'deliveryNotice.default': {
    subject: '[{reference}] Delivery of the requested microdata',
    body: `Dear {contactName},

The individual data for your request {reference} ({projectTitle}) were delivered on {deliveredOn}.

Dataset: {dataset}{?variables}
Number of variables: {variables}{/variables}{?method}
Delivery method: {method}{/method}

You may use the data under the conditions of {agreement}.{?endDate} The protocol runs until {endDate}. If you wish to use the data after that date, add variables or pursue new, related purposes, please submit a request through the simplified procedure in time.{/endDate}

Kind regards,

{signature}`
  },
  'protocolEndReminder.default': {
    subject: '[{reference}] Protocol {number} ends on {endDate}',
    body: `Dear {contactName},

Protocol {number} for your project "{projectTitle}" ends on {endDate}. After that date you may no longer use the data and must destroy them as the protocol lays down.

If you wish to use the data longer, you can request an extension through the simplified procedure: a single form, after which an addendum is added to the existing protocol. Reply to this e-mail or write to {mailbox}; we will then send you the form.

Kind regards,

{signature}`
  },
  'notAdmissible.individual': {
    subject: '[{reference}] Microdata request: not admissible',
    body: `Dear {contactName},

Thank you for your request for individual data (microdata) of Statistics Flanders ({requestSubject}), registered under file number {reference}.

Unfortunately we cannot process your request. Individual data of the VSA's surveys are made available only to public services and research institutions, which are responsible for them as controllers. A request from an individual not affiliated with such a service or institution is therefore not admissible.

If you work for a public service or a research institution, that institution can submit the request; please state the institution's name and enterprise number. The results of the surveys can be consulted freely on the Statistics Flanders website.

Kind regards,

{signature}`
  },
  // Issue 16: the scheduled job's requester drafts. One source: the reminder table's words (the job renders them).
  'requesterReminder.default': requesterTextOf('requesterReminder', 'en'),
  'destructionRequest.default': requesterTextOf('destructionRequest', 'en')
};
