/**
 * Generates the README's API reference (attributes, properties, methods, events, CSS custom
 * properties and parts of each element) from dist/custom-elements.json, so the tables cannot
 * drift from the code. `npx tsx test/tools/api-tables.ts --write` rewrites the README section
 * between the api markers; test/node/readme.test.ts fails when it is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  elementDeclarations,
  MANIFEST,
  publicMembers,
  ROOT,
  type Declaration,
} from './manifest.js';

export const API_START =
  '<!-- api:start (generated from dist/custom-elements.json; run: npx tsx test/tools/api-tables.ts --write) -->';
export const API_END = '<!-- api:end -->';

function cell(text = ''): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

function code(text?: string): string {
  return text ? `\`${text}\`` : '';
}

/** Default values of fields, from the manifest's member entries. */
function defaultOf(declaration: Declaration, fieldName?: string): string {
  const member = declaration.members?.find((m) => m.name === fieldName);
  return code(member?.default);
}

export function apiTables(manifestPath = MANIFEST): string {
  const sections = elementDeclarations(manifestPath).map((element) => {
    const members = publicMembers(element);
    const attributes = (element.attributes ?? []).filter((a) => a.description);
    const attributeFields = new Set(attributes.map((a) => a.fieldName));
    const properties = members.filter(
      (member) =>
        member.kind === 'field' && !attributeFields.has(member.name) && member.description,
    );
    const methods = members.filter((member) => member.kind === 'method' && member.description);
    return [
      `### \`<${element.tagName}>\``,
      element.summary ?? '',
      '#### Attributes',
      table(
        ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        attributes.map((a) => [
          code(a.name),
          code(a.fieldName),
          code(a.type?.text),
          defaultOf(element, a.fieldName),
          a.description ?? '',
        ]),
      ),
      '#### Properties (JavaScript only)',
      table(
        ['Property', 'Type', 'Description'],
        properties.map((p) => [code(p.name), code(p.type?.text), p.description ?? '']),
      ),
      '#### Methods',
      table(
        ['Method', 'Description'],
        methods.map((m) => [
          code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`),
          m.description ?? '',
        ]),
      ),
      '#### Events',
      table(
        ['Event', 'Type', 'Description'],
        (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), e.description ?? '']),
      ),
      '#### CSS custom properties',
      table(
        ['Property', 'Default', 'Description'],
        (element.cssProperties ?? []).map((p) => [
          code(p.name),
          code(p.default),
          p.description ?? '',
        ]),
      ),
      '#### Parts',
      table(
        ['Part', 'Description'],
        (element.cssParts ?? []).map((p) => [code(p.name), p.description ?? '']),
      ),
    ]
      .filter(Boolean)
      .join('\n\n');
  });
  // Prettier would realign the tables; the generator owns their layout.
  return [
    API_START,
    '<!-- prettier-ignore-start -->',
    ...sections,
    '<!-- prettier-ignore-end -->',
    API_END,
  ].join('\n\n');
}

/** Replaces the generated section of `readme`. */
export function withApiTables(readme: string, tables: string): string {
  const start = readme.indexOf(API_START);
  const end = readme.indexOf(API_END);
  if (start < 0 || end < start) throw new Error('README.md has no api markers');
  return readme.slice(0, start) + tables + readme.slice(end + API_END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tables = apiTables();
  if (process.argv.includes('--write')) {
    const path = `${ROOT}README.md`;
    writeFileSync(path, withApiTables(readFileSync(path, 'utf8'), tables));
  } else {
    console.log(tables);
  }
}
