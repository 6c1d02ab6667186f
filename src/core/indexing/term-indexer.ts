/**
 * Turns each document's fields into postings: every word under its exact, folded and stem keys,
 * its compound parts, and pairs of neighbouring nouns (see analysis/index-keys.ts), each with its
 * count, first position and the field's length.
 */
import { CompoundSplitter } from '../analysis/decompound.js';
import { fold } from '../analysis/fold.js';
import {
  KeyKind,
  keysWithKinds,
  nameSegments,
  phraseKey,
  wordKeys,
} from '../analysis/index-keys.js';
import { stem } from '../analysis/stem.js';
import { tokenize } from '../analysis/tokenize.js';
import { FIELDS } from '../engine.js';
import { lengthClass, PostingsWriter, type PostingEntry } from '../postings.js';
import type { FieldTexts } from './document-fields.js';

/** The keys one written token stands for; cached, since words repeat a lot. */
interface TokenAnalysis {
  keys: [key: string, kind: KeyKind][];
  /** Folded form, for pairs. */
  folded: string;
  /** Written with a capital letter and only letters: a noun that may pair with its neighbour. */
  pairable: boolean;
}

/** Counts per (field, kind) of one key in the document being indexed. */
type DocumentEntries = Map<number, { count: number; position: number }>;

export interface FieldStatistics {
  /** Sum of the lengths of each field over all documents, for the average. */
  totalLength: number[];
}

export class TermIndexer {
  readonly writer = new PostingsWriter();
  readonly statistics: FieldStatistics = { totalLength: FIELDS.map(() => 0) };
  private readonly tokenCache = new Map<string, TokenAnalysis | null>();

  constructor(private readonly splitter: CompoundSplitter) {}

  /** Indexes document number `document` (documents must come in ascending order). */
  add(document: number, fields: FieldTexts): void {
    const perKey = new Map<string, DocumentEntries>();
    const lengths: number[] = [];
    FIELDS.forEach((name, field) => {
      lengths[field] = this.indexField(fields[name], field, perKey);
      this.statistics.totalLength[field]! += lengths[field]!;
      if (name === 'title' || name === 'headings') this.indexNames(fields[name], field, perKey);
    });
    for (const [key, byCode] of perKey) {
      const entries: PostingEntry[] = [];
      for (const [code, { count, position }] of byCode) {
        const field = code >> 3;
        entries.push({
          field,
          kind: code & 7,
          count,
          position,
          lengthClass: lengthClass(lengths[field]!),
        });
      }
      this.writer.add(key, document, entries);
    }
  }

  /** Adds the field's keys to `perKey`; returns the field's length in words (stop words aside). */
  private indexField(text: string, field: number, perKey: Map<string, DocumentEntries>): number {
    const record = (key: string, kind: KeyKind, position: number) => {
      let byCode = perKey.get(key);
      if (!byCode) perKey.set(key, (byCode = new Map()));
      const code = field * 8 + kind;
      const entry = byCode.get(code);
      if (entry) entry.count++;
      else byCode.set(code, { count: 1, position });
    };
    let position = 0;
    let length = 0;
    let previous: { analysis: TokenAnalysis; end: number } | undefined;
    for (const word of tokenize(text)) {
      const hyphenated = word.parts.length > 1;
      const tokens = hyphenated
        ? [...word.parts.map((part) => part.text), word.parts.map((part) => part.text).join('')]
        : [word.text];
      const start = position;
      tokens.forEach((token, i) => {
        const analysis = this.analyze(token);
        if (!analysis) return;
        // The joined form of a hyphenated word is no word of its own.
        if (i < word.parts.length) length++;
        for (const [key, kind] of analysis.keys) record(key, kind, start);
      });
      position += word.parts.length;
      // Two nouns in a row with only spaces between them ("Mind Map", "Screen Reader"): also
      // indexed joined, so the closed compound a visitor types finds them.
      const single = hyphenated ? null : this.analyze(word.text);
      if (single?.pairable && previous && /^[ \t]+$/.test(text.slice(previous.end, word.start))) {
        const joined = previous.analysis.folded + single.folded;
        record(joined, KeyKind.Pair, start - 1);
        const joinedStem = stem(joined);
        if (joinedStem !== joined) record(joinedStem, KeyKind.Pair, start - 1);
      }
      previous = single?.pairable ? { analysis: single, end: word.end } : undefined;
    }
    return length;
  }

  /** Each line of a naming field, and each segment of it, as a phrase key. */
  private indexNames(text: string, field: number, perKey: Map<string, DocumentEntries>): void {
    for (const line of text.split('\n')) {
      for (const name of new Set([line, ...nameSegments(line)])) {
        const key = phraseKey(
          tokenize(name).flatMap((word) => word.parts.map((part) => part.text)),
        );
        if (!key) continue;
        let byCode = perKey.get(key);
        if (!byCode) perKey.set(key, (byCode = new Map()));
        const code = field * 8 + KeyKind.Phrase;
        if (!byCode.has(code)) byCode.set(code, { count: 1, position: 0 });
      }
    }
  }

  private analyze(token: string): TokenAnalysis | null {
    let analysis = this.tokenCache.get(token);
    if (analysis !== undefined) return analysis;
    const keys = wordKeys(token);
    if (!keys) {
      analysis = null;
    } else {
      const list = keysWithKinds(keys);
      const own = new Set(list.map(([key]) => key));
      const head = this.splitter.head(keys.folded);
      if (head !== undefined && !own.has(stem(head))) {
        own.add(stem(head));
        list.push([stem(head), KeyKind.Head]);
      }
      for (const part of this.splitter.split(keys.folded)) {
        const partKey = stem(part);
        if (!own.has(partKey)) {
          own.add(partKey);
          list.push([partKey, KeyKind.Part]);
        }
      }
      const pairable = /^\p{Lu}\p{L}+$/u.test(token);
      analysis = { keys: list, folded: fold(token), pairable };
    }
    this.tokenCache.set(token, analysis);
    return analysis;
  }
}
