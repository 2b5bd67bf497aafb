import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { buildPath, certificatesFromPem, nameText, parseCertificate } from '../../src/signatures/certificates';

const folder = join(__dirname, '..', '..', 'config', 'trust');

describe('the shipped trust anchors (config/trust)', () => {
  const anchors = readdirSync(folder)
    .filter((name) => name.endsWith('.pem'))
    .flatMap((name) => certificatesFromPem(readFileSync(join(folder, name), 'utf8')).map(parseCertificate));

  it('are the public Belgian eID roots CA3, CA4 and CA6', () => {
    const names = anchors.map((anchor) => nameText(anchor.subject));
    expect(names).toEqual(expect.arrayContaining(['C=BE, CN=Belgium Root CA3', 'C=BE, CN=Belgium Root CA4']));
    expect(names.some((name) => name.endsWith('CN=Belgium Root CA6'))).toBe(true);
    expect(anchors).toHaveLength(3);
  });

  it('are each self-signed with an intact signature, so a damaged copy is noticed', async () => {
    for (const anchor of anchors) {
      const path = await buildPath(anchor, [], [anchor], '2027-01-01T00:00:00Z');
      expect(path.chain).toBe('trusted');
      await expect(anchor.verify(anchor)).resolves.toBe(true);
    }
  });
});
