/**
 * Reading dist/custom-elements.json for the generators of the README's API tables
 * (api-tables.ts) and of the framework typings (framework-types.ts): the part of the Custom
 * Elements Manifest schema they use, and the elements it declares.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Described {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
export interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  parameters?: Described[];
  attribute?: string;
}
export interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: (Described & { fieldName?: string })[];
  members?: Member[];
  events?: Described[];
  cssProperties?: Described[];
  cssParts?: Described[];
}

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MANIFEST = `${ROOT}dist/custom-elements.json`;

/** The custom elements of the manifest, `<hzd-search>` first (reverse order of tag names). */
export function elementDeclarations(manifestPath = MANIFEST): Declaration[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    modules: { declarations?: Declaration[] }[];
  };
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => (a.tagName! < b.tagName! ? 1 : -1));
}

/** Members a user may touch: not static, private or protected. */
export function publicMembers(element: Declaration): Member[] {
  return (element.members ?? []).filter(
    (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected',
  );
}
