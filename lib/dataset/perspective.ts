/**
 * Perspectives: which version of each document a query sees. One model for the local dataset
 * (./local) and the local Content Lake (lib/content-lake), written after what the real Content
 * Lake does, as Sanity documents it and as its own client code mirrors it:
 *
 * - `raw`: every stored document with its stored id (`drafts.…`, `versions.<release>.…` and
 *   published ids side by side) and no `_originalId`. Sanity's "Perspectives" page: "The raw
 *   perspective returns all drafts, versions, and published content side by side".
 * - any other perspective is a stack of layers, highest priority first, always ending with
 *   `published`: `published` is `['published']`, `drafts` (and its old name `previewDrafts`) is
 *   `['drafts', 'published']`, a release stack such as `['rSpring', 'drafts']` gets `published`
 *   appended. This is `resolvePerspectives` in @sanity/client (dist/csm.js), the client's own model
 *   of how the Content Lake resolves a perspective.
 * - in a stack, each document appears once, as its highest layer that exists: `_id` is the
 *   published id and `_originalId` the stored id of the layer chosen (`createSourceDocumentResolver`
 *   in the same file returns `{...match, _id: getPublishedId(match._id), _originalId: match._id}`
 *   for every layer, `published` included). Versions in releases outside the stack are not seen.
 *
 * So in a perspective, `_id in path("drafts.**")` never matches: a filter that asks "is this a
 * draft?" reads `_originalId` (see lib/queries/filters.ts).
 */
import type {ClientPerspective} from '@sanity/client'
import {
  type DocumentId,
  getPublishedId,
  getVersionNameFromId,
  isDraftId,
  isVersionId,
} from '@sanity/id-utils'

/** A stored document as far as perspectives care: its id, plus whatever else it holds. */
export interface StoredDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

/** A perspective as @sanity/client takes it: `raw`, `published`, `drafts` or a release stack. */
export type Perspective = ClientPerspective

/** Layer names of a perspective stack; releases are named by their release id. */
const PUBLISHED_LAYER = 'published'
const DRAFTS_LAYER = 'drafts'

/** The layers of a perspective, highest priority first; `undefined` for `raw`. */
export function perspectiveLayers(perspective: Perspective): readonly string[] | undefined {
  if (perspective === 'raw') return undefined
  if (perspective === 'published') return [PUBLISHED_LAYER]
  if (perspective === 'drafts' || perspective === 'previewDrafts') {
    return [DRAFTS_LAYER, PUBLISHED_LAYER]
  }
  const stack: readonly string[] = perspective
  return stack.includes(PUBLISHED_LAYER) ? stack : [...stack, PUBLISHED_LAYER]
}

/** Which layer a stored document belongs to: `published`, `drafts` or its release. */
function layerOf(id: DocumentId): string {
  if (isDraftId(id)) return DRAFTS_LAYER
  if (isVersionId(id)) return getVersionNameFromId(id)
  return PUBLISHED_LAYER
}

/**
 * The published id of any stored id (`drafts.x` and `versions.r.x` belong to `x`). An id the
 * Content Lake would refuse (`drafts.` with nothing after it, found in hand-written files) is
 * kept as it is rather than failing the whole query.
 */
export function publishedIdOf(id: string): string {
  try {
    return getPublishedId(id as DocumentId)
  } catch {
    return id
  }
}

/** A document as a perspective shows it; `_originalId` is set in every perspective but `raw`. */
export type PerspectiveDocument<Document extends StoredDocument> = Document & {_originalId?: string}

/** The documents a query sees in `perspective`, built as the Content Lake builds them. */
export function documentsInPerspective<Document extends StoredDocument>(
  documents: Iterable<Document>,
  perspective: Perspective,
): PerspectiveDocument<Document>[] {
  const layers = perspectiveLayers(perspective)
  if (!layers) return [...documents]
  const chosen = new Map<string, {document: Document; rank: number}>()
  for (const document of documents) {
    const rank = layers.indexOf(layerOf(document._id as DocumentId))
    if (rank === -1) continue
    const publishedId = publishedIdOf(document._id)
    const current = chosen.get(publishedId)
    if (!current || rank < current.rank) chosen.set(publishedId, {document, rank})
  }
  return [...chosen.entries()].map(([publishedId, {document}]) => ({
    ...document,
    _id: publishedId,
    _originalId: document._id,
  }))
}

/** A stable key for a perspective, to cache what was built for it. */
export function perspectiveKey(perspective: Perspective): string {
  return typeof perspective === 'string' ? perspective : JSON.stringify(perspective)
}
