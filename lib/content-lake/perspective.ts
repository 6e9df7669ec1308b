import {documentsInPerspective, type Perspective} from '../dataset/perspective'

export {documentsInPerspective, type Perspective}

/**
 * API versions from this date on default to the `published` perspective; older ones to `raw`
 * (Sanity's "Perspectives" page: "With the release of API version 2025-02-19, the default
 * perspective changed from raw to published").
 */
const PUBLISHED_DEFAULT_SINCE = '2025-02-19'

/**
 * The `perspective` query parameter as @sanity/client sends it: a name, or a release stack joined
 * with commas (`rSpring,drafts`), highest priority first.
 */
export function parsePerspective(value: string | null, apiVersion: string): Perspective {
  if (!value) return apiVersion >= PUBLISHED_DEFAULT_SINCE ? 'published' : 'raw'
  if (value === 'raw' || value === 'published' || value === 'drafts') return value
  if (value === 'previewDrafts') return 'drafts'
  const stack = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (stack.length === 0) throw new Error(`Perspective "${value}" names no release.`)
  // A stack names releases, `drafts` and `published`; @sanity/client types release ids as `r…`.
  return stack as Exclude<Perspective, string>
}
