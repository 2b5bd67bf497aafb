import { buildApprovalsQueue, documentLinks } from '../../../src/ui/approvals/approvalsQueue';
import { actors, dossierIn } from './support/dossiers';
import { defaultProcedureSettings, generatedHolidayCalendar } from '../../../src/domain/clocks';

const now = '2026-11-25T12:00:00.000Z';

describe('buildApprovalsQueue', () => {
  const awaitingOld = dossierIn('awaitingDecision', 'VSA-2026-0001', now, 20);
  const awaitingNew = dossierIn('awaitingDecision', 'VSA-2026-0002', now, 2);
  const countersign = dossierIn('awaitingCountersignature', 'VSA-2026-0003', now, 1);
  const signaturesLate = dossierIn('awaitingSignatures', 'VSA-2026-0004', now, 45);
  const delivered = dossierIn('delivered', 'VSA-2026-0005', now, 3);

  it('sorts each section oldest first and ignores dossiers outside the queue', () => {
    const queue = buildApprovalsQueue([{ dossier: awaitingNew }, { dossier: delivered }, { dossier: countersign }, { dossier: awaitingOld }, { dossier: signaturesLate }], actors.chief, now);
    expect(queue.sections.awaitingDecision.map((item) => item.dossier.reference)).toEqual(['VSA-2026-0001', 'VSA-2026-0002']);
    expect(queue.counts).toEqual({ awaitingDecision: 2, awaitingCountersignature: 1, awaitingSignatures: 1 });
    expect(queue.sections.awaitingDecision[0].waitingDays).toBe(20);
  });

  it('flags overdue dossiers with the domain deadline (signatures older than 30 days)', () => {
    const queue = buildApprovalsQueue([{ dossier: signaturesLate }, { dossier: countersign }], actors.chief, now);
    const late = queue.sections.awaitingSignatures[0];
    expect(late.overdue.overdue).toBe(true);
    expect(late.overdue.kind).toBe('phase');
    expect(late.overdue.current).toMatchObject({ phase: 'awaitingSignatures', side: 'requester', usedDays: 45, limit: { days: 30, unit: 'calendar' } });
    expect(late.overdue.overdueDays).toBe(15);
    expect(queue.overdueCount).toBe(1);
    expect(buildApprovalsQueue([{ dossier: signaturesLate }], actors.chief, now, { calendar: generatedHolidayCalendar, settings: { ...defaultProcedureSettings, phases: { ...defaultProcedureSettings.phases, awaitingSignatures: { phase: 'awaitingSignatures', days: 60, unit: 'calendar', escalateAfterDays: 30 } } } }).overdueCount).toBe(0);
  });

  it('lists what the requester still has to sign', () => {
    const queue = buildApprovalsQueue([{ dossier: signaturesLate }], actors.chief, now);
    expect(queue.sections.awaitingSignatures[0].missingSignedKinds).toEqual(['aanvraagformulier', 'verklaringTOM', 'protocol']);
  });

  it('offers the commands the domain allows, for the chief statistician only', () => {
    const chief = buildApprovalsQueue([{ dossier: awaitingOld }, { dossier: countersign }, { dossier: signaturesLate }], actors.chief, now);
    expect(chief.sections.awaitingDecision[0].allowed).toEqual(['decide', 'requestMoreInformation']);
    expect(chief.sections.awaitingCountersignature[0].allowed).toEqual(['countersign']);
    expect(chief.sections.awaitingSignatures[0].allowed).toEqual([]);
    const team = buildApprovalsQueue([{ dossier: awaitingOld }, { dossier: countersign }], actors.team, now);
    expect(team.sections.awaitingDecision[0].allowed).toEqual([]);
    expect(team.sections.awaitingCountersignature[0].allowed).toEqual([]);
  });
});

describe('documentLinks', () => {
  it('opens Word files in Word and in the browser, other files in the browser only', () => {
    const url = 'https://contoso.sharepoint.com/sites/microdata/Dossierdocumenten/VSA-2026-0001/protocol.docx';
    expect(documentLinks({ fileName: 'protocol.docx', webUrl: url })).toEqual({ word: `ms-word:ofe|u|${url}`, browser: `${url}?web=1` });
    expect(documentLinks({ fileName: 'mandaat.pdf', webUrl: 'https://x/y.pdf' })).toEqual({ browser: 'https://x/y.pdf', word: undefined });
    expect(documentLinks({ fileName: 'a.docx', webUrl: 'https://x/a.docx?d=1' }).browser).toBe('https://x/a.docx?d=1&web=1');
  });
});
