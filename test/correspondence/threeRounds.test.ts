import { buildMailDraft, returnedFindings } from '../../src/correspondence';
import { CorrespondenceService } from '../../src/data/mail';
import type { DocumentLibrary } from '../../src/data/ports';
import { decide, evolve } from '../../src/domain';
import type { Actor, Command, DocumentRegistration, Dossier } from '../../src/domain';
import type { AutomaticFinding, DocumentVersionReview } from '../../src/domain/findings';
import { fillForm, generateTemplate, readAnnotations, sampleValues } from '../../src/forms';
import { buildDossier, people } from './support/dossiers';

/**
 * Issue 14, the whole loop: three review rounds where some findings are fixed, some not, one reopened and
 * one waived. The mail and the annotated drafts of each round carry exactly the open requester findings
 * of that round; the internal remark never appears in any of them.
 */

const context = { mailbox: 'data-aanvragen.vsa@vlaanderen.be' };
const INTERNAL = 'Intern: vergelijk met het dossier van vorig jaar.';
const email: AutomaticFinding = { checkId: 'required', fieldId: 'contact.email', severity: 'blocking', messageKey: 'forms.check.required', params: { fieldId: 'contact.email' }, text: '"E-mailadres contactpersoon" is niet ingevuld.' };
const EMAIL_ID = 'check:aanvraagformulier:required:contact.email';

const draftsOf = (round: number): DocumentRegistration[] => (['aanvraagformulier', 'verklaringTOM', 'protocol'] as const).map((kind) => ({
  id: `r${round}-${kind}`, kind, fileName: `${kind} versie ${round}.docx`, version: '1.0', checkSummary: { blocking: 0, warnings: 0, info: 0 }
}));

const review = (round: number, automaticFindings: readonly AutomaticFinding[], changedFields?: readonly string[]): DocumentVersionReview => ({
  documentKind: 'aanvraagformulier', documentId: `r${round}-aanvraagformulier`, version: String(round), readable: true, automaticFindings, ...(changedFields ? { changedFields } : {})
});

let sequence = 0;
let day = 10;
function step(dossier: Dossier, actor: Actor, command: Omit<Command, 'commandId'>): Dossier {
  const result = decide(dossier, { ...command, commandId: `loop-${++sequence}` } as Command, actor, `2026-02-${String(++day).padStart(2, '0')}T09:00:00.000Z`);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.events.reduce(evolve, dossier);
}

const remark = (id: string, fieldId: string, text: string, audience: 'requester' | 'internal' = 'requester', rowIndex?: number) =>
  ({ id, documentKind: 'aanvraagformulier' as const, fieldId, text, audience, ...(rowIndex !== undefined ? { rowIndex } : {}) });

const statusOf = (dossier: Dossier, id: string): string | undefined => dossier.findings.find((finding) => finding.id === id)?.status;
const revisionOf = (dossier: Dossier, id: string): number => dossier.findings.find((finding) => finding.id === id)!.revision;

/** What the requester receives for the return of `dossier`: the mail body and, per annotated draft, the finding ids in its comments. */
async function whatTheRequesterGets(dossier: Dossier): Promise<{ body: string; annotated: Record<string, (string | undefined)[]>; texts: string }> {
  const draft = buildMailDraft('returnWithComments', dossier, { context });
  const forms = Object.fromEntries(await Promise.all((['aanvraagformulier', 'verklaringTOM', 'protocol'] as const).map(async (kind) => [kind, await fillForm(await generateTemplate(kind), sampleValues(kind))] as const)));
  const documents = { download: jest.fn(async (_reference: string, name: string) => forms[name.split(' ')[0] as keyof typeof forms]) } as unknown as DocumentLibrary;
  const service = new CorrespondenceService({ commands: { load: jest.fn() } as never, documents, sender: { send: jest.fn() }, clock: () => '2026-02-28T09:00:00.000Z' });
  const resolved = await service.resolveAttachments(draft, dossier);
  const annotated: Record<string, (string | undefined)[]> = {};
  let texts = '';
  for (const attachment of resolved) {
    const annotations = await readAnnotations(attachment.content, attachment.name);
    annotated[attachment.name] = annotations.map((annotation) => annotation.findingId);
    texts += annotations.map((annotation) => annotation.text).join('\n');
  }
  return { body: draft.body, annotated, texts };
}

describe('three review rounds through the mail and the annotated drafts', () => {
  it('sends exactly the open requester findings of each round, never the internal remark', async () => {
    let dossier = buildDossier({ reference: 'VSA-2026-0901', upTo: 'formsRequested' }).dossier;

    // Round 1: the e-mail address is missing; four remarks, one internal.
    dossier = step(dossier, people.team, { type: 'registerDraftDocuments', documents: draftsOf(1), reviews: [review(1, [email])] } as never);
    dossier = step(dossier, people.statistician, { type: 'recordFindings', findings: [
      remark('R1', 'project.titel', 'De titel is te vaag.'),
      remark('R2', 'project.doeleinden', 'Beschrijf de doeleinden concreter.'),
      remark('R3', 'project.titel', INTERNAL, 'internal'),
      remark('R4', 'variabelen.motivering', 'Waarom is de leeftijd in jaren nodig?', 'requester', 0)
    ] } as never);
    dossier = step(dossier, people.team, { type: 'returnForChanges' } as never);
    const first = await whatTheRequesterGets(dossier);
    expect(returnedFindings(dossier).map((finding) => finding.id)).toEqual([EMAIL_ID, 'R1', 'R2', 'R4']);
    expect(first.annotated['aanvraagformulier versie 1.docx']).toEqual([EMAIL_ID, 'R1', 'R2', 'R4']);
    expect(first.annotated['verklaringTOM versie 1.docx']).toEqual([]);

    // Round 2: e-mail and title changed; the reviewer finds the title still vague (reopens) and waives R4.
    dossier = step(dossier, people.team, { type: 'registerDraftDocuments', documents: draftsOf(2), reviews: [review(2, [], ['contact.email', 'project.titel'])] } as never);
    expect([statusOf(dossier, EMAIL_ID), statusOf(dossier, 'R1'), statusOf(dossier, 'R2'), statusOf(dossier, 'R4')]).toEqual(['addressed', 'addressed', 'open', 'open']);
    dossier = step(dossier, people.statistician, { type: 'changeFindingStatus', findingId: EMAIL_ID, status: 'resolved', expectedRevision: revisionOf(dossier, EMAIL_ID) } as never);
    dossier = step(dossier, people.statistician, { type: 'changeFindingStatus', findingId: 'R1', status: 'open', reason: 'Nog steeds te vaag.', expectedRevision: revisionOf(dossier, 'R1') } as never);
    dossier = step(dossier, people.team, { type: 'changeFindingStatus', findingId: 'R4', status: 'waived', reason: 'Leeftijd in jaren is aanvaardbaar.', expectedRevision: revisionOf(dossier, 'R4') } as never);
    dossier = step(dossier, people.team, { type: 'returnForChanges' } as never);
    const second = await whatTheRequesterGets(dossier);
    expect(returnedFindings(dossier).map((finding) => finding.id)).toEqual(['R1', 'R2']);
    expect(second.annotated['aanvraagformulier versie 2.docx']).toEqual(['R1', 'R2']);
    expect(second.body).toContain('De titel is te vaag.');
    expect(second.body).not.toContain('Waarom is de leeftijd');
    expect(second.body).not.toContain('E-mailadres contactpersoon');

    // Round 3: both fields changed; the reviewer confirms, and deliberation needs no override.
    dossier = step(dossier, people.team, { type: 'registerDraftDocuments', documents: draftsOf(3), reviews: [review(3, [], ['project.titel', 'project.doeleinden'])] } as never);
    expect([statusOf(dossier, 'R1'), statusOf(dossier, 'R2')]).toEqual(['addressed', 'addressed']);
    dossier = step(dossier, people.statistician, { type: 'changeFindingStatus', findingId: 'R1', status: 'resolved', expectedRevision: revisionOf(dossier, 'R1') } as never);
    dossier = step(dossier, people.statistician, { type: 'changeFindingStatus', findingId: 'R2', status: 'resolved', expectedRevision: revisionOf(dossier, 'R2') } as never);
    dossier = step(dossier, people.team, { type: 'startDeliberation' } as never);
    expect(dossier.state).toBe('deliberation');
    expect(dossier.findings.find((finding) => finding.id === 'R1')?.history.map((change) => change.status)).toEqual(['open', 'addressed', 'open', 'addressed', 'resolved']);

    for (const output of [first, second]) {
      expect(output.body).not.toContain(INTERNAL);
      expect(output.texts).not.toContain(INTERNAL);
      expect(Object.values(output.annotated).flat()).not.toContain('R3');
    }
  });
});
