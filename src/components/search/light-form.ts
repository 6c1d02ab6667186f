/**
 * Progressive enhancement: without JavaScript, a page puts a plain form inside the element,
 *
 *   <hzd-search><form action="/suche"><label for="q">…</label><input id="q" name="q"></form></hzd-search>
 *
 * which works as a server search. Once upgraded, the shadow root (which has no slot) replaces it
 * visually; this module reads what the widget should take over from it.
 */
export interface LightForm {
  /** The form's `action` as written (the site's server search). */
  action?: string;
  label?: string;
  placeholder?: string;
  /** Text typed before the upgrade. */
  value?: string;
}

export function readLightForm(host: Element): LightForm {
  const form = host.querySelector('form');
  if (!form) return {};
  const input = form.querySelector<HTMLInputElement>('input[name="q"], input[type="search"]');
  const label =
    (input?.id ? form.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null) ??
    form.querySelector('label');
  const result: LightForm = {};
  const action = form.getAttribute('action')?.trim();
  if (action) result.action = action;
  const text = label?.textContent?.replace(/\s+/g, ' ').trim();
  if (text) result.label = text;
  if (input?.placeholder) result.placeholder = input.placeholder;
  if (input?.value) result.value = input.value;
  return result;
}
