import type {ImportedDocument} from './types'

/** Fields the Content Lake adds to stored documents; they are not part of what the import decides. */
const SYSTEM_FIELDS = new Set(['_rev', '_createdAt', '_updatedAt'])

/**
 * The imported documents that differ from what the dataset holds: a second run of the migration
 * yields nothing, and a changed page replaces only its own documents.
 */
export function changedDocuments(
  imported: readonly ImportedDocument[],
  stored: ReadonlyMap<string, Record<string, unknown>>,
): ImportedDocument[] {
  return imported.filter((document) => {
    const existing = stored.get(document._id)
    return !existing || canonical(withoutSystemFields(existing)) !== canonical(document)
  })
}

function withoutSystemFields(document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !SYSTEM_FIELDS.has(key)))
}

/** JSON with sorted keys, so field order does not count as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  )
}

/** Hugo content directories for the migration, from `HUGO_CONTENT_DIR` (several joined with the path delimiter). */
export function hugoContentDirs(
  env: Record<string, string | undefined>,
  delimiter: string,
): string[] {
  const value = env.HUGO_CONTENT_DIR?.trim()
  if (!value) {
    throw new Error(
      'Set HUGO_CONTENT_DIR to the Hugo content folder to import, e.g. HUGO_CONTENT_DIR=../website/content sanity migration run import-hugo-markdown',
    )
  }
  return value.split(delimiter).filter(Boolean)
}
