import type { ODataFlavour } from '../../../src/composition/local';
import { sampleForm } from '../../app/support';
import { assignCommand, commentCommand, nastyTitle, registerCommand } from '../support/fixtures';
import { AN, as, OWNER, SOFIE, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

const flavours: ODataFlavour[] = ['nometadata', 'minimalmetadata', 'verbose'];

describe.each(flavours)('data layer round trips (%s)', (flavour) => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  });
  afterAll(async () => tenant?.close());

  it('reads the signed-in user and the members of a role', async () => {
    const an = as(tenant, AN, flavour).data;
    expect(await an.directory.currentActor()).toEqual({ id: AN, displayName: 'An Peeters', roles: ['dpoTeam'] });
    const statisticians = await an.directory.membersOf('statistician');
    expect(statisticians.map((s) => s.id).sort()).toEqual(['lotte.wouters@vsa.local', 'pieter.claes@vsa.local', SOFIE]);
    const dpo = await an.directory.membersOf('dpo');
    expect([...dpo[0].roles].sort()).toEqual(['dpo', 'dpoTeam']);
  });

  it('a hostile title survives commands, the projection, the event log, the register and every filter', async () => {
    const { data } = as(tenant, AN, flavour);
    const actor = await data.directory.currentActor();
    const reference = await data.lookups.nextReference(2026);
    expect(reference).toBe('VSA-2026-0001');
    const command = registerCommand(reference, `reg-${flavour}`, nastyTitle);
    const registered = await data.commands.execute(reference, { ...command, requester: { ...(command as { requester: object }).requester, institution: nastyTitle } } as typeof command, actor);
    expect(registered.ok).toBe(true);
    expect((await data.commands.execute(reference, assignCommand(`as-${flavour}`), actor)).ok).toBe(true);
    expect((await data.commands.execute(reference, commentCommand(`cm-${flavour}`, nastyTitle), actor)).ok).toBe(true);

    const detail = await data.readModel.loadDossierDetail(reference);
    expect(detail.dossier?.subject).toBe(nastyTitle);
    expect(detail.dossier?.state).toBe('preliminary');
    expect(detail.events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(detail.missingFromLog).toEqual([]);
    expect(detail.dossier?.comments[0].text).toBe(nastyTitle);

    const screen = await data.readModel.loadRegisterScreen({});
    expect(screen.actor.id).toBe(AN);
    expect(screen.totalDossiers).toBe(1);
    expect(screen.page.rows[0]).toMatchObject({ reference, subject: nastyTitle, state: 'preliminary', institution: nastyTitle, assignee: { email: SOFIE } });

    for (const query of [{ institution: nastyTitle }, { referencePrefix: reference }, { states: ['preliminary' as const] }, { assigneeEmail: SOFIE }]) {
      const page = await data.dossiers.readRegisterPage(query);
      expect(page.rows.map((r) => r.subject)).toEqual([nastyTitle]);
    }
    expect((await data.dossiers.readRegisterPage({ institution: `${nastyTitle}x` })).rows).toEqual([]);
  });

  it('stores, lists, versions and downloads documents whose names hold %, #, quotes and Unicode', async () => {
    const { data } = as(tenant, AN, flavour);
    const reference = 'VSA-2026-0001';
    await data.documents.ensureFolder(reference);
    await data.documents.ensureFolder(reference);
    const fileName = `Aanvraag 100% #2 'concept' – Ærø.docx`;
    // The service reads and checks what it stores (a .docx must be one), so the two versions are real
    // application forms: a signed draft (blocking: a draft must be unsigned), then the unsigned one. The
    // client's own check is never sent; the stored check status is the service's.
    const v1 = await sampleForm('aanvraagformulier', 'wettelijk vertegenwoordiger', fileName);
    const v2 = await sampleForm('aanvraagformulier', undefined, fileName);
    expect(Buffer.from(v2).equals(Buffer.from(v1))).toBe(false);
    const first = await data.documents.upload(reference, fileName, v1, { kind: 'aanvraagformulier', phase: 'draft', check: { blocking: 1, warnings: 0, info: 0 } });
    expect(first.fileName).toBe(fileName);
    const second = await data.documents.upload(reference, fileName, v2, { kind: 'aanvraagformulier', phase: 'draft', check: { blocking: 0, warnings: 0, info: 0 } });
    expect(second.fileName).toBe(fileName);
    expect(second.version).not.toBe(first.version);
    const listed = await data.documents.list(reference);
    expect(listed).toEqual([expect.objectContaining({ fileName, size: v2.length, kind: 'aanvraagformulier', phase: 'draft', checkStatus: 'passed' })]);
    expect(Buffer.from(await data.documents.download(reference, fileName)).equals(Buffer.from(v2))).toBe(true);
    const versions = await data.documents.versions(reference, fileName);
    expect(versions).toHaveLength(2);
    expect(Buffer.from(await data.documents.download(reference, fileName, versions[0])).equals(Buffer.from(v1))).toBe(true);
    const detail = await data.readModel.loadDossierDetail(reference);
    expect(detail.documents.map((d) => d.fileName)).toEqual([fileName]);
  });

  it('pages through the register with the server cursor', async () => {
    const { data } = as(tenant, AN, flavour);
    const actor = await data.directory.currentActor();
    for (let i = 0; i < 4; i++) {
      const reference = await data.lookups.nextReference(2026);
      expect((await data.commands.execute(reference, registerCommand(reference, `page-${flavour}-${i}`), actor)).ok).toBe(true);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await data.dossiers.readRegisterPage({ pageSize: 2, orderBy: 'oldest' }, cursor);
      seen.push(...page.rows.map((r) => r.reference));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['VSA-2026-0001', 'VSA-2026-0002', 'VSA-2026-0003', 'VSA-2026-0004', 'VSA-2026-0005']);
  });
});
