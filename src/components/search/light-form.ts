/**
 * Progressive enhancement: without JavaScript, a page puts a plain form inside the element,
 *
 *   <hzd-search><form action="/suche"><label for="q">…</label><input id="q" name="q"></form></hzd-search>
 *
 * which works as a server search. Once upgraded, the shadow root (which has no slot) replaces it
 * visually; this module reads what the widget should take over from it: everything the site's
 * server search needs to keep working (action, method, the field's name, hidden fields such as
 * TYPO3's language and page ids) and what the visitor sees or already typed.
 */
export interface LightForm {
  /** The form's `action` as written (the site's server search). */
  action?: string;
  /** `post` only if the form says so; GET otherwise. */
  method?: 'get' | 'post';
  /** Name of the search field: `q`, WordPress's `s`, TYPO3's `tx_solr[q]` … */
  inputName?: string;
  /** Hidden fields, in document order, submitted along with the query. */
  hidden?: [name: string, value: string][];
  label?: string;
  placeholder?: string;
  /** Text typed before the upgrade. */
  value?: string;
}

/** The form's search field: a search or text input, not a hidden field or a checkbox. */
export function lightInput(host: Element): HTMLInputElement | null {
  return host.querySelector<HTMLInputElement>(
    'form input:is([type="search"], [type="text"], :not([type]))',
  );
}

export function readLightForm(host: Element): LightForm {
  const form = host.querySelector('form');
  if (!form) return {};
  const input = lightInput(host);
  const label =
    (input?.id ? form.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null) ??
    form.querySelector('label');
  const result: LightForm = {};
  const action = form.getAttribute('action')?.trim();
  if (action) result.action = action;
  if (form.getAttribute('method')?.trim().toLowerCase() === 'post') result.method = 'post';
  const name = input?.getAttribute('name')?.trim();
  if (name) result.inputName = name;
  const hidden = [...form.querySelectorAll<HTMLInputElement>('input[type="hidden"][name]')]
    .filter((field) => field.name && !field.disabled)
    .map((field): [string, string] => [field.name, field.value]);
  if (hidden.length) result.hidden = hidden;
  const text = label?.textContent?.replace(/\s+/g, ' ').trim();
  if (text) result.label = text;
  if (input?.placeholder) result.placeholder = input.placeholder;
  if (input?.value) result.value = input.value;
  return result;
}
