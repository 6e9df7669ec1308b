import {markdownToPortableText} from '@portabletext/markdown'
import MarkdownIt from 'markdown-it'

import {hugoHeadingBaseId, headingIdSource} from '../model/anchors'
import type {SourceIssue} from './frontMatter'
import portableTextSchemas from './portableTextSchemas.json' with {type: 'json'}
import {blockText, type BlockObject, type Span, type TextBlock} from './portableText'

/**
 * Where converted text goes: the posting body, the content of a box (callout, answer), or a
 * rich-text field (lead paragraph, process intro).
 */
export type TextTarget = 'body' | 'boxContent' | 'richText'

/** Raw HTML met in the markdown, left for the caller to map (anchors, buttons) or preserve. */
export interface HtmlChunk {
  _type: 'html'
  _key: string
  html: string
  line: number
}

export type ConvertedBlock = TextBlock | BlockObject

export interface ConvertOptions {
  target: TextTarget
  keyGenerator: () => string
  /** File line where `markdown` starts, so reported lines point into the file. */
  firstLine: number
}

// Markers for the `inline` shortcode's run-in heading. Plain letters pass through markdown
// untouched, unlike control or private-use characters, which the converter strips.
const RUN_IN_OPEN = 'QXRUNINOPENQX'
const RUN_IN_CLOSE = 'QXRUNINCLOSEQX'

/** Wrap text so the converter turns it into a run-in heading span. */
export function runInMarker(label: string): string {
  return `${RUN_IN_OPEN}${label}${RUN_IN_CLOSE}`
}

const HTML_BLOCK_TYPE = {name: 'html', fields: [{name: 'html', type: 'string'}]} as const
const HEADING_STYLES = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']

/**
 * The Portable Text schemas of our own Sanity types (generated from the schema by
 * `npm run typegen`), so the converter only produces what the Studio can edit and reports
 * everything else. `html` is added so raw HTML reaches us as a block we can map, instead of being
 * flattened to text; every heading level is accepted so each markdown heading gives exactly one
 * heading block, which `placeHeadingLevels` then fits into the schema.
 */
const schemas = {
  body: conversionSchema(portableTextSchemas.body),
  boxContent: conversionSchema(portableTextSchemas.boxContent),
  richText: conversionSchema(portableTextSchemas.richText),
}

function conversionSchema<
  Schema extends {blockObjects: readonly object[]; styles: readonly {value: string}[]},
>(schema: Schema) {
  const styles = [
    ...schema.styles,
    ...HEADING_STYLES.filter((style) => !schema.styles.some((known) => known.value === style)).map(
      (value) => ({name: value, title: value, value}),
    ),
  ]
  return {...schema, styles, blockObjects: [...schema.blockObjects, HTML_BLOCK_TYPE]}
}

/**
 * The same markdown-it setup @portabletext/markdown uses (see patches/), read for what its
 * Portable Text leaves out: the source of each heading (Hugo derives heading ids from the
 * source, not from the text) and whether each list is loose (items set apart as paragraphs).
 */
const structureParser = new MarkdownIt({html: true, linkify: false, typographer: false}).enable([
  'strikethrough',
  'table',
])

interface HeadingSource {
  /** The heading's line as written, after the `#`s; for setext headings its last line. */
  source: string
  line: number
}

function readStructure(markdown: string): {headings: HeadingSource[]; looseItems: boolean[]} {
  const tokens = structureParser.parse(markdown, {})
  const headings: HeadingSource[] = []
  const looseItems: boolean[] = []
  const listLoose: boolean[] = []
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') {
      const lines = (tokens[index + 1]?.content ?? '').split('\n')
      headings.push({source: lines[lines.length - 1] ?? '', line: token.map?.[0] ?? 0})
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      listLoose.push(isLooseList(tokens, index))
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      listLoose.pop()
    } else if (token.type === 'list_item_open') {
      looseItems.push(listLoose[listLoose.length - 1] ?? false)
    }
  })
  return {headings, looseItems}
}

/** markdown-it hides the paragraphs of tight lists: a list is loose when its own are shown. */
function isLooseList(tokens: ReturnType<typeof structureParser.parse>, open: number): boolean {
  const level = tokens[open]?.level ?? 0
  for (let index = open + 1; index < tokens.length; index++) {
    const token = tokens[index]
    if (!token || (token.level === level && token.type.endsWith('_list_close'))) break
    if (token.type === 'paragraph_open' && token.level === level + 2) return !token.hidden
  }
  return false
}

/** Markdown to Portable Text in our schema; what the schema cannot hold is reported with its line. */
export function markdownToBlocks(
  markdown: string,
  {target, keyGenerator, firstLine}: ConvertOptions,
): {blocks: ConvertedBlock[]; issues: SourceIssue[]} {
  const issues: SourceIssue[] = []
  const converted = markdownToPortableText(markdown, {
    schema: schemas[target] as never,
    keyGenerator,
    html: {inline: 'text'},
    types: {
      image: ({context, value, isInline}) =>
        isInline || !context.schema.blockObjects.some((type) => type.name === 'bodyImage')
          ? undefined
          : {
              _type: 'bodyImage',
              _key: context.keyGenerator(),
              legacyPath: value.src,
              ...(value.alt ? {alt: value.alt} : {}),
              ...(value.title ? {title: value.title} : {}),
            },
    },
    onDegradation: ({degradations}) => {
      for (const degradation of degradations) {
        issues.push({
          severity: 'warning',
          line: degradation.line === undefined ? firstLine : firstLine + degradation.line - 1,
          message: `${degradation.message}${degradation.snippet ? ` ("${degradation.snippet}")` : ''}.`,
        })
      }
    },
  })
  const structure = readStructure(markdown)
  let headingIndex = 0
  let listItemIndex = 0
  const allowedStyles = new Set(portableTextSchemas[target].styles.map((style) => style.value))
  const blocks: ConvertedBlock[] = []
  for (const block of converted as unknown as (TextBlock | BlockObject)[]) {
    if (block._type === 'html') {
      const html = String((block as {html?: unknown}).html ?? '')
      blocks.push({_type: 'html', _key: block._key, html, line: lineOf(markdown, html, firstLine)})
      continue
    }
    if (block._type !== 'block') {
      blocks.push(block)
      continue
    }
    let textBlock = block as TextBlock
    if (textBlock.style && HEADING_STYLES.includes(textBlock.style)) {
      const heading = structure.headings[headingIndex++]
      textBlock = placeHeading(textBlock, heading, allowedStyles, keyGenerator, firstLine, issues)
    }
    if (textBlock.listItem) {
      if (structure.looseItems[listItemIndex++])
        textBlock = {...textBlock, listItem: `${textBlock.listItem}Spaced`}
    }
    const text = blockText(textBlock)
    // A paragraph that is only an inline element (`<a id="button" …>…</a>`) is HTML to map, too.
    if (!textBlock.listItem && /^<(a|span|button)\b[^>]*>[^<]*<\/\1>$/i.test(text.trim())) {
      blocks.push({
        _type: 'html',
        _key: textBlock._key,
        html: text.trim(),
        line: lineOf(markdown, text.trim(), firstLine),
      })
      continue
    }
    const inlineHtml = text.match(/<\/?[a-z][^>]*>/i)
    if (inlineHtml) {
      issues.push({
        severity: 'warning',
        line: lineOf(markdown, inlineHtml[0], firstLine),
        message: `Inline HTML ${inlineHtml[0]} was kept as text: rewrite it with the editor's formatting.`,
      })
    }
    blocks.push(applyRunIns(textBlock, keyGenerator))
  }
  const leftover = blocks.some((block) => JSON.stringify(block).includes(RUN_IN_OPEN))
  if (leftover) {
    issues.push({
      severity: 'warning',
      line: firstLine,
      message: 'A run-in heading could not be placed and was kept as text.',
    })
  }
  return {blocks: leftover ? blocks.map(stripMarkers) : blocks, issues}
}

// Goldmark's heading attributes, `## Title {#id .class}`: the block at the very end of the line.
const HEADING_ATTRIBUTES = /\s*\{((?:[^{}"']|"[^"]*"|'[^']*')*)\}\s*$/

/**
 * A heading as the website had it: its `{#id}` attribute (Hugo's) becomes the heading's
 * jump-target name, and so does the id Hugo gave it when the heading's source (say,
 * `_underscores_`) would not give the same id once written back; its level fits the schema.
 */
function placeHeading(
  block: TextBlock,
  heading: HeadingSource | undefined,
  allowedStyles: Set<string>,
  keyGenerator: () => string,
  firstLine: number,
  issues: SourceIssue[],
): TextBlock {
  let result = block
  const line = firstLine + (heading?.line ?? 0)
  const style = block.style ?? 'h2'
  if (!allowedStyles.has(style)) {
    const level = Number(style.slice(1))
    const levels = [...allowedStyles]
      .filter((name) => /^h\d$/.test(name))
      .map((name) => Number(name.slice(1)))
      .sort()
    const [lowest, highest] = [levels[0], levels[levels.length - 1]]
    const nearest =
      lowest === undefined || highest === undefined
        ? 'normal'
        : `h${Math.min(Math.max(level, lowest), highest)}`
    issues.push({
      severity: 'warning',
      line,
      message: `A level-${level} heading became a ${nearest === 'normal' ? 'paragraph' : `level-${nearest.slice(1)} heading`}: the text here has no level-${level} headings.`,
    })
    result = {...result, style: nearest}
  }
  const source = heading?.source ?? blockText(block)
  const attributes = HEADING_ATTRIBUTES.exec(source)
  let explicitId: string | undefined
  let sourceWithoutAttributes = source
  if (attributes) {
    const parsed = parseAttributes(attributes[1] ?? '')
    if (parsed) {
      sourceWithoutAttributes = source.slice(0, attributes.index)
      result = stripTrailingAttributes(result)
      explicitId = parsed.id
      if (parsed.other.length)
        issues.push({
          severity: 'info',
          line,
          message: `The heading's attributes ${parsed.other.join(' ')} were left out: headings here take an id only.`,
        })
    }
  }
  const id =
    explicitId ??
    (hugoHeadingBaseId(sourceWithoutAttributes) !== hugoHeadingBaseId(headingIdSource(result))
      ? hugoHeadingBaseId(sourceWithoutAttributes)
      : undefined)
  if (id && !explicitId)
    issues.push({
      severity: 'info',
      line,
      message: `The heading keeps its id "#${id}" as a jump-target name: written back, its words would give another one.`,
    })
  return id ? withHeadingAnchor(result, id, keyGenerator) : result
}

function parseAttributes(text: string): {id?: string; other: string[]} | undefined {
  const parts = text.trim().split(/\s+/).filter(Boolean)
  if (!parts.length) return undefined
  let id: string | undefined
  const other: string[] = []
  for (const part of parts) {
    if (part.startsWith('#') && part.length > 1) id = part.slice(1)
    else if (part.startsWith('.') || /^[\w-]+=/.test(part)) other.push(part)
    else return undefined
  }
  return {id, other}
}

function stripTrailingAttributes(block: TextBlock): TextBlock {
  const children = [...block.children]
  for (let index = children.length - 1; index >= 0; index--) {
    const span = children[index] as Span
    const match = HEADING_ATTRIBUTES.exec(span.text)
    if (match) {
      children[index] = {...span, text: span.text.slice(0, match.index).replace(/\s+$/, '')}
      break
    }
    if (span.text.trim()) break
  }
  return {...block, children: children.filter((span, index) => span.text || index === 0)}
}

function withHeadingAnchor(block: TextBlock, id: string, keyGenerator: () => string): TextBlock {
  const key = keyGenerator()
  return {
    ...block,
    markDefs: [...block.markDefs, {_type: 'headingAnchor', _key: key, id}],
    children: block.children.map((span) => ({...span, marks: [...span.marks, key]})),
  }
}

/** Split spans at the run-in markers and give the marked part the `runIn` decorator. */
function applyRunIns(block: TextBlock, keyGenerator: () => string): TextBlock {
  const children = block.children
  if (!children.some((child) => child.text?.includes(RUN_IN_OPEN))) return block
  const spans: Span[] = []
  let inside = false
  for (const child of children) {
    if (
      child._type !== 'span' ||
      (!child.text.includes(RUN_IN_OPEN) && !child.text.includes(RUN_IN_CLOSE) && !inside)
    ) {
      spans.push(child)
      continue
    }
    const pieces = child.text.split(new RegExp(`(${RUN_IN_OPEN}|${RUN_IN_CLOSE})`))
    let first = true
    for (const piece of pieces) {
      if (piece === RUN_IN_OPEN) inside = true
      else if (piece === RUN_IN_CLOSE) inside = false
      else if (piece) {
        const marks = inside ? [...child.marks, 'runIn'] : child.marks
        spans.push({...child, _key: first ? child._key : keyGenerator(), text: piece, marks})
        first = false
      }
    }
  }
  return {...block, children: spans}
}

function stripMarkers<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value).replaceAll(RUN_IN_OPEN, '').replaceAll(RUN_IN_CLOSE, ''),
  ) as T
}

function lineOf(markdown: string, needle: string, firstLine: number): number {
  const index = markdown.indexOf(needle.split('\n')[0] ?? needle)
  if (index < 0) return firstLine
  return firstLine + (markdown.slice(0, index).match(/\n/g)?.length ?? 0)
}
