/**
 * `ServiceHttp` of the SharePoint Framework hosts (the web parts in SharePoint and Teams): SPFx's
 * `AadHttpClient` for the command service's Application ID URI. SPFx gets the user's token for that
 * resource itself; the tenant admin approves the `webApiPermissionRequests` of the package
 * (config/package-solution.json) once.
 */
import { AadHttpClient } from '@microsoft/sp-http';
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { DataError } from '../data/errors';
import type { ServiceHttp, ServiceRequest, ServiceResponse } from '../data/service/serviceHttp';
import { LOCAL_API_AUDIENCE } from './localTenantIdentity';
import { fetchInit, serviceResponseOf, serviceUrl } from './serviceHttpFetch';

/** Where the command service is, as the web part's properties say. */
export interface ServiceSettings {
  /** Base URL with the route prefix, e.g. `https://microdata-dossiers.azurewebsites.net/api`. */
  readonly baseUrl: string;
  /** Application ID URI (or client id) of the service's app registration. */
  readonly resource: string;
}

/**
 * The default Application ID URI of the service's app registration (docs/decisions/composition.md);
 * the same value the local tenant uses as the API's audience.
 */
export const DEFAULT_SERVICE_RESOURCE = LOCAL_API_AUDIENCE;

/**
 * The service settings of a web part's properties (`serviceUrl`, `serviceResource`), or undefined when
 * no URL is set: changes are then refused as not configured (`unconfiguredServiceHttp`).
 */
export function serviceSettingsOf(properties: { readonly serviceUrl?: string; readonly serviceResource?: string }): ServiceSettings | undefined {
  const baseUrl = (properties.serviceUrl ?? '').trim().replace(/\/+$/, '');
  if (!baseUrl) return undefined;
  if (!/^https:\/\//i.test(baseUrl)) throw new Error(`The command service URL must be an absolute https URL: ${baseUrl}`);
  return { baseUrl, resource: (properties.serviceResource ?? '').trim() || DEFAULT_SERVICE_RESOURCE };
}

/** '' for an empty field or an https URL; otherwise the message (`{value}` filled in). */
export function serviceUrlError(value: string | undefined, template: string): string {
  const text = (value ?? '').trim();
  return !text || /^https:\/\//i.test(text) ? '' : template.replace('{value}', text);
}

/**
 * The command service of a web part whose service URL is not set: every change is refused with
 * `data.error.notConfigured` (the user reads the register; the text asks the site owner to set the URL),
 * instead of a direct write the Read-only groups cannot make anyway.
 */
export function unconfiguredServiceHttp(): ServiceHttp {
  return {
    send: (request: ServiceRequest): Promise<ServiceResponse> =>
      Promise.reject(new DataError('data.error.notConfigured', `No command service URL is set in the web part's properties (${request.method} ${request.path}).`))
  };
}

/** The command service through SPFx's `AadHttpClient` (the client is made once, on the first request). */
export function spfxServiceHttp(context: Pick<WebPartContext, 'aadHttpClientFactory'>, settings: ServiceSettings): ServiceHttp {
  let client: Promise<AadHttpClient> | undefined;
  return {
    async send(request: ServiceRequest): Promise<ServiceResponse> {
      client ??= context.aadHttpClientFactory.getClient(settings.resource).catch((error: unknown) => {
        // A failed client (consent pending, sign-in) is asked again on the next request.
        client = undefined;
        throw error;
      });
      const aad = await client;
      return serviceResponseOf(await aad.fetch(serviceUrl(settings.baseUrl, request), AadHttpClient.configurations.v1, fetchInit(request)));
    }
  };
}
