import type {SourceIssue} from './frontMatter'

/**
 * Hugo shortcodes, tokenised and nested. Hand-written because no maintained JavaScript library
 * parses Hugo's shortcode syntax; the rules follow Hugo 0.111's own lexer (pageparser) and
 * shortcode extraction:
 * - both delimiters, `{{< /x >}}` and `{{</ x >}}` closings, self-closing `/>}}`, named or
 *   positional parameters quoted with `"` or backticks, and the comment-escaped form
 *   (slash-star inside the delimiters) shown as literal text;
 * - whether a shortcode takes inner content is decided by its template: one whose template uses
 *   `.Inner` must be closed (or self-closed), one whose template does not may not be. For names
 *   the caller's catalogue does not know, a later closing tag makes it paired, else it is single.
 *
 * The parser is one pass over the tokens with an explicit stack (no recursion), and every
 * closing tag finds its opening tag through an index by name, so its time is linear in the size
 * of the page whatever the nesting; how deep a page may nest is limited, and reported.
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
  /** Written `{{< x />}}`: no inner content, even for a shortcode that could take some. */
  selfClosed: boolean
  children: HugoNode[]
  /** The shortcode exactly as written, inner content and closing tag included. */
  source: string
}

export type HugoNode = TextNode | ShortcodeNode

/** What the website's template for a shortcode tells the parser. */
export interface ShortcodeTemplate {
  /** The template reads `.Inner`: the shortcode must be closed or self-closed. */
  inner: boolean
}

export interface ParseShortcodeOptions {
  /** File line of the text's first line, so issues point into the file. */
  firstLine?: number
  /** The template of a shortcode, when the caller knows it; undefined for an unknown name. */
  template?: (name: string) => ShortcodeTemplate | undefined
  /** Deepest nesting accepted (a shortcode inside a shortcode is depth 2). */
  maxDepth?: number
}

/** Real postings nest two levels at most; far deeper nesting is a broken or hostile file. */
export const MAX_SHORTCODE_DEPTH = 32
/** Problems reported per file before the rest are summed up in one line. */
const MAX_ISSUES = 50

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

type Token = {kind: 'text'; text: string; line: number} | ({kind: 'tag'} & Tag)

/** Split the text into literal text and shortcode tags. Stops at the first tag that never ends. */
export function tokenize(text: string, firstLine = 1): {tokens: Token[]; issues: SourceIssue[]} {
  const tokens: Token[] = []
  const issues: SourceIssue[] = []
  const lineAt = lineLocator(text, firstLine)
  let cursor = 0
  let textStart = 0
  // Literal text met since the last tag (escaped shortcodes are unescaped into it).
  let pendingText = ''
  let pendingStart = 0
  const pushText = (until: number) => {
    const literal = pendingText + text.slice(textStart, until)
    const start = pendingText ? pendingStart : textStart
    if (literal) tokens.push({kind: 'text', text: literal, line: lineAt(start)})
    pendingText = ''
  }
  // Where the search for each comment-escape end gave up: later searches start there (linear).
  const noCommentEndFrom: Record<ShortcodeDelimiter, number> = {'<': Infinity, '%': Infinity}
  while (cursor < text.length) {
    const open = text.indexOf('{{', cursor)
    if (open < 0) break
    const delimiter = text[open + 2]
    if (delimiter !== '<' && delimiter !== '%') {
      cursor = open + 2
      continue
    }
    const closeMarker = delimiter === '<' ? '>}}' : '%}}'
    // `{{</* x */>}}` is Hugo's way to show a shortcode literally: it prints `{{< x >}}`.
    const escaped = /^\s*\/\*/.exec(text.slice(open + 3, open + 8))
    if (escaped) {
      const end = open >= noCommentEndFrom[delimiter] ? -1 : text.indexOf(`*/${closeMarker}`, open)
      if (end < 0) {
        noCommentEndFrom[delimiter] = Math.min(noCommentEndFrom[delimiter], open)
        cursor = open + 3
        continue
      }
      const inside = text.slice(open + 3 + escaped[0].length, end)
      if (!pendingText) pendingStart = textStart
      pendingText += text.slice(textStart, open) + `{{${delimiter}${inside}${closeMarker}`
      cursor = end + 2 + closeMarker.length
      textStart = cursor
      continue
    }
    const end = findTagEnd(text, open + 3, closeMarker)
    if (end < 0) {
      issues.push({
        severity: 'error',
        line: lineAt(open),
        message: `The shortcode "${text.slice(open, open + 40).split('\n')[0]}…" is never closed with "${closeMarker}".`,
      })
      return {tokens, issues}
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
  pushText(text.length)
  return {tokens, issues}
}

interface Frame {
  tag?: Tag
  children: HugoNode[]
  /** Position of this frame in the stack's index by name. */
  depth: number
}

/** Nest tokens into a tree: paired shortcodes get their inner content as children. */
export function parseShortcodes(
  text: string,
  options: ParseShortcodeOptions | number = {},
): {nodes: HugoNode[]; issues: SourceIssue[]} {
  const {
    firstLine = 1,
    template = () => undefined,
    maxDepth = MAX_SHORTCODE_DEPTH,
  } = typeof options === 'number' ? {firstLine: options} : options
  const tokenized = tokenize(text, firstLine)
  const issues = new IssueList(tokenized.issues)
  const root: Frame = {children: [], depth: 0}
  const stack: Frame[] = [root]
  // Stack positions of the open frames of each name, innermost last.
  const openByName = new Map<string, number[]>()
  const top = () => stack[stack.length - 1] as Frame

  const leaf = (tag: Tag): ShortcodeNode => ({
    kind: 'shortcode',
    name: tag.name,
    params: tag.params,
    delimiter: tag.delimiter,
    line: tag.line,
    paired: false,
    selfClosed: tag.selfClosing,
    children: [],
    source: text.slice(tag.start, tag.end),
  })
  const popFrame = (): Frame => {
    const frame = stack.pop() as Frame
    openByName.get((frame.tag as Tag).name)?.pop()
    return frame
  }
  /**
   * Frames above `depth` were single shortcodes after all: their tags and content go back into
   * the frame at `depth`, in order, each node moved once.
   */
  const unwrapAbove = (depth: number) => {
    const unwrapped: Frame[] = []
    while (stack.length - 1 > depth) unwrapped.push(popFrame())
    const target = stack[depth] as Frame
    for (let index = unwrapped.length - 1; index >= 0; index--) {
      const frame = unwrapped[index] as Frame
      appendNode(target.children, leaf(frame.tag as Tag))
      for (const child of frame.children) appendNode(target.children, child)
    }
  }

  for (const token of tokenized.tokens) {
    if (token.kind === 'text') {
      appendNode(top().children, {kind: 'text', text: token.text, line: token.line})
      continue
    }
    const known = template(token.name)
    if (token.role === 'close') {
      if (known && !known.inner) {
        issues.push({
          severity: 'error',
          line: token.line,
          message: `"${token.name}" takes no inner content, so it has no closing tag: remove ${closingTag(token)}.`,
        })
        continue
      }
      const depth = openByName.get(token.name)?.at(-1)
      if (depth === undefined) {
        issues.push({
          severity: 'error',
          line: token.line,
          message: `The closing tag of "${token.name}" has no opening tag before it.`,
        })
        continue
      }
      // A shortcode opened inside this one that had to be closed, and was not.
      for (let inner = depth + 1; inner < stack.length; inner++) {
        const innerTag = (stack[inner] as Frame).tag as Tag
        if (template(innerTag.name)?.inner) reportUnclosed(issues, innerTag)
      }
      unwrapAbove(depth)
      if (depth > maxDepth) {
        // Reported where the nesting first goes too deep, with how deep it goes.
        issues.push({
          severity: 'error',
          line: ((stack[maxDepth + 1] as Frame).tag as Tag).line,
          message: `Shortcodes are nested ${depth} levels deep from here; the import reads at most ${maxDepth}. Flatten the nesting.`,
        })
        return {nodes: [], issues: issues.list()}
      }
      const frame = popFrame()
      const opening = frame.tag as Tag
      appendNode(top().children, {
        ...leaf(opening),
        paired: true,
        children: frame.children,
        source: text.slice(opening.start, token.end),
      })
      continue
    }
    if (token.selfClosing || (known && !known.inner)) {
      appendNode(top().children, leaf(token))
      continue
    }
    const depth = stack.length
    stack.push({tag: token, children: [], depth})
    const open = openByName.get(token.name)
    if (open) open.push(depth)
    else openByName.set(token.name, [depth])
  }
  for (let depth = 1; depth < stack.length; depth++) {
    const tag = (stack[depth] as Frame).tag as Tag
    if (template(tag.name)?.inner) reportUnclosed(issues, tag)
  }
  unwrapAbove(0)
  return {nodes: root.children, issues: issues.list()}
}

/** Appends, merging a text node into the text node before it. */
function appendNode(children: HugoNode[], node: HugoNode): void {
  const previous = children[children.length - 1]
  if (node.kind === 'text' && previous?.kind === 'text') previous.text += node.text
  else children.push(node.kind === 'text' ? {...node} : node)
}

function reportUnclosed(issues: IssueList, tag: Tag): void {
  issues.push({
    severity: 'error',
    line: tag.line,
    message: `The shortcode "${tag.name}" opened here is never closed: add ${closingTag(tag)} after its content (or write it self-closed, ending in "/${tag.delimiter}}}").`,
  })
}

/** Issues of one parse, the first MAX_ISSUES kept and the rest counted. */
class IssueList {
  private readonly kept: SourceIssue[]
  private dropped = 0
  constructor(initial: SourceIssue[]) {
    this.kept = initial.slice(0, MAX_ISSUES)
  }
  push(issue: SourceIssue) {
    if (this.kept.length < MAX_ISSUES) this.kept.push(issue)
    else this.dropped++
  }
  list(): SourceIssue[] {
    if (!this.dropped) return this.kept
    return [
      ...this.kept,
      {
        severity: this.kept.some((issue) => issue.severity === 'error') ? 'error' : 'warning',
        line: this.kept[this.kept.length - 1]?.line,
        message: `…and ${this.dropped} more shortcode problems like these.`,
      },
    ]
  }
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

/** Maps an offset of `text` to its 1-based line, by binary search over the line starts. */
export function lineLocator(text: string, firstLine = 1): (offset: number) => number {
  const starts = [0]
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    starts.push(index + 1)
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

/**
 * A parameter by name, else by position, trimmed; undefined when blank. Hugo shortcodes accept
 * either form for their first value.
 */
export function param(node: ShortcodeNode, name: string, position?: number): string | undefined {
  const trimmed = rawParam(node, name, position)?.trim()
  return trimmed ? trimmed : undefined
}

/** A parameter exactly as written (spaces kept), or undefined when it is not there at all. */
export function rawParam(node: ShortcodeNode, name: string, position?: number): string | undefined {
  return (
    node.params.named[name] ??
    (position === undefined ? undefined : node.params.positional[position])
  )
}

function closingTag(tag: {name: string; delimiter: ShortcodeDelimiter}): string {
  return tag.delimiter === '<' ? `{{< /${tag.name} >}}` : `{{% /${tag.name} %}}`
}
