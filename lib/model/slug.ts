/**
 * Web addresses. Hugo serves a posting at its `slug` front-matter value, else its file name, made
 * into a path segment by its own rules (hugoPathSegment). A posting's slug is that segment, so the
 * export can name the file after it and the page keeps its address. Slugs made in the Studio from
 * a title are plain lower-case words joined by hyphens (slugify), which are segments too.
 */
export const SLUG_MAX_LENGTH = 96
/** Longest slug the website takes; imported file names may be longer than the Studio makes them. */
export const SLUG_LIMIT = 200

export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '')
}

const ALLOWED_PUNCTUATION = new Set(['.', '/', '\\', '_', '#', '+', '~', '-', '@'])
const LETTER_DIGIT_MARK = /^[\p{L}\p{Nd}\p{M}]$/u
const SPACE = /^\p{White_Space}$/u
const HEX = /^[0-9A-Fa-f]$/

/**
 * The path segment Hugo 0.111 makes of a file name or `slug` value (its UnicodeSanitize, then
 * lower case): letters, digits and marks kept with their accents, `. / \ _ # + ~ - @` kept, `%`
 * kept before two hex digits, each run of spaces one hyphen (none next to a hyphen), anything
 * else dropped. Checked against the Debian build: `Foo--Bar_baz` → `foo--bar_baz`,
 * `Full stack Dev` → `full-stack-dev`, `a - b` → `a-b`, `x  ` → `x-`.
 */
export function hugoPathSegment(name: string): string {
  const source = [...name]
  let target = ''
  let wasHyphen = false
  let hyphenPending = false
  source.forEach((char, index) => {
    const allowed =
      ALLOWED_PUNCTUATION.has(char) ||
      LETTER_DIGIT_MARK.test(char) ||
      (char === '%' && HEX.test(source[index + 1] ?? '') && HEX.test(source[index + 2] ?? ''))
    if (allowed) {
      wasHyphen = char === '-'
      if (hyphenPending && !wasHyphen) target += '-'
      hyphenPending = false
      target += char
    } else if (SPACE.test(char) && !wasHyphen) {
      hyphenPending = true
    }
  })
  if (hyphenPending) target += '-'
  return lowerCase(target)
}

/** Go's per-letter lower case: one letter for one, unlike JavaScript's "İ" → "i̇". */
function lowerCase(text: string): string {
  let lower = ''
  for (const char of text) {
    const mapped = char.toLowerCase()
    lower += [...mapped].length === 1 ? mapped : char === 'İ' ? 'i' : mapped
  }
  return lower
}

/** Why a slug cannot be a page address on the website, or undefined when it can. */
export function slugProblem(slug: string, example = 'backend-engineer'): string | undefined {
  if (!slug) return 'The posting needs a web address.'
  if (slug.length > SLUG_LIMIT) return `Keep the web address under ${SLUG_LIMIT} characters.`
  if (/[/\\#%?]/.test(slug) || slug.startsWith('.'))
    return `Use letters, digits and hyphens, like "${example}": "/", "\\", "#", "%", "?" and a leading "." make broken addresses.`
  const segment = hugoPathSegment(slug)
  if (segment !== slug)
    return segment
      ? `The website would serve this page at "${segment}": use that, like "${example}".`
      : `Use letters, digits and hyphens, like "${example}".`
  return undefined
}
