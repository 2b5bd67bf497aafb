import { decide, evolve } from '../../src/domain';
import type { Command, Dossier } from '../../src/domain';
import { buildMailDraft, suggestedMailKinds, validateDraft } from '../../src/correspondence';
import { buildDossier, people } from './support/dossiers';

const context = { mailbox: 'data-aanvragen@vsa.example' };

/** An individual's request, registered (step 1) and optionally declared not admissible. */
function individualDossier(declared: boolean): Dossier {
  const register = {
    type: 'registerRequest', commandId: 'c1', reference: 'VSA-2026-0901', subject: 'Gegevens voor mijn thesis', receivedOn: '2026-03-02',
    requester: { isIndividual: true, contact: { name: 'Nele Particulier', email: 'nele@mail.example' } }
  } as Command;
  const registered = decide(undefined, register, people.team, '2026-03-02T09:00:00.000Z');
  if (!registered.ok) throw new Error('registration refused');
  let dossier = registered.events.reduce<Dossier | undefined>((d, e) => evolve(d, e), undefined) as Dossier;
  if (!declared) return dossier;
  const refused = decide(dossier, { type: 'declareNotAdmissible', commandId: 'c2' } as Command, people.team, '2026-03-03T09:00:00.000Z');
  if (!refused.ok) throw new Error('declaration refused');
  dossier = refused.events.reduce<Dossier>((d, e) => evolve(d, e) as Dossier, dossier);
  return dossier;
}

describe('the mail that explains why an individual’s request is not admissible', () => {
  it('given an individual’s request in intake or declared not admissible, then it is the only mail offered', () => {
    expect(suggestedMailKinds(individualDossier(false))).toEqual(['notAdmissible']);
    expect(suggestedMailKinds(individualDossier(true))).toEqual(['notAdmissible']);
  });

  it('given an institution’s request, then it is never offered', () => {
    expect(suggestedMailKinds(buildDossier({ reference: 'VSA-2026-0902', upTo: 'intake' }).dossier)).toEqual([]);
    expect(suggestedMailKinds(buildDossier({ reference: 'VSA-2026-0903', upTo: 'formsRequested' }).dossier)).toEqual(['requestForms']);
  });

  it('is written in Dutch and English, explains the rule and is ready to send (no placeholder left)', () => {
    const dossier = individualDossier(true);
    const nl = buildMailDraft('notAdmissible', dossier, { context });
    expect(nl.subject).toBe('[VSA-2026-0901] Aanvraag microdata: niet ontvankelijk');
    expect(nl.to).toEqual(['nele@mail.example']);
    expect(nl.body).toContain('Geachte Nele Particulier');
    expect(nl.body).toContain('alleen ter beschikking gesteld van overheidsdiensten en onderzoeksinstellingen');
    expect(nl.attachments).toEqual([]);
    expect(validateDraft(nl).errors).toEqual([]);
    const en = buildMailDraft('notAdmissible', dossier, { context, lang: 'en' });
    expect(en.subject).toBe('[VSA-2026-0901] Microdata request: not admissible');
    expect(en.body).toContain('only to public services and research institutions');
    expect(validateDraft(en).errors).toEqual([]);
  });
});
