import type {SanityDocument} from '@sanity/client'

import {getPublishedId, getReleaseName, isDraftId, isVersionId} from './ids'

/**
 * A perspective as the query API takes it: `raw`, `published`, `drafts` (and its old name
 * `previewDrafts`), or a stack of release names with `drafts`, highest priority first.
 */
export type Perspective = 'raw' | 'published' | 'drafts' | readonly string[]

/** API versions from this date on default to the `published` perspective; older ones to `raw`. */
const PUBLISHED_DEFAULT_SINCE = '2025-02-19'

export function parsePerspective(value: string | null, apiVersion: string): Perspective {
  if (!value) return apiVersion >= PUBLISHED_DEFAULT_SINCE ? 'published' : 'raw'
  if (value === 'raw' || value === 'published' || value === 'drafts') return value
  if (value === 'previewDrafts') return 'drafts'
  const stack = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (stack.length === 0) throw new Error(`Perspective "${value}" names no release.`)
  return stack
}

/** Which layer a document id belongs to: `published`, `drafts` or a release name. */
function layerOf(id: string): string {
  if (isDraftId(id)) return 'drafts'
  return getReleaseName(id) ?? 'published'
}

/**
 * The documents a query sees in a perspective. Overlaid documents carry the published id in `_id`
 * and the stored id in `_originalId`, as the Content Lake returns them.
 */
export function documentsInPerspective(
  documents: Iterable<SanityDocument>,
  perspective: Perspective,
): SanityDocument[] {
  const all = [...documents]
  if (perspective === 'raw') return all
  if (perspective === 'published')
    return all.filter(({_id}) => !isDraftId(_id) && !isVersionId(_id))
  const stack =
    perspective === 'drafts' ? ['drafts'] : perspective.filter((name) => name !== 'published')
  const priority = (layer: string) => {
    if (layer === 'published') return stack.length
    const index = stack.indexOf(layer)
    return index === -1 ? Number.POSITIVE_INFINITY : index
  }
  const chosen = new Map<string, SanityDocument>()
  for (const document of all) {
    const rank = priority(layerOf(document._id))
    if (rank === Number.POSITIVE_INFINITY) continue
    const publishedId = getPublishedId(document._id)
    const current = chosen.get(publishedId)
    if (!current || rank < priority(layerOf(current._id))) chosen.set(publishedId, document)
  }
  return [...chosen.values()].map((document) =>
    document._id === getPublishedId(document._id)
      ? document
      : {...document, _id: getPublishedId(document._id), _originalId: document._id},
  )
}
