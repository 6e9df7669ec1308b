import {sortDocuments} from './order'
import type {ImportedDocument, ImportResult} from './types'

/**
 * The new dataset, plus what a failed file had in the previous one: a page with a typo in its
 * front matter must not make its posting disappear from the dataset.
 */
export function keepPreviousVersions(
  previous: readonly ImportedDocument[],
  result: ImportResult,
): ImportedDocument[] {
  const failed = new Set(
    result.report.files.filter((file) => file.status === 'failed').map((file) => file.file),
  )
  if (failed.size === 0) return result.documents
  const byId = new Map(result.documents.map((document) => [document._id, document]))
  const previousById = new Map(previous.map((document) => [document._id, document]))
  const keep = (document: ImportedDocument) => {
    if (byId.has(document._id)) return
    byId.set(document._id, document)
    JSON.stringify(document, (key, value: unknown) => {
      const referenced =
        key === '_ref' && typeof value === 'string' ? previousById.get(value) : undefined
      if (referenced) keep(referenced)
      return value
    })
  }
  for (const document of previous) {
    const path = (document.hugo as {path?: string} | undefined)?.path
    if (
      (document._type === 'posting' || document._type === 'careersPage') &&
      path &&
      failed.has(path)
    )
      keep(document)
  }
  return sortDocuments([...byId.values()])
}
