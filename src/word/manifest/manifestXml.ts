/**
 * The Word add-in's XML manifest (add-in-only format), rendered from the hosting settings. Plain
 * string building so the packaging script and the offline manifest tests share it.
 */

/** Hosting settings of the add-in (`config/word/hosting.json`). */
export interface AddinHosting {
  readonly addinId: string;
  /** Four-part version, e.g. `1.0.0.0`. */
  readonly version: string;
  readonly providerName: string;
  /** https URL of the folder holding taskpane.html and the icons, ending in `/`. */
  readonly baseUrl: string;
  readonly supportUrl: string;
}

/** The WordApi version the manifest requires: content controls, custom properties, `getRange`. */
export const MANIFEST_MIN_WORD_API = '1.3';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Checks the settings; throws an Error naming every problem. */
export function validateHosting(hosting: AddinHosting): void {
  const problems: string[] = [];
  if (!GUID.test(hosting.addinId)) problems.push(`addinId "${hosting.addinId}" is not a GUID`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(hosting.version)) problems.push(`version "${hosting.version}" is not four numbers (1.0.0.0)`);
  if (!/^https:\/\/[^/]+\/.*\/$|^https:\/\/[^/]+\/$/.test(hosting.baseUrl)) problems.push(`baseUrl "${hosting.baseUrl}" must be https and end with /`);
  if (!/^https:\/\//.test(hosting.supportUrl)) problems.push(`supportUrl "${hosting.supportUrl}" must be https`);
  if (hosting.providerName.trim() === '') problems.push('providerName is empty');
  if (problems.length > 0) throw new Error(`Invalid Word add-in hosting settings: ${problems.join('; ')}`);
}

/** The manifest XML for these settings. */
export function renderManifest(hosting: AddinHosting): string {
  validateHosting(hosting);
  const url = (path: string): string => escapeXml(`${hosting.baseUrl}${path}`);
  const origin = escapeXml(new URL(hosting.baseUrl).origin);
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0"
  xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides"
  xsi:type="TaskPaneApp">
  <Id>${escapeXml(hosting.addinId)}</Id>
  <Version>${escapeXml(hosting.version)}</Version>
  <ProviderName>${escapeXml(hosting.providerName)}</ProviderName>
  <DefaultLocale>nl-NL</DefaultLocale>
  <DisplayName DefaultValue="Microdata-formuliercontrole">
    <Override Locale="en-US" Value="Microdata form review"/>
  </DisplayName>
  <Description DefaultValue="Controleer een aanvraagformulier voor microdata van Statistiek Vlaanderen en voeg opmerkingen toe.">
    <Override Locale="en-US" Value="Check a Statistics Flanders microdata request form and add review comments."/>
  </Description>
  <IconUrl DefaultValue="${url('assets/icon-32.png')}"/>
  <HighResolutionIconUrl DefaultValue="${url('assets/icon-64.png')}"/>
  <SupportUrl DefaultValue="${escapeXml(hosting.supportUrl)}"/>
  <AppDomains>
    <AppDomain>${origin}</AppDomain>
    <AppDomain>https://login.microsoftonline.com</AppDomain>
  </AppDomains>
  <Hosts>
    <Host Name="Document"/>
  </Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1">
      <Set Name="WordApi" MinVersion="${MANIFEST_MIN_WORD_API}"/>
    </Sets>
  </Requirements>
  <DefaultSettings>
    <SourceLocation DefaultValue="${url('taskpane.html')}"/>
  </DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Document">
        <DesktopFormFactor>
          <GetStarted>
            <Title resid="GetStarted.Title"/>
            <Description resid="GetStarted.Description"/>
            <LearnMoreUrl resid="GetStarted.LearnMoreUrl"/>
          </GetStarted>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <OfficeTab id="TabReview">
              <Group id="VsaReviewGroup">
                <Label resid="Group.Label"/>
                <Icon>
                  <bt:Image size="16" resid="Icon.16x16"/>
                  <bt:Image size="32" resid="Icon.32x32"/>
                  <bt:Image size="80" resid="Icon.80x80"/>
                </Icon>
                <Control xsi:type="Button" id="VsaOpenPane">
                  <Label resid="Button.Label"/>
                  <Supertip>
                    <Title resid="Button.Label"/>
                    <Description resid="Button.Tooltip"/>
                  </Supertip>
                  <Icon>
                    <bt:Image size="16" resid="Icon.16x16"/>
                    <bt:Image size="32" resid="Icon.32x32"/>
                    <bt:Image size="80" resid="Icon.80x80"/>
                  </Icon>
                  <Action xsi:type="ShowTaskpane">
                    <TaskpaneId>VsaReviewPane</TaskpaneId>
                    <SourceLocation resid="Taskpane.Url"/>
                  </Action>
                </Control>
              </Group>
            </OfficeTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>
        <bt:Image id="Icon.16x16" DefaultValue="${url('assets/icon-16.png')}"/>
        <bt:Image id="Icon.32x32" DefaultValue="${url('assets/icon-32.png')}"/>
        <bt:Image id="Icon.80x80" DefaultValue="${url('assets/icon-80.png')}"/>
      </bt:Images>
      <bt:Urls>
        <bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${escapeXml(hosting.supportUrl)}"/>
        <bt:Url id="Taskpane.Url" DefaultValue="${url('taskpane.html')}"/>
      </bt:Urls>
      <bt:ShortStrings>
        <bt:String id="GetStarted.Title" DefaultValue="Formuliercontrole microdata">
          <bt:Override Locale="en-US" Value="Microdata form review"/>
        </bt:String>
        <bt:String id="Group.Label" DefaultValue="Statistiek Vlaanderen">
          <bt:Override Locale="en-US" Value="Statistics Flanders"/>
        </bt:String>
        <bt:String id="Button.Label" DefaultValue="Formulier controleren">
          <bt:Override Locale="en-US" Value="Check form"/>
        </bt:String>
      </bt:ShortStrings>
      <bt:LongStrings>
        <bt:String id="GetStarted.Description" DefaultValue="Open het tabblad Controleren en kies Formulier controleren.">
          <bt:Override Locale="en-US" Value="Open the Review tab and choose Check form."/>
        </bt:String>
        <bt:String id="Button.Tooltip" DefaultValue="Toont de bevindingen van de formuliercontrole en voegt opmerkingen in.">
          <bt:Override Locale="en-US" Value="Shows the form check's findings and inserts review comments."/>
        </bt:String>
      </bt:LongStrings>
    </Resources>
  </VersionOverrides>
</OfficeApp>
`;
}
