/**
 * Markdown to plain text with a real parser (markdown-it, CommonMark with GFM tables and
 * strikethrough): escapes are resolved (`Bürger\*innen` → Bürger*innen), links become their text,
 * images their alt text, tables one line per row. Code blocks are left out (they are not prose);
 * inline code stays. HTML in the Markdown (also Vue and JSX components, `<script setup>`,
 * `<style>`, comments) contributes only the text a visitor sees.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { textOfHtml } from './html-dom.js';
import { HeadingIds, type HeadingIdStyle } from './heading-ids.js';
import type { OutlineBlock } from './outline.js';
import { withoutTemplateSyntax } from './template-syntax.js';

// html: true, so HTML is recognised as such (and dropped) rather than shown as literal text.
const parser = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * `## Titel {#eigene-id}` or `{#id .class lang=de}`: the attribute syntax of VitePress, Hugo and
 * Pandoc. Only braces that hold attributes count, so "Kosten {netto}" keeps its text.
 */
const ATTRIBUTE = String.raw`(?:[#.][^\s{}#.]+|[\w-]+=\S+)`;
const HEADING_ATTRIBUTES = new RegExp(
  String.raw`[ \t]*\{\s*(${ATTRIBUTE}(?:\s+${ATTRIBUTE})*)\s*\}[ \t]*$`,
);

function inlineText(tokens: readonly Token[] | null): string {
  if (!tokens) return '';
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak') text += ' ';
    else if (token.type === 'hardbreak') text += '\n';
    else if (token.type === 'image') text += inlineText(token.children);
    // html_inline (tags of components and HTML) and markup tokens contribute nothing.
  }
  return text;
}

/** Text of an HTML block, whose inner lines may still hold Markdown (`**fett**`). */
function htmlBlockText(html: string): string {
  const text = textOfHtml(html);
  return text
    .split('\n')
    .map((line) => inlineText(parser.parseInline(line, {})[0]?.children ?? null))
    .join('\n');
}

export interface MarkdownTextOptions {
  headingIds?: HeadingIdStyle;
  /** The file is MDX: imports, exports and `{expressions}` are removed too. */
  mdx?: boolean;
}

/** The outline of a Markdown body (without front matter). */
export function markdownOutline(
  markdown: string,
  options: MarkdownTextOptions = {},
): OutlineBlock[] {
  const tokens = parser.parse(withoutTemplateSyntax(markdown, { mdx: options.mdx }), {});
  const ids = new HeadingIds(options.headingIds);
  const blocks: OutlineBlock[] = [];
  let text = '';
  const flush = () => {
    if (text.trim()) blocks.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open': {
        flush();
        const inline = tokens[i + 1];
        let heading = inlineText(inline?.children ?? null);
        let anchor: string | undefined;
        const attributes = HEADING_ATTRIBUTES.exec(heading);
        if (attributes) {
          heading = heading.slice(0, attributes.index);
          const id = /(?:^|\s)#([^\s#.]+)/.exec(attributes[1]!)?.[1];
          if (id) anchor = ids.explicit(id);
        }
        heading = heading.replace(/\s+/g, ' ').trim();
        anchor ??= ids.next(heading);
        blocks.push({ kind: 'heading', level: Number(token.tag.slice(1)), text: heading, anchor });
        // Skip the heading's inline token and its closing token.
        i += 2;
        break;
      }
      case 'inline':
        text += inlineText(token.children);
        break;
      case 'html_block':
        text += `\n${htmlBlockText(token.content)}\n`;
        break;
      case 'td_close':
      case 'th_close':
        text += ' ';
        break;
      case 'paragraph_close':
      case 'list_item_close':
      case 'tr_close':
      case 'blockquote_close':
      case 'hr':
        text += '\n';
        break;
      // fence and code_block: code is not prose, and left out.
    }
  }
  flush();
  return blocks;
}
