import * as React from 'react';
import {
  CheckboxVisibility,
  DetailsList,
  DetailsListLayoutMode,
  type IColumn,
  type IGroup,
  SelectionMode
} from '@fluentui/react/lib/DetailsList';
import { Link } from '@fluentui/react/lib/Link';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { procedureLabel } from '../../domain/labels';
import type { Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatDate, formatText } from '../shared/format';
import { uiTokens } from '../shared/tokens';
import { ErrorBox, UiButton } from '../shared/controls';
import { RegisterFilters } from './RegisterFilters';
import {
  defaultSort,
  groupByStep as groupRows,
  queryRegister,
  statisticiansOf,
  surveyChoicesOf,
  type RegisterFilter,
  type RegisterSort,
  type RegisterSortKey
} from './registerQuery';
import type { DossierRow } from './registerRows';

/** Props of the register list. */
export interface RegisterViewProps {
  /** Every loaded dossier line; filtering, sorting and grouping happen here over pure functions. */
  readonly rows: readonly DossierRow[];
  readonly loading: boolean;
  /** Shown above the list, e.g. while later pages are still loading. */
  readonly progressText?: string;
  readonly error?: string;
  /** Items that could not be read and are not listed (already a sentence with their ids). */
  readonly notice?: string;
  readonly currentUserId: string;
  /** True when the signed-in user may give `registerRequest` (from `allowedCommands`). */
  readonly canCreate: boolean;
  readonly onCreate: () => void;
  readonly onOpen: (reference: string) => void;
  readonly onRefresh?: () => void;
  readonly initialFilter?: RegisterFilter;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

interface ColumnSpec {
  readonly key: RegisterSortKey;
  readonly name: (s: UiStrings) => string;
  readonly minWidth: number;
  readonly maxWidth?: number;
  readonly render: (row: DossierRow, props: RegisterViewProps) => React.ReactNode;
}

function DeadlineCell({ row, props }: { row: DossierRow; props: RegisterViewProps }): React.ReactElement {
  if (!row.dueAt) return <></>;
  const date = formatDate(row.dueAt, props.lang);
  if (!row.overdue) return <span>{date}</span>;
  const tokens = uiTokens();
  return (
    <span data-overdue="true" style={{ color: tokens.error, fontWeight: 600 }}>
      {date} · {formatText(props.strings.overdueBadge, { days: row.overdueDays })}
    </span>
  );
}

/**
 * Headers wrap onto a second line instead of being cut off ("Dagen in sta…" at 1366 px): the full
 * name stays visible and is the header's accessible name.
 */
const wrappingHeader: IColumn['styles'] = {
  cellTitle: { alignItems: 'center' },
  cellName: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: '16px', alignSelf: 'center' }
};

const columns: readonly ColumnSpec[] = [
  {
    key: 'reference', name: (s) => s.columnReference, minWidth: 110, maxWidth: 120,
    render: (row, props) => (
      <Link
        // The dossier's own address (`?dossier=`): a middle click or "copy link" opens the same panel.
        href={`?dossier=${encodeURIComponent(row.reference)}`}
        onClick={(event) => {
          event.preventDefault();
          props.onOpen(row.reference);
        }}
        aria-label={formatText(props.strings.openDossier, { reference: row.reference })}
      >
        {row.reference}
      </Link>
    )
  },
  { key: 'institution', name: (s) => s.columnInstitution, minWidth: 140, maxWidth: 220, render: (row) => row.institution },
  { key: 'title', name: (s) => s.columnTitle, minWidth: 160, maxWidth: 320, render: (row) => row.title },
  { key: 'procedure', name: (s) => s.columnProcedure, minWidth: 140, maxWidth: 180, render: (row, p) => (row.procedure ? procedureLabel(row.procedure, p.lang) : '') },
  { key: 'state', name: (s) => s.columnState, minWidth: 160, maxWidth: 260, render: (row, p) => <StateCell row={row} props={p} /> },
  // Wide enough for "afgesloten" (final states) at 1366 px.
  { key: 'step', name: (s) => s.columnStep, minWidth: 72, maxWidth: 90, render: (row) => row.stepText },
  { key: 'surveys', name: (s) => s.columnSurveys, minWidth: 150, maxWidth: 240, render: (row) => <span title={row.surveys.join(', ')}>{row.surveysText}</span> },
  { key: 'variableCount', name: (s) => s.columnVariables, minWidth: 64, maxWidth: 90, render: (row) => (row.variableCount === undefined ? '' : String(row.variableCount)) },
  { key: 'statistician', name: (s) => s.columnStatistician, minWidth: 110, maxWidth: 160, render: (row) => row.statisticianName ?? '' },
  {
    key: 'phase', name: (s) => s.clocks.columnPhase, minWidth: 130, maxWidth: 200,
    render: (row, p) => (row.phaseLabel ? (
      <span data-side={row.side}>
        {row.phaseLabel}
        {row.vsaDays !== undefined && <><br /><small>{formatText(p.strings.clocks.sideDays, { vsa: row.vsaDays, requester: row.requesterDays ?? 0 })}</small></>}
      </span>
    ) : '')
  },
  { key: 'daysInState', name: (s) => s.columnDaysInState, minWidth: 64, maxWidth: 110, render: (row) => String(row.daysInState) },
  { key: 'dueAt', name: (s) => s.columnDeadline, minWidth: 140, maxWidth: 200, render: (row, p) => <DeadlineCell row={row} props={p} /> },
  // Shown with "Voorwaarden te volgen" only.
  { key: 'nextConditionDue', name: (s) => s.followUp.columnConditions, minWidth: 140, maxWidth: 200, render: (row, p) => <ConditionsCell row={row} props={p} /> }
];

/** The state, and for a revoked protocol (or a dossier on it) the badge "Ingetrokken op <datum>" (issue 16). */
function StateCell({ row, props }: { row: DossierRow; props: RegisterViewProps }): React.ReactElement {
  if (!row.revokedOn) return <>{row.stateLabel}</>;
  return (
    <span>
      {row.stateLabel}{' '}
      <span data-revoked="true" style={{ color: uiTokens().error, fontWeight: 600 }}>{formatText(props.strings.lifecycle.revokedOn, { date: formatDate(row.revokedOn, props.lang) })}</span>
    </span>
  );
}

function ConditionsCell({ row, props }: { row: DossierRow; props: RegisterViewProps }): React.ReactElement {
  if (row.openConditions === 0) return <></>;
  const text = formatText(props.strings.followUp.openCount, { count: row.openConditions });
  if (!row.nextConditionDue) return <span>{text}</span>;
  const due = formatDate(row.nextConditionDue, props.lang);
  if (!row.conditionsOverdue) return <span>{`${text} · ${due}`}</span>;
  return (
    <span data-conditions-overdue="true" style={{ color: uiTokens().error, fontWeight: 600 }}>
      {`${text} · ${due} · ${props.strings.followUp.overdue}`}
    </span>
  );
}

/**
 * The dossier register: a virtualised Fluent DetailsList with sorting (click a column header),
 * filters, free-text search and grouping by procedure step.
 */
export function RegisterView(props: RegisterViewProps): React.ReactElement {
  const { strings, lang } = props;
  const [filter, setFilter] = React.useState<RegisterFilter>(props.initialFilter ?? {});
  const [sort, setSort] = React.useState<RegisterSort>(defaultSort);
  const [grouped, setGrouped] = React.useState(false);

  const visible = React.useMemo(() => queryRegister(props.rows, filter, sort, props.currentUserId), [props.rows, filter, sort, props.currentUserId]);
  const statisticians = React.useMemo(() => statisticiansOf(props.rows), [props.rows]);
  const surveys = React.useMemo(() => surveyChoicesOf(props.rows), [props.rows]);
  const { items, groups } = React.useMemo(() => {
    if (!grouped) return { items: visible, groups: undefined };
    const result = groupRows(visible);
    const fluentGroups: IGroup[] = result.groups.map((group) => ({
      key: group.key,
      name: group.step ? `${formatText(strings.stepGroup, { step: group.step })} – ${strings.stepNames[group.step - 1]}` : strings.finalGroup,
      startIndex: group.startIndex,
      count: group.count
    }));
    return { items: result.rows, groups: fluentGroups };
  }, [visible, grouped, strings]);

  const fluentColumns: IColumn[] = columns.filter((column) => column.key !== 'nextConditionDue' || filter.conditionsToFollow).map((column) => ({
    key: column.key,
    name: column.name(strings),
    fieldName: column.key,
    minWidth: column.minWidth,
    maxWidth: column.maxWidth,
    isResizable: true,
    styles: wrappingHeader,
    isSorted: sort.key === column.key,
    isSortedDescending: sort.key === column.key && sort.descending,
    sortAscendingAriaLabel: strings.sortedAscending,
    sortDescendingAriaLabel: strings.sortedDescending,
    onRender: (row: DossierRow) => column.render(row, props),
    onColumnClick: () => setSort((current) => ({ key: column.key, descending: current.key === column.key ? !current.descending : false }))
  }));

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack horizontal horizontalAlign="space-between" verticalAlign="center" wrap tokens={{ childrenGap: 8 }}>
        <Text variant="large" as="h2" role="heading" aria-level={2}>{strings.tabRegister}</Text>
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          {props.onRefresh && <UiButton text={strings.refresh} onClick={props.onRefresh} />}
          {props.canCreate && <UiButton primary text={strings.newDossier} onClick={props.onCreate} />}
        </Stack>
      </Stack>
      <RegisterFilters
        filter={filter}
        onChange={setFilter}
        groupByStep={grouped}
        onGroupByStepChange={setGrouped}
        statisticians={statisticians}
        surveys={surveys}
        lang={lang}
        strings={strings}
      />
      {props.error && <ErrorBox>{props.error}</ErrorBox>}
      {props.notice && <ErrorBox>{props.notice}</ErrorBox>}
      <Text role="status" aria-live="polite">
        {formatText(strings.countSummary, { shown: visible.length, total: props.rows.length })}
        {props.progressText ? ` · ${props.progressText}` : ''}
      </Text>
      {props.loading && props.rows.length === 0 ? (
        <Spinner size={SpinnerSize.large} label={strings.loading} />
      ) : visible.length === 0 ? (
        <Text>{strings.emptyRegister}</Text>
      ) : (
        <DetailsList
          items={items}
          groups={groups}
          columns={fluentColumns}
          getKey={(row: DossierRow) => row.reference}
          setKey="register"
          selectionMode={SelectionMode.none}
          checkboxVisibility={CheckboxVisibility.hidden}
          layoutMode={DetailsListLayoutMode.justified}
          ariaLabelForGrid={strings.tabRegister}
          onItemInvoked={(row: DossierRow) => props.onOpen(row.reference)}
          compact
        />
      )}
    </Stack>
  );
}
