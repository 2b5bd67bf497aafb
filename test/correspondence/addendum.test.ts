import { addendumValues, buildMailDraft, formDate, formEnterpriseNumber } from '../../src/correspondence';
import { CommandService } from '../../src/data/commandService';
import { CorrespondenceService } from '../../src/data/mail';
import type { OutgoingMail } from '../../src/data/mail';
import type { DocumentLibrary } from '../../src/data/ports';
import type { RequestedData } from '../../src/domain/types';
import { checkForm, readForm } from '../../src/forms';
import { MemoryStores } from '../data/support/memoryStores';
import { buildDossier, people } from './support/dossiers';

const parentReference = 'VSA-2026-0700';
const childReference = 'VSA-2026-0701';

/** What the simplified form of the child dossier states (as `requestedDataOf` reads it). */
const requestedData: RequestedData = {
  surveys: ['SV-bevraging 2025-1'],
  variablesCount: 2,
  variables: [
    { name: 'inkomen_huishouden', justification: 'Nodig om armoede te meten.' },
    { name: 'opleiding', justification: 'Om de resultaten per opleidingsniveau\nte tonen.' }
  ],
  institution: { name: 'Universiteit Voorbeeld', enterpriseNumber: '0419052173' },
  changes: {
    reasons: ['extension', 'addVariables', 'newPurposes', 'identityChange'],
    newEndDate: '2029-02-28',
    newPurposes: 'Onderzoek naar energiearmoede.',
    purposeRelation: 'Verfijnt het eerdere doel over armoede.',
    newIdentity: { name: 'Universiteit Voorbeeld vzw', enterpriseNumber: '0203201340' }
  }
};

function parentAndChild() {
  const parent = buildDossier({ reference: parentReference, upTo: 'published', protocolNumber: 'PROT-2026-007', startDay: 0 });
  const child = buildDossier({
    reference: childReference,
    upTo: 'awaitingSignatures',
    parent: { number: 'PROT-2026-007', dossierReference: parentReference },
    requestedData,
    startDay: 40
  });
  return { parent, child };
}

describe('addendumValues', () => {
  it('states the existing protocol, the institution and every approved change in Dutch', () => {
    const { parent, child } = parentAndChild();
    const values = addendumValues(child.dossier, parent.dossier);
    expect(values.fields).toEqual({
      'bestaandProtocol.nummer': 'PROT-2026-007',
      'bestaandProtocol.datum': formDate(parent.dossier.countersignedAt),
      'aanvrager.instelling': 'Universiteit Voorbeeld',
      'aanvrager.kbo': '0419.052.173',
      'project.titel': 'Welzijn in Vlaanderen',
      'addendum.wijzigingen': [
        'Verlenging: de einddatum van het protocol wordt 28 februari 2029.',
        'Toevoeging van de volgende variabelen, met hun verantwoording:',
        '- inkomen_huishouden: Nodig om armoede te meten.',
        '- opleiding: Om de resultaten per opleidingsniveau te tonen.',
        'Nieuwe doeleinden: Onderzoek naar energiearmoede.',
        'Verband met de eerdere doeleinden: Verfijnt het eerdere doel over armoede.',
        'Wijziging van de identiteit van de instelling: nieuwe naam Universiteit Voorbeeld vzw, ondernemingsnummer 0203.201.340.'
      ].join('\n'),
      'addendum.ingangsdatum': formDate(child.dossier.decision!.at)
    });
    expect(values.fields!['bestaandProtocol.datum']).toMatch(/^\d{2}\/\d{2}\/2026$/);
  });

  it('states only the reasons given, falls back to the dossier reasons, and leaves unknown facts empty', () => {
    const { child } = parentAndChild();
    const onlyExtension = addendumValues({ ...child.dossier, requestedData: { ...requestedData, changes: { reasons: ['extension'], newEndDate: '2030-01-31' } } });
    expect(onlyExtension.fields!['addendum.wijzigingen']).toBe('Verlenging: de einddatum van het protocol wordt 31 januari 2030.');
    // No parent dossier: the protocol's date stays empty (its placeholder stays, the check says so).
    expect(onlyExtension.fields!['bestaandProtocol.datum']).toBeUndefined();
    const noForms = addendumValues({ ...child.dossier, requestedData: undefined });
    expect(noForms.fields!['addendum.wijzigingen']).toBe(['Verlenging van de looptijd van het protocol.', 'Toevoeging van variabelen.'].join('\n'));
    expect(noForms.fields!['aanvrager.instelling']).toBe('Universiteit Voorbeeld');
    expect(noForms.fields!['aanvrager.kbo']).toBeUndefined();
  });

  it('writes dates and enterprise numbers as the form expects, and no invalid number', () => {
    expect(formDate('2026-03-09T23:10:00.000Z')).toBe('09/03/2026');
    expect(formDate('2026-03-09')).toBe('09/03/2026');
    expect(formDate('not a date')).toBe('');
    expect(formEnterpriseNumber('BE 0419.052.173')).toBe('0419.052.173');
    expect(formEnterpriseNumber('0419.052.174')).toBe('');
  });
});

describe('the signature request of an approved simplified dossier', () => {
  async function setUp() {
    const { parent, child } = parentAndChild();
    const stores = new MemoryStores();
    const clock = () => '2026-04-01T10:00:00.000Z';
    // Sequences count per dossier stream.
    for (const events of [parent.events, child.events]) events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
    const commands = new CommandService({ dossiers: stores, events: stores, clock });
    const sent: OutgoingMail[] = [];
    const sender = { send: jest.fn(async (mail: OutgoingMail) => void sent.push(mail)) };
    const documents = { download: jest.fn(async () => new Uint8Array()) } as unknown as DocumentLibrary;
    const service = new CorrespondenceService({ commands, documents, sender, clock });
    return { parent, child, commands, service, sent };
  }

  it('attaches the addendum filled from the dossier, whose read-back values match and pass the draft checks', async () => {
    const { parent, commands, service, sent } = await setUp();
    const dossier = (await commands.load(childReference)).dossier!;
    const draft = buildMailDraft('requestSignatures', dossier, { context: { mailbox: 'data-aanvragen@vsa.local' } });
    expect(draft.attachments).toEqual([{ source: 'filled', formType: 'addendum', fileName: `addendum-${childReference}.docx` }]);

    const outcome = await service.send(draft, people.team, 'mail-addendum');
    expect(outcome.status).toBe('sent');
    expect(sent[0].attachments.map((a) => a.name)).toEqual([`addendum-${childReference}.docx`]);
    const form = await readForm(sent[0].attachments[0].content, sent[0].attachments[0].name);
    expect(form.formType).toBe('addendum');
    const expected = addendumValues(dossier, parent.dossier).fields!;
    for (const [fieldId, value] of Object.entries(expected)) expect({ fieldId, value: form.fields[fieldId]?.value }).toEqual({ fieldId, value });

    const findings = checkForm(form, { phase: 'draft', today: '2026-04-01', knownProtocolNumbers: ['PROT-2026-007'] });
    expect(findings.filter((finding) => finding.severity === 'blocking')).toEqual([]);
  });

  it('attaches the addendum already in the dossier instead, when there is one', async () => {
    const { child } = await setUp();
    const withAddendum = {
      ...child.dossier,
      documents: [
        ...child.dossier.documents,
        { id: 'a1', kind: 'addendum' as const, fileName: 'addendum-eigen.docx', version: '1.0', phase: 'draft' as const, registeredAt: '2026-03-01T10:00:00.000Z', registeredBy: people.team, superseded: false }
      ]
    };
    const draft = buildMailDraft('requestSignatures', withAddendum, { context: { mailbox: 'data-aanvragen@vsa.local' } });
    expect(draft.attachments).toEqual([{ source: 'dossier', fileName: 'addendum-eigen.docx', documentId: 'a1' }]);
  });
});
