/**
 * The sample form the Word workbench opens: an application form filled in the way requesters do,
 * with a few mistakes the checks should catch (an invalid e-mail address, a variable without a
 * justification, missing fields, an unknown survey wave, linking with other data). All names are fictional.
 */
import { fillForm, generateTemplate } from '../../../forms';
import { setCustomProperty } from '../../../word/docx/docxParts';
import { DOSSIER_REFERENCE_PROPERTY } from '../../../app/wordReview/dossierReviewPort';

/** File name the workbench shows and downloads. */
export const SAMPLE_FILE_NAME = 'aanvraagformulier-voorbeeld.docx';

/** Builds the sample .docx; `dossierReference` is stamped as the document property when given. */
export async function buildSampleForm(dossierReference?: string): Promise<Uint8Array> {
  const filled = await fillForm(await generateTemplate('aanvraagformulier'), {
    fields: {
      'aanvrager.instelling': 'Universiteit Gent – Vakgroep Sociologie',
      'aanvrager.kbo': '0248.015.142',
      'aanvrager.type': 'onderzoeksinstelling',
      'aanvrager.adres': 'Sint-Pietersnieuwstraat 41, 9000 Gent',
      'contact.naam': 'Dr. Hanne Vos',
      'contact.functie': 'Postdoctoraal onderzoeker',
      'contact.email': 'hanne.vos(at)ugent.example',
      'contact.telefoon': '+32 9 264 00 00',
      'verantwoordelijke.naam': 'Universiteit Gent',
      'vertegenwoordiger.naam': 'Prof. Dirk De Smet',
      'vertegenwoordiger.hoedanigheid': 'wettelijk vertegenwoordiger',
      'dpoInstelling.naam': 'Functionaris gegevensbescherming UGent',
      'dpoInstelling.email': 'privacy@ugent.example',
      'project.titel': 'Wonen en welzijn in Vlaanderen',
      'project.doeleinden': 'Analyse van de samenhang tussen woonkwaliteit en subjectief welzijn.',
      'project.onderzoekstype': 'wetenschappelijk',
      'project.rechtsgrond': 'Art. 6.1.e AVG; taak van algemeen belang (wetenschappelijk onderzoek).',
      'project.startdatum': '01/01/2027',
      'project.einddatum': '31/12/2028',
      'gegevens.bevragingen': 'SV-bevraging 2023',
      'gegevens.koppeling': 'ja, met kadastrale gegevens op statistische sector',
      'gegevens.pseudonimisering': 'Gepseudonimiseerde gegevens; sleutel blijft bij Statistiek Vlaanderen.',
      'gegevens.doorgifteBuitenEER': 'nee',
      'bewaring.termijn': '31/12/2029',
      'bewaring.vernietiging': 'Veilige verwijdering na afloop van de bewaartermijn.'
    },
    rows: {
      variabelen: [
        { 'variabelen.naam': 'woonkwaliteit', 'variabelen.motivering': 'Centrale verklarende variabele.' },
        { 'variabelen.naam': 'tevredenheid_leven', 'variabelen.motivering': 'Uitkomstmaat voor welzijn.' },
        { 'variabelen.naam': 'inkomen_huishouden', 'variabelen.motivering': '' }
      ],
      ontvangers: [{ 'ontvangers.naam': 'Dr. Hanne Vos', 'ontvangers.instelling': 'Universiteit Gent' }]
    }
  });
  return dossierReference ? setCustomProperty(filled, DOSSIER_REFERENCE_PROPERTY, dossierReference) : filled;
}
