/**
 * Global set-up of the `integration` jest project: compiles the vsa-forms command line first, so the
 * tests that spawn bin/vsa-forms.js check the current sources, not the copy of the last `npm install`.
 */
const { buildCli } = require('../../scripts/build-cli');

module.exports = async function buildBeforeIntegrationTests() {
  buildCli();
};
