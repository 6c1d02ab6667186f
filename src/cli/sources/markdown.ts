/**
 * Markdown files with YAML front matter: the front matter holds the fields, the rest of the file
 * is the body. Errors in the front matter point at the line in the file, not in the YAML block.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { CliError } from '../cli-error.js';
import type { RawDocument } from './raw-document.js';

const OPENING = /^---[ \t]*(?:\r?\n|$)/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
const FRONT_MATTER_HINT =
  'Start the file with a front matter block: a line ---, then lines such as "title: …" and "url: /page", then a line ---.';

function idHint(name: string): string {
  return `The id defaults to the file name "${name}"; set another one with "id: …" in the front matter.`;
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Most front matter has no aliases at all; a few to share a list are fine. */
const MAX_ALIAS_COUNT = 100;

/**
 * The front matter as plain values. Aliases (*name) are expanded, so a few lines can stand for
 * billions of values (a "billion laughs" attack); the yaml package then throws instead.
 */
function frontMatterValues(yaml: Document, file: string, line: number): unknown {
  try {
    return yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/alias count/i.test(message)) {
      throw new CliError(`invalid YAML front matter: ${message}.`, { file, line });
    }
    throw new CliError(
      `the front matter uses aliases (*name) too often (at most ${MAX_ALIAS_COUNT} expansions, against files that blow up into huge data).`,
      { file, line },
      'Write the values out instead of repeating them with &name and *name.',
    );
  }
}

/** Parses one Markdown file. `name` is the file name without extension, the default id. */
export function readMarkdown(text: string, file: string, name: string): RawDocument {
  const opening = OPENING.exec(text);
  if (!opening) {
    // No front matter: the document still gets its default id, and validation then reports the
    // missing title with the hint below.
    return {
      data: { id: name, body: text },
      file,
      line: 1,
      hintFor: (field) =>
        field === 'id'
          ? idHint(name)
          : field === 'title' || field === 'url'
            ? FRONT_MATTER_HINT
            : undefined,
    };
  }
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) {
    throw new CliError(
      'the front matter is not closed.',
      { file, line: 1 },
      'End the front matter with a line containing only ---.',
    );
  }
  const yamlText = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length);
  // The YAML block starts on line 2, after the opening ---.
  const yamlFirstLine = 2;

  const lineCounter = new LineCounter();
  const yaml = parseDocument(yamlText, { lineCounter, prettyErrors: true });
  const [problem] = yaml.errors;
  if (problem) {
    const position = problem.linePos?.[0];
    // prettyErrors appends the position and a source excerpt; the CLI shows its own position.
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new CliError(
      `invalid YAML front matter: ${message}.`,
      {
        file,
        line: (position?.line ?? 1) + yamlFirstLine - 1,
        column: position?.col,
      },
      'Put texts that contain ": " or start with a special character in quotes, e.g. title: "HeWoG: Wohngeld".',
    );
  }
  const fields = frontMatterValues(yaml, file, yamlFirstLine);
  if (typeof fields !== 'object' || Array.isArray(fields) || fields === null) {
    throw new CliError(
      'the front matter must consist of "field: value" lines.',
      { file, line: yamlFirstLine },
      FRONT_MATTER_HINT,
    );
  }
  const data: Record<string, unknown> = { ...(fields as Record<string, unknown>) };
  const idFromName = data['id'] === undefined || data['id'] === null;
  if (idFromName) data['id'] = name;
  if (data['body'] === undefined) data['body'] = body;
  const bodyLine = yamlFirstLine + countLines(yamlText) + 1;

  return {
    data,
    file,
    line: 1,
    locate(field) {
      if (field === 'body') return bodyLine;
      const contents = yaml.contents;
      if (!field || !isMap(contents)) return undefined;
      const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === field);
      const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
      return offset === undefined
        ? undefined
        : lineCounter.linePos(offset).line + yamlFirstLine - 1;
    },
    hintFor: (field) => (field === 'id' && idFromName ? idHint(name) : undefined),
  };
}
