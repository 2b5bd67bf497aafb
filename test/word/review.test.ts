import type { Finding } from '../../src/forms';
import { anchorOccurrence, commentOrigin, findingCommentText, findingKey, freeCommentText, withoutMarker } from '../../src/word/review/commentMarker';
import { draftsFor, planComments } from '../../src/word/review/commentPlan';
import { checkPhaseForState } from '../../src/domain';
import { countBySeverity } from '../../src/forms';
import { describeCounts, reviewEventText } from '../../src/app/wordReview/reviewSummary';
import { groupBySeverity } from '../../src/word/review/severity';

function finding(partial: Partial<Finding> & Pick<Finding, 'checkId' | 'severity'>): Finding {
  return {
    fieldId: 'project.titel',
    messageKey: `forms.check.${partial.checkId}`,
    params: {},
    message: { nl: `nl ${partial.checkId}`, en: `en ${partial.checkId}` },
    anchor: { kind: 'contentControl', tag: 'project.titel', occurrence: 0 },
    ...partial
  };
}

describe('comment markers', () => {
  it('keys a finding by check, field and occurrence of its anchor', () => {
    expect(findingKey(finding({ checkId: 'required', severity: 'blocking' }))).toBe('required:project.titel#0');
    expect(findingKey(finding({ checkId: 'variableJustification', severity: 'blocking', fieldId: 'variabelen.motivering', anchor: { kind: 'contentControl', tag: 'variabelen.motivering', occurrence: 7 } }))).toBe('variableJustification:variabelen.motivering#7');
    expect(findingKey(finding({ checkId: 'document', severity: 'info', fieldId: undefined, anchor: { kind: 'document' } }))).toBe('document:-#0');
    expect(anchorOccurrence({ kind: 'tableCell', tableIndex: 1, rowIndex: 4, cellIndex: 0, label: 'x' })).toBe(4);
    expect(anchorOccurrence({ kind: 'paragraph', paragraphIndex: 9, label: 'x' })).toBe(9);
  });

  it('writes no marker any more, but still recognises and strips the markers of older documents', () => {
    expect(findingCommentText('  Vul dit in. ')).toBe('Vul dit in.');
    expect(freeCommentText(' Kijk hier ')).toBe('Kijk hier');
    const text = 'Vul dit in. [VSA required:project.titel#0]';
    expect(commentOrigin(text)).toEqual({ kind: 'finding', key: 'required:project.titel#0' });
    expect(commentOrigin('Kijk hier [VSA]')).toEqual({ kind: 'free' });
    expect(commentOrigin(freeCommentText('Kijk hier'))).toEqual({ kind: 'other' });
    expect(commentOrigin('Gewone opmerking [zie bijlage]')).toEqual({ kind: 'other' });
    expect(commentOrigin('[VSA x] staat niet op het einde')).toEqual({ kind: 'other' });
    expect(withoutMarker(text)).toBe('Vul dit in.');
  });
});

describe('comment plan', () => {
  const findings = [
    finding({ checkId: 'required', severity: 'blocking' }),
    finding({ checkId: 'email', severity: 'warning', fieldId: 'contact.email', anchor: { kind: 'contentControl', tag: 'contact.email', occurrence: 0 } }),
    finding({ checkId: 'linking', severity: 'info', fieldId: 'gegevens.koppeling', anchor: { kind: 'contentControl', tag: 'gegevens.koppeling', occurrence: 0 } })
  ];

  it('drafts start from the Dutch message', () => {
    expect(draftsFor(findings).map((d) => d.text)).toEqual(['nl required', 'nl email', 'nl linking']);
  });

  it('skips findings already commented, emptied drafts, and duplicates within the run', () => {
    const drafts = draftsFor(findings);
    drafts[2] = { ...drafts[2], text: '   ' };
    drafts.push({ ...drafts[1] });
    const plan = planComments(drafts, new Set(['required:project.titel#0']));
    expect(plan.alreadyCommented).toEqual(['required:project.titel#0', 'email:contact.email#0']);
    expect(plan.emptyText).toEqual(['linking:gegevens.koppeling#0']);
    expect(plan.toInsert.map((d) => d.commentText)).toEqual(['nl email']);
  });
});

describe('severity, phase and summary', () => {
  it('groups blocking, warning, info in that order and counts them', () => {
    const list = [finding({ checkId: 'linking', severity: 'info' }), finding({ checkId: 'required', severity: 'blocking' }), finding({ checkId: 'email', severity: 'info' })];
    expect(groupBySeverity(list).map((g) => [g.severity, g.findings.length])).toEqual([['blocking', 1], ['info', 2]]);
    expect(countBySeverity(list)).toEqual({ blocking: 1, warnings: 0, info: 2 });
  });

  it('checks signed forms from approval on, drafts before', () => {
    expect(checkPhaseForState(undefined)).toBe('draft');
    expect(checkPhaseForState('underReview')).toBe('draft');
    expect(checkPhaseForState('awaitingSignatures')).toBe('signed');
    expect(checkPhaseForState('delivered')).toBe('signed');
  });

  it('describes a review without any field value', () => {
    expect(describeCounts({ blocking: 2, warnings: 1, info: 0 })).toBe('2 blokkerend, 1 waarschuwing, 0 info');
    expect(
      reviewEventText({ reference: 'VSA-2026-001', fileName: 'a.docx', formType: 'protocol', counts: { blocking: 0, warnings: 3, info: 1 }, commentsInserted: 1, reviewedAt: '2026-11-25T10:00:00Z' })
    ).toBe('Formuliercontrole in Word van a.docx (protocol): 0 blokkerend, 3 waarschuwingen, 1 info; 1 opmerking ingevoegd.');
  });
});
