/** @jest-environment jsdom */
import { browserDossierLocation, memoryDossierLocation } from '../../../src/webparts/dossierRegister/app/dossierLocation';

describe('browserDossierLocation', () => {
  beforeEach(() => window.history.replaceState(null, '', '/sites/microdata/SitePages/Register.aspx?view=all'));

  it('reads a well-formed reference from ?dossier= and ignores anything else', () => {
    const location = browserDossierLocation();
    expect(location.read()).toBeUndefined();
    window.history.replaceState(null, '', '/sites/microdata/SitePages/Register.aspx?dossier=VSA-2026-0042');
    expect(location.read()).toBe('VSA-2026-0042');
    window.history.replaceState(null, '', '/sites/microdata/SitePages/Register.aspx?dossier=%3Cscript%3E');
    expect(location.read()).toBeUndefined();
  });

  it('writes the open dossier into the address, keeps the other parameters, and removes it on close', () => {
    const location = browserDossierLocation();
    const entries = window.history.length;
    location.write('VSA-2026-0007');
    expect(window.location.pathname + window.location.search).toBe('/sites/microdata/SitePages/Register.aspx?view=all&dossier=VSA-2026-0007');
    location.write(undefined);
    expect(window.location.search).toBe('?view=all');
    // Opening a panel is no navigation: the back button leaves the page as before.
    expect(window.history.length).toBe(entries);
  });
});

describe('memoryDossierLocation', () => {
  it('holds the reference in memory and refuses a malformed start value', () => {
    expect(memoryDossierLocation('nonsense').read()).toBeUndefined();
    const location = memoryDossierLocation('VSA-2026-0001');
    location.write('VSA-2026-0002');
    expect(location.current()).toBe('VSA-2026-0002');
  });
});
