import type {Element} from 'domhandler'
import {parseDocument} from 'htmlparser2'
import sanitizeHtml from 'sanitize-html'

/**
 * What a piece of raw HTML in a posting means. The website uses a few fixed patterns; anything
 * else is kept verbatim by the caller and reported. Parsed with htmlparser2 (the parser
 * sanitize-html uses), so attribute order, quoting and case do not matter.
 */
export type HtmlMeaning =
  | {kind: 'anchor'; id: string}
  | {kind: 'ingress'; text: string}
  | {kind: 'button'; label: string; href: string; id?: string}
  | {
      kind: 'embed'
      src: string
      title?: string
      width?: string
      height?: string
      fallbackText?: string
      /** The frame's other attributes, as written. */
      attributes: Record<string, string>
      /** The id of an otherwise empty element wrapped around the frame (`<div id="apply">`). */
      anchorId?: string
    }

/**
 * The meanings of the elements of a raw HTML block, in order, or undefined when any part of it
 * is not one of the website's patterns (then the block is kept as it is).
 */
export function classifyHtml(rawHtml: string): HtmlMeaning[] | undefined {
  const document = parseDocument(rawHtml.trim(), {
    decodeEntities: true,
    lowerCaseAttributeNames: true,
  })
  const meanings: HtmlMeaning[] = []
  for (const node of document.children) {
    if (node.type === 'text') {
      if ((node as {data: string}).data.trim()) return undefined
      continue
    }
    if (node.type !== 'tag') return undefined
    const meaning = classifyElement(node as Element)
    if (!meaning) return undefined
    meanings.push(meaning)
  }
  return meanings.length ? meanings : undefined
}

function classifyElement(element: Element): HtmlMeaning | undefined {
  const attributes = element.attribs
  const names = Object.keys(attributes)
  const children = element.children.filter(
    (child) => child.type !== 'text' || (child as {data: string}).data.trim(),
  )
  const id = attributes.id ?? attributes.name
  // An element with only an id and no content: `<div id="down"></div>`, `<a name="x"></a>`.
  if (
    ['div', 'span', 'a'].includes(element.name) &&
    id &&
    names.length === 1 &&
    children.length === 0
  )
    return {kind: 'anchor', id}
  if (element.name === 'div' && names.length === 1 && attributes.class === 'ingress')
    return {kind: 'ingress', text: htmlToText(serialize(element))}
  if (
    element.name === 'a' &&
    attributes.href &&
    names.every((name) => ['href', 'id'].includes(name))
  ) {
    const label = textOf(element).replace(/\s+/g, ' ').trim()
    if (label && children.every((child) => child.type === 'text'))
      return {kind: 'button', label, href: attributes.href, id: attributes.id}
  }
  if (element.name === 'iframe') return embedOf(element)
  const [only] = children
  if (element.name === 'div' && attributes.id && names.length === 1 && children.length === 1) {
    if (only?.type === 'tag' && (only as Element).name === 'iframe') {
      const embed = embedOf(only as Element)
      return embed?.kind === 'embed' ? {...embed, anchorId: attributes.id} : undefined
    }
  }
  return undefined
}

function embedOf(frame: Element): HtmlMeaning | undefined {
  const {src, title, width, height, ...attributes} = frame.attribs
  if (!src) return undefined
  const fallbackText = textOf(frame).trim() || undefined
  return {kind: 'embed', src, title, width, height, fallbackText, attributes}
}

function textOf(element: Element): string {
  return element.children
    .map((child) =>
      child.type === 'text'
        ? (child as {data: string}).data
        : child.type === 'tag'
          ? textOf(child as Element)
          : '',
    )
    .join('')
}

/** The children of an element as HTML (only text and simple tags occur in these patterns). */
function serialize(element: Element): string {
  return element.children
    .map((child) => {
      if (child.type === 'text') return escapeText((child as {data: string}).data)
      if (child.type !== 'tag') return ''
      const tag = child as Element
      return `<${tag.name}>${serialize(tag)}</${tag.name}>`
    })
    .join('')
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
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
