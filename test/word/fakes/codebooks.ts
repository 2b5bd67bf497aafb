import type { Codebook } from '../../../src/forms';

/** Codebooks of two SV waves and one COVID-19 wave (one sensitive variable). */
export const CODEBOOKS: Codebook[] = [
  {
    wave: 'SV-bevraging 2023-1',
    variables: [
      { name: 'inkomen_huishouden', label: 'Netto-inkomen van het huishouden', sensitive: false },
      { name: 'inkomen_persoon', label: 'Netto-inkomen van de persoon', sensitive: false },
      { name: 'gezondheid_algemeen', label: 'Ervaren gezondheid', sensitive: true }
    ]
  },
  { wave: 'SV-bevraging 2023-2', variables: [{ name: 'inkomen_huishouden', label: 'Netto-inkomen van het huishouden', sensitive: false }, { name: 'woonplaats', label: 'Gemeente', sensitive: false }] },
  { wave: 'COVID-19-bevraging golf 1', variables: [{ name: 'inkomen_verlies', label: 'Inkomensverlies door corona', sensitive: false }] }
];
