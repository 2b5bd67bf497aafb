/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DossierEvent } from '../../src/domain/events';
import { eventDetails } from '../../src/ui/panel/timeline';
import { TimelineSection } from '../../src/ui/panel/TimelineSection';
import { describeFailure, en, nl } from './support/strings';

/**
 * Issue 14: the comment box offers "Alleen voor de DPO en de hoofdstatisticus" to the DPO and the Chief
 * Statistician; the timeline shows a note's text to them (read from the restricted list) and to others
 * only the marker.
 */
const note = {
  id: 'n1:0', dossierReference: 'VSA-2026-0001', at: '2026-03-01T10:00:00.000Z', actor: { id: 'karel@vsa.local', displayName: 'Karel De Smet' },
  type: 'CommentAdded', text: '', restriction: 'dpo', noteId: 'dpo-note:n1'
} as DossierEvent;
const notes = new Map([['dpo-note:n1', 'Familielid van een medewerker.']]);

describe('a note for the DPO in the timeline', () => {
  it('shows the marker to everyone and the text only when the restricted list gave it', () => {
    expect(eventDetails(note, 'nl', nl)).toEqual(['Notitie voor de DPO (alleen leesbaar voor de DPO en de hoofdstatisticus)']);
    expect(eventDetails(note, 'nl', nl, new Map())).toHaveLength(1);
    expect(eventDetails(note, 'en', en, notes)).toEqual(['Note for the DPO (readable by the DPO and the Chief Statistician only)', 'Familielid van een medewerker.']);
  });

  it('renders the text for the DPO and hides it from others', () => {
    const { unmount } = render(<TimelineSection events={[note]} restrictedNotes={notes} describeFailure={describeFailure} lang="nl" strings={nl} />);
    expect(screen.getByText('Familielid van een medewerker.')).toBeTruthy();
    unmount();
    render(<TimelineSection events={[note]} describeFailure={describeFailure} lang="nl" strings={nl} />);
    expect(screen.queryByText('Familielid van een medewerker.')).toBeNull();
    expect(screen.getByText(nl.restrictedNote)).toBeTruthy();
  });
});

describe('the comment box', () => {
  it('offers the restriction to the DPO and the Chief Statistician and sends it', async () => {
    const onAddComment = jest.fn(async () => ({ ok: true as const }));
    render(<TimelineSection events={[]} onAddComment={onAddComment} canRestrict describeFailure={describeFailure} lang="nl" strings={nl} />);
    fireEvent.change(screen.getByLabelText(nl.commentLabel), { target: { value: 'Vertrouwelijk' } });
    fireEvent.click(screen.getByLabelText('Alleen voor de DPO en de hoofdstatisticus'));
    fireEvent.click(screen.getByText(nl.commentAdd));
    await waitFor(() => expect(onAddComment).toHaveBeenCalledWith('Vertrouwelijk', 'dpo'));
  });

  it('does not offer it to others, and a plain comment carries no restriction', async () => {
    const onAddComment = jest.fn(async () => ({ ok: true as const }));
    render(<TimelineSection events={[]} onAddComment={onAddComment} describeFailure={describeFailure} lang="nl" strings={nl} />);
    expect(screen.queryByLabelText('Alleen voor de DPO en de hoofdstatisticus')).toBeNull();
    fireEvent.change(screen.getByLabelText(nl.commentLabel), { target: { value: 'Gewoon' } });
    fireEvent.click(screen.getByText(nl.commentAdd));
    await waitFor(() => expect(onAddComment).toHaveBeenCalledWith('Gewoon', undefined));
  });
});
