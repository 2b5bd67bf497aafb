/** @jest-environment jsdom */
import '../../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { allowedCommands } from '../../../src/domain';
import { DossierPanel, type DossierPanelProps } from '../../../src/ui/panel/DossierPanel';
import type { DocumentView } from '../../../src/ui/panel/panelTypes';
import { dossierUnderReview, dpoMember } from '../support/dossiers';
import { describeFailure, nl } from '../support/strings';
import { reviewFindings } from './support';

const dossier = { ...dossierUnderReview('VSA-2026-0007'), findings: reviewFindings };
const document: DocumentView = {
  id: 'd1', fileName: 'aanvraagformulier.docx', kind: 'aanvraagformulier', phase: 'draft', version: '2.0', versions: ['1.0', '2.0'], isDocx: true, findingsState: 'idle'
};

function renderPanel(overrides: Partial<DossierPanelProps> = {}): DossierPanelProps {
  const props: DossierPanelProps = {
    reference: dossier.reference, onDismiss: jest.fn(), dossier, loading: false, events: [], documents: [document], uploads: [],
    allowedCommands: allowedCommands(dossier, dpoMember), onCommand: jest.fn(), onAddComment: jest.fn(), onUpload: jest.fn(),
    onShowFindings: jest.fn(), onDownload: jest.fn(), onOpen: jest.fn(), canUpload: true,
    onChangeFindingStatus: jest.fn(), onRecordFinding: jest.fn(), onCompareVersions: jest.fn().mockResolvedValue([]),
    now: '2026-11-25T09:00:00.000Z', lang: 'nl', strings: nl, describeFailure, ...overrides
  };
  render(<DossierPanel {...props} />);
  return props;
}

describe('DossierPanel: findings and versions', () => {
  it('has a findings tab with the count and the progress', () => {
    renderPanel();
    fireEvent.click(screen.getByRole('tab', { name: /Bevindingen \(8\)/ }));
    expect(screen.getByTestId('finding-progress').textContent).toContain('3 van 7 opmerkingen verwerkt');
  });

  it('opens "Verschillen" for a document with two versions and compares the last two', async () => {
    const props = renderPanel();
    fireEvent.click(screen.getByRole('tab', { name: /Documenten/ }));
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Verschillen: aanvraagformulier.docx' })); });
    expect(props.onCompareVersions).toHaveBeenCalledWith(document, expect.objectContaining({ fileName: 'aanvraagformulier.docx', version: '1.0' }), expect.objectContaining({ fileName: 'aanvraagformulier.docx', version: '2.0' }));
    expect(screen.getByText('Geen verschillen in de velden.')).toBeTruthy();
  });

  it('offers no "Verschillen" for a single version, and no findings tab without findings or the right to add one', () => {
    renderPanel({ documents: [{ ...document, versions: ['1.0'] }], dossier: { ...dossier, findings: [] }, allowedCommands: [] });
    expect(screen.queryByRole('tab', { name: /Bevindingen/ })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: /Documenten/ }));
    expect(screen.queryByRole('button', { name: /Verschillen/ })).toBeNull();
  });
});
