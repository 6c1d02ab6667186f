/**
 * VitePress's home layout (`layout: home`) shows text that lives in the front matter, not in the
 * Markdown: the hero's name, text and tagline and the features' titles and details. Without it
 * a site's start page would have neither title nor text.
 */
import { textOfHtml } from './html-dom.js';

function text(value: unknown): string | undefined {
  // Hero and feature texts may hold HTML (VitePress renders them with v-html).
  return typeof value === 'string' && value.trim() ? textOfHtml(value) : undefined;
}

export function vitepressHome(
  fields: Record<string, unknown>,
): { title?: string; body: string } | undefined {
  if (fields['layout'] !== 'home') return undefined;
  const hero = (typeof fields['hero'] === 'object' && fields['hero']) || {};
  const { name, text: heroText, tagline } = hero as Record<string, unknown>;
  const lines = [text(heroText), text(tagline)];
  if (Array.isArray(fields['features'])) {
    for (const feature of fields['features'] as unknown[]) {
      if (typeof feature !== 'object' || !feature) continue;
      const { title, details } = feature as Record<string, unknown>;
      lines.push(text(title), text(details));
    }
  }
  return { title: text(name) ?? text(heroText), body: lines.filter(Boolean).join('\n') };
}
