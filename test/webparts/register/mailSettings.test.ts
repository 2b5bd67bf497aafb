import { FormReadError } from '../../../src/forms/errors';
import { importReport } from '../../../src/webparts/dossierRegister/app/MailboxTab';
import { sharedMailboxError, sharedMailboxOf } from '../../../src/webparts/dossierRegister/webPartSettings';
import { nl } from '../../ui/support/strings';

describe('shared mailbox property', () => {
  it('treats an empty field as "mail features off" and accepts an address', () => {
    expect(sharedMailboxOf('  ')).toBeUndefined();
    expect(sharedMailboxOf(' data-aanvragen@vsa.local ')).toBe('data-aanvragen@vsa.local');
    expect(sharedMailboxError('', 'bad {value}')).toBe('');
    expect(sharedMailboxError('data-aanvragen.vsa@vlaanderen.be', 'bad {value}')).toBe('');
  });

  it('refuses something that is not an address with the value in the message', () => {
    expect(sharedMailboxError('data-aanvragen', '"{value}" is geen e-mailadres.')).toBe('"data-aanvragen" is geen e-mailadres.');
    expect(sharedMailboxError('a b@c.d', 'bad {value}')).toBe('bad a b@c.d');
  });
});

describe('importReport', () => {
  it('reports the created dossier and every attachment, stored or skipped with its reason', () => {
    const report = importReport({
      status: 'imported', reference: 'VSA-2026-0003', created: true,
      attachments: [
        { name: 'aanvraag.docx', status: 'stored', kind: 'aanvraagformulier', document: {} as never, check: { blocking: 1, warnings: 2, info: 0 } },
        { name: 'volmacht.pdf', status: 'stored', kind: 'mandate', document: {} as never },
        { name: 'foto.jpg', status: 'skipped', reason: 'unsupportedType' },
        { name: 'kapot.docx', status: 'skipped', reason: 'unreadable', failure: new FormReadError('empty', 'kapot.docx') }
      ]
    }, nl, 'nl');
    expect(report).toEqual({
      reference: 'VSA-2026-0003',
      skipped: true,
      lines: [
        'Dossier VSA-2026-0003 is aangemaakt uit de e-mail.',
        'aanvraag.docx: opgeslagen in het dossier en gecontroleerd: 1 blokkerend, 2 waarschuwingen',
        'volmacht.pdf: opgeslagen in het dossier',
        'foto.jpg: niet opgeslagen, blijft in het postvak (bestandstype wordt niet aanvaard)',
        `kapot.docx: niet opgeslagen, blijft in het postvak (${nl.attachmentSkipReasons.unreadable}: kapot.docx: het bestand is leeg)`
      ]
    });
  });

  it('puts the notice for the DPO team (institution outside the register) right under the created dossier', () => {
    const report = importReport({
      status: 'imported', reference: 'VSA-2026-0004', created: true, attachments: [],
      notices: [{ code: 'institution.warning.notInRegister', params: { name: 'Universiteit Elders' } }]
    }, nl, 'nl');
    expect(report.lines).toEqual([
      'Dossier VSA-2026-0004 is aangemaakt uit de e-mail.',
      'Universiteit Elders staat niet in het register van instellingen: het DPO-team gaat na of de instelling in aanmerking komt en voegt ze toe.'
    ]);
  });

  it('says an already linked message was not imported again', () => {
    expect(importReport({ status: 'alreadyLinked', reference: 'VSA-2026-0001' }, nl, 'nl')).toEqual({
      reference: 'VSA-2026-0001', skipped: false, lines: ['Deze e-mail was al gekoppeld aan dossier VSA-2026-0001; er is niets opnieuw gedaan.']
    });
  });
});
