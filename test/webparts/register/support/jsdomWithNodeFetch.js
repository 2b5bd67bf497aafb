/**
 * jsdom test environment with Node's own fetch and encoding API, so RTL tests can render the register
 * against the in-process local tenant over real HTTP (PnPjs and the Graph client use global fetch).
 * jsdom's `crypto` has no `subtle`; the signature verifier (the in-process command service) and the
 * tests' signer use WebCrypto as browsers have it, so `crypto` is Node's WebCrypto here.
 */
const { TestEnvironment } = require('jest-environment-jsdom');
const { webcrypto } = require('node:crypto');

class JsdomWithNodeFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const scope = this.global;
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'structuredClone', 'setImmediate', 'clearImmediate', 'Buffer']) {
      if (globalThis[name] !== undefined) scope[name] = globalThis[name];
    }
    Object.defineProperty(scope, 'crypto', { value: webcrypto, configurable: true, enumerable: true, writable: true });
    scope.CryptoKey = webcrypto.CryptoKey ?? globalThis.CryptoKey;
  }
}

module.exports = JsdomWithNodeFetch;
