import {decodeHTMLAttribute} from 'entities/decode'

/**
 * The one link policy: what a link in a posting may point to. The Studio validates with it, the
 * import checks what it brings in, the HTML site and the Hugo export write only what it returns,
 * so an unsafe URL cannot slip through any door.
 *
 * A link is classified the way a browser will read it, not the way it looks: character
 * references are decoded first (`&#106;avascript:` is a javascript: link), tabs and newlines are
 * dropped as the URL parser drops them (`java\tscript:`), and relative links are resolved with
 * the WHATWG URL parser against a page of our site, so `//host`, `/\host` and `\\host` are
 * recognised as links to another host, as Chromium follows them.
 */

export type LinkKind = 'https' | 'http' | 'mailto' | 'tel' | 'anchor' | 'relative'

export type LinkCheck =
  | {
      ok: true
      kind: LinkKind
      /** The link to write: as stored when a browser reads it unambiguously, else normalised. */
      href: string
    }
  | {ok: false; reason: string}

/** Links inside body text: anything a reader can follow safely. */
export const BODY_LINK_KINDS: readonly LinkKind[] = [
  'https',
  'http',
  'mailto',
  'tel',
  'anchor',
  'relative',
]
/** How to apply: an applicant-tracking page, an email, or a section of the posting itself. */
export const APPLY_LINK_KINDS: readonly LinkKind[] = ['https', 'mailto', 'anchor']
/** Images: a web address or a path on our site, never `data:` or script. */
export const IMAGE_LINK_KINDS: readonly LinkKind[] = ['https', 'http', 'relative']

/**
 * An id a link can jump to: `#apply`, `#how-to-apply`, and the ids Hugo gives headings, which
 * keep their letters in any script (`#vill-du-bli-vår-nästa-affärsman`) and may start with a
 * digit or "_" (`#2024-plans`).
 */
export const ANCHOR_ID_PATTERN = /^[\p{L}\p{N}_][\p{L}\p{N}\p{M}_:.-]*$/u
const EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/
// Digits with the separators people write: "+46 70 123 45 67", "(08) 123-456".
const PHONE_PATTERN = /^\+?[\d\s().-]{6,24}$/
// The URL parser's scheme state: a letter, then letters, digits, "+", "-" or ".", then ":".
const SCHEME_PATTERN = /^([A-Za-z][A-Za-z0-9+.-]*):/
// A page of our own site: relative links resolved against it must stay on it.
const OUR_PAGE = new URL('https://our-site.invalid/section/page/')
// Character references inside character references (`&amp;#106;`) decode one level per round.
const MAX_DECODING_ROUNDS = 4

/** Classify a URL, or say in plain words why it is not allowed. Never throws, whatever `value` is. */
export function checkLink(value: unknown): LinkCheck {
  if (value === undefined || value === null) return {ok: false, reason: 'The link is empty.'}
  if (typeof value !== 'string') {
    return {ok: false, reason: `The link is ${describeValue(value)}, not a web address.`}
  }
  const shown = value.trim()
  const url = browserForm(value)
  if (url === undefined) {
    return {ok: false, reason: `"${shown}" has character codes that hide what it points to.`}
  }
  if (!url) return {ok: false, reason: 'The link is empty.'}
  if (/[\u0000-\u001f\u007f]/.test(url)) {
    return {ok: false, reason: `"${shown}" contains invisible control characters.`}
  }
  if (url.startsWith('#')) {
    return ANCHOR_ID_PATTERN.test(decodeSafely(url.slice(1)))
      ? {ok: true, kind: 'anchor', href: url}
      : {ok: false, reason: `"${shown}" is not a valid in-page anchor: use # followed by a name.`}
  }
  const scheme = linkScheme(url)
  if (scheme === 'mailto') {
    const address = decodeSafely(url.slice('mailto:'.length).split('?')[0] ?? '')
    return address.split(',').every((part) => isEmail(part.trim()))
      ? {ok: true, kind: 'mailto', href: url}
      : {ok: false, reason: `"${shown}" does not contain a valid email address after mailto:.`}
  }
  if (scheme === 'tel') {
    return isPhoneNumber(url.slice('tel:'.length))
      ? {ok: true, kind: 'tel', href: url}
      : {ok: false, reason: `"${shown}" is not a valid phone link.`}
  }
  if (scheme === 'https' || scheme === 'http') return checkWebAddress(url, scheme, shown)
  if (scheme) return {ok: false, reason: `Links starting with "${scheme}:" are not allowed.`}
  return checkSitePath(url, shown)
}

/**
 * The scheme a browser sees in a link, lower-cased (`"javascript"` for `&#74;ava\tScript:`), or
 * undefined for a relative link. For code that must know whether a value is a link at all.
 */
export function linkScheme(value: string): string | undefined {
  const url = browserForm(value)
  return url === undefined ? undefined : SCHEME_PATTERN.exec(url)?.[1]?.toLowerCase()
}

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim())
}

export function isPhoneNumber(value: string): boolean {
  const trimmed = value.trim()
  return PHONE_PATTERN.test(trimmed) && (trimmed.match(/\d/g)?.length ?? 0) >= 6
}

/**
 * The link as the browser's URL parser starts from it: character references decoded (as in an
 * attribute, where the link ends up), leading and trailing spaces and controls stripped, tabs and
 * newlines removed. Undefined when decoding does not settle.
 */
function browserForm(value: string): string | undefined {
  let decoded = value
  for (let round = 0; decoded.includes('&'); round++) {
    if (round === MAX_DECODING_ROUNDS) return undefined
    const next = decodeHTMLAttribute(decoded)
    if (next === decoded) break
    decoded = next
  }
  return decoded.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
}

function checkWebAddress(url: string, scheme: 'https' | 'http', shown: string): LinkCheck {
  // "https:host" is relative on an https page and absolute on an http one: refuse the guess.
  const afterScheme = url.slice(scheme.length + 1)
  let parsed: URL | undefined
  try {
    parsed = /^[/\\]{2}/.test(afterScheme) ? new URL(url) : undefined
  } catch {
    parsed = undefined
  }
  if (!parsed?.hostname) {
    return {ok: false, reason: `"${shown}" is not a complete web address.`}
  }
  // Written as stored when every reader parses it alike; backslashes, character references,
  // spaces or an encoded host are written the way the browser's parser reads them, so Hugo's Go
  // and Chromium agree on where it leads.
  const plain =
    url === shown &&
    /^https?:\/\/[^\\\s]*$/.test(url) &&
    url.slice(scheme.length + 3).startsWith(parsed.host)
  return {ok: true, kind: scheme, href: plain ? url : parsed.href}
}

function checkSitePath(url: string, shown: string): LinkCheck {
  let resolved: URL
  try {
    resolved = new URL(url, OUR_PAGE)
  } catch {
    return {ok: false, reason: `"${shown}" is not a valid web address.`}
  }
  if (resolved.origin !== OUR_PAGE.origin) {
    return {
      ok: false,
      reason: `"${shown}" leads to another website (${resolved.host || 'unknown'}): write the full address starting with https://.`,
    }
  }
  if (url.includes('\\')) {
    return {ok: false, reason: `"${shown}" has a backslash: write paths with forward slashes (/).`}
  }
  return {ok: true, kind: 'relative', href: url}
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
