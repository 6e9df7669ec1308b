import {existsSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {JSDOM} from 'jsdom'
import {beforeAll, describe, expect, it} from 'vitest'

import {createLocalDataset} from '../../lib/dataset'
import {exportSite, type ExportReport} from '../../lib/export/exportSite'
import {DEFAULT_SITE_SETTINGS} from '../../lib/render'
import {
  careersFixture,
  expiredPosting,
  FIXTURE_NOW,
  openPosting,
} from '../fixtures/documents/careers'
import {parseHtml} from './pageAssertions'

const settings = DEFAULT_SITE_SETTINGS
const dataset = createLocalDataset(careersFixture, {now: () => FIXTURE_NOW})

function exportInto(out: string, drafts = false, from = dataset): Promise<ExportReport> {
  return exportSite({
    dataset: from,
    settings,
    siteDir: join(out, 'site'),
    hugoDir: join(out, 'hugo'),
    drafts,
  })
}

const read = (out: string, path: string) => readFileSync(join(out, 'site', path), 'utf8')

describe('exported site', () => {
  let out: string
  let report: ExportReport
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'export-'))
    report = await exportInto(out)
  })

  it('writes a page for each open published posting, the index and the stylesheet', () => {
    expect(report.postings.map((posting) => [posting.slug, posting.draft])).toEqual([
      ['platform-engineer', false],
    ])
    expect(existsSync(join(out, 'site/career/platform-engineer/index.html'))).toBe(true)
    expect(existsSync(join(out, 'site/career/data-engineer'))).toBe(false)
    expect(read(out, 'assets/site.css')).toContain('.apply-button')
    expect(readdirSync(join(out, 'hugo/content/career'))).toEqual(['platform-engineer.md'])
  })

  it('publishes a JSON Feed of open postings', () => {
    const feed = JSON.parse(read(out, 'career/feed.json')) as {
      version: string
      items: {id: string; url: string; title: string; date_published: string}[]
    }
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.items).toEqual([
      expect.objectContaining({
        id: openPosting._id,
        url: 'https://www.safespring.com/career/platform-engineer/',
        title: openPosting.title,
        date_published: openPosting.publishedAt,
      }),
    ])
  })

  it('publishes a well-formed Atom feed with the same entries', () => {
    const xml = new JSDOM(read(out, 'career/atom.xml'), {contentType: 'application/xml'}).window
      .document
    expect(xml.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom')
    const entries = [...xml.getElementsByTagName('entry')]
    expect(entries.map((entry) => entry.getElementsByTagName('title')[0]?.textContent)).toEqual([
      openPosting.title,
    ])
    expect(entries[0]?.getElementsByTagName('link')[0]?.getAttribute('href')).toBe(
      'https://www.safespring.com/career/platform-engineer/',
    )
  })

  it('lists the index and open postings in the sitemap', () => {
    const xml = new JSDOM(read(out, 'sitemap.xml'), {contentType: 'application/xml'}).window
      .document
    expect([...xml.getElementsByTagName('loc')].map((loc) => loc.textContent)).toEqual([
      'https://www.safespring.com/career/',
      'https://www.safespring.com/career/platform-engineer/',
    ])
  })

  it('redirects aliases to open postings and old addresses of expired ones to the index', () => {
    expect(read(out, '_redirects').trim().split('\n')).toEqual([
      '/blogg/office-coordinator /career/ 301',
      '/career/office-coordinator/ /career/ 301',
      '/jobs/platform /career/platform-engineer/ 301',
    ])
    const alias = parseHtml(read(out, 'jobs/platform/index.html'))
    expect(alias.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0; url=/career/platform-engineer/',
    )
    expect(alias.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://www.safespring.com/career/platform-engineer/',
    )
    const expired = parseHtml(
      read(out, `career/${String((expiredPosting.slug as {current: string}).current)}/index.html`),
    )
    expect(expired.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0; url=/career/',
    )
  })

  it('exports drafts over published documents with --drafts, marked as drafts for Hugo', async () => {
    const draftsOut = mkdtempSync(join(tmpdir(), 'export-drafts-'))
    const drafts = await exportInto(draftsOut, true)
    expect(drafts.postings.map((posting) => [posting.slug, posting.draft])).toEqual([
      ['data-engineer', true],
      ['platform-engineer', true],
    ])
    expect(readFileSync(join(draftsOut, 'hugo/content/career/data-engineer.md'), 'utf8')).toContain(
      '\ndraft: true\n',
    )
    expect(parseHtml(read(draftsOut, 'career/data-engineer/index.html')).documentElement.lang).toBe(
      'sv',
    )
  })

  it('leaves the previous output untouched when a file cannot be written', async () => {
    const before = read(out, 'career/platform-engineer/index.html')
    const hugoBefore = readFileSync(join(out, 'hugo/content/career/platform-engineer.md'), 'utf8')
    // The Hugo tree's folder cannot be made (its parent is a file): the site tree, written at
    // the same time, must not be swapped in either.
    const blocked = join(out, 'site', 'index.html')
    const renamed = {...openPosting, title: 'Renamed'}
    const changed = createLocalDataset(
      careersFixture.map((document) => (document._id === openPosting._id ? renamed : document)),
      {now: () => FIXTURE_NOW},
    )
    await expect(
      exportSite({
        dataset: changed,
        settings,
        siteDir: join(out, 'site'),
        hugoDir: join(blocked, 'hugo'),
      }),
    ).rejects.toThrow(/ENOTDIR|EEXIST/)
    expect(read(out, 'career/platform-engineer/index.html')).toBe(before)
    expect(readFileSync(join(out, 'hugo/content/career/platform-engineer.md'), 'utf8')).toBe(
      hugoBefore,
    )
    expect(readdirSync(out).sort()).toEqual(['hugo', 'site'])
  })
})
