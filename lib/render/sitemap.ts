import {escapeHtml} from './html'
import {checkSitemapPostings} from './postingData'
import {absoluteUrl, postingPath} from './settings'
import type {SiteSettings, SitemapPosting} from './types'

export interface SitemapEntry {
  url: string
  lastModified?: string
}

/** Sitemap entries for the careers section: the index and each open posting. */
export function sitemapEntries(
  stored: readonly SitemapPosting[],
  settings: SiteSettings,
): SitemapEntry[] {
  const postings = checkSitemapPostings(stored).value ?? []
  const newest = postings
    .map((posting) => posting.lastModified)
    .sort()
    .at(-1)
  return [
    {url: absoluteUrl(settings, settings.careersPath), lastModified: newest},
    ...postings.map((posting) => ({
      url: absoluteUrl(settings, postingPath(settings, posting.slug ?? '')),
      lastModified: posting.lastModified,
    })),
  ]
}

/** A sitemaps.org XML document of the given entries. */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      (entry) =>
        `  <url><loc>${escapeHtml(entry.url)}</loc>` +
        (entry.lastModified ? `<lastmod>${escapeHtml(entry.lastModified)}</lastmod>` : '') +
        `</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n')
}
