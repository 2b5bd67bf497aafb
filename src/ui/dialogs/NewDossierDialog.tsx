import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { eligibilityError } from '../../domain/rules/eligibility';
import { formatError } from '../../domain/formatError';
import type { InstitutionType, IsoDate, Lang, Requester } from '../../domain/types';
import type { UiStrings } from '../strings';
import type { CommandOutcome } from '../shared/outcome';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { runAsync } from '../shared/runAsync';

/** What the dialog collects for `registerRequest`; the caller adds the reference and command id. */
export interface NewDossierInput {
  readonly requester: Requester;
  readonly subject: string;
  readonly receivedOn?: IsoDate;
}

/** Props of the new-dossier dialog. */
export interface NewDossierDialogProps {
  readonly hidden: boolean;
  readonly onDismiss: () => void;
  /** Sends `registerRequest`; the dialog closes itself only on success. */
  readonly onSubmit: (input: NewDossierInput) => Promise<CommandOutcome>;
  readonly lang: Lang;
  readonly strings: UiStrings;
  /** The user's text for an unexpected failure (the host renders it in the user's language). */
  readonly describeFailure: (error: unknown) => string;
}

/** Builds the requester the domain sees from the form's fields. */
export function requesterFromForm(form: {
  institution: string; institutionType?: InstitutionType; isIndividual: boolean; contactName: string; contactEmail: string;
}): Requester {
  const institution = form.institution.trim();
  return {
    institution: institution.length > 0 ? institution : undefined,
    institutionType: form.institutionType,
    isIndividual: form.isIndividual,
    contact: { name: form.contactName.trim(), email: form.contactEmail.trim() }
  };
}

/**
 * Registers a new request (procedure step 1). The eligibility rule of the domain is shown as soon as
 * the requester is described, before saving; refusals of `decide` are shown in full.
 */
export function NewDossierDialog(props: NewDossierDialogProps): React.ReactElement {
  const { strings, lang } = props;
  const [institution, setInstitution] = React.useState('');
  const [institutionType, setInstitutionType] = React.useState<InstitutionType | undefined>(undefined);
  const [isIndividual, setIsIndividual] = React.useState(false);
  const [contactName, setContactName] = React.useState('');
  const [contactEmail, setContactEmail] = React.useState('');
  const [subject, setSubject] = React.useState('');
  const [receivedOn, setReceivedOn] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [outcome, setOutcome] = React.useState<CommandOutcome | undefined>(undefined);

  const requester = requesterFromForm({ institution, institutionType, isIndividual, contactName, contactEmail });
  const eligibility = eligibilityError(requester);
  const described = isIndividual || institution.trim().length > 0;

  const reset = (): void => {
    setInstitution(''); setInstitutionType(undefined); setIsIndividual(false); setContactName(''); setContactEmail('');
    setSubject(''); setReceivedOn(''); setOutcome(undefined);
  };

  const submit = async (): Promise<void> => {
    setSaving(true);
    setOutcome(undefined);
    try {
      const result = await props.onSubmit({ requester, subject: subject.trim(), receivedOn: receivedOn.trim() || undefined });
      setOutcome(result);
      if (result.ok) {
        reset();
        props.onDismiss();
      }
    } catch (error) {
      setOutcome({ ok: false, kind: 'failed', message: props.describeFailure(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      hidden={props.hidden}
      onDismiss={props.onDismiss}
      dialogContentProps={{ type: DialogType.largeHeader, title: strings.newDossierTitle, closeButtonAriaLabel: strings.close }}
      modalProps={{ isBlocking: true }}
      minWidth={520}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={strings.fieldInstitution} value={institution} onChange={(_, v) => setInstitution(v ?? '')} />
        <ChoiceGroup
          label={strings.fieldInstitutionType}
          // eslint-disable-next-line @rushstack/no-new-null -- Fluent clears a ChoiceGroup only with null
          selectedKey={institutionType ?? null}
          options={[
            { key: 'overheidsdienst', text: strings.institutionTypeGovernment },
            { key: 'onderzoeksinstelling', text: strings.institutionTypeResearch },
            { key: 'andere instelling', text: strings.institutionTypeOther }
          ]}
          onChange={(_, option) => setInstitutionType(option?.key as InstitutionType | undefined)}
        />
        <Checkbox label={strings.fieldIsIndividual} checked={isIndividual} onChange={(_, checked) => setIsIndividual(!!checked)} />
        <TextField label={strings.fieldContactName} required value={contactName} onChange={(_, v) => setContactName(v ?? '')} />
        <TextField label={strings.fieldContactEmail} required type="email" value={contactEmail} onChange={(_, v) => setContactEmail(v ?? '')} />
        <TextField label={strings.fieldSubject} required multiline rows={2} value={subject} onChange={(_, v) => setSubject(v ?? '')} />
        <TextField label={strings.fieldReceivedOn} value={receivedOn} onChange={(_, v) => setReceivedOn(v ?? '')} />
        {described && (
          <section aria-label={strings.eligibilityHeading}>
            {eligibility ? (
              <MessageBar messageBarType={MessageBarType.blocked}>{formatError(eligibility, lang)}</MessageBar>
            ) : (
              <MessageBar messageBarType={MessageBarType.success}>{strings.eligibilityOk}</MessageBar>
            )}
          </section>
        )}
        <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />
      </Stack>
      <DialogFooter>
        <PrimaryButton text={saving ? strings.saving : strings.save} disabled={saving} onClick={() => runAsync(submit(), (error) => setOutcome({ ok: false, kind: 'failed', message: String(error) }))} />
        <DefaultButton text={strings.cancel} onClick={props.onDismiss} />
      </DialogFooter>
    </Dialog>
  );
}
