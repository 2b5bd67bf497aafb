/**
 * Composition for Node hosts that convert documents to PDF themselves (the `vsa-forms publication`
 * command): LibreOffice headless, the same adapter the local tenant uses for Graph's `?format=pdf`.
 * Kept apart from `node.ts` so that the forms CLI bundle does not pull in PnPjs.
 */
export { ConversionError, convertToPdf, findSoffice, notInstalledMessage } from '../data/conversion/libreoffice';
