import { handleRegisterWorkbench, registerShell } from '../../../src/local/workbench/register/page';

describe('local workbench page /workbench/register', () => {
  it('sends a visitor without persona to the sign-in page', async () => {
    const response = await handleRegisterWorkbench(new URL('http://localhost:4321/workbench/register'), false);
    expect(response?.status).toBe(302);
    expect(response?.headers.location).toMatch(/^\/\?returnUrl=/);
  });

  it('serves the Dutch shell by default and English on ?lang=en', async () => {
    const nl = await handleRegisterWorkbench(new URL('http://localhost:4321/workbench/register'), true);
    expect(nl?.status).toBe(200);
    expect(nl?.body).toContain('<html lang="nl-BE">');
    expect(nl?.body).toContain('/workbench/register/strings.js?lang=nl');
    expect(registerShell('en')).toContain('strings.js?lang=en');
  });

  it('serves the web part\'s own loc file as the strings, evaluated through a define shim', async () => {
    const response = await handleRegisterWorkbench(new URL('http://localhost:4321/workbench/register/strings.js?lang=nl'), true);
    const scope: { __registerLocale?: { ui: { newDossier: string } }; __registerLang?: string } = {};
    new Function('window', response?.body ?? '')(scope);
    expect(scope.__registerLocale?.ui.newDossier).toBe('Nieuw dossier');
    expect(scope.__registerLang).toBe('nl');
  });

  it('bundles the same React application with esbuild', async () => {
    const response = await handleRegisterWorkbench(new URL('http://localhost:4321/workbench/register/app.js'), true);
    expect(response?.headers['content-type']).toContain('javascript');
    expect(response?.body.length).toBeGreaterThan(100_000);
    expect(response?.body).toContain('Microdata');
  });

  it('answers nothing for a path that is not its own', async () => {
    expect(await handleRegisterWorkbench(new URL('http://localhost:4321/workbench/registerx'), true)).toBeUndefined();
  });
});
