import {attributes, escapeHtml, jsonForScript} from './html'
import {labelsFor, htmlLang} from './labels'
import {absoluteUrl} from './settings'
import type {SiteSettings} from './types'

export interface DocumentShell {
  title: string
  description?: string | null
  language?: string | null
  /** Site path of the page, for the canonical link. */
  path: string
  socialImageUrl?: string
  jsonLd?: unknown
  /** The page's `<main>` content. */
  main: string
}

/** The HTML document around every page: head, skip link, banner, main, footer. */
export function renderDocument(shell: DocumentShell, settings: SiteSettings): string {
  const labels = labelsFor(shell.language)
  const canonical = absoluteUrl(settings, shell.path)
  const feedUrl = `${settings.careersPath}feed.json`
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(htmlLang(shell.language))}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(shell.title)}</title>`,
    shell.description
      ? `<meta${attributes({name: 'description', content: shell.description})}>`
      : '',
    `<link${attributes({rel: 'canonical', href: canonical})}>`,
    `<link${attributes({rel: 'stylesheet', href: settings.stylesheetPath})}>`,
    `<link${attributes({rel: 'alternate', type: 'application/feed+json', title: labels.openPositions, href: feedUrl})}>`,
    `<link${attributes({rel: 'alternate', type: 'application/atom+xml', title: labels.openPositions, href: `${settings.careersPath}atom.xml`})}>`,
    `<meta${attributes({property: 'og:title', content: shell.title})}>`,
    `<meta${attributes({property: 'og:url', content: canonical})}>`,
    shell.description
      ? `<meta${attributes({property: 'og:description', content: shell.description})}>`
      : '',
    shell.socialImageUrl
      ? `<meta${attributes({property: 'og:image', content: absoluteUrl(settings, shell.socialImageUrl)})}>`
      : '',
    shell.jsonLd
      ? `<script type="application/ld+json">${jsonForScript(shell.jsonLd)}</script>`
      : '',
    '</head>',
    '<body>',
    `<a class="skip-link" href="#main">${escapeHtml(labels.skipToContent)}</a>`,
    '<header class="site-header">',
    `<a class="site-header__home"${attributes({href: settings.careersPath})}>${escapeHtml(settings.organizationName)} · ${escapeHtml(labels.careers)}</a>`,
    '</header>',
    `<main id="main" class="site-main">${shell.main}</main>`,
    '<footer class="site-footer">',
    `<p><a${attributes({href: settings.organizationUrl})}>${escapeHtml(settings.organizationName)}</a></p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ]
    .filter(Boolean)
    .join('\n')
}
