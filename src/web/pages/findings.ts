/**
 * @module web/pages/findings
 * The Court's findings on a state's or a person's record, as a list with their chamber and day.
 */
import type { Finding, Registry } from '../../model.js';
import { html, type Html } from '../html.js';
import { countryLink, day, sourceLinks } from './parts.js';

const OUTCOME: Record<Finding['outcome'], string> = {
  non_compliance: 'Non-compliance found',
  presence_reported: 'Presence reported',
  no_non_compliance: 'No non-compliance found',
  appeal_judgment: 'Appeal judgment',
};

export function findingItem(reg: Registry, f: Finding): Html {
  return html`<li class="finding">
    <strong>${OUTCOME[f.outcome]}</strong>, ${countryLink(reg, f.country)}, ${day(f.decided)}
    <span class="muted">(${f.chamber}${f.caseNumber ? `, ${f.caseNumber}` : ''})</span>: ${f.summary}
    ${f.sources.length ? html`<span class="muted">Sources: ${sourceLinks(f.sources)}.</span>` : ''}
  </li>`;
}

export function findingList(reg: Registry, findings: readonly Finding[], empty: string): Html {
  return findings.length
    ? html`<ul class="findings">${findings.map((f) => findingItem(reg, f))}</ul>`
    : html`<p class="muted">${empty}</p>`;
}
