import {attributes, escapeHtml} from './html'
import {absoluteUrl, postingPath} from './settings'
import type {PostingRoute, SiteSettings} from './types'

export interface Redirect {
  /** Site path that should redirect, such as "/blogg/old-job". */
  from: string
  /** Site path to go to. */
  to: string
}

/**
 * Redirects for old addresses: a posting's aliases lead to it while it is open; once it has
 * expired, its address and aliases lead to the careers index instead of a dead page.
 */
export function buildRedirects(
  routes: readonly PostingRoute[],
  settings: SiteSettings,
): Redirect[] {
  const redirects: Redirect[] = []
  for (const route of routes) {
    if (!route.slug) continue
    const target = route.isOpen ? postingPath(settings, route.slug) : settings.careersPath
    const sources = [...route.aliases, ...(route.isOpen ? [] : [postingPath(settings, route.slug)])]
    for (const alias of sources) {
      const from = normalisePath(alias)
      if (from && from !== target) redirects.push({from, to: target})
    }
  }
  return redirects
}

/** A static redirect page, as Hugo writes for aliases: works on any static host. */
export function renderRedirectPage(redirect: Redirect, settings: SiteSettings): string {
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

function normalisePath(alias: string): string | undefined {
  const path = alias.trim()
  // Only site paths: an alias is never allowed to send visitors to another host.
  if (!path.startsWith('/') || path.startsWith('//') || /\s/.test(path)) return undefined
  // Nor may it climb out of the site's folder when written as a redirect page.
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return undefined
  return path
}
