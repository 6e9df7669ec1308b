import {escapeHTML} from '@portabletext/to-html'

/** Every text and attribute value goes through this: the Portable Text library's own escaper. */
export const escapeHtml = escapeHTML

/** `name="value"` pairs with escaped values; undefined and false values are left out. */
export function attributes(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) =>
      value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`,
    )
    .join('')
}

/**
 * JSON for an inline `<script>`: `<` is written as its JSON escape so text such as `</script>` in
 * a title cannot end the script element early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
