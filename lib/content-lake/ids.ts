/**
 * Document id conventions of the Content Lake: `drafts.<id>` for drafts, `versions.<release>.<id>`
 * for release versions, the bare id for the published document.
 */
const DRAFTS_PREFIX = 'drafts.'
const VERSIONS_PREFIX = 'versions.'

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS_PREFIX)
}

export function isVersionId(id: string): boolean {
  return id.startsWith(VERSIONS_PREFIX)
}

export function getPublishedId(id: string): string {
  if (isDraftId(id)) return id.slice(DRAFTS_PREFIX.length)
  if (isVersionId(id)) return id.split('.').slice(2).join('.')
  return id
}

export function getDraftId(id: string): string {
  return `${DRAFTS_PREFIX}${getPublishedId(id)}`
}

/** The release a version id belongs to, or undefined for drafts and published ids. */
export function getReleaseName(id: string): string | undefined {
  return isVersionId(id) ? id.split('.')[1] : undefined
}

export function getVersionId(id: string, release: string): string {
  return `${VERSIONS_PREFIX}${release}.${getPublishedId(id)}`
}
