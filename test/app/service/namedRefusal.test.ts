import { errorAnswer } from '../../../src/app/service/serviceErrors';
import { formatFailure } from '../../../src/app/failures';
import { DataError } from '../../../src/data/errors';

describe('a refusal the data layer names with a catalog code', () => {
  const refusal = new DataError('data.error.invalidInput', '"x.docx" is not a registered signed or countersigned document of VSA-2026-0001.', 400, {
    serviceCode: 'app.error.publicationSourceNotRegistered',
    params: { fileName: 'x.docx', reference: 'VSA-2026-0001' }
  });

  it('is answered by the service with that code and its parameters (the status of the data code)', () => {
    expect(errorAnswer(refusal)).toEqual({
      status: 400,
      body: { error: { code: 'app.error.publicationSourceNotRegistered', message: refusal.message, params: { fileName: 'x.docx', reference: 'VSA-2026-0001' } } }
    });
  });

  it('reads in the user\'s language, here and after the service answered it', () => {
    expect(formatFailure(refusal, 'nl')).toBe('"x.docx" is geen geregistreerd ondertekend of medeondertekend document van VSA-2026-0001.');
    const answered = errorAnswer(refusal).body.error;
    const client = new DataError('data.error.invalidInput', 'make the publication version', 400, { serviceCode: answered.code, params: answered.params });
    expect(formatFailure(client, 'en')).toBe('"x.docx" is not a registered signed or countersigned document of VSA-2026-0001.');
  });

  it('leaves other data errors as they were', () => {
    expect(errorAnswer(new DataError('data.error.notFound', 'gone', 404)).body.error.code).toBe('data.error.notFound');
  });
});
