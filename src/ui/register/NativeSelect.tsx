import * as React from 'react';
import { getTheme } from '@fluentui/react/lib/Styling';

/** One option of a native select. */
export interface SelectOption {
  readonly key: string;
  readonly text: string;
}

/** Props of `NativeSelect`. */
export interface NativeSelectProps {
  readonly id: string;
  readonly label: string;
  readonly options: readonly SelectOption[];
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly minWidth?: number;
}

/**
 * A labelled native `<select>` in Fluent's look. The register's filters use it instead of Fluent's
 * Dropdown: same keyboard and screen-reader behaviour as the platform, a fraction of the bundle.
 */
export function NativeSelect({ id, label, options, value, onChange, minWidth = 140 }: NativeSelectProps): React.ReactElement {
  const theme = getTheme();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', minWidth }}>
      <label htmlFor={id} style={{ fontWeight: 600, fontSize: 14, padding: '5px 0' }}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        style={{
          height: 32, padding: '0 8px', fontSize: 14, fontFamily: 'inherit', color: theme.semanticColors.inputText,
          background: theme.semanticColors.inputBackground, border: `1px solid ${theme.semanticColors.inputBorder}`, borderRadius: 2
        }}
      >
        {options.map((option) => <option key={option.key} value={option.key}>{option.text}</option>)}
      </select>
    </div>
  );
}
