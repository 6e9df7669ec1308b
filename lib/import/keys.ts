import {createHash} from 'node:crypto'

import {slugify} from '../model/slug'

/**
 * Deterministic ids and keys: the same input always gives the same documents, byte for byte, so a
 * second import is a no-op and a changed file replaces its documents instead of adding new ones.
 */
export function hash(text: string, length = 12): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length)
}

/** A readable id such as `team-container-platform`, hashed when the text has no usable letters. */
export function readableId(prefix: string, text: string): string {
  const slug = slugify(text)
  return slug.length > 0 && slug.length <= 80 ? `${prefix}-${slug}` : `${prefix}-${hash(text)}`
}

/** `_key`s for the arrays of one document: a counter hashed with the document's id. */
export function keyGenerator(seed: string): () => string {
  let counter = 0
  return () => hash(`${seed}#${counter++}`)
}

export const DRAFT_PREFIX = 'drafts.'
