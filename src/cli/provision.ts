/**
 * `npm run provision -- --site <url> [--user <email>] [--token <bearer>]`
 * Creates (idempotently) the lists, columns, indexes, library, groups, permissions and views of
 * Microdata Dossiers on a site. `--user` is the local tenant's persona (tokens minted for it at `/_local/token`);
 * against SharePoint Online pass an access token with `--token` (or `SP_ACCESS_TOKEN`).
 */
import { createNodeDataLayer, type NodeIdentity } from '../composition/node';
import { failureDetail, formatFailure } from '../app/failures';

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const site = option(args, '--site');
  if (!site || args.includes('--help')) {
    process.stderr.write('Gebruik / usage: npm run provision -- --site <url> [--user <email>] [--token <bearer>]\n');
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
  const report = await createNodeDataLayer(site, identity).provisioner.ensureAll();
  process.stdout.write(report.created.length === 0 ? 'Site is al volledig / already complete.\n' : `Aangemaakt / created:\n  ${report.created.join('\n  ')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Inrichten mislukt: ${formatFailure(error, 'nl')}\nProvisioning failed: ${formatFailure(error, 'en')}\n  (${failureDetail(error)})\n`);
    process.exit(1);
  }
);
