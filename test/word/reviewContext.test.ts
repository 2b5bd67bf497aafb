import { checkForm, readForm } from '../../src/forms';
import type { DossierReviewPort, DossierSummary } from '../../src/app/wordReview/dossierReviewPort';
import type { FormSource } from '../../src/word/source/formSource';
import { loadReview } from '../../src/word/review/reviewActions';
import { sampleForm } from '../app/support';
import { InMemoryDossiers } from './fakes/dossiers';

/** A source that only reads (loadReview uses nothing else). */
async function sourceOf(bytes: Uint8Array): Promise<FormSource> {
  const form = await readForm(bytes, 'aanvraag.docx');
  return { read: async () => ({ form, dossierReference: 'VSA-2026-0042', comments: undefined }) } as unknown as FormSource;
}

const dossiersWith = (summary: DossierSummary): DossierReviewPort => new InMemoryDossiers(summary);

const mandateSeverities = (findings: readonly { checkId: string; severity: string }[]): string[] =>
  findings.filter((f) => f.checkId === 'mandate').map((f) => f.severity);

describe('the Word pane checks in the context of the linked dossier', () => {
  it('a delegate\'s signature is covered by the mandate the dossier holds', async () => {
    const source = await sourceOf(await sampleForm('aanvraagformulier', 'gevolmachtigde'));
    const base = { reference: 'VSA-2026-0042', subject: 'Wonen', state: 'awaitingSignatures' as const };
    const covered = await loadReview(source, checkForm, '2026-11-25', dossiersWith({ ...base, documents: [{ kind: 'mandate' }] }));
    expect(covered.context).toEqual({ phase: 'signed', today: '2026-11-25', hasMandateDocument: true });
    expect(mandateSeverities(covered.findings)).toEqual([]);
    const uncovered = await loadReview(source, checkForm, '2026-11-25', dossiersWith({ ...base, documents: [{ kind: 'aanvraagformulier' }] }));
    expect(mandateSeverities(uncovered.findings)).toEqual(['blocking']);
  });

  it('without a dossier the form is a draft and the mandate only a reminder', async () => {
    const source = await sourceOf(await sampleForm('aanvraagformulier', 'gevolmachtigde'));
    const loaded = await loadReview(source, checkForm, '2026-11-25', undefined);
    expect(loaded.context).toEqual({ phase: 'draft', today: '2026-11-25', hasMandateDocument: false });
    expect(mandateSeverities(loaded.findings)).toEqual(['info']);
  });
});
