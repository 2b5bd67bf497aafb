/**
 * The check columns of a stored document against the local tenant: the command service rewrites them
 * (`updateCheck`) without touching the file (same bytes, same version); a VSA group member cannot.
 */
import { createLocalComposition } from '../../../src/composition/local';
import { hasDataErrorCode } from '../../../src/data/errors';
import { sampleForm } from '../../app/support';
import { AN, as, OWNER, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

describe('check columns of a stored document', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  });
  afterAll(async () => tenant?.close());

  it('are rewritten by the service while the signed file keeps its bytes and version', async () => {
    const data = createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false }).data;
    const reference = 'VSA-2026-0007';
    const bytes = await sampleForm('aanvraagformulier', 'gevolmachtigde', 'aanvraag getekend.docx');
    await data.documents.ensureFolder(reference);
    await data.documents.upload(reference, 'aanvraag getekend.docx', bytes, { kind: 'aanvraagformulier', phase: 'signed', check: { blocking: 1, warnings: 0, info: 0 } });
    const before = await data.documents.list(reference);
    expect(before).toEqual([expect.objectContaining({ checkStatus: 'blocking', checkBlocking: 1, checkWarnings: 0, phase: 'signed' })]);

    await data.documentColumns.updateCheck(reference, 'aanvraag getekend.docx', { blocking: 0, warnings: 2, info: 1 });
    const after = await data.documents.list(reference);
    expect(after).toEqual([expect.objectContaining({ checkStatus: 'warnings', checkBlocking: 0, checkWarnings: 2, kind: 'aanvraagformulier', phase: 'signed', version: before[0].version })]);
    expect(await data.documents.versions(reference, 'aanvraag getekend.docx')).toEqual([before[0].version]);
    expect(Buffer.from(await data.documents.download(reference, 'aanvraag getekend.docx')).equals(Buffer.from(bytes))).toBe(true);

    const error = await as(tenant, AN).data.documentColumns.updateCheck(reference, 'aanvraag getekend.docx', undefined).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.accessDenied')).toBe(true);
    expect((await data.documents.list(reference))[0].checkStatus).toBe('warnings');
  });
});
