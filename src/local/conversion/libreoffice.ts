/**
 * The local tenant's PDF conversion (Graph's `?format=pdf`) is the LibreOffice adapter of the data
 * layer, which the Node command line uses too (`vsa-forms publication`).
 */
export { ConversionError, convertToPdf, findSoffice, notInstalledMessage } from '../../data/conversion/libreoffice';
