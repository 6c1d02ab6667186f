/**
 * JSON input read as a stream, one document at a time, so a large file (or its gzipped form) is
 * never held whole: a JSON array is cut into its elements by a small scanner that follows only
 * strings and brackets, and each element is parsed by JSON.parse; JSON Lines are cut at line
 * ends. Errors name the line (and column) in the file, as for a file read whole.
 */
import { CliError } from '../cli-error.js';
import { arrayElementPositions, findJsonSyntaxError } from '../json-source.js';
import { lineAt, lineColumnAt } from '../positions.js';
import { invalidLine } from '../read-text.js';
import type { RawDocument } from './raw-document.js';

const UTF8_HINT =
  'Save the file with the encoding UTF-8 (most editors offer it under "Save as" or "Encoding").';

/** Bytes at the end of `bytes` that start a character not yet complete. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return size > back ? back : 0;
  }
  return 0;
}

/** Decodes strict UTF-8 chunk by chunk; invalid bytes are an error naming the line. */
export async function* decodeUtf8(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Uint8Array = new Uint8Array(0);
  let lines = 0;
  let first = true;
  const decode = (bytes: Uint8Array): string => {
    try {
      return decoder.decode(bytes);
    } catch {
      throw new CliError(
        'the file is not valid UTF-8 text.',
        { file, line: lines + invalidLine(bytes) },
        UTF8_HINT,
      );
    }
  };
  const emit = (text: string): string => {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    if (first && text) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
    }
    return text;
  };
  for await (const chunk of chunks) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = bytes.length - incompleteTail(bytes);
    carry = bytes.slice(cut);
    const text = emit(decode(bytes.subarray(0, cut)));
    if (text) yield text;
  }
  if (carry.length) yield emit(decode(carry));
}

function syntaxError(
  text: string,
  file: string,
  firstLine: number,
  firstColumn: number,
  hint: string,
): CliError {
  const problem = findJsonSyntaxError(text) ?? { offset: text.length, message: 'invalid JSON' };
  const { line, column } = lineColumnAt(text, problem.offset);
  return new CliError(
    `invalid JSON: ${problem.message}.`,
    { file, line: line + firstLine - 1, column: line === 1 ? column + firstColumn - 1 : column },
    hint,
  );
}

const ARRAY_HINT = 'Look for a missing comma, quote or bracket at or just before this position.';

/** Where the scanner is between elements of the top-level array. */
const State = {
  BeforeArray: 0,
  /** After `[`: an element or `]`. */
  First: 1,
  /** After `,`: an element. */
  Next: 2,
  InElement: 3,
  /** After an element: `,` or `]`. */
  After: 4,
  Done: 5,
} as const;
type State = (typeof State)[keyof typeof State];

/** The documents of a JSON array, read from text chunks. */
export async function* readJsonArrayStream(
  chunks: AsyncIterable<string>,
  file: string,
): AsyncGenerator<RawDocument> {
  let state: State = State.BeforeArray;
  let line = 1;
  let column = 0;
  let item = 0;
  // The element being read: its text so far, where it starts, and the scanner's state in it.
  let pieces: string[] = [];
  let startLine = 0;
  let startColumn = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let scalar = false;

  const fail = (expected: string, found: string): never => {
    throw new CliError(
      `invalid JSON: expected ${expected} but found ${found}.`,
      {
        file,
        line,
        column,
      },
      ARRAY_HINT,
    );
  };
  const element = (): RawDocument => {
    const text = pieces.join('');
    pieces = [];
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw syntaxError(text, file, startLine, startColumn, ARRAY_HINT);
    }
    const first = startLine;
    const at = item++;
    return {
      data,
      file,
      item: at,
      line: first,
      locate(field) {
        // Only when an error needs it: where the field starts in the element's text.
        const position = arrayElementPositions(`[${text}]`)[0];
        const offset = (field ? position?.keys.get(field) : undefined) ?? 1;
        return first + lineAt(text, offset - 1) - 1;
      },
    };
  };

  for await (const chunk of chunks) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) {
        line++;
        column = 0;
      } else column++;
      if (state === State.InElement) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
          continue;
        }
        if (scalar) {
          // A number, true, false or null ends at the next space, comma or bracket.
          if (c === 44 || c === 93 || c === 32 || c === 9 || c === 10 || c === 13) {
            pieces.push(chunk.slice(from, i));
            yield element();
            state = State.After;
            i--;
            if (c === 10) line--;
            else column--;
          }
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (--depth === 0) {
            pieces.push(chunk.slice(from, i + 1));
            yield element();
            state = State.After;
          }
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      const found = JSON.stringify(chunk[i]);
      if (state === State.BeforeArray) {
        if (c !== 91) {
          throw new CliError(
            'the JSON file must hold an array of documents.',
            { file, line },
            'Write it as [ { "id": "…", "title": "…", "url": "…" }, … ].',
          );
        }
        state = State.First;
      } else if (state === State.After) {
        if (c === 44) state = State.Next;
        else if (c === 93) state = State.Done;
        else fail('"," or "]"', found);
      } else if (state === State.Done) {
        fail('nothing after the end of the data', found);
      } else if (c === 93 && state === State.First) {
        state = State.Done;
      } else if (c === 93 || c === 44) {
        fail('a value (an object, array, "text", number, true, false or null)', found);
      } else {
        state = State.InElement;
        from = i;
        startLine = line;
        startColumn = column;
        depth = c === 123 || c === 91 ? 1 : 0;
        inString = c === 34;
        escaped = false;
        scalar = depth === 0 && !inString;
      }
    }
    if (state === State.InElement) pieces.push(chunk.slice(from));
  }
  if (state === State.InElement) {
    // Unfinished: JSON.parse and the syntax scanner say what is missing.
    yield element();
    state = State.After as State;
  }
  if (state === State.BeforeArray) {
    throw new CliError('the JSON file must hold an array of documents.', { file, line: 1 });
  }
  if (state !== State.Done) fail('"," or "]"', 'the end of the file');
  if (item === 0) throw new CliError('no documents found: the JSON array is empty.', { file });
}

/** The documents of JSON Lines (one per line), read from text chunks. */
export async function* readJsonLinesStream(
  chunks: AsyncIterable<string>,
  file: string,
): AsyncGenerator<RawDocument> {
  let rest = '';
  let line = 0;
  let count = 0;
  const parse = (content: string): RawDocument | undefined => {
    line++;
    if (!content.trim()) return undefined;
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      throw syntaxError(
        content,
        file,
        line,
        1,
        'Each line must hold one complete JSON object; a document must not span several lines.',
      );
    }
    count++;
    return { data, file, line };
  };
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const doc = parse(text.slice(start, end));
      if (doc) yield doc;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  const last = parse(rest);
  if (last) yield last;
  if (count === 0) {
    throw new CliError('no documents found: the file has no lines with documents.', { file });
  }
}
