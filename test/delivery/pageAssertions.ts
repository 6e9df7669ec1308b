import {JSDOM} from 'jsdom'
import {expect} from 'vitest'

import type {CareersDataset} from '../../lib/dataset'
import {checkLink} from '../../lib/model/links'
import {POSTING_BY_SLUG_QUERY} from '../../lib/queries/queries'
import type {JobPostingJsonLd, PostingPageData} from '../../lib/render'

/** A posting as the page renderer takes it, drafts included, or a clear error. */
export async function postingBySlug(
  dataset: CareersDataset,
  slug: string,
): Promise<PostingPageData> {
  const posting = await dataset.fetch(POSTING_BY_SLUG_QUERY, {slug}, {perspective: 'drafts'})
  if (!posting) throw new Error(`No posting "${slug}"`)
  return posting
}

export function parseHtml(html: string): Document {
  return new JSDOM(html).window.document
}

/**
 * What every page must be, whatever its content: a language, one h1, the landmarks, a working
 * skip link, unique ids, safe links that lead somewhere on the page when they are anchors, and
 * no script except the JSON-LD data block.
 */
export function expectWellFormedPage(document: Document): void {
  expect(document.documentElement.lang).toMatch(/^[a-z]{2}$/)
  expect(document.querySelectorAll('h1')).toHaveLength(1)
  expect(document.querySelectorAll('body > header')).toHaveLength(1)
  expect(document.querySelectorAll('main')).toHaveLength(1)
  expect(document.querySelectorAll('body > footer')).toHaveLength(1)
  expect(document.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main')
  expect(document.getElementById('main')?.tagName).toBe('MAIN')

  const ids = [...document.querySelectorAll('[id]')].map((element) => element.id)
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])

  for (const link of document.querySelectorAll('a')) {
    const href = link.getAttribute('href')
    expect(href, `link "${link.textContent}" has an href`).not.toBeNull()
    expect(checkLink(href ?? ''), `link ${href}`).toMatchObject({ok: true})
    if (href?.startsWith('#')) {
      expect(document.getElementById(href.slice(1)), `target of ${href}`).not.toBeNull()
    }
  }
  for (const element of document.querySelectorAll('*')) {
    const handlers = element
      .getAttributeNames()
      .filter((name) => name.toLowerCase().startsWith('on'))
    expect(handlers, `<${element.tagName.toLowerCase()}> event handlers`).toEqual([])
  }
  const scripts = [...document.querySelectorAll('script')]
  expect(scripts.every((script) => script.type === 'application/ld+json')).toBe(true)
}

export function jobPostingOf(document: Document): JobPostingJsonLd {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]')
  expect(scripts).toHaveLength(1)
  const data = JSON.parse(scripts[0]?.textContent ?? '') as JobPostingJsonLd
  expect(data['@context']).toBe('https://schema.org')
  expect(data['@type']).toBe('JobPosting')
  return data
}

/** Text as a reader sees it: whitespace collapsed. */
export function visibleText(element: Element | null | undefined): string {
  return normaliseText(element?.textContent ?? '')
}

export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
