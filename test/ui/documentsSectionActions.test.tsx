/** @jest-environment jsdom */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { DocumentsSection } from '../../src/ui/panel/DocumentsSection';
import type { DocumentView } from '../../src/ui/panel/panelTypes';
import { nl } from './support/strings';

const docx: DocumentView = {
  id: 'a', fileName: 'aanvraagformulier met een erg lange naam.docx', kind: 'aanvraagformulier', phase: 'draft', version: '1.0',
  checkStatus: 'passed', findingsState: 'idle', isDocx: true, openInWordUrl: 'ms-word:ofe|u|https://x/a.docx'
};
const pdf: DocumentView = { id: 'b', fileName: 'volmacht.pdf', kind: 'mandate', phase: 'signed', version: '1.0', findingsState: 'idle', isDocx: false };

describe('DocumentsSection actions', () => {
  it('shows a short findings toggle named after its file for screen readers, and the same actions on every row', () => {
    const onShowFindings = jest.fn();
    render(<DocumentsSection documents={[docx, pdf]} uploads={[]} canUpload={false} onUpload={jest.fn()} onShowFindings={onShowFindings} onDownload={jest.fn()} lang="nl" strings={nl} />);
    const toggle = screen.getByRole('button', { name: `Bevindingen van ${docx.fileName}` });
    // The visible text stays short so the row of actions does not break around a file name.
    expect(toggle.textContent).toBe('Bevindingen');
    fireEvent.click(toggle);
    expect(onShowFindings).toHaveBeenCalledWith(docx);
    const rows = screen.getAllByRole('row').slice(1);
    const actionsOf = (row: HTMLElement): string[] =>
      [...within(row).queryAllByRole('button'), ...within(row).queryAllByRole('link')].map((element) => element.textContent ?? '');
    expect(actionsOf(rows[0])).toEqual(['Bevindingen', 'Downloaden', 'Download met opmerkingen', 'Openen in Word']);
    expect(actionsOf(rows[rows.length - 1])).toEqual(['Downloaden']);
  });
});
