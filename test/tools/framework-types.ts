/**
 * Generates the framework typings of the package from dist/custom-elements.json (run by
 * `npm run build:framework-types`, after the manifest), so they cannot drift from the elements:
 *
 * - dist/types/react.d.ts (`hzd-search-widget/react`): props of each element in React 19's JSX
 *   (`React.JSX.IntrinsicElements`), with React's own HTML attributes, `ref` and `children`;
 * - dist/types/vue.d.ts (`hzd-search-widget/vue`): each element in Vue's `GlobalComponents`, for
 *   vue-tsc and Volar.
 *
 * Prop types are indexed accesses into the element classes (`HzdSearch['limit']`), and event
 * types are the exported event types the manifest names, so the declarations say exactly what
 * the classes say. Names the types do not declare are errors in both frameworks (see the README
 * for TypeScript's exception for hyphenated names in JSX).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { elementDeclarations, MANIFEST, publicMembers, ROOT } from './manifest.js';

/** One settable name of an element: a property, or an attribute whose name differs from it. */
export interface ElementProp {
  /** The name as written in a template: `indexSrc`, `index-src`, `limit`. */
  name: string;
  /** The class field it sets. */
  field: string;
  /** A hyphenated attribute name (React sets it as an attribute, not a property). */
  attribute: boolean;
  /** The manifest's type text of the field (`boolean`, `string | undefined`, …). */
  type: string;
  description: string;
}

export interface ElementEvent {
  name: string;
  /** An exported type of the package, e.g. `HzdSelectEvent`. */
  type: string;
  description: string;
}

export interface ElementApi {
  tag: string;
  className: string;
  summary: string;
  props: ElementProp[];
  events: ElementEvent[];
}

const HEADER =
  '// Generated from dist/custom-elements.json by test/tools/framework-types.ts; do not edit.';
/** Where the declarations import the element classes and event types from (dist/types/). */
const ENTRY = './src/index.js';

/** The elements of the manifest and what can be set and listened to on each. */
export function elementApis(manifestPath = MANIFEST): ElementApi[] {
  return elementDeclarations(manifestPath).map((element) => {
    const fields = publicMembers(element).filter(
      (member) => member.kind === 'field' && !member.readonly,
    );
    const props: ElementProp[] = fields.map((field) => ({
      name: field.name,
      field: field.name,
      attribute: false,
      type: field.type?.text ?? 'unknown',
      description: field.description ?? '',
    }));
    for (const attribute of element.attributes ?? []) {
      const field = fields.find((candidate) => candidate.name === attribute.fieldName);
      if (!field || attribute.name === field.name) continue;
      props.push({
        name: attribute.name,
        field: field.name,
        attribute: true,
        type: field.type?.text ?? 'unknown',
        description: field.description ?? '',
      });
    }
    const events = (element.events ?? []).map((event) => {
      const type = event.type?.text ?? '';
      if (!/^[A-Z]\w*$/.test(type)) {
        throw new Error(
          `custom-elements.json: event "${event.name}" of <${element.tagName}> needs an exported event type in its @fires tag (found "${type}").`,
        );
      }
      return { name: event.name, type, description: event.description ?? '' };
    });
    return {
      tag: element.tagName!,
      className: element.name,
      summary: element.summary ?? '',
      props,
      events,
    };
  });
}

function doc(text: string, indent = '  '): string {
  if (!text.trim()) return '';
  const lines = text
    .replace(/\s*--bubbles\b|\s*--composed\b/g, '')
    .replace(/\*\//g, '*\\/')
    .trim()
    .split('\n')
    .map((line) => line.trim());
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */`;
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`;
}

function imports(elements: ElementApi[]): string {
  const names = new Set<string>();
  for (const element of elements) {
    names.add(element.className);
    for (const event of element.events) names.add(event.type);
  }
  return `import type { ${[...names].sort().join(', ')} } from '${ENTRY}';`;
}

/** `hzd-select` → `HzdSelect` */
function pascal(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

export function reactTypes(elements: ElementApi[]): string {
  const interfaces = elements.map((element) => {
    const name = `${element.className}ReactProps`;
    const members = [
      ...element.props.map((prop) =>
        [
          doc(
            prop.attribute
              ? `${prop.description}\n\nThe attribute of \`${prop.field}\`.`
              : prop.description,
          ),
          `  ${key(prop.name)}?: ${element.className}['${prop.field}'];`,
        ]
          .filter(Boolean)
          .join('\n'),
      ),
      ...element.events.map((event) =>
        [
          doc(`\`${event.name}\`: ${event.description}`),
          `  ${key(`on${event.name}`)}?: (event: ${event.type}) => void;`,
        ]
          .filter(Boolean)
          .join('\n'),
      ),
    ];
    return [
      doc(
        `Props of \`<${element.tag}>\` in React 19: ${element.summary}\n\n` +
          'Attributes, properties and `on<event name>` listeners, plus React’s HTML attributes.',
        '',
      ),
      `export interface ${name}\n  extends DetailedHTMLProps<HTMLAttributes<${element.className}>, ${element.className}> {`,
      members.join('\n'),
      '}',
    ].join('\n');
  });
  return [
    HEADER,
    '//',
    '// React 19 sets a prop on a custom element as a property when the element has one by that',
    '// name and as an attribute otherwise, and adds `on<event name>` props as listeners for that',
    '// exact event name (`onhzd-select` listens to `hzd-select`).',
    "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    imports(elements),
    '',
    interfaces.join('\n\n'),
    '',
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
    ...elements.map((element) => `      '${element.tag}': ${element.className}ReactProps;`),
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

export function vueTypes(elements: ElementApi[]): string {
  const interfaces = elements.map((element) => {
    const name = `${element.className}VueProps`;
    const members = [
      ...element.props
        .filter((prop) => !prop.attribute)
        .map((prop) => {
          const attribute = element.props.find(
            (other) => other.attribute && other.field === prop.field,
          );
          // A static attribute (`heading-level="3"`) reaches the element as a string that it
          // converts; a boolean attribute is set by its mere presence, never by a string.
          const fromAttribute = attribute && prop.type !== 'boolean' ? ' | string' : '';
          const text = attribute
            ? `${prop.description}\n\nAttribute \`${attribute.name}\` (written \`${attribute.name}="…"\` or \`:${prop.field}="…"\`).`
            : prop.description;
          return [
            doc(text),
            `  ${prop.name}?: ${element.className}['${prop.field}']${fromAttribute};`,
          ]
            .filter(Boolean)
            .join('\n');
        }),
      ...element.events.map((event) =>
        [
          doc(`\`@${event.name}\`: ${event.description}`),
          `  on${pascal(event.name)}?: (event: ${event.type}) => void;`,
        ]
          .filter(Boolean)
          .join('\n'),
      ),
    ];
    members.push(
      [
        doc(
          '`data-*` attributes, which vue-tsc checks by their camelized names (`data-x` → `dataX`).',
        ),
        '  [dataAttribute: `data${Capitalize<string>}`]: unknown;',
      ].join('\n'),
    );
    return [
      doc(
        `Props of \`<${element.tag}>\` in Vue templates: ${element.summary}\n\n` +
          'Attributes (as `index-src` or `indexSrc`), properties, `@event` listeners, plus Vue’s HTML attributes.',
        '',
      ),
      `export interface ${name} extends HTMLAttributes {`,
      members.join('\n'),
      '}',
    ].join('\n');
  });
  return [
    HEADER,
    '//',
    '// Vue renders these tags as custom elements (configure `isCustomElement`, see the README);',
    '// the declarations only tell vue-tsc and Volar what they accept.',
    "import type { DefineComponent, HTMLAttributes } from 'vue';",
    imports(elements),
    '',
    interfaces.join('\n\n'),
    '',
    "declare module 'vue' {",
    '  interface GlobalComponents {',
    ...elements.map(
      (element) => `    '${element.tag}': DefineComponent<${element.className}VueProps>;`,
    ),
    '  }',
    '}',
    '',
  ].join('\n');
}

export function writeFrameworkTypes(outDir = `${ROOT}dist/types`): void {
  const elements = elementApis();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/react.d.ts`, reactTypes(elements));
  writeFileSync(`${outDir}/vue.d.ts`, vueTypes(elements));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFrameworkTypes();
