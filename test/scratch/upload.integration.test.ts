import { startIntakeTenant, AN, MAILBOX, type IntakeTenant } from '../intake/support/front';
import { driveDossier, countersigned } from '../intake/support/flow';
import { buildForm } from '../../src/local/seed/documents';
import { SeededRandom } from '../../src/local/seed/random';
import { createRegisterService } from '../../src/app/registerService';
import { formatFailure } from '../../src/app/failures';
import { composeRegisterMail } from '../../src/composition/registerMail';

let t: IntakeTenant;
beforeAll(async () => { t = await startIntakeTenant(); }, 60000);
afterAll(async () => { await t.close(); });
it('uploads a countersigned docx', async () => {
  await driveDossier(t, 'VSA-2026-0009', 'awaitingCountersignature');
  const composition = t.as(AN);
  const service = createRegisterService(composition.data);
  const mail = composeRegisterMail(composition.data, composition.graph, { mailboxAddress: MAILBOX, siteUrl: composition.siteUrl, clock: () => '2026-11-25T10:00:00Z' });
  const opened = await service.open('VSA-2026-0009');
  const { bytes } = await buildForm('protocol', { reference: 'VSA-2026-0009', institution: 'Universiteit Voorbeeld', institutionType: 'universiteit', address: 'x', kbo: '0248.015.142', contactName: 'K', contactFunction: 'o', contactEmail: 'karel@uni.example', title: 'T', researchType: 'wetenschappelijk', startDate: '2027-01-01', endDate: '2028-12-31' } as never, new SeededRandom(1), { signature: countersigned, today: '2026-11-20' });
  await service.upload(opened, [{ name: 'protocol x.docx', bytes: async () => bytes }], 'auto', 'countersigned', () => undefined);
  try {
    await service.createPublicationVersion(await service.open('VSA-2026-0009'), mail);
  } catch (error) {
    console.log('FAILED', formatFailure(error, 'nl'), error);
  }
}, 120000);
