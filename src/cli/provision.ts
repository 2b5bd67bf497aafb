/**
 * `npm run provision -- --site <url> [--user <email>] [--token <bearer>] [--grant-service <appId> [--graph-token <bearer>]]`
 * Creates (idempotently) the lists, columns, indexes, library, groups, permissions and views of
 * Microdata Dossiers on a site. `--user` is the local tenant's persona (tokens minted for it at `/_local/token`);
 * against SharePoint Online pass an access token with `--token` (or `SP_ACCESS_TOKEN`).
 * `--grant-service <appId>` also gives the command service's app registration write on the site
 * through Graph (`POST /sites/{site-id}/permissions`, roles `["write"]`, the `Sites.Selected` grant);
 * against Microsoft 365 that call needs a Graph token with `Sites.FullControl.All` (`--graph-token`
 * or `GRAPH_ACCESS_TOKEN`). Run again, it changes nothing.
 */
import { createNodeDataLayer, grantServiceWrite, type NodeIdentity } from '../composition/node';
import { failureDetail, formatFailure } from '../app/failures';

const USAGE = [
  'Gebruik / usage: npm run provision -- --site <url> [--user <email>] [--token <bearer>] [--grant-service <appId> [--graph-token <bearer>]]',
  '  --site           de site van het product / the product\'s site',
  '  --user           persona van de lokale tenant / local tenant persona (Bearer local:<email>)',
  '  --token          SharePoint-toegangstoken / SharePoint access token (or SP_ACCESS_TOKEN)',
  '  --grant-service  client-id van de opdrachtendienst: krijgt schrijfrecht op de site (Sites.Selected, Graph',
  '                   POST /sites/{site-id}/permissions, roles ["write"]); de VSA-groepen krijgen alleen Lezen /',
  '                   the command service\'s client id gets write on the site; the VSA groups only read',
  '  --graph-token    Graph-token met Sites.FullControl.All voor --grant-service / Graph token for --grant-service',
  '                   (or GRAPH_ACCESS_TOKEN; with --user the local tenant\'s Graph is used)'
].join('\n');

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const site = option(args, '--site');
  if (!site || args.includes('--help')) {
    process.stderr.write(`${USAGE}\n`);
    return site ? 0 : 2;
  }
  try {
    new URL(site);
  } catch {
    process.stderr.write(`--site: "${site}" is geen geldige URL / is not a valid URL\n`);
    return 2;
  }
  const user = option(args, '--user');
  const token = option(args, '--token') ?? process.env.SP_ACCESS_TOKEN;
  const identity: NodeIdentity | undefined = user ? { persona: user } : token ? { token } : undefined;
  if (!identity) {
    process.stderr.write('Geef --user (lokale tenant) of --token (SharePoint Online) / pass --user or --token\n');
    return 2;
  }
  const serviceAppId = option(args, '--grant-service');
  if (args.includes('--grant-service') && !serviceAppId) {
    process.stderr.write(`--grant-service: geef de client-id / pass the client id\n${USAGE}\n`);
    return 2;
  }
  const report = await createNodeDataLayer(site, identity).provisioner.ensureAll();
  const created = [...report.created];
  if (serviceAppId) {
    const graphToken = option(args, '--graph-token') ?? process.env.GRAPH_ACCESS_TOKEN;
    const graphIdentity: NodeIdentity = user ? { persona: user } : graphToken ? { token: graphToken } : identity;
    const outcome = await grantServiceWrite(site, graphIdentity, serviceAppId);
    if (outcome !== 'unchanged') created.push(`site permission write for ${serviceAppId} (${outcome})`);
  }
  process.stdout.write(created.length === 0 ? 'Site is al volledig / already complete.\n' : `Aangemaakt / created:\n  ${created.join('\n  ')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Inrichten mislukt: ${formatFailure(error, 'nl')}\nProvisioning failed: ${formatFailure(error, 'en')}\n  (${failureDetail(error)})\n`);
    process.exit(1);
  }
);
