/** Escapes text for an XML attribute or element. */
export function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Java-regex escapes for characters that would be invisible or ambiguous in the XML. */
export function javaRegexChars(pattern: string): string {
  return pattern.replace(
    /[\u0080-\uFFFF]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
