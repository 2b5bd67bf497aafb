/**
 * `npm run provision -- --site <url> (--user <email> | --token <bearer> | --auth <method> …) [--grant-service <appId> [--graph-token <bearer>]]`
 * Creates (idempotently) the lists, columns, indexes, library, groups, permissions and views of
 * Microdata Dossiers on a site. `--user` is the local tenant's persona (tokens minted for it at `/_local/token`);
 * against SharePoint Online sign in with `--auth device-code | azure-cli | certificate` (`@azure/identity`,
 * `src/composition/nodeCredentials.ts`: one credential gives the SharePoint and the Graph token) or pass
 * an access token with `--token` (or `SP_ACCESS_TOKEN`).
 * `--grant-service <appId>` also gives the command service's app registration write on the site
 * through Graph (`POST /sites/{site-id}/permissions`, roles `["write"]`, the `Sites.Selected` grant);
 * against Microsoft 365 that call needs `Sites.FullControl.All` (the `--auth` account, or `--graph-token`
 * / `GRAPH_ACCESS_TOKEN` with `--token`). Run again, it changes nothing.
 * Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { createNodeDataLayer, grantServiceWrite, type NodeIdentity } from '../composition/node';
import { nodeIdentityOf, parseSignIn, SIGN_IN_USAGE, SignInError, type SignIn } from '../composition/nodeCredentials';
import { failureDetail, formatFailure } from '../app/failures';

const USAGE = [
  'Gebruik / usage: npm run provision -- --site <url> (--user <email> | --token <bearer> | --auth <methode/method> …)',
  '                 [--grant-service <appId> [--graph-token <bearer>]]',
  '  --site           de site van het product / the product\'s site',
  ...SIGN_IN_USAGE,
  '  --grant-service  client-id van de opdrachtendienst: krijgt schrijfrecht op de site (Sites.Selected, Graph',
  '                   POST /sites/{site-id}/permissions, roles ["write"]); de VSA-groepen krijgen alleen Lezen /',
  '                   the command service\'s client id gets write on the site; the VSA groups only read',
  '  --graph-token    Graph-token met Sites.FullControl.All voor --grant-service bij --token / Graph token for',
  '                   --grant-service with --token (or GRAPH_ACCESS_TOKEN; --user and --auth use their own Graph token)',
  '',
  'Afsluitcodes / exit codes: 0 klaar / done, 1 mislukt / failed, 2 ongeldige argumenten / invalid arguments'
].join('\n');

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** The identity for the Graph grant: the local tenant's persona, the `--auth` credential, or a Graph token. */
function graphIdentityOf(signIn: SignIn, identity: NodeIdentity, graphToken: string | undefined): NodeIdentity {
  if (signIn.kind === 'token' && graphToken) return { token: graphToken };
  return identity;
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
  let signIn: SignIn;
  try {
    signIn = parseSignIn(args, process.env).signIn;
  } catch (error) {
    if (error instanceof SignInError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  const identity = nodeIdentityOf(signIn);
  if (!identity) {
    process.stderr.write('Geef --user (lokale tenant), --auth of --token (SharePoint Online) / pass --user, --auth or --token\n');
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
    const outcome = await grantServiceWrite(site, graphIdentityOf(signIn, identity, graphToken), serviceAppId);
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
