import { SEVERITY_ORDER, compareSeverity, countBySeverity, hasBlockingFindings } from '../../src/forms';
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
