/**
 * jsdom test environment with Node's own fetch and encoding API, so RTL tests can render the register
 * against the in-process local tenant over real HTTP (PnPjs and the Graph client use global fetch).
 */
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithNodeFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const scope = this.global;
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'structuredClone', 'setImmediate', 'clearImmediate', 'Buffer']) {
      if (globalThis[name] !== undefined) scope[name] = globalThis[name];
    }
  }
}

module.exports = JsdomWithNodeFetch;
