import { commandTypes, decide, workflowTable } from '../../src/domain';
import type { Command } from '../../src/domain';
import { commandInputs, hasOwnDialog, initialValues, isDialogCommand, ownDialogCommands, toCommandPayload, UnknownProtocolError } from '../../src/ui/dialogs/commandForm';
import { describeFailure, nl } from './support/strings';
import { dossierUnderReview, dpoMember, statistician } from './support/dossiers';

const context = {
  statisticians: [statistician],
  documents: [{ id: 'd1', kind: 'aanvraagformulier' as const, fileName: 'a.docx', version: '2.0', checkSummary: { blocking: 0, warnings: 0, info: 0 } }],
  suggestedNumber: 'PROT-2026-003',
  lang: 'nl' as const,
  strings: nl,
  describeFailure
};

describe('commandInputs', () => {
  it('has generic inputs for every command except those given from their own views or with a dialog of their own', () => {
    const ownViews = ['registerRequest', 'recordCorrespondence', 'recordFindings', 'changeFindingStatus', 'recordConditionMet'];
    expect(Object.keys(commandInputs).sort()).toEqual(commandTypes.filter((c) => !ownViews.includes(c) && isDialogCommand(c) && !hasOwnDialog(c)).sort());
    expect(ownDialogCommands).toEqual(['giveAdvice', 'decide', 'registerDelivery']);
    expect(commandTypes.filter(isDialogCommand)).toEqual(expect.arrayContaining(['giveAdvice', 'decide']));
    expect(Object.keys(workflowTable)).toContain('registerRequest');
  });

  it('labels every input with a UI string', () => {
    for (const inputs of Object.values(commandInputs)) {
      for (const input of inputs) expect(typeof nl[input.label]).toBe('string');
    }
  });

  it('prefills the suggested number and preselects the offered documents', () => {
    expect(initialValues('countersign', context).number).toBe('PROT-2026-003');
    expect(initialValues('registerDraftDocuments', context).documents).toEqual(['d1']);
  });

  it('requires the countersigned original for a countersignature and asks no tick box for publishing', async () => {
    expect(commandInputs.countersign.find((input) => input.name === 'documents')?.required).toBe(true);
    expect(commandInputs.publish.map((input) => input.name)).toEqual(['publicationDocument']);
    const publication = { id: 'p1', kind: 'publicationVersion' as const, fileName: 'p.pdf', version: '1.0' };
    const payload = await toCommandPayload('publish', { publicationDocument: 'p1' }, { ...context, documents: [publication] }, { parentProtocol: async () => undefined });
    expect(payload).toEqual({ type: 'publish', comment: undefined, publicationDocument: publication });
  });

  it('shows the simplified-procedure inputs only for the simplified procedure', () => {
    const reasons = commandInputs.requestForms.find((i) => i.name === 'simplifiedReasons');
    expect(reasons?.visibleWhen?.({ procedure: 'standard' })).toBe(false);
    expect(reasons?.visibleWhen?.({ procedure: 'simplified' })).toBe(true);
  });
});

describe('toCommandPayload', () => {
  it('turns one review comment per line into the domain payload', async () => {
    const payload = await toCommandPayload('returnForChanges', { reviewComments: 'Rechtsgrond ontbreekt\n\n  Variabele X motiveren ', comment: '' }, context);
    expect(payload).toEqual({ type: 'returnForChanges', comment: undefined, reviewComments: [{ text: 'Rechtsgrond ontbreekt' }, { text: 'Variabele X motiveren' }] });
  });

  it('resolves the assignee and the registered documents from the dialog facts', async () => {
    expect(await toCommandPayload('assignStatistician', { assignee: statistician.id }, context)).toMatchObject({ assignee: statistician });
    expect(await toCommandPayload('registerDraftDocuments', { documents: ['d1', 'unknown'] }, context)).toMatchObject({ documents: [context.documents[0]] });
  });

  it('looks up the parent protocol of a simplified request and refuses an unknown number clearly', async () => {
    const found = await toCommandPayload('requestForms', { procedure: 'simplified', simplifiedReasons: ['extension'], parentProtocolNumber: 'PROT-2025-001' }, context, {
      parentProtocol: async (number) => ({ number, dossierReference: 'VSA-2025-0004', state: 'published' })
    });
    expect(found).toMatchObject({ procedure: 'simplified', simplifiedReasons: ['extension'], parentProtocol: { dossierReference: 'VSA-2025-0004' } });
    await expect(toCommandPayload('requestForms', { procedure: 'simplified', parentProtocolNumber: 'PROT-2025-999' }, context, {
      parentProtocol: async () => undefined
    })).rejects.toBeInstanceOf(UnknownProtocolError);
  });

  it('leaves empty inputs empty so the domain refuses them with its own messages', async () => {
    const dossier = dossierUnderReview();
    const payload = await toCommandPayload('returnForChanges', {}, context);
    const result = decide(dossier, { ...payload, commandId: 'c1' } as Command, dpoMember, '2026-11-25T10:00:00.000Z');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.code)).toContain('dossier.error.reviewCommentRequired');
  });

  it('produces payloads the domain accepts for a valid dialog', async () => {
    const dossier = dossierUnderReview();
    const payload = await toCommandPayload('startDeliberation', { overrideReason: '' }, context);
    const result = decide(dossier, { ...payload, commandId: 'c2' } as Command, dpoMember, '2026-11-25T10:00:00.000Z');
    expect(result.ok).toBe(true);
  });
});
