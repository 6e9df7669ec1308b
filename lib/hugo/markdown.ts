import {markdownToPortableText} from '@portabletext/markdown'

import type {SourceIssue} from './frontMatter'
import portableTextSchemas from './portableTextSchemas.json' with {type: 'json'}
import {blockText, type BlockObject, type Span, type TextBlock} from './portableText'

/** Where converted text goes: the posting body, or a short rich-text field (ingress, answers…). */
export type TextTarget = 'body' | 'richText'

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
// The converter recognises markdown images by this name; the matcher below turns them into the
// body's own `bodyImage` blocks.
const IMAGE_BLOCK_TYPE = {
  name: 'image',
  fields: [
    {name: 'src', type: 'string'},
    {name: 'alt', type: 'string'},
  ],
} as const

/**
 * The Portable Text schemas of our own Sanity types (generated from the schema by
 * `npm run typegen`), so the converter only produces what the Studio can edit and reports
 * everything else. `html` is added so raw HTML reaches us as a block we can map, instead of being
 * flattened to text.
 */
const schemas = {
  body: withBlockObjects(portableTextSchemas.body, [HTML_BLOCK_TYPE, IMAGE_BLOCK_TYPE]),
  richText: withBlockObjects(portableTextSchemas.richText, [HTML_BLOCK_TYPE]),
}

function withBlockObjects<Schema extends {blockObjects: readonly object[]}>(
  schema: Schema,
  extraTypes: readonly object[],
) {
  return {...schema, blockObjects: [...schema.blockObjects, ...extraTypes]}
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
        isInline || !context.schema.blockObjects.some((type) => type.name === 'image')
          ? undefined
          : {
              _type: 'bodyImage',
              _key: context.keyGenerator(),
              legacyPath: value.src,
              ...(value.alt ? {alt: value.alt} : {}),
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
    const text = blockText(block as TextBlock)
    // A paragraph that is only an inline element (`<a id="button" …>…</a>`) is HTML to map, too.
    if (/^<(a|span|button)\b[^>]*>[^<]*<\/\1>$/i.test(text.trim())) {
      blocks.push({
        _type: 'html',
        _key: block._key,
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
    blocks.push(applyRunIns(block as TextBlock, target, keyGenerator))
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

/** Split spans at the run-in markers and give the marked part the `runIn` decorator. */
function applyRunIns(block: TextBlock, target: TextTarget, keyGenerator: () => string): TextBlock {
  const children = block.children
  if (!children.some((child) => child.text?.includes(RUN_IN_OPEN))) return block
  // Rich-text fields have no run-in decorator; bold is the closest thing they can show.
  const decorator = target === 'body' ? 'runIn' : 'strong'
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
        const marks = inside ? [...child.marks, decorator] : child.marks
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
