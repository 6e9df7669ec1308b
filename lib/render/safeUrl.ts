import {checkLink, type LinkKind} from '../model/links'
import type {RenderIssue, SiteSettings, StoredImage} from './types'

/**
 * The href to write for a stored link, or undefined when the link is refused. Refusals are added
 * to `issues`, so `javascript:` and `data:` links are dropped and reported, never written.
 */
export function safeHref(
  url: string | null | undefined,
  issues: RenderIssue[],
  path: string,
  allowed?: readonly LinkKind[],
): string | undefined {
  if (!url) return undefined
  const check = checkLink(url)
  if (!check.ok) {
    issues.push({path, message: `Link dropped: ${check.reason}`})
    return undefined
  }
  if (allowed && !allowed.includes(check.kind)) {
    issues.push({path, message: `Link dropped: a ${check.kind} link is not allowed here.`})
    return undefined
  }
  return url.trim()
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
  return safeHref(url, issues, path, ['https', 'http', 'relative'])
}

/**
 * Old-site image paths are absolute ("/img/…"), full URLs, or a bare file name of the theme's
 * images. Anything with a scheme is passed on unchanged so the link check can refuse it.
 */
function legacyImageUrl(legacyPath: string | undefined): string | undefined {
  const path = legacyPath?.trim()
  if (!path) return undefined
  return path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path) ? path : `/img/${path}`
}
