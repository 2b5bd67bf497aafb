import { SEVERITY_ORDER, compareSeverity, countBySeverity, hasBlockingFindings, sumCheckSummaries } from '../../src/forms';
import type { Severity } from '../../src/forms';

const of = (...severities: Severity[]): { severity: Severity }[] => severities.map((severity) => ({ severity }));

describe('severity', () => {
  it('orders blocking before warning before info', () => {
    expect(SEVERITY_ORDER).toEqual(['blocking', 'warning', 'info']);
    const sorted = (['info', 'blocking', 'warning', 'info', 'blocking'] as Severity[]).sort(compareSeverity);
    expect(sorted).toEqual(['blocking', 'blocking', 'warning', 'info', 'info']);
    expect(compareSeverity('warning', 'warning')).toBe(0);
  });

  it('counts findings per severity in the stored shape', () => {
    expect(countBySeverity(of('info', 'blocking', 'info', 'warning', 'warning', 'warning'))).toEqual({ blocking: 1, warnings: 3, info: 2 });
    expect(countBySeverity([])).toEqual({ blocking: 0, warnings: 0, info: 0 });
  });

  it('says whether any finding blocks', () => {
    expect(hasBlockingFindings(of('info', 'warning'))).toBe(false);
    expect(hasBlockingFindings(of('info', 'blocking'))).toBe(true);
  });
});

describe('sumCheckSummaries', () => {
  it('adds the counts of several documents, unchecked ones as zero', () => {
    expect(sumCheckSummaries([{ blocking: 1, warnings: 2, info: 3 }, undefined, { blocking: 0, warnings: 5, info: 1 }])).toEqual({ blocking: 1, warnings: 7, info: 4 });
    expect(sumCheckSummaries([])).toEqual({ blocking: 0, warnings: 0, info: 0 });
  });
});
