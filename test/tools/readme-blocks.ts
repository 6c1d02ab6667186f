/**
 * Code blocks of the README that tests run as they are written, so the README and what works
 * cannot drift apart. A block is found by an HTML comment on its own line right before it (blank
 * lines between are allowed), e.g. `<!-- webmaster-snippet -->` or `<!-- recipe: react
 * src/Search.tsx -->`; readers of the rendered README do not see the comment.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function readReadme(): string {
  return readFileSync(`${root}README.md`, 'utf8');
}

export interface MarkedBlock {
  /** The text of the comment between `<!--` and `-->`, trimmed. */
  marker: string;
  /** The info string of the fence (`html`, `tsx`, `sh`, …). */
  lang: string;
  /** The block's content, without the fences. */
  code: string;
}

const MARKER = /^<!--\s*(.*?)\s*-->$/;

/** Every fenced block that directly follows a marker comment, in README order. */
export function markedBlocks(readme: string): MarkedBlock[] {
  const lines = readme.split(/\r?\n/);
  const blocks: MarkedBlock[] = [];
  lines.forEach((line, index) => {
    const match = MARKER.exec(line.trim());
    if (!match) return;
    let start = index + 1;
    while (start < lines.length && lines[start]!.trim() === '') start++;
    const fence = /^(\s*)```(\S*)\s*$/.exec(lines[start] ?? '');
    if (!fence) return;
    const indent = fence[1]!.length;
    const end = lines.findIndex((other, at) => at > start && other.trim() === '```');
    if (end < 0) throw new Error(`README.md: the block after "${line.trim()}" is not closed.`);
    const code = lines
      .slice(start + 1, end)
      .map((text) => text.slice(Math.min(indent, text.length - text.trimStart().length)))
      .join('\n');
    blocks.push({ marker: match[1]!, lang: fence[2]!, code: `${code}\n` });
  });
  return blocks;
}

/** The block after `<!-- marker -->`; throws with a hint if the README has none. */
export function blockAfter(readme: string, marker: string): MarkedBlock {
  const found = markedBlocks(readme).filter((block) => block.marker === marker);
  if (found.length !== 1) {
    throw new Error(
      `README.md must have exactly one code block right after "<!-- ${marker} -->" (found ${found.length}).`,
    );
  }
  return found[0]!;
}

/** The blocks whose marker starts with `prefix`, e.g. every `recipe: react …` block. */
export function blocksWithPrefix(readme: string, prefix: string): MarkedBlock[] {
  return markedBlocks(readme).filter((block) => block.marker.startsWith(prefix));
}
