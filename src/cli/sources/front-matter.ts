/**
 * Front matter of Markdown files: YAML between `---` lines (Jekyll, VitePress, Hugo, Astro) or
 * TOML between `+++` lines (Hugo). Errors point at the line in the file, not in the block.
 */
import { parse as parseToml, TomlError } from 'smol-toml';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { CliError } from '../cli-error.js';

export interface FrontMatter {
  fields: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** Line of the body's first line in the file. */
  bodyLine: number;
  /** Line of a field's key in the file, if known. */
  lineOf(field: string): number | undefined;
}

const YAML_OPENING = /^---[ \t]*(?:\r?\n|$)/;
const YAML_CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
const TOML_OPENING = /^\+\+\+[ \t]*(?:\r?\n|$)/;
const TOML_CLOSING = /^\+\+\+[ \t]*(?:\r?\n|$)/m;

/** The block starts on line 2, after the opening line. */
const FIRST_LINE = 2;

export const FRONT_MATTER_HINT =
  'Start the file with a front matter block: a line ---, then lines such as "title: …", then a line ---; or give the page a first heading "# …".';

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Most front matter has no aliases at all; a few to share a list are fine. */
const MAX_ALIAS_COUNT = 100;

/**
 * The YAML as plain values. Aliases (*name) are expanded, so a few lines can stand for billions
 * of values (a "billion laughs" attack); the yaml package then throws instead.
 */
function yamlValues(yaml: Document, file: string): unknown {
  try {
    return yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/alias count/i.test(message)) {
      throw new CliError(`invalid YAML front matter: ${message}.`, { file, line: FIRST_LINE });
    }
    throw new CliError(
      `the front matter uses aliases (*name) too often (at most ${MAX_ALIAS_COUNT} expansions, against files that blow up into huge data).`,
      { file, line: FIRST_LINE },
      'Write the values out instead of repeating them with &name and *name.',
    );
  }
}

function checkFields(value: unknown, file: string, hint: string): Record<string, unknown> {
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    throw new CliError(
      'the front matter must consist of "field: value" lines.',
      { file, line: FIRST_LINE },
      hint,
    );
  }
  return value as Record<string, unknown>;
}

function yamlFrontMatter(block: string, body: string, file: string): FrontMatter {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(block, { lineCounter, prettyErrors: true });
  const [problem] = yaml.errors;
  if (problem) {
    const position = problem.linePos?.[0];
    // prettyErrors appends the position and a source excerpt; the CLI shows its own position.
    const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new CliError(
      `invalid YAML front matter: ${message}.`,
      { file, line: (position?.line ?? 1) + FIRST_LINE - 1, column: position?.col },
      'Put texts that contain ": " or start with a special character in quotes, e.g. title: "HeWoG: Wohngeld".',
    );
  }
  const fields = checkFields(yamlValues(yaml, file), file, FRONT_MATTER_HINT);
  return {
    fields,
    body,
    bodyLine: FIRST_LINE + countLines(block) + 1,
    lineOf(field) {
      const contents = yaml.contents;
      if (!isMap(contents)) return undefined;
      const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === field);
      const offset = isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
      return offset === undefined ? undefined : lineCounter.linePos(offset).line + FIRST_LINE - 1;
    },
  };
}

function tomlFrontMatter(block: string, body: string, file: string): FrontMatter {
  let fields: Record<string, unknown>;
  try {
    fields = parseToml(block);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    // smol-toml's message ends with a source excerpt; the CLI shows its own position.
    const message = error.message
      .split('\n')[0]!
      .replace(/^Invalid TOML document: /, '')
      .replace(/\.$/, '');
    throw new CliError(
      `invalid TOML front matter: ${message}.`,
      { file, line: error.line + FIRST_LINE - 1, column: error.column },
      'Write each field as name = value, with texts in double quotes: title = "Wohngeld".',
    );
  }
  const lines = block.split('\n');
  return {
    fields,
    body,
    bodyLine: FIRST_LINE + countLines(block) + 1,
    lineOf(field) {
      // Top-level keys only: the first `field =` before any [table] header.
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!.trim();
        if (line.startsWith('[')) return undefined;
        const key = /^(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*=/.exec(line);
        if (key && (key[1] ?? key[2] ?? key[3]) === field) return i + FIRST_LINE;
      }
      return undefined;
    },
  };
}

/** The front matter of a Markdown file, or undefined when it has none. */
export function readFrontMatter(text: string, file: string): FrontMatter | undefined {
  const kind = YAML_OPENING.test(text) ? 'yaml' : TOML_OPENING.test(text) ? 'toml' : undefined;
  if (!kind) return undefined;
  const opening = (kind === 'yaml' ? YAML_OPENING : TOML_OPENING).exec(text)!;
  const rest = text.slice(opening[0].length);
  const closing = (kind === 'yaml' ? YAML_CLOSING : TOML_CLOSING).exec(rest);
  if (!closing) {
    const marker = kind === 'yaml' ? '---' : '+++';
    throw new CliError(
      'the front matter is not closed.',
      { file, line: 1 },
      `End the front matter with a line containing only ${marker}.`,
    );
  }
  const block = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length);
  return kind === 'yaml' ? yamlFrontMatter(block, body, file) : tomlFrontMatter(block, body, file);
}
