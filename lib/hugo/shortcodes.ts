import type {SourceIssue} from './frontMatter'

/**
 * Hugo shortcodes, tokenised and nested. Hand-written because no maintained JavaScript library
 * parses Hugo's shortcode syntax; the rules follow Hugo's own lexer (pageparser): both delimiters,
 * `{{< /x >}}` and `{{</ x >}}` closings, self-closing `/>}}`, named or positional parameters
 * quoted with `"` or backticks, and Hugo's comment-escaped form (slash-star inside the delimiters)
 * as literal text.
 */

export type ShortcodeDelimiter = '<' | '%'

export interface ShortcodeParams {
  named: Record<string, string>
  positional: string[]
}

export interface TextNode {
  kind: 'text'
  text: string
  /** 1-based line where the text starts. */
  line: number
}

export interface ShortcodeNode {
  kind: 'shortcode'
  name: string
  params: ShortcodeParams
  delimiter: ShortcodeDelimiter
  line: number
  /** True when the shortcode had a closing tag and `children` holds its inner content. */
  paired: boolean
  children: HugoNode[]
  /** The shortcode exactly as written, inner content and closing tag included. */
  source: string
}

export type HugoNode = TextNode | ShortcodeNode

interface Tag {
  role: 'open' | 'close'
  name: string
  params: ShortcodeParams
  delimiter: ShortcodeDelimiter
  selfClosing: boolean
  start: number
  end: number
  line: number
}

type Token = {kind: 'text'; text: string; start: number; line: number} | ({kind: 'tag'} & Tag)

/** Shortcodes whose meaning needs a closing tag: leaving one open is an error, not a guess. */
export const PAIRED_SHORTCODES = new Set([
  'ingress',
  'accordion',
  'note',
  'icon-block-small-container',
])

/** Shortcodes that never take inner content, so a stray closing tag for them is reported. */
export const SINGLE_SHORTCODES = new Set([
  'inline',
  'accordion-script',
  'horisontal-card',
  'contact',
  'icon-block-horisontal',
  'icon-block-small',
  'localbutton',
  '2calltoaction',
  'localtextbutton',
  'distance',
  'figure',
  'ref',
  'relref',
])

export function tokenize(text: string, firstLine = 1): {tokens: Token[]; issues: SourceIssue[]} {
  const tokens: Token[] = []
  const issues: SourceIssue[] = []
  const lineAt = lineLocator(text, firstLine)
  let cursor = 0
  let textStart = 0
  const pushText = (until: number) => {
    if (until > textStart) {
      tokens.push({
        kind: 'text',
        text: text.slice(textStart, until),
        start: textStart,
        line: lineAt(textStart),
      })
    }
  }
  while (cursor < text.length) {
    const open = text.indexOf('{{', cursor)
    if (open < 0) break
    const delimiter = text[open + 2]
    if (delimiter !== '<' && delimiter !== '%') {
      cursor = open + 2
      continue
    }
    const closeMarker = delimiter === '<' ? '>}}' : '%}}'
    // A slash-star right after the delimiter is Hugo's way to show a shortcode literally: keep it as text.
    if (/^\s*\/\*/.test(text.slice(open + 3, open + 8))) {
      const end = text.indexOf(`*/${closeMarker}`, open)
      cursor = end < 0 ? open + 3 : end + 2 + closeMarker.length
      continue
    }
    const end = findTagEnd(text, open + 3, closeMarker)
    if (end < 0) {
      issues.push({
        severity: 'error',
        line: lineAt(open),
        message: `The shortcode "${text.slice(open, open + 40).split('\n')[0]}…" is never closed with "${closeMarker}".`,
      })
      break
    }
    pushText(open)
    const tag = parseTag(text.slice(open + 3, end), delimiter)
    if (!tag.name) {
      issues.push({severity: 'error', line: lineAt(open), message: 'A shortcode has no name.'})
    } else {
      tokens.push({kind: 'tag', ...tag, start: open, end: end + 3, line: lineAt(open)})
    }
    cursor = end + 3
    textStart = cursor
  }
  textStart = Math.min(textStart, text.length)
  if (issues.length === 0) pushText(text.length)
  return {tokens, issues}
}

/** Nest tokens into a tree: paired shortcodes get their inner content as children. */
export function parseShortcodes(
  text: string,
  firstLine = 1,
): {nodes: HugoNode[]; issues: SourceIssue[]} {
  const {tokens, issues} = tokenize(text, firstLine)
  type Frame = {tag?: Tag; children: HugoNode[]}
  const stack: Frame[] = [{children: []}]
  const top = () => stack[stack.length - 1] as Frame
  const leaf = (tag: Tag): ShortcodeNode => ({
    kind: 'shortcode',
    name: tag.name,
    params: tag.params,
    delimiter: tag.delimiter,
    line: tag.line,
    paired: false,
    children: [],
    source: text.slice(tag.start, tag.end),
  })
  for (const token of tokens) {
    if (token.kind === 'text') {
      top().children.push({kind: 'text', text: token.text, line: token.line})
      continue
    }
    if (token.role === 'close') {
      const depth = findOpenFrame(stack, token.name)
      if (depth < 0) {
        issues.push({
          severity: SINGLE_SHORTCODES.has(token.name) ? 'warning' : 'error',
          line: token.line,
          message: `The closing tag of "${token.name}" has no opening tag before it.`,
        })
        continue
      }
      // Frames above the match were single shortcodes after all: unwrap them in place.
      while (stack.length - 1 > depth) unwrap(stack, leaf)
      const frame = stack.pop() as Frame
      const opening = frame.tag as Tag
      top().children.push({
        ...leaf(opening),
        paired: true,
        children: frame.children,
        source: text.slice(opening.start, token.end),
      })
      continue
    }
    const tag: Tag = token
    if (tag.selfClosing || SINGLE_SHORTCODES.has(tag.name)) top().children.push(leaf(tag))
    else stack.push({tag, children: []})
  }
  while (stack.length > 1) {
    const frame = top()
    const tag = frame.tag as Tag
    if (PAIRED_SHORTCODES.has(tag.name)) {
      issues.push({
        severity: 'error',
        line: tag.line,
        message: `The shortcode "${tag.name}" opened here is never closed: add ${closingTag(tag)} after its content.`,
      })
    }
    unwrap(stack, leaf)
  }
  return {nodes: mergeText(stack[0]?.children ?? []), issues}
}

function unwrap(stack: {tag?: Tag; children: HugoNode[]}[], leaf: (tag: Tag) => ShortcodeNode) {
  const frame = stack.pop()
  const parent = stack[stack.length - 1]
  if (!frame?.tag || !parent) return
  parent.children.push(leaf(frame.tag), ...frame.children)
}

function findOpenFrame(stack: {tag?: Tag}[], name: string): number {
  for (let depth = stack.length - 1; depth > 0; depth--)
    if (stack[depth]?.tag?.name === name) return depth
  return -1
}

function mergeText(nodes: HugoNode[]): HugoNode[] {
  const merged: HugoNode[] = []
  for (const node of nodes) {
    const previous = merged[merged.length - 1]
    if (node.kind === 'text' && previous?.kind === 'text') previous.text += node.text
    else
      merged.push(node.kind === 'shortcode' ? {...node, children: mergeText(node.children)} : node)
  }
  return merged
}

/** The end of a tag, skipping quoted parameter values that could contain the close marker. */
function findTagEnd(text: string, from: number, closeMarker: string): number {
  let quote: string | undefined
  for (let index = from; index < text.length; index++) {
    const char = text[index]
    if (quote) {
      if (char === '\\' && quote === '"') index++
      else if (char === quote) quote = undefined
      else if (char === '\n' && quote === '"') return -1
      continue
    }
    if (char === '"' || char === '`') quote = char
    else if (text.startsWith(closeMarker, index)) return index
    else if (text.startsWith('{{', index)) return -1
  }
  return -1
}

function parseTag(inside: string, delimiter: ShortcodeDelimiter) {
  let body = inside.trim()
  let role: 'open' | 'close' = 'open'
  if (body.startsWith('/')) {
    role = 'close'
    body = body.slice(1).trim()
  }
  let selfClosing = false
  if (body.endsWith('/')) {
    selfClosing = true
    body = body.slice(0, -1).trim()
  }
  const words = splitWords(body)
  const name = words.shift()?.value ?? ''
  const params: ShortcodeParams = {named: {}, positional: []}
  for (const word of words) {
    if (word.key !== undefined) params.named[word.key] = word.value
    else params.positional.push(word.value)
  }
  return {role, name, params, selfClosing, delimiter}
}

/** Split `name key="v" 'x' `raw`` into words, unquoting values. */
function splitWords(body: string): {key?: string; value: string}[] {
  const words: {key?: string; value: string}[] = []
  const pattern = /\s*(?:([\w-]+)\s*=\s*)?("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`]+)/gy
  for (const match of body.matchAll(pattern)) {
    const raw = match[2] ?? ''
    const value = raw.startsWith('"')
      ? raw.slice(1, -1).replace(/\\(.)/g, '$1')
      : raw.startsWith('`')
        ? raw.slice(1, -1)
        : raw
    words.push(match[1] === undefined ? {value} : {key: match[1], value})
  }
  return words
}

function lineLocator(text: string, firstLine: number): (offset: number) => number {
  const starts = [0]
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1)
  return (offset) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return firstLine + low
  }
}

/** A parameter by name, else by position: Hugo shortcodes accept either for their first value. */
export function param(node: ShortcodeNode, name: string, position?: number): string | undefined {
  const value =
    node.params.named[name] ??
    (position === undefined ? undefined : node.params.positional[position])
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

function closingTag(tag: Tag): string {
  return tag.delimiter === '<' ? `{{< /${tag.name} >}}` : `{{% /${tag.name} %}}`
}
