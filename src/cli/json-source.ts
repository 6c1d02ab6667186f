/**
 * Positions in JSON text, which JSON.parse does not report consistently across Node versions:
 * where a syntax error is, and where each element of a top-level array (and each of its fields)
 * starts. JSON.parse still produces the values; this scanner only runs when an error needs a line.
 */

const MAX_DEPTH = 500;

export interface ElementPosition {
  /** Offset of the element's first character. */
  start: number;
  /** Offsets of the element's field names, if it is an object. */
  keys: Map<string, number>;
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class Scanner {
  private i = 0;
  readonly elements: ElementPosition[] = [];

  constructor(private readonly text: string) {}

  document(): void {
    this.value(0);
    this.space();
    if (this.i < this.text.length) this.fail('nothing after the end of the data');
  }

  private space(): void {
    const text = this.text;
    while (this.i < text.length && ' \t\n\r'.includes(text[this.i]!)) this.i++;
  }

  private fail(expected: string): never {
    const found =
      this.i < this.text.length ? JSON.stringify(this.text[this.i]) : 'the end of the file';
    throw new JsonSyntaxError(`expected ${expected} but found ${found}`, this.i);
  }

  private value(depth: number): void {
    this.space();
    const c = this.text[this.i];
    if (depth >= MAX_DEPTH) this.fail('less deeply nested data');
    if (c === '{') return this.object(depth + 1);
    if (c === '[') return this.array(depth + 1);
    if (c === '"') return void this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    this.fail('a value (an object, array, "text", number, true, false or null)');
  }

  private array(depth: number): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (depth === 1) this.elements.push({ start: this.i, keys: new Map() });
      this.value(depth);
      this.space();
      const c = this.text[this.i];
      this.i++;
      if (c === ']') return;
      if (c !== ',') {
        this.i--;
        this.fail('"," or "]"');
      }
    }
  }

  private object(depth: number): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') this.fail('a field name in double quotes');
      const start = this.i;
      const name = this.string();
      // Depth 2 is an object directly inside the top-level array: a document.
      const element = this.elements.at(-1);
      if (depth === 2 && element && !element.keys.has(name)) element.keys.set(name, start);
      this.space();
      if (this.text[this.i] !== ':') this.fail('":" after the field name');
      this.i++;
      this.value(depth);
      this.space();
      const c = this.text[this.i];
      this.i++;
      if (c === '}') return;
      if (c !== ',') {
        this.i--;
        this.fail('"," or "}"');
      }
    }
  }

  private string(): string {
    const text = this.text;
    const start = this.i++;
    for (;;) {
      const c = text[this.i];
      if (c === undefined) this.fail('a closing double quote');
      if (c === '"') break;
      if (c === '\\') {
        const next = text[this.i + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6))) {
          this.i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) {
          this.i++;
          this.fail('an escape such as \\n, \\" or \\u00e4 after the backslash');
        }
        this.i += 2;
        continue;
      }
      if (c < ' ') this.fail('a closing double quote (write line breaks and tabs as \\n and \\t)');
      this.i++;
    }
    this.i++;
    return JSON.parse(text.slice(start, this.i)) as string;
  }

  private number(): void {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.i;
    const found = match.exec(this.text);
    if (!found) this.fail('a number');
    this.i += found[0].length;
  }
}

/** Where and why `text` is not valid JSON; undefined if it is valid. */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/**
 * Start offsets of the elements (and their fields) of valid JSON text holding an array. Nesting
 * deeper than the scanner follows (JSON.parse accepts it) ends the scan: the positions up to
 * there are still right, and later elements are simply not located.
 */
export function arrayElementPositions(text: string): ElementPosition[] {
  const scanner = new Scanner(text);
  try {
    scanner.document();
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
  }
  return scanner.elements;
}
