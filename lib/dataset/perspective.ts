/** A stored document as far as perspectives care: its id, plus whatever else it holds. */
export interface StoredDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

const DRAFT_PREFIX = 'drafts.'
const VERSION_PREFIX = 'versions.'

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFT_PREFIX)
}

export function publishedIdOf(id: string): string {
  return isDraftId(id) ? id.slice(DRAFT_PREFIX.length) : id
}

/**
 * The documents a query sees in the `published` perspective: no drafts and no release versions.
 */
export function publishedView(documents: readonly StoredDocument[]): StoredDocument[] {
  return documents.filter((doc) => !isDraftId(doc._id) && !doc._id.startsWith(VERSION_PREFIX))
}

/**
 * The documents a query sees in the `drafts` perspective, as the Content Lake builds it: a draft
 * replaces its published version and takes the published id; `_originalId` keeps the stored id.
 */
export function draftsView(documents: readonly StoredDocument[]): StoredDocument[] {
  const byPublishedId = new Map<string, StoredDocument>()
  for (const doc of documents) {
    if (doc._id.startsWith(VERSION_PREFIX)) continue
    const publishedId = publishedIdOf(doc._id)
    if (!isDraftId(doc._id) && byPublishedId.has(publishedId)) continue
    byPublishedId.set(publishedId, {...doc, _id: publishedId, _originalId: doc._id})
  }
  return [...byPublishedId.values()]
}
