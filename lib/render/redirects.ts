import {checkAlias} from '../model/sitePaths'
import {attributes, escapeHtml} from './html'
import {checkPostingRoutes} from './postingData'
import {absoluteUrl, postingPath} from './settings'
import type {PostingRoute, SiteSettings} from './types'

export interface Redirect {
  /** Site path that should redirect, as written: "/blogg/old-job". */
  from: string
  /** The folder its redirect page goes in: the path decoded, as static servers look it up. */
  folder: string
  /** Site path to go to. */
  to: string
  /** The posting it belongs to, and the field it comes from ("aliases[1]", or "slug" once expired). */
  postingId?: string
  field: string
}

/**
 * Redirects for old addresses: a posting's aliases lead to it while it is open; once it has
 * expired, its address and aliases lead to the careers index instead of a dead page. Aliases
 * that are no path of ours (another host, "..", the home page, a site file) are left out here;
 * lib/model/sitePaths says why, and the export reports it.
 */
export function buildRedirects(
  stored: readonly PostingRoute[],
  settings: SiteSettings,
): Redirect[] {
  const redirects: Redirect[] = []
  for (const route of checkPostingRoutes(stored).value ?? []) {
    if (!route.slug) continue
    const target = route.isOpen ? postingPath(settings, route.slug) : settings.careersPath
    const sources: [string, string][] = (route.aliases ?? []).map((alias, index) => [
      alias,
      `aliases[${index}]`,
    ])
    if (!route.isOpen) sources.push([postingPath(settings, route.slug), 'slug'])
    for (const [alias, field] of sources) {
      const check = checkAlias(alias, settings)
      if (check.ok && check.path !== target) {
        redirects.push({
          from: alias.trim(),
          folder: check.path,
          to: target,
          postingId: route._id,
          field,
        })
      }
    }
  }
  return redirects
}

/** A static redirect page, as Hugo writes for aliases: works on any static host. */
export function renderRedirectPage(redirect: Pick<Redirect, 'to'>, settings: SiteSettings): string {
  const target = absoluteUrl(settings, redirect.to)
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(target)}</title>`,
    `<link${attributes({rel: 'canonical', href: target})}>`,
    `<meta${attributes({name: 'robots', content: 'noindex'})}>`,
    `<meta${attributes({'http-equiv': 'refresh', content: `0; url=${redirect.to}`})}>`,
    '</head>',
    `<body><p><a${attributes({href: redirect.to})}>${escapeHtml(target)}</a></p></body>`,
    '</html>',
    '',
  ].join('\n')
}

/** The same redirects in the `_redirects` format Netlify and Cloudflare Pages read. */
export function renderRedirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map((redirect) => `${redirect.from} ${redirect.to} 301`).join('\n') + '\n'
}
