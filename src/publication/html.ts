import { formatLongDate } from '../correspondence/format';
import { interpolate } from '../domain/i18n/interpolate';
import { simplifiedReasonLabel } from '../domain/labels';
import type { Lang } from '../domain/types';
import { registerTexts, researchTypeLabel } from './labels';
import { registerCounts } from './register';
import type { PublicRegister, PublishedAddendum, PublishedAgreement, PublishedChanges, PublishedInstitution, PublishedInstrument, PublishedProtocol, PublishedScope } from './types';

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** Only http(s) and relative links reach the page; anything else (e.g. `javascript:`) is dropped. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return undefined;
  return trimmed;
}

const styles = `
body{font-family:"Flanders Art Sans",Calibri,Arial,sans-serif;margin:0;color:#333332;background:#fff;line-height:1.5}
main{max-width:75rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.75rem;margin:0 0 .75rem}
table{border-collapse:collapse;width:100%;margin-top:1rem}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{border:1px solid #cbd2da;padding:.5rem;vertical-align:top;text-align:left}
thead th{background:#e8ebee}
tr.addendum th,tr.addendum td{background:#f7f9fc}
tr.addendum th{padding-left:1.5rem}
tr.scope td{background:#fbfbfb;font-size:.95em}
dl.scope{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.scope dt{font-weight:600}
dl.scope dd{margin:0}
.instrument{color:#555}
ul{margin:0;padding-left:1.1rem}
a{color:#05c}
a:focus{outline:3px solid #ffc515;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
`.trim();

function list(items: readonly string[]): string {
  if (items.length === 0) return '';
  if (items.length === 1) return escapeHtml(items[0]);
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function date(value: string | undefined, lang: Lang): string {
  return value ? `<time datetime="${escapeHtml(value)}">${escapeHtml(formatLongDate(value, lang))}</time>` : '';
}

function link(agreement: PublishedAgreement, lang: Lang): string {
  const texts = registerTexts[lang];
  const href = safeHref(agreement.publicationUrl);
  if (!href) return escapeHtml(texts.noLink);
  // The visible text is short; the hidden part makes each link unique for screen-reader link lists.
  return `<a href="${escapeHtml(href)}">${escapeHtml(texts.publicationLink)}<span class="visually-hidden"> ${escapeHtml(agreement.number)}</span> (${texts.pdf})</a>`;
}

/** The public conditions of the approval under the purposes, with their due dates. */
function conditionsText(agreement: PublishedAgreement, lang: Lang): string {
  const conditions = agreement.publicConditions ?? [];
  if (conditions.length === 0) return '';
  const items = conditions.map((condition) => `${escapeHtml(condition.text)}${condition.dueDate ? ` (${date(condition.dueDate, lang)})` : ''}`);
  return `<p>${escapeHtml(registerTexts[lang].conditions)}:</p><ul class="conditions">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

/** Lifecycle (issue 16): "Ingetrokken op <datum>" under the number of a revoked protocol and its addenda. */
function revokedText(revokedOn: string | undefined, lang: Lang): string {
  if (!revokedOn) return '';
  const [before, after] = registerTexts[lang].revokedOn.split('{date}');
  return `<p class="revoked"><strong>${escapeHtml(before ?? '')}${date(revokedOn, lang)}${escapeHtml(after ?? '')}</strong></p>`;
}

function cells(agreement: PublishedAgreement, lang: Lang, extraPurpose = ''): string {
  const texts = registerTexts[lang];
  const researchType = agreement.researchType ? `<p>${escapeHtml(texts.researchType)}: ${escapeHtml(researchTypeLabel(agreement.researchType, lang))}</p>` : '';
  return [
    `<td>${escapeHtml(agreement.institution)}${revokedText(agreement.revokedOn, lang)}</td>`,
    `<td>${escapeHtml(agreement.projectTitle)}${researchType}</td>`,
    `<td>${extraPurpose}${list(agreement.purposes)}${conditionsText(agreement, lang)}</td>`,
    `<td>${list(agreement.surveys)}</td>`,
    `<td>${date(agreement.countersignedOn, lang)}</td>`,
    `<td>${date(agreement.endDate, lang)}</td>`,
    `<td>${link(agreement, lang)}</td>`
  ].join('');
}

/** Who brought an item: the instrument and, when known, its countersignature date. */
function since(item: PublishedInstrument, lang: Lang): string {
  return ` <span class="instrument">(${escapeHtml(item.instrument)}${item.since ? `, ${date(item.since, lang)}` : ''})</span>`;
}

function institutionText(institution: PublishedInstitution, lang: Lang): string {
  const number = institution.enterpriseNumber ? ` (${registerTexts[lang].enterpriseNumber} ${institution.enterpriseNumber})` : '';
  return escapeHtml(`${institution.name}${number}`);
}

function itemList(items: readonly string[]): string {
  return items.length === 0 ? '' : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

/** The scope in force below its protocol: every item with the instrument that brought it. */
function scopeRow(protocolNumber: string, scope: PublishedScope, lang: Lang): string {
  const texts = registerTexts[lang];
  const none = escapeHtml(texts.scopeNone);
  const or = (html: string): string => html || none;
  const purposes = scope.purposes.map((p) =>
    `${escapeHtml(p.text)}${since(p, lang)}${p.extends && p.extends.length > 0 ? ` — ${escapeHtml(texts.scopeExtends)}: ${escapeHtml(p.extends.join('; '))}` : ''}`);
  const entries: [string, string][] = [
    [texts.scopeVariables, or(itemList(scope.variables.map((v) => `${escapeHtml(v.name)}${since(v, lang)}`)))],
    [texts.scopePurposes, or(itemList(purposes))],
    [texts.scopeSurveys, or(itemList(scope.surveys.map((s) => `${escapeHtml(s.wave)}${since(s, lang)}`)))],
    [texts.scopeInstitution, scope.institution ? `${institutionText(scope.institution, lang)}${since(scope.institution, lang)}` : none],
    [texts.scopeEndDate, scope.endDate ? `${date(scope.endDate.endDate, lang)}${since(scope.endDate, lang)}` : none]
  ];
  const heading = escapeHtml(interpolate(texts.scopeHeading, { protocol: protocolNumber }));
  return `<tr class="scope"><td colspan="8"><details><summary>${heading}</summary><dl class="scope">${entries
    .map(([label, content]) => `<dt>${escapeHtml(label)}</dt><dd>${content}</dd>`)
    .join('')}</dl></details></td></tr>`;
}

/** What an addendum changed, as short lines under its reasons. */
function changesText(changes: PublishedChanges, lang: Lang): string {
  const texts = registerTexts[lang];
  const lines: string[] = [];
  if (changes.addedVariables.length > 0) lines.push(`${escapeHtml(texts.addedVariables)}: ${escapeHtml(changes.addedVariables.join(', '))}`);
  if (changes.addedSurveys.length > 0) lines.push(`${escapeHtml(texts.addedSurveys)}: ${escapeHtml(changes.addedSurveys.join(', '))}`);
  if (changes.addedPurposes.length > 0) lines.push(`${escapeHtml(texts.addedPurposes)}: ${escapeHtml(changes.addedPurposes.join('; '))}`);
  if (changes.endDate) lines.push(`${escapeHtml(texts.newEndDate)}: ${changes.endDate.from ? `${date(changes.endDate.from, lang)} → ` : ''}${date(changes.endDate.to, lang)}`);
  if (changes.institution) {
    const from = changes.institution.from ? `${institutionText(changes.institution.from, lang)} → ` : '';
    lines.push(`${escapeHtml(texts.newInstitution)}: ${from}${institutionText(changes.institution.to, lang)}`);
  }
  return lines.length === 0 ? '' : `<p>${escapeHtml(texts.changes)}:</p>${itemList(lines)}`;
}

function addendumRow(addendum: PublishedAddendum, protocolNumber: string, lang: Lang): string {
  const texts = registerTexts[lang];
  const reasons = addendum.reasons.map((reason) => simplifiedReasonLabel(reason, lang)).join(', ');
  const reasonText = (reasons ? `<p>${escapeHtml(texts.reasons)}: ${escapeHtml(reasons)}</p>` : '') + changesText(addendum.changes, lang);
  return `<tr class="addendum"><th scope="row"><span class="visually-hidden">${escapeHtml(texts.addendumOf)} ${escapeHtml(protocolNumber)}: </span>${escapeHtml(addendum.number)}</th>${cells(addendum, lang, reasonText)}</tr>`;
}

function protocolRows(protocol: PublishedProtocol, lang: Lang): string {
  const texts = registerTexts[lang];
  const head = protocol.published
    ? `<tr class="protocol" id="${escapeHtml(protocol.number)}"><th scope="row">${escapeHtml(protocol.number)}</th>${cells(protocol, lang)}</tr>`
    : `<tr class="protocol" id="${escapeHtml(protocol.number)}"><th scope="row">${escapeHtml(protocol.number)}</th><td colspan="7">${escapeHtml(texts.protocolNotInRegister)}</td></tr>`;
  const addenda = protocol.addenda.map((addendum) => addendumRow(addendum, protocol.number, lang)).join('');
  // The scope in force closes the protocol's group: after the addenda that shaped it.
  return head + addenda + (protocol.published ? scopeRow(protocol.number, protocol.scope, lang) : '');
}

/**
 * The register as a complete, self-contained HTML page for the VSA website: one table with a caption,
 * column and row headers, addenda as rows under their protocol, dates in `<time>`, link texts that say
 * where they lead. Every value is escaped; links other than http(s) or relative are not rendered.
 */
export function registerToHtml(register: PublicRegister, lang: Lang = 'nl'): string {
  const texts = registerTexts[lang];
  const counts = registerCounts(register);
  const counted = (n: number, one: string, many: string): string => interpolate(n === 1 ? one : many, { n });
  const countsText = interpolate(texts.counts, {
    protocols: counted(counts.protocols, texts.protocolOne, texts.protocolMany),
    addenda: counted(counts.addenda, texts.addendumOne, texts.addendumMany)
  });
  const header = [texts.number, texts.institution, texts.project, texts.purposes, texts.surveys, texts.countersigned, texts.endDate, texts.publication]
    .map((text) => `<th scope="col">${escapeHtml(text)}</th>`)
    .join('');
  const table =
    register.protocols.length === 0
      ? `<p>${escapeHtml(texts.empty)}</p>`
      : `<table><caption>${escapeHtml(texts.caption)}</caption><thead><tr>${header}</tr></thead><tbody>${register.protocols
          .map((protocol) => protocolRows(protocol, lang))
          .join('\n')}</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(texts.pageTitle)}</title>
<style>${styles}</style>
</head>
<body>
<main>
<h1>${escapeHtml(texts.pageTitle)}</h1>
<p>${escapeHtml(texts.intro)}</p>
<p>${escapeHtml(texts.updated)} ${date(register.generatedAt.slice(0, 10), lang)}. ${escapeHtml(countsText)}</p>
${table}
</main>
</body>
</html>
`;
}
