/** jsdom lacks the encoding API browsers have; the forms engine needs it. Import first. */
import { TextDecoder, TextEncoder } from 'node:util';

const scope = globalThis as unknown as Record<string, unknown>;
if (!scope.TextDecoder) scope.TextDecoder = TextDecoder;
if (!scope.TextEncoder) scope.TextEncoder = TextEncoder;

// The icon font is SharePoint's; tests render without it, so Fluent's per-icon warnings are noise.
// eslint-disable-next-line @typescript-eslint/no-var-requires
(require('@fluentui/react/lib/Styling') as typeof import('@fluentui/react/lib/Styling')).setIconOptions({ disableWarnings: true });
