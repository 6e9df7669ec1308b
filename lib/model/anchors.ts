import {checkLink} from './links'

type Span = {_type?: string; text?: string; marks?: string[]}
type MarkDefinition = {_type?: string; _key?: string; href?: string; id?: string}
type Block = {
  _type?: string
  anchorId?: string
  style?: string
  children?: Span[]
  markDefs?: MarkDefinition[]
  answer?: Block[]
}

/**
 * The ids Hugo 0.111 gives headings (goldmark with its default autoHeadingIDType "github"),
 * which the HTML site and the Studio preview give them too, so a link written for one works on
 * the others:
 * - the id comes from the heading's markdown source, trimmed: letters and digits (any script,
 *   accents kept) and "_" lower-cased, each space and "-" a hyphen, everything else dropped
 *   (`What’s in it for you?` → `whats-in-it-for-you`);
 * - an empty id is "heading"; a taken one gets "-1", "-2"…;
 * - an author's `{#id}` sets the id as written, and later headings avoid it.
 */
export function hugoHeadingBaseId(source: string): string {
  let id = ''
  for (const char of source.trim()) {
    if (char === ' ' || char === '-') id += '-'
    else if (char === '_' || /^[\p{L}\p{Nd}]$/u.test(char)) id += lowerCase(char)
  }
  return id
}

/** Go's per-letter lower case: one letter for one ("İ" → "i"). */
function lowerCase(char: string): string {
  const lower = char.toLowerCase()
  return [...lower].length === 1 ? lower : char === 'İ' ? 'i' : lower
}

/** One page's heading ids, handed out in document order as goldmark does. */
export interface HeadingIdFactory {
  /** The id for a heading with this markdown source. */
  generate(source: string): string
  /** An author's explicit id: kept as written and avoided by later headings. */
  reserve(id: string): string
}

export function createHeadingIdFactory(): HeadingIdFactory {
  const taken = new Set<string>()
  return {
    generate(source) {
      const base = hugoHeadingBaseId(source) || 'heading'
      let id = base
      for (let n = 1; taken.has(id); n++) id = `${base}-${n}`
      taken.add(id)
      return id
    },
    reserve(id) {
      taken.add(id)
      return id
    },
  }
}

/**
 * The characters of a heading Hugo's id sees once the export has written it: the text, and each
 * link's address after its text (`[Apply](https://…)`). Emphasis markers, brackets and escapes
 * are dropped by the id rules anyway.
 */
export function headingIdSource(block: Block): string {
  const links = new Map(
    (block.markDefs ?? [])
      .filter((definition) => definition._type === 'link' && definition._key)
      .map((definition) => [definition._key as string, definition.href ?? '']),
  )
  const linkOf = (span: Span | undefined) => span?.marks?.find((mark) => links.has(mark))
  const children = block.children ?? []
  let source = ''
  children.forEach((span, index) => {
    source += span.text ?? ''
    const link = linkOf(span)
    if (link && linkOf(children[index + 1]) !== link) {
      const href = links.get(link) ?? ''
      if (checkLink(href).ok) source += href
    }
  })
  return source
}

/** The author's own id of a heading (its jump-target name), if it has one. */
export function explicitHeadingId(block: Block): string | undefined {
  return block.markDefs?.find((definition) => definition._type === 'headingAnchor')?.id
}

/** The id a heading block gets from `factory`. */
export function headingIdOf(block: Block, factory: HeadingIdFactory): string {
  const explicit = explicitHeadingId(block)
  return explicit ? factory.reserve(explicit) : factory.generate(headingIdSource(block))
}

const HEADING_STYLE = /^h[1-6]$/

/**
 * The in-page targets a posting offers: jump targets, spacers (#contact), FAQ ids, embedded
 * forms, the recruitment process, and the ids Hugo gives its headings.
 */
export function anchorIdsOf(body: readonly Block[] | undefined): Set<string> {
  const ids = new Set<string>()
  const factory = createHeadingIdFactory()
  const visit = (blocks: readonly Block[] | undefined) => {
    for (const block of blocks ?? []) {
      if (block.anchorId) ids.add(block.anchorId)
      if (block._type === 'spacer') ids.add('contact')
      if (block._type === 'block' && block.style && HEADING_STYLE.test(block.style))
        ids.add(headingIdOf(block, factory))
      if (block._type === 'faqEntry') visit(block.answer)
    }
  }
  visit(body)
  return ids
}

/** The anchor the apply link jumps to when the posting does not have it, else undefined. */
export function findMissingAnchor(document: unknown): string | undefined {
  const posting = document as {apply?: {url?: string}; body?: Block[]} | undefined
  const url = posting?.apply?.url
  if (!url?.startsWith('#')) return undefined
  const id = decode(url.slice(1))
  return anchorIdsOf(posting?.body).has(id) ? undefined : id
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
