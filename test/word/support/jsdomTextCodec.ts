/**
 * jsdom lacks TextEncoder/TextDecoder, which the forms engine uses (browsers and Node have them).
 * Import this first in jsdom tests.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

const globals = globalThis as Record<string, unknown>;
if (typeof globals.TextDecoder === 'undefined') globals.TextDecoder = NodeTextDecoder;
if (typeof globals.TextEncoder === 'undefined') globals.TextEncoder = NodeTextEncoder;
