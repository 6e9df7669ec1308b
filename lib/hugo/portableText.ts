/**
 * The Portable Text shapes the import builds, kept minimal and local: the converter and
 * `@portabletext/types` each ship their own block types, and the import only needs these fields.
 */
export interface Span {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}

export interface MarkDefinition {
  _type: string
  _key: string
  href?: string
  /** A heading's jump-target name (`headingAnchor`). */
  id?: string
}

export interface TextBlock {
  _type: 'block'
  _key: string
  style?: string
  listItem?: string
  level?: number
  children: Span[]
  markDefs: MarkDefinition[]
}

/** Any non-text member of a Portable Text array (callouts, anchors, preserved source…). */
export interface BlockObject {
  _type: string
  _key: string
  [field: string]: unknown
}

export function isTextBlock(block: {_type: string}): block is TextBlock {
  return block._type === 'block'
}

/** The plain text of a block. */
export function blockText(block: TextBlock): string {
  return block.children.map((child) => child.text).join('')
}
