/**
 * Syntax of site generators inside Markdown that a visitor never sees as written: Hugo
 * shortcodes, Jekyll/Liquid tags, Vue and Liquid `{{ … }}` interpolation, VitePress containers
 * and MDX's imports, exports and `{…}` expressions. Removed before the Markdown is parsed; the
 * text between paired tags (`{{< hint >}}Text{{< /hint >}}`) stays, as it is shown.
 *
 * HTML, Vue and JSX components, `<script setup>`, `<style>` and comments are left to the
 * Markdown parser, which sees them as HTML and whose text extraction drops them.
 */

/** Hugo shortcodes `{{< name … >}}`, `{{% name … %}}` and their closing tags. */
const HUGO_SHORTCODE = /\{\{[<%][\s\S]*?[>%]\}\}/g;
/** Liquid comments and their content. */
const LIQUID_COMMENT = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g;
/** `{% raw %}` keeps its content as text; only the tags go. */
const LIQUID_RAW = /\{%-?\s*(?:end)?raw\s*-?%\}/g;
/** Any other Liquid tag: `{% include x.html %}`, `{% if %}`, `{%- assign -%}`. */
const LIQUID_TAG = /\{%[\s\S]*?%\}/g;
/** Liquid output and Vue interpolation: `{{ page.title }}`, `{{ $frontmatter.x }}`. */
const INTERPOLATION = /\{\{[\s\S]*?\}\}/g;
/** Kramdown attribute lists on their own line: `{: .note}`. */
const KRAMDOWN_IAL = /^[ \t]*\{:[^}\n]*\}[ \t]*$/gm;
/** VitePress/markdown-it-container fences `::: tip Titel` … `:::`: the custom title is shown. */
const CONTAINER = /^[ \t]*:{3,}[ \t]*(?:[\w-]+)?[ \t]*(.*?)[ \t]*$/gm;
/** VitePress table of contents and code imports. */
const VITEPRESS_LINES = /^[ \t]*(?:\[\[toc\]\]|<<<[ \t]+\S.*)[ \t]*$/gim;

/** MDX: ESM statements at the start of a line, up to a blank line. */
const MDX_ESM = /^(?:import|export)\b[\s\S]*?(?=\n[ \t]*\n|$(?![\s\S]))/gm;
/** MDX expressions and JSX comments `{/* … *\/}` on one line. */
const MDX_EXPRESSION = /\{[^{}\n]*\}/g;

export function withoutTemplateSyntax(markdown: string, options: { mdx?: boolean } = {}): string {
  let text = markdown
    .replace(HUGO_SHORTCODE, '')
    .replace(LIQUID_COMMENT, '')
    .replace(LIQUID_RAW, '')
    .replace(LIQUID_TAG, '')
    .replace(INTERPOLATION, '')
    .replace(KRAMDOWN_IAL, '')
    .replace(CONTAINER, (_line, title: string) => (title ? `\n${title}\n` : ''))
    .replace(VITEPRESS_LINES, '');
  if (options.mdx) text = text.replace(MDX_ESM, '').replace(MDX_EXPRESSION, '');
  return text;
}
