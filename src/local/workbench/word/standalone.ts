/**
 * Serves `/workbench/word` on its own (no SharePoint emulation: "Koppelen aan dossier" is off), for
 * the e2e test and for trying the pane quickly: `npx tsx src/local/workbench/word/standalone.ts`.
 * On the full local tenant the same routes are registered with the server (`createWordWorkbench`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createWordWorkbench, WORD_WORKBENCH_PATH } from './page';

/** Starts the workbench on `port` (0 = any free port); resolves with the server and its URL. */
export async function startWordWorkbench(port = 0): Promise<{ server: Server; url: string }> {
  const workbench = createWordWorkbench();
  const server = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? 'localhost'}`);
    const headers = new Map(Object.entries(incoming.headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value ?? '']));
    workbench
      .handle({ method: incoming.method ?? 'GET', url, headers, body: new Uint8Array() })
      .then((response) => {
        if (!response) {
          outgoing.writeHead(302, { location: WORD_WORKBENCH_PATH }).end();
          return;
        }
        outgoing.writeHead(response.status, response.headers).end(response.body === undefined ? undefined : Buffer.from(response.body));
      })
      .catch((error: unknown) => {
        outgoing.writeHead(500, { 'content-type': 'text/plain;charset=utf-8' }).end(`Werkbank-fout: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${address.port}${WORD_WORKBENCH_PATH}` };
}

if (require.main === module) {
  startWordWorkbench(Number(process.env.PORT ?? 4322)).then(({ url }) => process.stdout.write(`Word workbench: ${url}\n`));
}
