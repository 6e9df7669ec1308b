import {checkLink, IMAGE_LINK_KINDS, linkScheme, type LinkKind} from '../model/links'
import type {RenderIssue, SiteSettings, StoredImage} from './types'

/**
 * The href to write for a stored link, or undefined when the link is refused. Refusals are added
 * to `issues`, so `javascript:` and `data:` links are dropped and reported, never written. The
 * href is the link policy's (lib/model/links), the same for the HTML site and the Hugo export.
 */
export function safeHref(
  url: unknown,
  issues: RenderIssue[],
  path: string,
  allowed?: readonly LinkKind[],
): string | undefined {
  if (url === undefined || url === null || url === '') return undefined
  const check = checkLink(url)
  if (!check.ok) {
    issues.push({path, message: `Link dropped: ${check.reason}`})
    return undefined
  }
  if (allowed && !allowed.includes(check.kind)) {
    issues.push({path, message: `Link dropped: a ${check.kind} link is not allowed here.`})
    return undefined
  }
  return check.href
}

/** Image sources may be web addresses or site paths only: no `data:` or script URLs. */
export function safeImageSrc(
  image: StoredImage | null | undefined,
  settings: Pick<SiteSettings, 'resolveImageUrl'>,
  issues: RenderIssue[],
  path: string,
): string | undefined {
  if (!image) return undefined
  const url = settings.resolveImageUrl?.(image) ?? legacyImageUrl(image.legacyPath)
  if (!url) return undefined
  return safeHref(url, issues, path, IMAGE_LINK_KINDS)
}

/**
 * Old-site image paths are absolute ("/img/…"), full URLs, or a bare file name of the theme's
 * images. Anything with a scheme is passed on unchanged so the link check can refuse it.
 */
function legacyImageUrl(legacyPath: unknown): unknown {
  if (typeof legacyPath !== 'string') return legacyPath
  const path = legacyPath.trim()
  if (!path) return undefined
  return path.startsWith('/') || linkScheme(path) ? path : `/img/${path}`
}
