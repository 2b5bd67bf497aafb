import * as React from 'react';
import type { UiStrings } from '../strings';
import { formatText } from '../shared/format';
import type { StepProgress, StepStatus } from '../shared/stepTimes';
import { uiTokens } from '../shared/tokens';

/** Props of the six-step stepper. */
export interface ProcedureStepperProps {
  readonly steps: readonly StepProgress[];
  readonly strings: UiStrings;
}

const statusText = (status: StepStatus, strings: UiStrings): string =>
  ({ done: strings.stepDone, current: strings.stepCurrent, upcoming: strings.stepUpcoming, skipped: strings.stepSkipped })[status];

/** The six procedure steps as an ordered list: where the dossier is and how long each step took. */
export function ProcedureStepper({ steps, strings }: ProcedureStepperProps): React.ReactElement {
  const tokens = uiTokens();
  return (
    <ol aria-label={strings.stepperLabel} style={{ display: 'flex', listStyle: 'none', padding: 0, margin: '8px 0', gap: 4, flexWrap: 'wrap' }}>
      {steps.map((step) => {
        const current = step.status === 'current';
        const done = step.status === 'done';
        return (
          <li
            key={step.step}
            aria-current={current ? 'step' : undefined}
            data-status={step.status}
            style={{
              flex: '1 1 90px',
              borderTop: `4px solid ${current ? tokens.accent : done ? tokens.success : tokens.border}`,
              padding: '4px 6px',
              fontWeight: current ? 600 : 400
            }}
          >
            <div>{step.step}. {strings.stepNames[step.step - 1]}</div>
            <div style={{ color: tokens.subtle, fontSize: 12 }}>
              {statusText(step.status, strings)}
              {step.entered ? ` · ${formatText(strings.stepDays, { days: Math.round(step.days) })}` : ''}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
