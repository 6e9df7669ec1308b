import {slugProblem} from './slug'

/**
 * Which addresses a posting may take on the website. A posting's page lives at
 * `<careers path><slug>/`; its old addresses (aliases) become redirects. Neither may land on a
 * page or a file the site already has: the Studio refuses such values as HR types them, and the
 * export refuses them again (the Content Lake does not enforce the schema), so no posting can
 * replace the careers index, the home page, a feed or another posting.
 */

export type PathCheck = {ok: true} | {ok: false; reason: string}
export type AliasCheck = {ok: true; path: string} | {ok: false; reason: string}

/**
 * Names in the careers folder that are not postings: the HTML site's index and feeds, Hugo's
 * section files (`index.md` would turn the section into a single page, `_index.md` is the
 * careers page itself, `index.xml` is its RSS), and the folders Hugo paginates the list into
 * (`page` by default, `latest` on the website).
 */
export const RESERVED_POSTING_SLUGS: ReadonlySet<string> = new Set([
  'index',
  '_index',
  'index.html',
  'index.xml',
  'feed.json',
  'atom.xml',
  'page',
  'latest',
])

/** Files at the root of the exported site, besides the careers folder. */
export const SITE_ROOT_FILES: readonly string[] = ['/index.html', '/sitemap.xml', '/_redirects']

/** Whether `slug` can be a posting's web address, with what to do when it cannot. */
export function checkPostingSlug(slug: unknown, example = 'backend-engineer'): PathCheck {
  if (typeof slug !== 'string' || !slug.trim()) {
    return {ok: false, reason: 'Generate the web address from the title.'}
  }
  const problem = slugProblem(slug, example)
  if (problem) return {ok: false, reason: problem}
  if (RESERVED_POSTING_SLUGS.has(slug)) {
    return {
      ok: false,
      reason: `"${slug}" is taken by the careers pages themselves: choose another web address, like "${example}".`,
    }
  }
  return {ok: true}
}

/**
 * Whether `alias` can redirect to a posting, and the site path it stands for (percent-decoded,
 * with a trailing slash: the folder its redirect page is written to). `careersPath` is the
 * careers folder ("/career/"); `stylesheetPath` a file of the site the alias must not replace.
 */
export function checkAlias(
  alias: unknown,
  site: {careersPath: string; stylesheetPath?: string},
): AliasCheck {
  const refuse = (reason: string): AliasCheck => ({ok: false, reason})
  const shape = 'Each old address is a path starting with "/", without spaces.'
  if (typeof alias !== 'string') return refuse(shape)
  const written = alias.trim()
  if (!written.startsWith('/') || /\s/.test(written)) return refuse(shape)
  if (written.startsWith('//') || written.includes('\\')) {
    return refuse(
      `"${written}" would lead to another website: an old address is a path on ours, starting with one "/" and without backslashes.`,
    )
  }
  if (/[?#]/.test(written)) {
    return refuse(`"${written}" has a "?" or "#": an old address is the path alone.`)
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(written)
  } catch {
    return refuse(`"${written}" has a broken %-code: write the address as the browser shows it.`)
  }
  const segments = decoded.split('/').slice(1)
  if (/[\u0000-\u001f\u007f\\]/.test(decoded) || segments.slice(0, -1).some((part) => !part)) {
    return refuse(`"${written}" is not a path on our website.`)
  }
  if (segments.some((part) => part === '.' || part === '..')) {
    return refuse(`"${written}" climbs out of its folder with "." or "..": write the full path.`)
  }
  const path = decoded.endsWith('/') ? decoded : `${decoded}/`
  if (path === '/') return refuse('The home page cannot redirect to a posting.')
  if (path === site.careersPath) return refuse('The careers page cannot redirect to a posting.')
  const siteFiles = [...SITE_ROOT_FILES, site.stylesheetPath].filter(Boolean)
  const slugInCareers = path.startsWith(site.careersPath)
    ? path.slice(site.careersPath.length).split('/')[0]
    : undefined
  if (
    siteFiles.some((file) => path === `${file}/` || path.startsWith(`${file}/`)) ||
    (slugInCareers !== undefined && RESERVED_POSTING_SLUGS.has(slugInCareers))
  ) {
    return refuse(`"${written}" is a file of the website: it cannot redirect to a posting.`)
  }
  return {ok: true, path}
}

/** The careers-folder slug an alias path would replace ("/career/x/" → "x"), if it is one. */
export function postingSlugOfPath(path: string, careersPath: string): string | undefined {
  if (!path.startsWith(careersPath)) return undefined
  const rest = path.slice(careersPath.length).replace(/\/$/, '')
  return rest && !rest.includes('/') ? rest : undefined
}
