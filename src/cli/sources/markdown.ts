/**
 * Markdown files as site generators (VitePress, Hugo, Jekyll, Docusaurus, Astro) write them: the
 * front matter may give the fields, and what it leaves out comes from the page itself: the title
 * from the first `# H1`, the URL and id from the file path, the text, headings and sections from
 * the Markdown.
 */
import type { HeadingIdStyle } from './heading-ids.js';
import { FRONT_MATTER_HINT, readFrontMatter } from './front-matter.js';
import { markdownOutline } from './markdown-text.js';
import { outlineParts } from './outline.js';
import { idFromPath, urlOfPage, withoutPageExtension, type UrlStyle } from './page-paths.js';
import type { RawDocument } from './raw-document.js';
import { dayOf } from './page-dates.js';
import { vitepressHome } from './vitepress-home.js';

export interface MarkdownOptions {
  urlStyle?: UrlStyle;
  headingIds?: HeadingIdStyle;
}

/** A file is either a document or left out on purpose, with the reason. */
export type SourceResult = { document: RawDocument } | { skipped: string };

export const SKIP_DRAFT = 'drafts (draft: true)';
export const SKIP_SEARCH_FALSE = 'pages with search: false';

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function first(fields: Record<string, unknown>, names: readonly string[]): unknown {
  for (const name of names) if (isSet(fields[name])) return fields[name];
  return undefined;
}

/** Date fields of the generators, the most specific first (Hugo lastmod, Jekyll, VitePress). */
const DATE_FIELDS = ['updated', 'lastmod', 'last_modified_at', 'lastUpdated', 'date'];

/**
 * Parses one Markdown file. `relativePath` (with /) is the path in the input folder, from which
 * the default id and URL come.
 */
export function readMarkdown(
  text: string,
  file: string,
  relativePath: string,
  options: MarkdownOptions = {},
): SourceResult {
  const frontMatter = readFrontMatter(text, file);
  const fields = frontMatter?.fields ?? {};
  if (fields['draft'] === true || fields['draft'] === 'true') return { skipped: SKIP_DRAFT };
  if (fields['search'] === false || fields['search'] === 'false')
    return { skipped: SKIP_SEARCH_FALSE };

  const markdown = frontMatter ? frontMatter.body : text;
  const titleGiven = isSet(fields['title']);
  const parts = outlineParts(
    markdownOutline(markdown, { headingIds: options.headingIds, mdx: /\.mdx$/i.test(file) }),
    !titleGiven,
  );

  const data: Record<string, unknown> = { ...fields };
  const derivedId = !isSet(fields['id']);
  const pathId = idFromPath(withoutPageExtension(relativePath));
  if (derivedId) data['id'] = pathId;
  const home = vitepressHome(fields);
  if (!titleGiven) data['title'] = parts.firstH1 ?? home?.title;
  const url = first(fields, ['url', 'permalink']);
  data['url'] =
    url ??
    urlOfPage(
      relativePath,
      options.urlStyle ?? 'clean',
      typeof fields['slug'] === 'string' && fields['slug'].trim()
        ? fields['slug'].trim()
        : undefined,
    );
  if (!isSet(fields['summary']) && typeof fields['description'] === 'string')
    data['summary'] = fields['description'];
  const updated = first(fields, DATE_FIELDS);
  data['updated'] = updated === undefined ? undefined : (dayOf(updated) ?? updated);
  if (data['body'] === undefined)
    data['body'] = home ? [home.body, parts.body].filter(Boolean).join('\n') : parts.body;
  if (data['headings'] === undefined) data['headings'] = parts.headings;
  if (data['sections'] === undefined) data['sections'] = parts.sections;

  const updatedField = DATE_FIELDS.find((name) => isSet(fields[name]));
  return {
    document: {
      data,
      file,
      line: 1,
      derivedId,
      locate(field) {
        if (!frontMatter) return undefined;
        if (field === 'body') return frontMatter.bodyLine;
        if (field === 'updated' && updatedField) return frontMatter.lineOf(updatedField);
        if (field === 'url' && !isSet(fields['url']) && isSet(fields['permalink']))
          return frontMatter.lineOf('permalink');
        return field ? frontMatter.lineOf(field) : undefined;
      },
      hintFor(field) {
        if (field === 'id' && derivedId)
          return `The id "${pathId}" is made from the file path; set another one with "id: …" in the front matter.`;
        if (field === 'title' && !titleGiven)
          return frontMatter
            ? 'Give the page a title: a front matter line "title: …" or a first heading "# …".'
            : FRONT_MATTER_HINT;
        return undefined;
      },
    },
  };
}
