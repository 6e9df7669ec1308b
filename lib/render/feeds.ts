import {escapeHtml} from './html'
import {checkFeedPostings} from './postingData'
import {absoluteUrl, postingPath} from './settings'
import type {FeedPosting, SiteSettings} from './types'

/** JSON Feed 1.1 (jsonfeed.org) of open postings. */
export function renderJsonFeed(stored: readonly FeedPosting[], settings: SiteSettings): string {
  const postings = checkFeedPostings(stored).value ?? []
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${settings.organizationName}: open positions`,
    home_page_url: absoluteUrl(settings, settings.careersPath),
    feed_url: absoluteUrl(settings, `${settings.careersPath}feed.json`),
    items: postings.map((posting) => ({
      id: posting._id,
      url: absoluteUrl(settings, postingPath(settings, posting.slug ?? '')),
      title: posting.title ?? '',
      content_text: posting.intro ?? posting.title ?? '',
      ...(posting.intro ? {summary: posting.intro} : {}),
      ...(posting.publishedAt ? {date_published: posting.publishedAt} : {}),
      date_modified: posting.updatedAt,
      ...(posting.language ? {language: posting.language} : {}),
      tags: [posting.team, posting.location, ...(posting.tags ?? [])].filter((tag): tag is string =>
        Boolean(tag),
      ),
    })),
  }
  return `${JSON.stringify(feed, null, 2)}\n`
}

/** Atom (RFC 4287) feed of open postings. */
export function renderAtomFeed(stored: readonly FeedPosting[], settings: SiteSettings): string {
  const postings = checkFeedPostings(stored).value ?? []
  const updated =
    postings
      .map((posting) => posting.updatedAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString()
  const entries = postings.map((posting) => {
    const url = absoluteUrl(settings, postingPath(settings, posting.slug ?? ''))
    return [
      '  <entry>',
      `    <id>${escapeHtml(url)}</id>`,
      `    <title>${escapeHtml(posting.title ?? '')}</title>`,
      `    <link href="${escapeHtml(url)}"/>`,
      posting.publishedAt ? `    <published>${escapeHtml(posting.publishedAt)}</published>` : '',
      `    <updated>${escapeHtml(posting.updatedAt)}</updated>`,
      posting.intro ? `    <summary>${escapeHtml(posting.intro)}</summary>` : '',
      ...[posting.team, ...(posting.tags ?? [])]
        .filter(Boolean)
        .map((term) => `    <category term="${escapeHtml(term ?? '')}"/>`),
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeHtml(absoluteUrl(settings, settings.careersPath))}</id>`,
    `  <title>${escapeHtml(`${settings.organizationName}: open positions`)}</title>`,
    `  <link rel="self" href="${escapeHtml(absoluteUrl(settings, `${settings.careersPath}atom.xml`))}"/>`,
    `  <link href="${escapeHtml(absoluteUrl(settings, settings.careersPath))}"/>`,
    `  <updated>${escapeHtml(updated)}</updated>`,
    `  <author><name>${escapeHtml(settings.organizationName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
