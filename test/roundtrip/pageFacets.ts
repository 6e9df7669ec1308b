/**
 * What a visitor gets from a page of the real site, cut into facets that can be compared one by
 * one and reported in words: the text, the headings and their ids, links, buttons, images,
 * accordions, embedded frames, the head, the header and sidebar, and the whole document as a
 * normalised tree. Parsed with jsdom (a real HTML parser), never with regular expressions.
 */
import {JSDOM} from 'jsdom'

/** A facet is a sequence of comparable lines, in page order. */
export type Facets = Record<FacetName, string[]>

export const FACET_NAMES = [
  'title',
  'description',
  'canonical',
  'head',
  'header',
  'sidebar',
  'words',
  'headings',
  'links',
  'buttons',
  'images',
  'accordions',
  'iframes',
  'content',
  'document',
] as const
export type FacetName = (typeof FACET_NAMES)[number]

const CONTENT = 'main .content-default-single'
const HEADER = '.heading-default-single'
const SIDEBAR = '.sidebar-default-single'

/**
 * @param prepare changes the parsed page before it is read (the round trip's one deliberate
 * difference, the sandbox of embedded forms, is taken off there after being checked).
 */
export function pageFacets(html: string, prepare?: (document: Document) => void): Facets {
  const {document} = new JSDOM(html).window
  prepare?.(document)
  const content = document.querySelector(CONTENT)
  const inContent = (selector: string) => [...(content?.querySelectorAll(selector) ?? [])]
  const attribute = (selector: string, name: string) =>
    document.querySelector(selector)?.getAttribute(name) ?? '(none)'
  return {
    title: [collapse(document.title)],
    description: [attribute('meta[name="description"]', 'content')],
    canonical: [attribute('link[rel="canonical"]', 'href')],
    head: [...document.head.querySelectorAll('meta, link, title')].map((element) =>
      describeElement(element, true),
    ),
    header: tree(document.querySelector(HEADER)),
    sidebar: tree(document.querySelector(SIDEBAR)),
    words: content ? visibleText(content).split(' ').filter(Boolean) : [],
    headings: inContent('h1, h2, h3, h4, h5, h6').map(
      (heading) =>
        `${heading.tagName.toLowerCase()}#${heading.id} ${collapse(heading.textContent ?? '')}`,
    ),
    links: inContent('a').map(
      (link) =>
        `${link.getAttribute('href') ?? '(no href)'} "${collapse(link.textContent ?? '')}"${attributesExcept(link, ['href'])}`,
    ),
    buttons: inContent('button, a.button, a.text-button, a#text-button, a.icon-block-link').map(
      (button) =>
        `${button.tagName.toLowerCase()} "${collapse(button.textContent ?? '')}" → ${button.getAttribute('href') ?? ''}`,
    ),
    images: inContent('img, [style*="background-image"]').map((image) =>
      image.tagName === 'IMG'
        ? `img ${image.getAttribute('src') ?? ''} alt="${image.getAttribute('alt') ?? ''}"`
        : `background ${/url\(([^)]*)\)/.exec(image.getAttribute('style') ?? '')?.[1] ?? ''}`,
    ),
    accordions: inContent('.accordion-box').map(
      (box) =>
        `#${box.id} "${collapse(box.querySelector('button')?.textContent ?? '')}": ${visibleText(box)}`,
    ),
    iframes: inContent('iframe').map((frame) => describeElement(frame, true)),
    content: tree(content),
    document: tree(document.documentElement),
  }
}

/** The text as it reads, whitespace collapsed; scripts and styles are not text. */
function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element
  for (const hidden of clone.querySelectorAll('script, style, noscript')) hidden.remove()
  return collapse(clone.textContent ?? '')
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function attributesExcept(element: Element, skip: readonly string[]): string {
  const rest = [...element.attributes]
    .filter((attr) => !skip.includes(attr.name))
    .map((attr) => `${attr.name}="${attr.value}"`)
    .sort()
  return rest.length ? ` [${rest.join(' ')}]` : ''
}

function describeElement(element: Element, withText = false): string {
  const text =
    withText && element.tagName === 'TITLE' ? ` "${collapse(element.textContent ?? '')}"` : ''
  return `${element.tagName.toLowerCase()}${attributesExcept(element, [])}${text}`
}

/**
 * A normalised tree: one line per element (tag and sorted attributes) and per text run, indented
 * by depth. Whitespace inside text is collapsed to one space, as a browser shows it; comments
 * are dropped (the site's minifier drops them too).
 */
function tree(root: Element | null): string[] {
  if (!root) return ['(missing)']
  const lines: string[] = []
  const visit = (node: Node, depth: number) => {
    const indent = '  '.repeat(depth)
    if (node.nodeType === node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ')
      if (text.trim()) lines.push(`${indent}"${text}"`)
      return
    }
    if (node.nodeType !== node.ELEMENT_NODE) return
    const element = node as Element
    lines.push(`${indent}${describeElement(element)}`)
    for (const child of element.childNodes) visit(child, depth + 1)
  }
  visit(root, 0)
  return lines
}

/**
 * Hugo's typographer (goldmark's) curls quotes and joins dashes in the website's text; read back
 * as typed, to compare words with text that did not go through it.
 */
export function plainTypography(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/—/g, '---')
    .replace(/–/g, '--')
    .replace(/…/g, '...')
}
