import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { formatError } from '../../domain/formatError';
import { deliveryChannelLabel } from '../../domain/labels';
import { destructionFollowUp, retentionWarnings, type EffectiveDates } from '../../domain/lifecycle';
import type { Dossier, IsoDateTime, Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatDate, formatText } from '../shared/format';

/** Props of the panel's "Levering en bewaring" section. */
export interface LifecycleSectionProps {
  readonly dossier: Dossier;
  /** The dates in force from the protocol chain (`effectiveDates`); absent: the dossier's own. */
  readonly dates?: EffectiveDates;
  readonly now: IsoDateTime;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/**
 * True when the section has something to show: a delivery, a revocation (its own or its protocol's: the
 * panel then says why the steps stopped), or a published protocol's dates.
 */
export function hasLifecycle(dossier: Dossier, dates?: EffectiveDates): boolean {
  return dossier.delivery !== undefined || dossier.revocation !== undefined || dates?.revokedOn !== undefined || dossier.state === 'published' || dossier.state === 'closed';
}

/**
 * The life of a protocol after delivery (issue 16): the revocation, what was delivered (waves, channel,
 * checksums, recipients), the protocol end and retention end in force (moved by extension addenda), the
 * retention warning the DPO team acts on, and where the destruction follow-up stands. Shows only what it
 * is given; the rules are the domain's.
 */
export function LifecycleSection(props: LifecycleSectionProps): React.ReactElement {
  const { dossier, lang, strings } = props;
  const texts = strings.lifecycle;
  const dates: EffectiveDates = props.dates ?? { protocolEnd: dossier.protocolEndDate, retentionEnd: dossier.retentionEnd ?? dossier.requestedData?.retentionEnd, revokedOn: dossier.revocation?.date, movedBy: [] };
  const delivery = dossier.delivery;
  const followUp = destructionFollowUp(dossier, dates, props.now);
  const warnings = delivery && dossier.procedure !== 'simplified' && dossier.state === 'delivered' ? retentionWarnings(dates) : [];
  const date = (value: string | undefined): string => (value ? formatDate(value, lang) : texts.unknown);
  const moved = dates.movedBy.length > 0 ? ` (${formatText(texts.movedBy, { numbers: dates.movedBy.join(', ') })})` : '';
  const rows: [string, React.ReactNode][] = [
    ...(delivery
      ? ([
          [texts.deliveredOn, date(delivery.deliveredOn)],
          [texts.dataset, delivery.dataset],
          ...(delivery.waves && delivery.waves.length > 0 ? [[texts.waves, delivery.waves.join(', ')] as [string, React.ReactNode]] : []),
          ...(delivery.variables !== undefined ? [[texts.variables, String(delivery.variables)] as [string, React.ReactNode]] : []),
          ...(delivery.channel || delivery.method ? [[texts.channel, delivery.channel ? deliveryChannelLabel(delivery.channel, lang) : delivery.method] as [string, React.ReactNode]] : []),
          ...(delivery.files && delivery.files.length > 0
            ? [[texts.files, <ul key="files">{delivery.files.map((file) => <li key={file.fileName}><code>{file.fileName}</code> <code>{file.sha256}</code></li>)}</ul>] as [string, React.ReactNode]]
            : []),
          [texts.recipients, delivery.recipients && delivery.recipients.length > 0
            ? delivery.recipients.map((recipient) => (recipient.institution ? `${recipient.name} (${recipient.institution})` : recipient.name)).join('; ')
            : texts.noRecipients]
        ] as [string, React.ReactNode][])
      : []),
    [texts.protocolEnd, `${date(dates.protocolEnd)}${moved}`],
    [texts.retentionEnd, `${date(dates.retentionEnd)}${dates.retentionEnd ? moved : ''}`]
  ];
  return (
    <section aria-label={texts.sectionHeading}>
      <Stack tokens={{ childrenGap: 8 }}>
        <Text variant="mediumPlus" as="h3">{texts.sectionHeading}</Text>
        {dossier.revocation && (
          <MessageBar messageBarType={MessageBarType.severeWarning} aria-label={texts.revocationHeading}>
            {formatText(texts.revokedOn, { date: formatDate(dossier.revocation.date, lang) })}. {formatText(texts.revocationReason, { reason: dossier.revocation.reason })}
          </MessageBar>
        )}
        {!dossier.revocation && dates.revokedOn && (
          <MessageBar messageBarType={MessageBarType.severeWarning}>
            {formatText(texts.parentRevoked, { number: dossier.parentProtocolNumber ?? dossier.protocolNumber ?? '', date: formatDate(dates.revokedOn, lang) })}
          </MessageBar>
        )}
        {warnings.map((warning) => (
          <MessageBar key={warning.code} messageBarType={MessageBarType.warning}>{formatError(warning, lang)}</MessageBar>
        ))}
        <dl>
          {rows.map(([label, value]) => (
            <React.Fragment key={label}>
              <dt><strong>{label}</strong></dt>
              <dd>{value}</dd>
            </React.Fragment>
          ))}
        </dl>
        {followUp && (
          <Text data-follow-up={followUp.confirmed ? 'confirmed' : followUp.due ? 'due' : 'planned'}>
            {followUp.confirmed
              ? formatText(texts.destructionConfirmed, { date: formatDate((dossier.destruction?.at ?? '').slice(0, 10), lang) })
              : followUp.due
                ? formatText(texts.followUpDue, { date: formatDate(followUp.from, lang), days: followUp.daysSince })
                : formatText(texts.followUpFrom, { date: formatDate(followUp.from, lang) })}
          </Text>
        )}
      </Stack>
    </section>
  );
}
