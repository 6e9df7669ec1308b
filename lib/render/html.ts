import {escapeHTML} from '@portabletext/to-html'

/**
 * Every text and attribute value goes through this: the Portable Text library's own escaper,
 * which quotes `&<>"'`. Numbers are written as text; anything else that is not text (stored data
 * of the wrong type) is written as nothing rather than thrown on.
 */
export function escapeHtml(value: unknown): string {
  if (typeof value === 'string') return escapeHTML(value)
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : ''
}

/** `name="value"` pairs with escaped values; undefined, null and false values are left out. */
export function attributes(values: Record<string, unknown>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('')
}

/**
 * A class name from stored data (`cta--${variant}`): only the vocabulary's own values, so a value
 * outside it can neither break out of the attribute nor add classes of its choosing.
 */
export function classModifier(
  value: unknown,
  allowed: readonly string[],
  fallback: string,
): string {
  return typeof value === 'string' && allowed.includes(value) ? value : fallback
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
