/** @jest-environment jsdom */
import '../../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { VersionDifferences } from '../../../src/ui/review/VersionDifferences';
import type { FieldDifference } from '../../../src/forms/diff';
import { describeFailure, nl } from '../support/strings';
import { comparableVersions } from '../../../src/ui/review/comparableVersions';

const versionsOf = (...labels: string[]) => comparableVersions({ fileName: 'aanvraag.docx', version: labels[labels.length - 1], versions: labels }, []);
const ref = (version: string, fileName = 'aanvraag.docx') => expect.objectContaining({ fileName, version });

const differences: readonly FieldDifference[] = [
  { fieldId: 'project.titel', change: 'changed', before: 'Oude titel', after: 'Nieuwe titel' },
  { fieldId: 'variabelen.naam', table: 'variabelen', rowIndex: 1, change: 'added', before: '', after: 'leeftijd' }
];

describe('VersionDifferences', () => {
  it('compares the last two versions at once and shows field, row, before, after and the change', async () => {
    const onCompare = jest.fn().mockResolvedValue(differences);
    await act(async () => {
      render(<VersionDifferences fileName="aanvraag.docx" versions={versionsOf('1.0', '2.0', '3.0')} onCompare={onCompare} onDismiss={jest.fn()} describeFailure={describeFailure} lang="nl" strings={nl} />);
    });
    expect(onCompare).toHaveBeenCalledWith(ref('2.0'), ref('3.0'));
    const table = screen.getByRole('table', { name: 'Verschillen' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows[0]).toEqual(['Titel van het onderzoeksproject', '', 'Oude titel', 'Nieuwe titel', 'gewijzigd']);
    expect(rows[1][1]).toBe('2');
    expect(rows[1][4]).toBe('ingevuld');
    expect(screen.getByTestId('differences-count').textContent).toBe('2 verschil(len) tussen versie 2.0 en versie 3.0');
  });

  it('compares two versions the user picks', async () => {
    const onCompare = jest.fn().mockResolvedValue([]);
    await act(async () => {
      render(<VersionDifferences fileName="aanvraag.docx" versions={versionsOf('1.0', '2.0', '3.0')} onCompare={onCompare} onDismiss={jest.fn()} describeFailure={describeFailure} lang="nl" strings={nl} />);
    });
    fireEvent.change(screen.getByLabelText('Oudere versie'), { target: { value: '1.0@aanvraag.docx' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Vergelijken' })); });
    expect(onCompare).toHaveBeenLastCalledWith(ref('1.0'), ref('3.0'));
    expect(screen.getByText('Geen verschillen in de velden.')).toBeTruthy();
  });

  it('shows why the versions could not be compared', async () => {
    const onCompare = jest.fn().mockRejectedValue(new Error('kapot bestand'));
    await act(async () => {
      render(<VersionDifferences fileName="aanvraag.docx" versions={versionsOf('1.0', '2.0')} onCompare={onCompare} onDismiss={jest.fn()} describeFailure={describeFailure} lang="nl" strings={nl} />);
    });
    expect(await screen.findByText(/De versies konden niet vergeleken worden: Fout in de test: kapot bestand/)).toBeTruthy();
  });

  it('offers the earlier drafts of the kind sent under another file name, and reads each from its own file', async () => {
    const onCompare = jest.fn().mockResolvedValue([]);
    const registered = [
      { fileName: 'aanvraag.docx', kind: 'aanvraagformulier' as const, version: '1.0', phase: 'draft' as const },
      { fileName: 'verklaring.docx', kind: 'verklaringTOM' as const, version: '1.0', phase: 'draft' as const },
      { fileName: 'aanvraag v2.docx', kind: 'aanvraagformulier' as const, version: '1.0', phase: 'draft' as const }
    ];
    const versions = comparableVersions({ fileName: 'aanvraag v2.docx', kind: 'aanvraagformulier', version: '1.0', versions: ['1.0'] }, registered);
    expect(versions.map((version) => version.label)).toEqual(['1.0 (aanvraag.docx)', '1.0']);
    await act(async () => {
      render(<VersionDifferences fileName="aanvraag v2.docx" versions={versions} onCompare={onCompare} onDismiss={jest.fn()} describeFailure={describeFailure} lang="nl" strings={nl} />);
    });
    expect(onCompare).toHaveBeenCalledWith(ref('1.0', 'aanvraag.docx'), ref('1.0', 'aanvraag v2.docx'));
  });
});
