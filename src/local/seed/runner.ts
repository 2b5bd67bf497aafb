import type { Command } from '../../domain/commands';
import type { Actor, DocumentKind, DocumentPhase, DocumentRegistration, RequestedData, RoleId } from '../../domain/types';
import { requestedDataOf, type FormType } from '../../forms';
import { inheritedRequestedData, requestedDataFromChecked, type FormOfDocument } from '../../app/formFacts';
import { createLocalComposition } from '../../composition/local';
import { LOCAL_SERVICE_LOGIN } from '../../composition/localTenantIdentity';
import type { DataLayer } from '../../composition/dataLayer';
import { legalBases, notAdmissibleReasons, reviewerRemarks, reviewRemarks, revisedFields } from './catalog';
import { nextDraftVersion, openRequesterFindings, type DocumentVersionReview, type NewReviewerFinding } from '../../domain/findings';
import { documentVersionReview } from '../../app/findingReviews';
import { buildForm, demoPdf } from './documents';
import type { FormFacts, SignatureFacts } from './documents';
import type { PlannedDossier, PlannedStep } from './plan';
import type { SeededRandom } from './random';
import { verifySignatures } from '../../signatures';
import { localDemoRootDer } from '../pki/localDemoPki';
import { buildMailDraft } from '../../correspondence/draft';
import { mailSentCommand } from '../../correspondence/audit';
import { sharedMailbox } from '../personas';
import { seedAdviceCriteria } from './adviceCriteria';
import { countersignedFileName, protocolFactsOf, publicationPdfOf, signedProtocolPdfs } from './signedProtocol';

/** A persona signed in to the local tenant: its data layer and its actor as the directory reports it. */
export interface SignedIn {
  readonly data: DataLayer;
  readonly actor: Actor;
}

/** Every persona the seed acts as, keyed by e-mail. */
export type Personas = ReadonlyMap<string, SignedIn>;

/**
 * Signs every persona in (a minted token each) to read its roles from the tenant, as the directory
 * reports them. The seed is a data import run by the command service itself: every write goes through
 * one trusted `CommandService` on the service's app-only identity, so the history can carry the planned
 * (past) times and each event the persona as actor — the groups only read the lists.
 */
export async function signInPersonas(baseUrl: string, emails: readonly string[], clock?: () => string): Promise<Personas> {
  const service = createLocalComposition({ baseUrl, app: 'service', clock, messaging: false, trustedWriters: [LOCAL_SERVICE_LOGIN] });
  const result = new Map<string, SignedIn>();
  for (const email of emails) {
    const persona = createLocalComposition({ baseUrl, userEmail: email, messaging: false });
    result.set(email, { data: service.data, actor: await persona.data.directory.currentActor() });
  }
  return result;
}

function withRole(personas: Personas, role: RoleId, random: SeededRandom, exclude: readonly RoleId[] = []): SignedIn {
  const matching = [...personas.values()].filter((p) => p.actor.roles.includes(role) && !exclude.some((r) => p.actor.roles.includes(r)));
  if (matching.length === 0) throw new Error(`The local tenant has no member of role ${role}; run provisioning and check the groups.`);
  return random.pick(matching);
}

/** Runs a planned dossier's steps as real commands through the command service. */
export class DossierSeeder {
  private statistician?: SignedIn;
  /** Blocking findings of the drafts last registered: deliberation then needs an override reason. */
  private draftBlocking = 0;
  /** The forms the dossier registered last, per kind (what a later registration falls back on). */
  private readonly currentForms = new Map<DocumentKind, FormOfDocument>();

  public constructor(
    private readonly plan: PlannedDossier,
    private readonly personas: Personas,
    private readonly random: SeededRandom
  ) {}

  public async run(): Promise<void> {
    for (const [index, step] of this.plan.steps.entries()) await this.runStep(step, index);
  }

  private facts(): FormFacts {
    const plan = this.plan;
    return {
      reference: plan.reference,
      institution: plan.institution.name,
      institutionType: plan.institution.type,
      address: plan.institution.address,
      kbo: plan.kbo,
      contactName: plan.contactName,
      contactFunction: plan.contactFunction,
      contactEmail: plan.contactEmail,
      title: plan.subject,
      researchType: plan.institution.researchType,
      startDate: plan.projectStart,
      endDate: plan.projectEnd,
      surveys: plan.surveys,
      variables: plan.variables,
      parentProtocolNumber: plan.parent?.protocolNumber,
      conditions: plan.rejected ? undefined : plan.conditions?.conditions ?? [],
      parentProtocolDate: plan.parent?.steps.find((s) => s.kind === 'countersign')?.at.slice(0, 10)
    };
  }

  private async execute(who: SignedIn, command: Command, at: string): Promise<void> {
    const outcome = await who.data.commands.execute(this.plan.reference, command, who.actor, at);
    if (!outcome.ok) {
      const codes = outcome.errors.map((e) => e.code).join(', ');
      throw new Error(`Seed: ${command.type} on ${this.plan.reference} was refused: ${codes}`);
    }
  }

  private async upload(
    who: SignedIn,
    kind: DocumentKind,
    phase: DocumentPhase,
    fileName: string,
    bytes: Uint8Array,
    check?: DocumentRegistration['checkSummary'],
    signatory?: DocumentRegistration['signatory']
  ): Promise<DocumentRegistration> {
    const stored = await who.data.documents.upload(this.plan.reference, fileName, bytes, { kind, phase, check });
    return { id: stored.id, kind, fileName: stored.fileName, version: stored.version, checkSummary: check, signatory };
  }

  /** The countersigned original as a PDF: the protocol signed by the requester and the Chief Statistician. */
  private countersigned?: { readonly bytes: Uint8Array; readonly fileName: string };

  private async signedOriginal(chiefName: string, at: string): Promise<{ readonly bytes: Uint8Array; readonly fileName: string }> {
    const facts = protocolFactsOf(this.plan, chiefName, at);
    this.countersigned = { bytes: (await signedProtocolPdfs(facts)).countersigned, fileName: countersignedFileName(facts) };
    return this.countersigned;
  }

  /** Uploads the countersigned PDF (registered with the countersignature beside the Word form). */
  private async countersignedPdf(who: SignedIn, kind: FormType, chiefName: string, at: string): Promise<DocumentRegistration> {
    const original = await this.signedOriginal(chiefName, at);
    return this.upload(who, kind, 'countersigned', original.fileName, original.bytes);
  }

  private async forms(
    who: SignedIn,
    kinds: readonly FormType[],
    at: string,
    signature?: SignatureFacts,
    defective = true,
    revisions?: Readonly<Record<string, string>>
  ): Promise<{ registrations: DocumentRegistration[]; forms: FormOfDocument[]; reviews: DocumentVersionReview[] }> {
    await who.data.documents.ensureFolder(this.plan.reference);
    const registrations: DocumentRegistration[] = [];
    const forms: FormOfDocument[] = [];
    const reviews: DocumentVersionReview[] = [];
    const registered = signature ? [] : [...((await who.data.commands.load(this.plan.reference)).dossier?.documents ?? [])];
    for (const kind of kinds) {
      const defect = defective && (kind === 'aanvraagformulier' || kind === 'vereenvoudigdAanvraagformulier') ? this.plan.defect : undefined;
      const revised = kind === 'aanvraagformulier' ? revisions : undefined;
      const { bytes, check, form, findings } = await buildForm(kind, this.facts(), this.random, { defect, signature, today: at.slice(0, 10), ...(revised ? { revisions: revised } : {}) });
      const suffix = signature ? (signature.vsaName ? ' (ondertekend door beide partijen)' : ' (ondertekend)') : '';
      const fileName = `${kind} ${this.plan.reference}${suffix}.docx`;
      const phase: DocumentPhase = signature ? (signature.vsaName ? 'countersigned' : 'signed') : 'draft';
      const signatory = signature ? { name: signature.name, capacity: signature.capacity } : undefined;
      const registration = await this.upload(who, kind, phase, fileName, bytes, check, signatory);
      registrations.push(registration);
      forms.push({ document: { ...registration, phase }, form });
      // What the command service reads of a draft version (`documentVersionReview`): its automatic findings
      // and the fields changed since the dossier's previous draft of the kind (the seed writes as the trusted
      // writer, so it computes what the service would).
      if (!signature) reviews.push(documentVersionReview({ kind, id: registration.id, version: nextDraftVersion(registered, kind) }, { form, findings }, this.currentForms.get(kind)?.form));
    }
    return { registrations, forms, reviews };
  }

  /**
   * What the registered forms state is requested, by the same picking as the service's rebuild (the
   * seed writes as the trusted writer, so it computes what the service would); remembers the forms.
   */
  private async requestedData(who: SignedIn, forms: readonly FormOfDocument[]): Promise<RequestedData | undefined> {
    const dossier = (await who.data.commands.load(this.plan.reference)).dossier;
    const inherited = await inheritedRequestedData(dossier, async (reference) => (await who.data.commands.load(reference)).dossier);
    const data = requestedDataFromChecked({ requestedDataOf }, forms, [...this.currentForms.values()], inherited);
    for (const entry of forms) this.currentForms.set(entry.document.kind, entry);
    return data;
  }

  private draftKinds(): FormType[] {
    return this.plan.procedure === 'simplified' ? ['vereenvoudigdAanvraagformulier'] : ['aanvraagformulier', 'verklaringTOM', 'protocol'];
  }

  /**
   * The reviewers' remarks a returned dossier gets, with stable ids: seven on the application form
   * (two internal), or for a simplified request two on the whole form.
   */
  private remarks(): NewReviewerFinding[] {
    const id = (n: number): string => `seed-${this.plan.reference}-remark-${n}`;
    if (this.plan.procedure === 'simplified') {
      return reviewerRemarks.slice(3, 5).map((remark, n) => ({ id: id(n + 1), documentKind: 'vereenvoudigdAanvraagformulier', text: remark.text, audience: remark.audience, severity: remark.severity }));
    }
    return reviewerRemarks.map((remark, n) => ({ id: id(n + 1), documentKind: 'aanvraagformulier', fieldId: remark.fieldId, text: remark.text, audience: remark.audience, severity: remark.severity }));
  }

  private commandId(index: number): string {
    return `seed-${this.plan.reference}-${index}`;
  }

  private async runStep(step: PlannedStep, index: number): Promise<void> {
    const plan = this.plan;
    const team = withRole(this.personas, 'dpoTeam', this.random, ['dpo']);
    const chief = withRole(this.personas, 'chiefStatistician', this.random);
    const commandId = this.commandId(index);
    const at = step.at;
    switch (step.kind) {
      case 'register':
        return this.execute(team, {
          type: 'registerRequest',
          commandId,
          reference: plan.reference,
          requester: {
            institution: plan.institution.name,
            institutionType: plan.institution.type,
            isIndividual: false,
            contact: { name: plan.contactName, email: plan.contactEmail },
            kbo: plan.kbo.replace(/\D/g, '')
          },
          subject: plan.subject,
          receivedOn: at.slice(0, 10),
          project: { title: plan.subject, purposes: [`Onderzoek: ${plan.subject}`], researchType: plan.institution.researchType, startDate: plan.projectStart, endDate: plan.projectEnd }
        }, at);
      case 'assign':
        this.statistician = withRole(this.personas, 'statistician', this.random);
        return this.execute(team, { type: 'assignStatistician', commandId, assignee: this.statistician.actor }, at);
      case 'requestForms': {
        const who = this.statistician ?? withRole(this.personas, 'statistician', this.random);
        if (plan.procedure === 'simplified' && plan.parent?.protocolNumber) {
          const parentProtocol = await who.data.lookups.parentProtocol(plan.parent.protocolNumber);
          if (!parentProtocol) throw new Error(`Seed: protocol ${plan.parent.protocolNumber} is not in the register yet.`);
          return this.execute(who, { type: 'requestForms', commandId, procedure: 'simplified', simplifiedReasons: ['extension'], parentProtocol }, at);
        }
        return this.execute(who, { type: 'requestForms', commandId, procedure: 'standard' }, at);
      }
      case 'declareNotAdmissible':
        return this.execute(this.statistician ?? team, { type: 'declareNotAdmissible', commandId, reason: this.random.pick(notAdmissibleReasons) }, at);
      case 'drafts':
      case 'redrafts': {
        const revisions = step.kind === 'redrafts' && plan.reviewDemo ? revisedFields : undefined;
        const { registrations: documents, forms, reviews } = await this.forms(team, this.draftKinds(), at, undefined, step.kind === 'drafts', revisions);
        this.draftBlocking = documents.reduce((sum, doc) => sum + (doc.checkSummary?.blocking ?? 0), 0);
        const requestedData = await this.requestedData(team, forms);
        return this.execute(team, { type: 'registerDraftDocuments', commandId, documents, requestedData, reviews }, at);
      }
      case 'returnForChanges': {
        // The reviewers' remarks on the application form first (issue 14): the return sends the requester's ones.
        await this.execute(this.statistician ?? team, { type: 'recordFindings', commandId: `${commandId}-remarks`, findings: this.remarks() }, at);
        return this.execute(team, { type: 'returnForChanges', commandId, reviewComments: [{ text: this.random.pick(reviewRemarks) }] }, at);
      }
      case 'startDeliberation': {
        const overrideReason = this.draftBlocking > 0 ? 'Bevinding besproken met de aanvrager; aanvulling volgt bij ondertekening.' : undefined;
        // Requester findings the new version left open are overridden one by one, as the team does at deliberation.
        const open = openRequesterFindings((await team.data.commands.load(plan.reference)).dossier?.findings ?? []);
        const findingOverrides = open.map((finding) => ({ findingId: finding.id, reason: 'Besproken in het beraad: volstaat voor deze aanvraag.' }));
        return this.execute(team, { type: 'startDeliberation', commandId, overrideReason, ...(findingOverrides.length > 0 ? { findingOverrides } : {}) }, at);
      }
      case 'giveAdvice': {
        const dpo = withRole(this.personas, 'dpo', this.random);
        const withConditions = !plan.rejected && plan.conditions !== undefined;
        const outcome = plan.rejected ? 'unfavourable' : withConditions ? 'favourableWithConditions' : 'favourable';
        const text = plan.rejected
          ? 'De noodzaak van individuele gegevens is onvoldoende aangetoond.'
          : withConditions
            ? 'De aanvraag is proportioneel en voldoende beveiligd, mits de aanbevolen voorwaarden worden nageleefd.'
            : 'De aanvraag is proportioneel en voldoende beveiligd.';
        const legalBasis = this.random.pick(legalBases);
        const criteria = seedAdviceCriteria({
          legalBasis,
          failing: plan.rejected ? 'necessity' : undefined,
          variables: this.plan.variables.map((variable) => variable.name),
          recommended: withConditions ? plan.conditions?.recommended : undefined
        });
        return this.execute(dpo, { type: 'giveAdvice', commandId, outcome, legalBasis, text, criteria }, at);
      }
      case 'requestMoreInformation':
        return this.execute(chief, { type: 'requestMoreInformation', commandId, question: 'Hoe wordt de minimale celgrootte bij publicatie bewaakt?' }, at);
      case 'decide':
        if (!plan.rejected && plan.conditions) {
          return this.execute(chief, {
            type: 'decide',
            commandId,
            outcome: 'approvedWithConditions',
            motivation: 'Gunstig advies van de DPO gevolgd, met de aanbevolen voorwaarden.',
            conditions: plan.conditions.conditions
          }, at);
        }
        return this.execute(chief, {
          type: 'decide',
          commandId,
          outcome: plan.rejected ? 'rejected' : 'approved',
          motivation: plan.rejected ? 'Geen passende rechtsgrond voor de mededeling.' : 'Gunstig advies van de DPO gevolgd.'
        }, at);
      case 'conditionMet': {
        const met = plan.conditions?.met;
        if (!met) throw new Error(`Seed: ${plan.reference} has no condition planned as met.`);
        return this.execute(this.statistician ?? team, { type: 'recordConditionMet', commandId, conditionId: met.conditionId, evidence: met.evidence }, at);
      }
      case 'signed': {
        const signature: SignatureFacts = { name: plan.contactName, capacity: plan.signatoryCapacity, date: at.slice(0, 10), place: 'Gent' };
        const kinds: FormType[] = plan.procedure === 'simplified' ? ['vereenvoudigdAanvraagformulier', 'addendum'] : ['aanvraagformulier', 'verklaringTOM', 'protocol'];
        const { registrations: documents, forms } = await this.forms(team, kinds, at, signature, false);
        if (plan.signatoryCapacity === 'gevolmachtigde') {
          documents.push(await this.upload(team, 'mandate', 'signed', `Volmacht ${plan.reference}.pdf`, demoPdf(`Volmacht ${plan.reference}`)));
        }
        const requestedData = await this.requestedData(team, forms);
        return this.execute(team, { type: 'registerSignedDocuments', commandId, documents, requestedData }, at);
      }
      case 'countersign': {
        if (!plan.protocolNumber) throw new Error(`Seed: ${plan.reference} has no protocol number planned.`);
        const signature: SignatureFacts = {
          name: plan.contactName,
          capacity: plan.signatoryCapacity,
          date: at.slice(0, 10),
          place: 'Gent',
          vsaName: chief.actor.displayName,
          vsaDate: at.slice(0, 10)
        };
        const kind: FormType = plan.procedure === 'simplified' ? 'addendum' : 'protocol';
        const { registrations: documents } = await this.forms(team, [kind], at, signature, false);
        const original = await this.countersignedPdf(team, kind, chief.actor.displayName, at);
        // The report the command service records with the countersigned original: the real verifier over the
        // seeded PDF, with the local tenant's demo root as the anchor (as the local command service trusts it).
        const bytes = (this.countersigned ?? (await this.signedOriginal(chief.actor.displayName, at))).bytes;
        const signatures = await verifySignatures(bytes, original.fileName, { trustAnchors: [localDemoRootDer()], now: at });
        documents.push({ ...original, signatures });
        return this.execute(chief, { type: 'countersign', commandId, number: plan.protocolNumber, protocolEndDate: plan.projectEnd, documents }, at);
      }
      case 'publish': {
        // The real publication version of the countersigned PDF: same pages, no signature data.
        const original = this.countersigned ?? (await this.signedOriginal(chief.actor.displayName, at));
        const publication = await publicationPdfOf(original.bytes, original.fileName);
        const publicationDocument = await this.upload(team, 'publicationVersion', 'publication', publication.fileName, publication.bytes);
        // Publishing needs the mail with both versions, recorded as the correspondence service records it after sending.
        const loaded = await team.data.commands.load(plan.reference);
        if (!loaded.dossier) throw new Error(`Seed: dossier ${plan.reference} does not exist.`);
        const folder = (await team.data.documents.list(plan.reference)).map((file) => ({ id: file.id, fileName: file.fileName, kind: file.kind, phase: file.phase }));
        const draft = buildMailDraft('countersignedProtocol', loaded.dossier, { context: { mailbox: sharedMailbox }, folder });
        await this.execute(team, mailSentCommand(draft, `${commandId}-both-versions`, at), at);
        return this.execute(team, { type: 'publish', commandId, publicationDocument }, at);
      }
      case 'delivery':
        return this.execute(this.statistician ?? team, {
          type: 'registerDelivery',
          commandId,
          deliveredOn: at.slice(0, 10),
          dataset: `Microdata ${plan.reference} (gepseudonimiseerd)`,
          variables: this.random.int(5, 40),
          channel: 'secureLink'
        }, at);
      case 'destruction': {
        // Lifecycle (issue 16): the requester's mail confirming the destruction, recorded, then the close-out on it.
        const messageId = `seed-destruction-${plan.reference}`;
        await this.execute(team, {
          type: 'recordCorrespondence', commandId: `${commandId}-mail`, direction: 'incoming', kind: 'incoming', messageId,
          subject: `RE: [${plan.reference}] Bevestiging vernietiging gegevens`, receivedAt: at, attachmentNames: [], sender: plan.contactEmail
        }, at);
        return this.execute(team, { type: 'confirmDestruction', commandId, mailMessageId: messageId }, at);
      }
      case 'withdraw':
        return this.execute(team, { type: 'withdraw', commandId, reason: 'De aanvrager trekt de aanvraag in (project stopgezet).' }, at);
      case 'comment': {
        const any = this.random.pick([...this.personas.values()].filter((p) => p.actor.roles.length > 0));
        return this.execute(any, { type: 'addComment', commandId, text: 'Aanvrager telefonisch gecontacteerd over de planning.' }, at);
      }
    }
  }
}
