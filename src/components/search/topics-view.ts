/**
 * What `<hzd-search>` shows below the form before anyone searched: the curated "Häufig gesucht"
 * topics, and a status line. Part of the script a page loads first (the rest of the views come
 * with the search session; see results-views.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { HzdStrings } from '../../i18n/index.js';
import { heading } from '../shared/heading.js';

export interface TopicsContext {
  text: HzdStrings;
  /** Level of the section headings; sub-headings are one below. */
  level: number;
  topics: readonly string[];
  onTopic(topic: string): void;
}

/** "Häufig gesucht": buttons that search for a curated topic. */
export function topicsView(context: TopicsContext, level: number): TemplateResult | typeof nothing {
  const topics = context.topics.filter((topic) => typeof topic === 'string' && topic.trim());
  if (topics.length === 0) return nothing;
  const className = level === context.level ? 'section-heading' : 'sub-heading';
  return html`
    <div part="topics" class="topics">
      ${heading(level, { id: 'topics-heading', className }, context.text.popular)}
      <ul role="list" class="inline-list" aria-labelledby="topics-heading">
        ${topics.map(
          (topic) => html`
            <li>
              <button
                type="button"
                part="topic"
                class="topic"
                @click=${() => context.onTopic(topic)}
              >
                ${topic}
              </button>
            </li>
          `,
        )}
      </ul>
    </div>
  `;
}

export function statusView(message: string): TemplateResult {
  return html`<p part="status" class="status">${message}</p>`;
}
