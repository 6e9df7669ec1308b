import {
  buildMarksTree,
  isPortableTextBlock,
  spanToPlainText,
  type ToolkitNestedPortableTextSpan,
  type ToolkitTextNode,
} from '@portabletext/toolkit'
import type {ArbitraryTypedObject, PortableTextBlock} from '@portabletext/types'

/**
 * Portable Text to CommonMark, for the text blocks of our schema: paragraphs, headings, quotes,
 * nested lists, bold, italic, code, strike-through and whatever marks the caller renders.
 *
 * Our own, small serialiser rather than @portabletext/markdown's: that one also parses markdown
 * and brings markdown-it and linkify-it with it (about 60 kB gzipped), which the Studio plugin
 * would ship to every editor for a download button; the import still uses the library to parse.
 */
export interface MarkdownSerializers {
  /** A non-text block (callout, call to action…) as markdown; an empty string leaves it out. */
  block: (value: ArbitraryTypedObject, index: number) => string
  /**
   * An annotation or a custom decorator around its serialised children; `text` is the plain text
   * it covers. Undefined means the mark has no markdown form: the children are kept as they are.
   */
  mark: (mark: {
    type: string
    definition: unknown
    children: string
    text: string
  }) => string | undefined
  /** What follows a heading's text on its line, such as ` {#id}`. */
  headingSuffix?: (block: PortableTextBlock) => string
  /** Markdown to write right after a block (its own separator included), such as a script tag. */
  after?: (block: ArbitraryTypedObject) => string
  /** Blocks written on the line right after the previous one, with no blank line between. */
  joined?: (block: ArbitraryTypedObject) => boolean
}

const DELIMITERS: Record<string, string> = {strong: '**', em: '*', 'strike-through': '~~'}
const HEADING_MARKERS: Record<string, string> = {
  h1: '#',
  h2: '##',
  h3: '###',
  h4: '####',
  h5: '#####',
  h6: '######',
}
// Child lists sit four spaces in: inside the content column of both "- " and "1. " items.
const LIST_INDENT = '    '

export function blocksToMarkdown(
  blocks: readonly ArbitraryTypedObject[],
  serializers: MarkdownSerializers,
): string {
  let markdown = ''
  let previousListItem: PortableTextBlock | undefined
  blocks.forEach((block, index) => {
    let chunk: string
    let listBlock: PortableTextBlock | undefined
    if (isPortableTextBlock(block)) {
      const text = inlineMarkdown(block, serializers)
      if (block.listItem) {
        listBlock = block
        chunk = listItem(block, text)
      } else {
        chunk = styledBlock(block, text, serializers)
      }
    } else {
      chunk = serializers.block(block, index)
    }
    const after = serializers.after?.(block) ?? ''
    if (!chunk) {
      if (after) markdown += markdown === '' ? after.trimStart() : after
      return
    }
    const separator =
      markdown === ''
        ? ''
        : serializers.joined?.(block)
          ? '\n'
          : listBlock && previousListItem
            ? listSeparator(previousListItem, listBlock)
            : '\n\n'
    markdown += separator + chunk + after
    previousListItem = after ? undefined : listBlock
  })
  return markdown
}

/**
 * Between two list items: a line break in a tight list, a blank line in a spaced (loose) one.
 * Going into a nested list, the outer list decides; coming out of one, the list returned to.
 */
function listSeparator(previous: PortableTextBlock, next: PortableTextBlock): string {
  const deeper = (next.level ?? 1) > (previous.level ?? 1)
  const decider = deeper ? previous : next
  if (
    !deeper &&
    (next.level ?? 1) === (previous.level ?? 1) &&
    listKind(previous) !== listKind(next)
  )
    return '\n\n'
  return isSpaced(decider) ? '\n\n' : '\n'
}

const isSpaced = (block: PortableTextBlock) => Boolean(block.listItem?.endsWith('Spaced'))
const listKind = (block: PortableTextBlock) => block.listItem?.replace(/Spaced$/, '')

function listItem(block: PortableTextBlock, text: string): string {
  const indent = LIST_INDENT.repeat(Math.max(1, block.level ?? 1) - 1)
  const marker = listKind(block) === 'number' ? '1.' : '-'
  const continuation = `\n${indent}${' '.repeat(marker.length + 1)}`
  return `${indent}${marker} ${text.split('\n').join(continuation)}`
}

function styledBlock(
  block: PortableTextBlock,
  text: string,
  serializers: MarkdownSerializers,
): string {
  if (!text.trim()) return ''
  const style = block.style ?? 'normal'
  const heading = HEADING_MARKERS[style]
  if (heading) {
    // A heading is one line: its hard breaks become spaces.
    return `${heading} ${text.replace(/\\?\n/g, ' ')}${serializers.headingSuffix?.(block) ?? ''}`
  }
  if (style === 'blockquote') return text.replace(/^/gm, '> ')
  return text
}

function inlineMarkdown(block: PortableTextBlock, serializers: MarkdownSerializers): string {
  const inline = buildMarksTree(block)
    .map((node) => nodeMarkdown(node, serializers))
    .join('')
  return inline
    .split('\n')
    .map((line) => escapeLineStart(line.replace(/^[ \t]+/, '')))
    .join('\n')
    .replace(/\n/g, '\\\n')
}

function nodeMarkdown(
  node: ToolkitNestedPortableTextSpan | ToolkitTextNode | ArbitraryTypedObject,
  serializers: MarkdownSerializers,
): string {
  if (node._type === '@text') return escapeText((node as ToolkitTextNode).text)
  if (node._type !== '@span') return ''
  const span = node as ToolkitNestedPortableTextSpan
  const text = span.children.map((child) => spanText(child)).join('')
  if (span.markType === 'code') return codeSpan(text)
  const children = span.children.map((child) => nodeMarkdown(child, serializers)).join('')
  const delimiter = DELIMITERS[span.markType]
  if (delimiter) return wrap(children, delimiter)
  return (
    serializers.mark({type: span.markType, definition: span.markDef, children, text}) ?? children
  )
}

function spanText(node: unknown): string {
  const typed = node as {_type?: string; text?: unknown; children?: unknown[]}
  if (typeof typed.text === 'string') return typed.text
  if (typed._type === '@span') return spanToPlainText(typed as ToolkitNestedPortableTextSpan)
  return ''
}

/** `**bold**` with the span's outer spaces outside the delimiters, where CommonMark needs them. */
function wrap(children: string, delimiter: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(children)
  if (!match?.[2]) return children
  return `${match[1]}${delimiter}${match[2]}${delimiter}${match[3]}`
}

function codeSpan(text: string): string {
  // Hugo finds shortcodes before markdown, code spans included, and a code span shows character
  // codes as written: code with `{{` goes in as an HTML <code> element around escaped text.
  if (text.includes('{{')) return `<code>${escapeText(text)}</code>`
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${padding}${text}${padding}${fence}`
}

/**
 * Text shown as written: markdown's inline syntax characters get a backslash, entity-like `&…;`
 * stays literal, and every `{` is a character code, so no `{{` can start a Hugo shortcode, not
 * even where two pieces of text meet.
 */
export function escapeText(text: string): string {
  return (
    text
      // "_" between two letters or digits never starts emphasis: left as it is, so addresses
      // such as https://example.com/a_b stay one link for Hugo's linkify.
      .replace(/[\\`*_[\]<>~|]/g, (char, offset: number) =>
        char === '_' && isWordChar(text[offset - 1]) && isWordChar(text[offset + 1])
          ? char
          : `\\${char}`,
      )
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
      .replace(/\{/g, '&#123;')
      // A link may follow this text, and "!" before "[" would make it an image.
      .replace(/!$/, '\\!')
  )
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char)
}

/** A line that would start a heading, quote, list or rule keeps its first character literal. */
function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
}
