import sanitizeHtml from 'sanitize-html'

/**
 * What a piece of raw HTML in a posting means. The website uses a few fixed patterns; anything
 * else is kept verbatim by the caller and reported.
 */
export type HtmlMeaning =
  | {kind: 'anchor'; id: string}
  | {kind: 'ingress'; text: string}
  | {kind: 'button'; label: string; href: string; id?: string}
  | {kind: 'unknown'}

// An element with only an id and no content: `<div id="down"></div>`, `<span id="x"></span>`.
const EMPTY_ANCHOR = /^<(div|span|a)\s+(?:id|name)\s*=\s*["']([^"']+)["']\s*>\s*<\/\1>$/i
const INGRESS = /^<div\s+class\s*=\s*["']ingress["']\s*>([\s\S]*)<\/div>$/i
const LINK = /^<a\s([^>]*)>([\s\S]*?)<\/a>$/i

export function classifyHtml(rawHtml: string): HtmlMeaning {
  const html = rawHtml.trim()
  const anchor = EMPTY_ANCHOR.exec(html)
  if (anchor?.[2]) return {kind: 'anchor', id: anchor[2]}
  const ingress = INGRESS.exec(html)
  if (ingress?.[1] !== undefined) return {kind: 'ingress', text: htmlToText(ingress[1])}
  const link = LINK.exec(html)
  if (link?.[1] !== undefined) {
    const attributes = parseAttributes(link[1])
    const label = htmlToText(link[2] ?? '')
    if (attributes.href && label)
      return {kind: 'button', label, href: attributes.href, id: attributes.id}
  }
  return {kind: 'unknown'}
}

/** The visible text of an HTML fragment, paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  const withBreaks = html.replace(/<\/(p|div|li|h[1-6])>/gi, '\n\n').replace(/<br\s*\/?>/gi, '\n')
  const text = sanitizeHtml(withBreaks, {allowedTags: [], allowedAttributes: {}})
  return decodeEntities(text)
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n')
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of source.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    attributes[(match[1] ?? '').toLowerCase()] = decodeEntities(
      match[2] ?? match[3] ?? match[4] ?? '',
    )
  }
  return attributes
}

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
}
