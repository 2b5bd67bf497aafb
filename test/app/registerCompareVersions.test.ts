/** "Verschillen" in the register service: two versions downloaded, read with the forms engine, compared field by field. */
import { createRegisterService, type OpenedDossier } from '../../src/app/registerService';
import { fillForm, generateTemplate } from '../../src/forms';
import type { StoredDocument } from '../../src/data/ports';
import { dpoMember } from '../ui/support/dossiers';
import { threeDossierTenant } from '../webparts/register/support/fakeBackend';

const clock = (): string => '2026-11-25T10:00:00.000Z';

describe('RegisterService.compareVersions', () => {
  it('downloads both versions by their label and gives the per-field differences', async () => {
    const template = await generateTemplate('aanvraagformulier');
    const byVersion = new Map<string, Uint8Array>([
      ['1.0', await fillForm(template, { fields: { 'project.titel': 'Vrije tijd', 'project.doeleinden': 'Onderzoek' } }, { fileName: 'aanvraag.docx' })],
      ['2.0', await fillForm(template, { fields: { 'project.titel': 'Vrije tijd in Vlaanderen', 'project.doeleinden': 'Onderzoek' } }, { fileName: 'aanvraag.docx' })]
    ]);
    const backend = threeDossierTenant(dpoMember).backend(clock);
    const asked: (string | undefined)[] = [];
    const service = createRegisterService({
      ...backend,
      documents: {
        ...backend.documents,
        download: async (_reference: string, _fileName: string, version?: string) => {
          asked.push(version);
          const bytes = byVersion.get(version ?? '');
          if (!bytes) throw new Error(`no version ${version}`);
          return bytes;
        }
      }
    }, { clock });
    const document = { id: 'd1', fileName: 'aanvraag.docx', version: '2.0', kind: 'aanvraagformulier', phase: 'draft' } as StoredDocument;
    const opened: OpenedDossier = { reference: 'VSA-2026-0001', events: [], documents: [document], versions: new Map([['d1', ['1.0', '2.0']]]) };
    const differences = await service.compareVersions(opened, { fileName: document.fileName, version: '1.0' }, { fileName: document.fileName, version: '2.0' });
    expect(asked.sort()).toEqual(['1.0', '2.0']);
    expect(differences).toEqual([{ fieldId: 'project.titel', change: 'changed', before: 'Vrije tijd', after: 'Vrije tijd in Vlaanderen' }]);
  });

  it('gives the forms engine\'s message catalog', async () => {
    const service = createRegisterService(threeDossierTenant(dpoMember).backend(clock), { clock });
    expect((await service.findingMessages())?.['forms.check.required']?.nl).toContain('is niet ingevuld');
  });
});

describe('domain: current versions and "Niet verwerkt"', () => {
  it('is covered through the panel tests and here on the rule itself', async () => {
    const { currentVersions, notAddressedFindings } = await import('../../src/domain/findings');
    const { reviewDossier } = await import('../ui/review/support');
    const dossier = reviewDossier();
    const current = currentVersions(dossier.documents);
    expect([...current.entries()]).toEqual([['aanvraagformulier', '2'], ['verklaringTOM', '1']]);
    expect(notAddressedFindings(dossier.findings, current).map((finding) => finding.id)).toEqual(['r4', 'r5', 'check:aanvraagformulier:required:project.einddatum']);
  });
});
