/**
 * An HTML rendering of a form as the docx reader sees it: sections, labels, values, repeating
 * tables, and the comments on each field. Clicking a value selects it (the "selection" free comments
 * go to); the pane's "show in document" highlights it. React escapes all document text.
 */
import * as React from 'react';
import { getFieldDef, getFormDef } from '../../../forms';
import type { FieldAnchor, FormComment, FormDocument, FormFieldValue } from '../../../forms/types';
import { anchorOccurrence, commentOrigin } from '../../../word/review/commentMarker';

/** A stable string for an anchor, used as `data-anchor`. */
export function anchorKey(anchor: FieldAnchor): string {
  switch (anchor.kind) {
    case 'contentControl':
      return `cc:${anchor.tag}:${anchor.occurrence}`;
    case 'contentControlTitle':
      return `title:${anchor.title}:${anchor.occurrence}`;
    case 'tableCell':
      return `cell:${anchor.tableIndex}:${anchor.rowIndex}:${anchor.cellIndex}`;
    case 'paragraph':
      return `p:${anchor.paragraphIndex}`;
    default:
      return 'document';
  }
}

/** Props of {@link FormRendering}. */
export interface FormRenderingProps {
  readonly form: FormDocument;
  readonly highlighted: FieldAnchor | undefined;
  readonly selected: FieldAnchor | undefined;
  readonly onSelect: (anchor: FieldAnchor) => void;
}

const cellStyle: React.CSSProperties = { border: '1px solid #c8c6c4', padding: '4px 8px', verticalAlign: 'top' };

function ValueCell(props: {
  value: FormFieldValue | undefined;
  placeholder: string;
  comments: readonly FormComment[];
  highlightedKey: string | undefined;
  selectedKey: string | undefined;
  onSelect: (anchor: FieldAnchor) => void;
}): React.ReactElement {
  const { value } = props;
  const key = value ? anchorKey(value.anchor) : undefined;
  const style: React.CSSProperties = {
    ...cellStyle,
    cursor: value ? 'pointer' : 'default',
    background: key && key === props.highlightedKey ? '#fff4ce' : 'white',
    outline: key && key === props.selectedKey ? '2px solid #0078d4' : undefined
  };
  return (
    <td style={style} data-anchor={key} onClick={value ? () => props.onSelect(value.anchor) : undefined}>
      {value && !value.isPlaceholder ? <span style={{ whiteSpace: 'pre-wrap' }}>{value.value}</span> : <em style={{ color: '#797775' }}>{props.placeholder}</em>}
      {props.comments.map((comment) => (
        <div key={comment.id} role="note" style={{ marginTop: 4, padding: '2px 6px', background: '#fde7e9', borderLeft: '3px solid #a4262c', fontSize: 12 }}>
          <strong>{comment.author}</strong>: {comment.text}
        </div>
      ))}
    </td>
  );
}

/** The form as an HTML document. */
export function FormRendering(props: FormRenderingProps): React.ReactElement {
  const { form } = props;
  const highlightedKey = props.highlighted ? anchorKey(props.highlighted) : undefined;
  const selectedKey = props.selected ? anchorKey(props.selected) : undefined;
  const commentsOf = (fieldId: string): FormComment[] => form.comments.filter((c) => c.fieldId === fieldId);
  /** A row cell shows the comments whose add-in marker names its occurrence; others go to the first row. */
  const rowCommentsOf = (value: FormFieldValue | undefined, rowIndex: number): FormComment[] => {
    if (!value) return [];
    const occurrence = anchorOccurrence(value.anchor);
    return commentsOf(value.fieldId).filter((c) => {
      const origin = commentOrigin(c.text);
      return origin.kind === 'finding' ? origin.key.endsWith(`#${occurrence}`) : rowIndex === 0;
    });
  };
  const documentComments = form.comments.filter((c) => c.fieldId === undefined);
  if (!form.formType) return <article aria-label="Formulier">Onbekend formuliertype.</article>;
  const def = getFormDef(form.formType);
  return (
    <article aria-label="Formulier" style={{ flex: 1, background: 'white', padding: 24, boxShadow: '0 1px 3px rgba(0,0,0,.2)' }}>
      <h1 data-anchor="document" style={{ background: highlightedKey === 'document' ? '#fff4ce' : undefined }}>
        {def.titleNl}
      </h1>
      {documentComments.map((comment) => (
        <div key={comment.id} role="note" style={{ padding: '2px 6px', background: '#fde7e9', fontSize: 12 }}>
          <strong>{comment.author}</strong>: {comment.text}
        </div>
      ))}
      {def.sections.map((section) => (
        <section key={section.headingNl}>
          <h2 style={{ fontSize: 18 }}>{section.headingNl}</h2>
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <tbody>
              {section.fieldIds.map((fieldId) => {
                const field = getFieldDef(fieldId);
                if (!field) return null;
                if (field.kind === 'rows') {
                  const rows = form.rows[fieldId] ?? [];
                  return (
                    <tr key={fieldId}>
                      <th style={{ ...cellStyle, textAlign: 'left', width: '35%' }}>{field.labelNl}</th>
                      <td style={cellStyle}>
                        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
                          <thead>
                            <tr>
                              {(field.columns ?? []).map((column) => (
                                <th key={column.id} style={{ ...cellStyle, textAlign: 'left' }}>
                                  {column.labelNl}
                                </th>
                              ))}
                            </tr>
                          </thead>
                          <tbody>
                            {rows.map((row, rowIndex) => (
                              <tr key={rowIndex}>
                                {(field.columns ?? []).map((column) => (
                                  <ValueCell
                                    key={column.id}
                                    value={row[column.id]}
                                    placeholder={column.placeholderNl}
                                    comments={rowCommentsOf(row[column.id], rowIndex)}
                                    highlightedKey={highlightedKey}
                                    selectedKey={selectedKey}
                                    onSelect={props.onSelect}
                                  />
                                ))}
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </td>
                    </tr>
                  );
                }
                return (
                  <tr key={fieldId}>
                    <th style={{ ...cellStyle, textAlign: 'left', width: '35%', fontWeight: 600 }}>{field.labelNl}</th>
                    <ValueCell
                      value={form.fields[fieldId]}
                      placeholder={field.placeholderNl}
                      comments={commentsOf(fieldId)}
                      highlightedKey={highlightedKey}
                      selectedKey={selectedKey}
                      onSelect={props.onSelect}
                    />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
