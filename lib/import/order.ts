import type {ImportedDocument} from './types'

/** Shared documents first, then postings; each group by id, so output never depends on file order. */
const TYPE_ORDER = ['team', 'contact', 'recruitmentProcess', 'careersPage', 'posting']

export function sortDocuments(documents: ImportedDocument[]): ImportedDocument[] {
  const rank = (type: string) => {
    const index = TYPE_ORDER.indexOf(type)
    return index < 0 ? TYPE_ORDER.length : index
  }
  return documents.sort(
    (a, b) => rank(a._type) - rank(b._type) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0),
  )
}
