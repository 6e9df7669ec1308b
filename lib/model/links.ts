/**
 * What a link in a posting may point to. The schema validates with it, the import checks what it
 * brings in, and the renderer refuses anything else, so an unsafe URL cannot slip through any door.
 */

export type LinkKind = 'https' | 'http' | 'mailto' | 'tel' | 'anchor' | 'relative'

export type LinkCheck = {ok: true; kind: LinkKind} | {ok: false; reason: string}

/** An id a link can jump to: `#apply`, `#how-to-apply`. */
export const ANCHOR_ID_PATTERN = /^[A-Za-z][\w:.-]*$/
const EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/
// Digits with the separators people write: "+46 70 123 45 67", "(08) 123-456".
const PHONE_PATTERN = /^\+?[\d\s().-]{6,24}$/

/** Classify a URL, or say in plain words why it is not allowed. */
export function checkLink(rawUrl: string): LinkCheck {
  const url = rawUrl.trim()
  if (!url) return {ok: false, reason: 'The link is empty.'}
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"), so do we.
  const compact = url.replace(/[\u0000-\u0020]/g, '').toLowerCase()
  if (url.startsWith('#')) {
    return ANCHOR_ID_PATTERN.test(url.slice(1))
      ? {ok: true, kind: 'anchor'}
      : {ok: false, reason: `"${url}" is not a valid in-page anchor: use # followed by a name.`}
  }
  if (compact.startsWith('mailto:')) {
    const address = decodeSafely(url.slice('mailto:'.length).split('?')[0] ?? '')
    return address.split(',').every((part) => isEmail(part.trim()))
      ? {ok: true, kind: 'mailto'}
      : {ok: false, reason: `"${url}" does not contain a valid email address after mailto:.`}
  }
  if (compact.startsWith('tel:')) {
    return isPhoneNumber(url.slice('tel:'.length))
      ? {ok: true, kind: 'tel'}
      : {ok: false, reason: `"${url}" is not a valid phone link.`}
  }
  if (compact.startsWith('https://') || compact.startsWith('http://')) {
    try {
      const parsed = new URL(url)
      if (!parsed.hostname) throw new Error('no host')
    } catch {
      return {ok: false, reason: `"${url}" is not a complete web address.`}
    }
    return {ok: true, kind: compact.startsWith('https://') ? 'https' : 'http'}
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(compact)) {
    const scheme = compact.slice(0, compact.indexOf(':'))
    return {ok: false, reason: `Links starting with "${scheme}:" are not allowed.`}
  }
  if (url.startsWith('//')) {
    return {ok: false, reason: `"${url}" has no scheme: write https:// in front of it.`}
  }
  return {ok: true, kind: 'relative'}
}

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value.trim())
}

export function isPhoneNumber(value: string): boolean {
  const trimmed = value.trim()
  return PHONE_PATTERN.test(trimmed) && (trimmed.match(/\d/g)?.length ?? 0) >= 6
}

function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
