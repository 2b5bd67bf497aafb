/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CodebooksView } from '../../src/ui/codebooks/CodebooksView';
import type { CodebookHitView, CodebookSummaryView, CodebooksPort } from '../../src/ui/codebooks/CodebooksView';
import { en, nl } from './support/strings';

const summary = (wave: string, variableCount: number, sensitiveCount: number): CodebookSummaryView => ({
  wave, variableCount, sensitiveCount, sourceFileName: `${wave}.xml`, importedAt: '2026-11-30T09:15:00Z', importedBy: 'An Peeters'
});

/** A port whose answers the test sets; it records imports and searches. */
function fakePort(initial: CodebookSummaryView[]): CodebooksPort & { imports: { fileName: string; text: string; wave?: string }[]; searches: { query: string; waves?: readonly string[] }[]; failImport?: Error; hits: CodebookHitView[] } {
  let summaries = initial;
  const port = {
    imports: [] as { fileName: string; text: string; wave?: string }[],
    searches: [] as { query: string; waves?: readonly string[] }[],
    failImport: undefined as Error | undefined,
    hits: [] as CodebookHitView[],
    list: async () => summaries,
    import: async (file: { fileName: string; bytes: Uint8Array }, wave?: string) => {
      port.imports.push({ fileName: file.fileName, text: new TextDecoder().decode(file.bytes), wave });
      if (port.failImport) throw port.failImport;
      const added = summary(wave ?? 'SV-bevraging 2023-1', 312, 14);
      summaries = [...summaries, added];
      return [added];
    },
    search: async (query: string, waves?: readonly string[]) => {
      port.searches.push({ query, waves });
      return port.hits;
    }
  };
  return port;
}

import { bytesOf as readFile } from '../../src/webparts/dossierRegister/app/browserFiles';
const describe_ = (error: unknown): string => (error instanceof Error ? `vertaald: ${error.message}` : String(error));

describe('CodebooksView', () => {
  it('lists the waves with counts, source file and who imported them', async () => {
    render(<CodebooksView port={fakePort([summary('SV-bevraging 2023-2', 280, 9), summary('COVID-19-bevraging golf 3', 150, 4)])} readFile={readFile} describeFailure={describe_} lang="nl" strings={nl.codebooks} />);
    const table = await screen.findByRole('table', { name: 'Codeboeken per golf' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('th,td')].map((c) => c.textContent))).toEqual([
      ['SV-bevraging 2023-2', '280', '9', 'SV-bevraging 2023-2.xml', expect.stringContaining('2026') as unknown as string, 'An Peeters'],
      ['COVID-19-bevraging golf 3', '150', '4', 'COVID-19-bevraging golf 3.xml', expect.stringContaining('2026') as unknown as string, 'An Peeters']
    ]);
  });

  it('says when there are no codebooks yet', async () => {
    render(<CodebooksView port={fakePort([])} readFile={readFile} describeFailure={describe_} lang="en" strings={en.codebooks} />);
    expect(await screen.findByText(/No codebooks have been imported yet/)).toBeTruthy();
  });

  it('imports the chosen file with the wave chosen, shows the counts and the new wave in the list', async () => {
    const port = fakePort([]);
    render(<CodebooksView port={port} readFile={readFile} describeFailure={describe_} lang="nl" strings={nl.codebooks} />);
    const button = screen.getByRole('button', { name: 'Inlezen' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const file = new File(['name,label,sensitive\nleeftijd,Leeftijd,nee'], 'covid3.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Bestand'), { target: { files: [file] } });
    fireEvent.change(screen.getByLabelText('Golf (als het bestand ze niet vermeldt)'), { target: { value: 'COVID-19-bevraging golf 3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByText('covid3.csv is ingelezen: COVID-19-bevraging golf 3 (312 variabelen, 14 gevoelig).')).toBeTruthy();
    expect(port.imports).toEqual([{ fileName: 'covid3.csv', text: 'name,label,sensitive\nleeftijd,Leeftijd,nee', wave: 'COVID-19-bevraging golf 3' }]);
    const table = await screen.findByRole('table', { name: 'Codeboeken per golf' });
    expect(within(table).getByRole('rowheader', { name: 'COVID-19-bevraging golf 3' })).toBeTruthy();
  });

  it('shows the coded error of a refused file and lists nothing new', async () => {
    const port = fakePort([]);
    port.failImport = new Error('het bestand bevat een DOCTYPE');
    render(<CodebooksView port={port} readFile={readFile} describeFailure={describe_} lang="nl" strings={nl.codebooks} />);
    fireEvent.change(screen.getByLabelText('Bestand'), { target: { files: [new File(['<!DOCTYPE x>'], 'kwaad.xml')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByText('Er werd niets ingelezen: vertaald: het bestand bevat een DOCTYPE')).toBeTruthy();
    expect(port.imports[0].wave).toBeUndefined();
    expect(screen.queryByRole('table', { name: 'Codeboeken per golf' })).toBeNull();
  });

  it('refuses a file over 50 MB by its size, without reading it or asking the port', async () => {
    const port = fakePort([]);
    let read = 0;
    const counting = async (file: File): Promise<Uint8Array> => { read += 1; return readFile(file); };
    render(<CodebooksView port={port} readFile={counting} describeFailure={describe_} lang="nl" strings={nl.codebooks} />);
    const huge = new File(['x'], 'groot.xml');
    Object.defineProperty(huge, 'size', { value: 50 * 1024 * 1024 + 1 });
    fireEvent.change(screen.getByLabelText('Bestand'), { target: { files: [huge] } });
    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByText(/^Er werd niets ingelezen: vertaald: groot\.xml: het bestand is te groot/)).toBeTruthy();
    expect([read, port.imports.length]).toEqual([0, 0]);
  });

  it('searches by name or label in one wave and marks sensitive variables', async () => {
    const port = fakePort([summary('SV-bevraging 2023-1', 300, 12), summary('SV-bevraging 2023-2', 280, 9)]);
    port.hits = [
      { wave: 'SV-bevraging 2023-1', variable: { name: 'gezondheid_algemeen', label: 'Algemene gezondheid', sensitive: true } },
      { wave: 'SV-bevraging 2023-1', variable: { name: 'gezondheid_vergelijking', label: 'Gezondheid vergeleken met vorig jaar', sensitive: false } }
    ];
    render(<CodebooksView port={port} readFile={readFile} describeFailure={describe_} lang="nl" strings={nl.codebooks} />);
    await screen.findByRole('table', { name: 'Codeboeken per golf' });
    fireEvent.change(screen.getByLabelText('Naam of label'), { target: { value: 'gezondheid' } });
    fireEvent.change(screen.getByLabelText('In golf'), { target: { value: 'SV-bevraging 2023-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    const results = await screen.findByRole('table', { name: 'Variabelen zoeken' });
    expect(port.searches).toEqual([{ query: 'gezondheid', waves: ['SV-bevraging 2023-1'] }]);
    const rows = within(results).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-sensitive'))).toEqual(['true', 'false']);
    expect(within(rows[0]).getByText('gevoelig')).toBeTruthy();
    expect(within(rows[1]).queryByText('gevoelig')).toBeNull();
    expect(screen.getByText('2 variabele(n) gevonden')).toBeTruthy();

    port.hits = [];
    fireEvent.change(screen.getByLabelText('In golf'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    await waitFor(() => expect(screen.getByText('Geen variabelen gevonden.')).toBeTruthy());
    expect(port.searches[1]).toEqual({ query: 'gezondheid', waves: undefined });
  });
});
