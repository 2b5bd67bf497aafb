/**
 * Light native controls in Fluent's look for the register's first screen. Fluent's Button, SearchBox,
 * MessageBar and Pivot pull its menu and callout code into the initial bundle; the first screen uses
 * these instead (bundle budget, docs/performance.md). Dialogs and the panel use Fluent.
 */
import * as React from 'react';
import { getTheme } from '@fluentui/react/lib/Styling';

/** Props of `UiButton`. */
export interface UiButtonProps {
  readonly text: string;
  readonly onClick: () => void;
  readonly primary?: boolean;
  readonly disabled?: boolean;
}

/** A native button styled as Fluent's PrimaryButton or DefaultButton. */
export function UiButton({ text, onClick, primary, disabled }: UiButtonProps): React.ReactElement {
  const theme = getTheme();
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      style={{
        minWidth: 80, height: 32, padding: '0 16px', borderRadius: 2, fontFamily: 'inherit', fontSize: 14, fontWeight: 600,
        cursor: disabled ? 'default' : 'pointer',
        border: `1px solid ${primary ? theme.palette.themePrimary : theme.palette.neutralSecondaryAlt}`,
        background: primary ? theme.palette.themePrimary : theme.palette.white,
        color: primary ? theme.palette.white : theme.palette.neutralPrimary
      }}
    >
      {text}
    </button>
  );
}

/** Props of `SearchInput`. */
export interface SearchInputProps {
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** A native search field (Escape clears it, as the platform does). */
export function SearchInput({ label, placeholder, value, onChange }: SearchInputProps): React.ReactElement {
  const theme = getTheme();
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      style={{
        height: 32, padding: '0 8px', fontSize: 14, fontFamily: 'inherit', boxSizing: 'border-box', width: '100%',
        border: `1px solid ${theme.semanticColors.inputBorder}`, borderRadius: 2, color: theme.semanticColors.inputText
      }}
    />
  );
}

/** An error message announced to screen readers. */
export function ErrorBox({ children }: { children: React.ReactNode }): React.ReactElement {
  const theme = getTheme();
  return (
    <div role="alert" style={{ background: theme.semanticColors.errorBackground, color: theme.semanticColors.errorText, padding: '8px 12px' }}>
      {children}
    </div>
  );
}

/** One tab of `TabBar`. */
export interface TabSpec {
  readonly key: string;
  readonly text: string;
}

/** Props of `TabBar`. */
export interface TabBarProps {
  readonly label: string;
  readonly tabs: readonly TabSpec[];
  readonly selected: string;
  readonly onSelect: (key: string) => void;
  /** Id prefix; tab `k` controls the panel with id `${idPrefix}-panel-${k}`. */
  readonly idPrefix: string;
}

/** A WAI-ARIA tab list (arrow keys move between tabs) in Pivot's look. */
export function TabBar({ label, tabs, selected, onSelect, idPrefix }: TabBarProps): React.ReactElement {
  const theme = getTheme();
  const move = (event: React.KeyboardEvent, index: number): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    onSelect(next.key);
    (event.currentTarget.parentElement?.querySelector(`#${idPrefix}-tab-${next.key}`) as HTMLElement | null)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} style={{ display: 'flex', gap: 8 }}>
      {tabs.map((tab, index) => {
        const active = tab.key === selected;
        return (
          <button
            key={tab.key}
            id={`${idPrefix}-tab-${tab.key}`}
            type="button"
            role="tab"
            aria-selected={active}
            aria-controls={`${idPrefix}-panel-${tab.key}`}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(event) => move(event, index)}
            style={{
              background: 'none', border: 'none', borderBottom: `2px solid ${active ? theme.palette.themePrimary : 'transparent'}`,
              padding: '8px 8px', fontFamily: 'inherit', fontSize: 14, fontWeight: active ? 600 : 400, cursor: 'pointer',
              color: theme.palette.neutralPrimary
            }}
          >
            {tab.text}
          </button>
        );
      })}
    </div>
  );
}
