/**
 * Composition root of the command service on Azure Functions: settings from the app's environment,
 * the service's own identity (a certificate credential of its app registration, `Sites.Selected` on
 * the site), PnPjs and Graph on that identity, and Entra ID's keys for the callers' tokens.
 */
import { ClientCertificateCredential, type TokenCredential } from '@azure/identity';
import type { SPFI } from '@pnp/sp';
import type { JobLogger, JobPorts } from '../app/jobs/ports';
import { composeJobPorts } from './jobs';
import { jobClockSetup } from './jobClocks';
import { Client } from '@microsoft/microsoft-graph-client';
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import type { ServiceDeps } from '../app/service';
import { entraSigningKeys, JwtAccessTokenVerifier } from '../data/auth/jwtAccessTokenVerifier';
import { serviceRoutes } from '../data/service/contract';
import { appPrincipalLogin, SERVICE_SCOPE } from './localTenantIdentity';
import { BearerToken } from './bearerToken';
import { composeService } from './service';
import { lazyMakePublicationVersion, lazyVerifySignatures, nodeSignatureVerifier } from './signatureVerifier';

/** Stands for the reference while the contract's paths become route templates (no character to encode). */
const ROUTE_PLACEHOLDER = 'REFERENCE';

/** The service's settings (App Service application settings). */
export interface ServiceSettings {
  readonly tenantId: string;
  /** e.g. `https://contoso.sharepoint.com/sites/microdata`. */
  readonly siteUrl: string;
  /** Application ID URI of the service's API, e.g. `api://microdata-dossiers`. */
  readonly apiAudience: string;
  /** Client id of the service's app registration (v1 tokens carry it as audience). */
  readonly clientId: string;
  /** PEM file with the certificate and its private key (Key Vault reference or App Service certificate). */
  readonly certificatePath: string;
  readonly certificatePassword?: string;
  /** The register page, for links in notifications. */
  readonly registerUrl: string;
  readonly dpoTeamMailbox?: string;
  readonly approvalsAppId?: string;
}

/** Required settings and the field each fills. */
const required = {
  VSA_TENANT_ID: 'tenantId',
  VSA_SITE_URL: 'siteUrl',
  VSA_API_AUDIENCE: 'apiAudience',
  VSA_SERVICE_CLIENT_ID: 'clientId',
  VSA_CERTIFICATE_PATH: 'certificatePath',
  VSA_REGISTER_URL: 'registerUrl'
} as const;

const optional = {
  VSA_CERTIFICATE_PASSWORD: 'certificatePassword',
  VSA_DPO_TEAM_MAILBOX: 'dpoTeamMailbox',
  VSA_APPROVALS_APP_ID: 'approvalsAppId'
} as const;

/** The settings from the environment; one error naming every missing (or malformed) one. */
export function readServiceSettings(env: Readonly<Record<string, string | undefined>>): ServiceSettings {
  const value = (name: string): string | undefined => (env[name]?.trim() ? env[name]?.trim() : undefined);
  const missing = Object.keys(required).filter((name) => value(name) === undefined);
  if (missing.length > 0) throw new Error(`The command service is missing the setting(s) ${missing.join(', ')} (see docs/deployment-service.md).`);
  const settings: Record<string, string> = {};
  for (const [name, field] of [...Object.entries(required), ...Object.entries(optional)]) {
    const given = value(name);
    if (given !== undefined) settings[field] = given;
  }
  for (const name of ['VSA_SITE_URL', 'VSA_REGISTER_URL']) {
    if (!/^https:\/\//.test(value(name) ?? '')) throw new Error(`The setting ${name} must be an https:// URL.`);
  }
  return settings as unknown as ServiceSettings;
}

/**
 * The VSA signatories of the setting `VSA_COUNTERSIGNATORIES`: names separated by `;` (as their
 * certificates give them). Empty or absent: the Chief Statistician who countersigns.
 */
export function countersignatoriesOf(setting: string | undefined): string[] {
  return (setting ?? '').split(';').map((name) => name.trim()).filter((name) => name.length > 0);
}

/** The handlers' dependencies on Azure: built once per Functions instance. */
export function createAzureServiceDeps(env: Readonly<Record<string, string | undefined>>): ServiceDeps {
  const settings = readServiceSettings(env);
  const credential = new ClientCertificateCredential(settings.tenantId, settings.clientId, {
    certificatePath: settings.certificatePath,
    ...(settings.certificatePassword ? { certificatePassword: settings.certificatePassword } : {})
  });
  const token = (scope: string): (() => Promise<string>) => async (): Promise<string> => (await credential.getToken(scope)).token;
  // SharePoint wants an app-only token for its own resource (`https://<tenant>.sharepoint.com/.default`).
  const sharePointScope = `${new URL(settings.siteUrl).origin}/.default`;
  const sp = spfi(settings.siteUrl.replace(/\/$/, '')).using(
    DefaultHeaders(),
    DefaultInit(),
    BrowserFetchWithRetry({ retries: 4 }),
    DefaultParse(),
    BearerToken(token(sharePointScope))
  );
  const graphToken = token('https://graph.microsoft.com/.default');
  const graph = Client.initWithMiddleware({ authProvider: { getAccessToken: graphToken } });
  const verifier = new JwtAccessTokenVerifier({
    tenantId: settings.tenantId,
    audiences: [settings.apiAudience, settings.clientId],
    keys: entraSigningKeys(settings.tenantId),
    scope: SERVICE_SCOPE
  });
  return composeService({
    sp,
    graph,
    siteUrl: settings.siteUrl,
    verifier,
    // App-only: no `/me`, so the DPO team's mail is sent as its own mailbox (within the Mail.Send scope).
    messaging: { registerUrl: settings.registerUrl, dpoTeamMailbox: settings.dpoTeamMailbox, approvalsAppId: settings.approvalsAppId, mailFrom: settings.dpoTeamMailbox },
    // The service's own app-only writes are the trusted ones (SharePoint's `Author/Name` of an app-only item).
    trustedWriters: [appPrincipalLogin(settings.clientId, settings.tenantId)],
    vsaSignatories: countersignatoriesOf(env.VSA_COUNTERSIGNATORIES),
    // config/trust ships inside the app folder (scripts/build-functions.js); VSA_TRUST_FOLDER points elsewhere.
    signatureVerifier: nodeSignatureVerifier(lazyVerifySignatures, process.env.VSA_TRUST_FOLDER ? { trustFolder: process.env.VSA_TRUST_FOLDER } : {}),
    makePublicationVersion: lazyMakePublicationVersion
  });
}

/** The contract's routes (`serviceRoutes`) as Azure Functions route templates, e.g. `dossiers/{reference}/commands`. */
export const functionRoutes: Readonly<Record<keyof typeof serviceRoutes, string>> = {
  command: serviceRoutes.command(ROUTE_PLACEHOLDER).replace(ROUTE_PLACEHOLDER, '{reference}'),
  document: serviceRoutes.document(ROUTE_PLACEHOLDER).replace(ROUTE_PLACEHOLDER, '{reference}'),
  publication: serviceRoutes.publication(ROUTE_PLACEHOLDER).replace(ROUTE_PLACEHOLDER, '{reference}')
};

// --- Scheduled job (issue 16, jobs) ---

/** The scheduled job's settings: the service's identity and site, plus the shared mailbox it mails from. */
export interface JobSettings {
  readonly tenantId: string;
  readonly clientId: string;
  readonly certificatePath: string;
  readonly certificatePassword?: string;
  readonly siteUrl: string;
  readonly registerUrl: string;
  /** The shared mailbox reminders are sent from (`VSA_SHARED_MAILBOX`; the app may send as it only). */
  readonly mailbox: string;
}

const jobRequired = {
  VSA_TENANT_ID: 'tenantId',
  VSA_SERVICE_CLIENT_ID: 'clientId',
  VSA_CERTIFICATE_PATH: 'certificatePath',
  VSA_SITE_URL: 'siteUrl',
  VSA_REGISTER_URL: 'registerUrl',
  VSA_SHARED_MAILBOX: 'mailbox'
} as const;

/** The job's settings from the environment; one error naming every missing (or malformed) one. */
export function readJobSettings(env: Readonly<Record<string, string | undefined>>): JobSettings {
  const value = (name: string): string | undefined => (env[name]?.trim() ? env[name]?.trim() : undefined);
  const missing = Object.keys(jobRequired).filter((name) => value(name) === undefined);
  if (missing.length > 0) throw new Error(`The scheduled job is missing the setting(s) ${missing.join(', ')} (see docs/deployment-jobs.md).`);
  const settings: Record<string, string> = {};
  for (const [name, field] of Object.entries(jobRequired)) settings[field] = value(name) as string;
  if (value('VSA_CERTIFICATE_PASSWORD')) settings.certificatePassword = value('VSA_CERTIFICATE_PASSWORD') as string;
  for (const name of ['VSA_SITE_URL', 'VSA_REGISTER_URL']) {
    if (!/^https:\/\//.test(value(name) ?? '')) throw new Error(`The setting ${name} must be an https:// URL.`);
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(settings.mailbox)) throw new Error('The setting VSA_SHARED_MAILBOX must be an e-mail address.');
  return settings as unknown as JobSettings;
}

/**
 * The job's ports on Azure, with the service's app-only certificate credential (or `credential`, e.g.
 * a fake in tests): PnPjs with a SharePoint token, Graph with a Graph token, built once and reused by
 * every invocation (the credential caches its tokens). Settings are read on the first call.
 */
export function createAzureJobComposition(
  env: Readonly<Record<string, string | undefined>>,
  credential?: TokenCredential
): { ports(logger: JobLogger): JobPorts } {
  let built: { sp: SPFI; graph: Client; settings: JobSettings } | undefined;
  const build = (): { sp: SPFI; graph: Client; settings: JobSettings } => {
    if (built) return built;
    const settings = readJobSettings(env);
    const identity: TokenCredential = credential ?? new ClientCertificateCredential(settings.tenantId, settings.clientId, {
      certificatePath: settings.certificatePath,
      ...(settings.certificatePassword ? { certificatePassword: settings.certificatePassword } : {})
    });
    const token = (scope: string): (() => Promise<string>) => async (): Promise<string> => {
      const got = await identity.getToken(scope);
      if (!got) throw new Error(`No token for ${scope}.`);
      return got.token;
    };
    const sp = spfi(settings.siteUrl.replace(/\/$/, '')).using(
      DefaultHeaders(),
      DefaultInit(),
      BrowserFetchWithRetry({ retries: 4 }),
      DefaultParse(),
      BearerToken(token(`${new URL(settings.siteUrl).origin}/.default`))
    );
    const graph = Client.initWithMiddleware({ authProvider: { getAccessToken: token('https://graph.microsoft.com/.default') } });
    built = { sp, graph, settings };
    return built;
  };
  return {
    ports(logger) {
      const { sp, graph, settings } = build();
      return composeJobPorts(sp, graph, jobClockSetup(sp), {
        registerUrl: settings.registerUrl,
        mailbox: settings.mailbox,
        logger,
        webServerRelativeUrl: new URL(settings.siteUrl).pathname.replace(/\/$/, ''),
        trustedWriters: [appPrincipalLogin(settings.clientId, settings.tenantId)]
      });
    }
  };
}
// --- end scheduled job ---
