/**
 * Our versions of Hugo's rules, checked against Hugo itself: the address Hugo 0.111 gives a file
 * name or `slug`, and the ids goldmark gives headings (tricky punctuation, letters of other
 * scripts, repeats, an author's {#id}). Built with the real website's config, read back from the
 * pages Hugo wrote.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {JSDOM} from 'jsdom'
import {beforeAll, describe, expect, it} from 'vitest'

import {createHeadingIdFactory} from '../../lib/model/anchors'
import {hugoPathSegment} from '../../lib/model/slug'
import {buildRealSite, type BuiltSite} from './realSite'

const FILE_NAMES = [
  'Foo--Bar_baz',
  'Full stack Dev',
  'a - b',
  'a -- b',
  'x  ',
  '  lead',
  'a\tb',
  'ÅÄÖ-ärende',
  "it's a+b~c@d",
  'a&b (c), d!',
  'q.r_s',
  'İstanbul',
  'a%20b a%zz',
]
const SLUGS = ['My Slug! Ä', 'dots.and_under', 'Ünïcödé—dash']
const HEADINGS = [
  'What’s in it for you?',
  "What's in it for you?",
  'Vill du bli vår nästa affärsman?',
  'Dup',
  'Dup',
  'dup-1',
  '!!!',
  '!!!',
  'C++ & C# 100%',
  'Émile — 2024/25: ok?',
  'A  B -- C',
  'Snake_case and _emphasis_ and **bold**',
  '[A link](https://example.com/jobs)',
  'Custom {#own-id}',
  'own-id',
  'Ελληνικά και 日本語',
]

describe("Hugo's own rules, as Hugo applies them", () => {
  let site: BuiltSite
  beforeAll(async () => {
    const pages = new Map<string, string>()
    FILE_NAMES.forEach((name, index) =>
      pages.set(`career/${name}.md`, `---\ntitle: "File ${index}"\n---\nText.\n`),
    )
    SLUGS.forEach((slug, index) =>
      pages.set(
        `career/slug-${index}.md`,
        `---\ntitle: "Slug ${index}"\nslug: "${slug}"\n---\nText.\n`,
      ),
    )
    pages.set(
      'career/headings.md',
      `---\ntitle: "Headings"\n---\n\n${HEADINGS.map((heading) => `## ${heading}\n\nText.\n`).join('\n')}`,
    )
    site = await buildRealSite('hugo-rules', pages)
  })

  it('gives each file name and slug the address our hugoPathSegment gives it', () => {
    // 'a - b' and 'a<tab>b' are the same address: one folder.
    const expected = [
      ...new Set([...FILE_NAMES, ...SLUGS].map((name) => hugoPathSegment(name))),
    ].sort()
    // The folders Hugo wrote under career/ are the segments, as they are on disk.
    const built = readdirSync(join(site.publicDir, 'career'), {withFileTypes: true})
      .filter((entry) => entry.isDirectory() && entry.name !== 'headings' && entry.name !== 'page')
      .map((entry) => entry.name)
      .sort()
    expect(built).toEqual(expected)
  })

  it('gives each heading the id our factory gives it, in the same order', () => {
    const html = readFileSync(join(site.publicDir, 'career', 'headings', 'index.html'), 'utf8')
    const {document} = new JSDOM(html).window
    const ids = [...document.querySelectorAll('main .content-default-single h2')].map(
      (heading) => heading.id,
    )
    const factory = createHeadingIdFactory()
    const ours = HEADINGS.map((heading) => {
      const explicit = /\{#([^}]+)\}$/.exec(heading)?.[1]
      return explicit ? factory.reserve(explicit) : factory.generate(heading)
    })
    expect(ids).toEqual(ours)
  })
})
