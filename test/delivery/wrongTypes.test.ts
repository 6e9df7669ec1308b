/**
 * The Content Lake does not enforce the schema, so every field of a posting can arrive holding
 * anything. For every field of a complete posting (as POSTING_BY_SLUG_QUERY returns it), and for
 * each value of another type, the page renderer and the Hugo serialiser must not throw, must not
 * write the value's JavaScript spelling ("[object Object]", "undefined") and must report the field.
 */
import {beforeAll, describe, expect, it} from 'vitest'

import {createLocalDataset} from '../../lib/dataset'
import {postingToHugoMarkdown} from '../../lib/export'
import {POSTING_BY_SLUG_QUERY} from '../../lib/queries/queries'
import {
  checkPostingPageData,
  DEFAULT_SITE_SETTINGS,
  renderPostingPage,
  type PostingPageData,
} from '../../lib/render'
import {careersFixture, FIXTURE_NOW} from '../fixtures/documents/careers'

type Path = (string | number)[]

let posting: PostingPageData

beforeAll(async () => {
  const dataset = createLocalDataset(careersFixture, {now: () => FIXTURE_NOW})
  const fetched = await dataset.fetch(POSTING_BY_SLUG_QUERY, {slug: 'platform-engineer'})
  if (!fetched) throw new Error('The fixture posting is missing')
  // Kept HTML is sanitised by DOMPurify on a jsdom window, a hundred times slower than the rest
  // of a render; kept as markdown, the block's fields are checked all the same.
  posting = {
    ...fetched,
    body: (fetched.body ?? []).map((member) =>
      member._type === 'preservedSource' ? {...member, format: 'markdown' as const} : member,
    ),
  }
})

/**
 * Every field path of a value, objects and arrays included, down to the leaves; of the items of
 * a list, the first of each `_type` (the second paragraph's spans are checked as the first's).
 */
function fieldPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) {
    const seenTypes = new Set<unknown>()
    return value.flatMap((item, index) => {
      const type = (item as {_type?: unknown} | null)?._type ?? typeof item
      if (seenTypes.has(type)) return []
      seenTypes.add(type)
      return [[...path, index], ...fieldPaths(item, [...path, index])]
    })
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      // `_key` and `_type` are the dataset's own; `_type` of a block is covered by "unknown type".
      key === '_key' || key === '_type'
        ? []
        : [[...path, key], ...fieldPaths(child, [...path, key])],
    )
  }
  return []
}

function withValue(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path as [string | number, ...Path]
  const copy = (Array.isArray(value) ? [...value] : {...(value as object)}) as Record<
    string | number,
    unknown
  >
  copy[head] = withValue(copy[head], rest, replacement)
  return copy
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value
}

/** "body[3].children[0].text" for ['body', 3, 'children', 0, 'text']. */
function fieldName(path: Path): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .slice(1)
}

const WRONG_VALUES: unknown[] = [42, true, {nested: 'object'}, ['a', 'list'], 'text']

describe('a posting whose fields hold values of the wrong type', () => {
  it('has the fields the checks are run on', () => {
    // The fixture uses every body block, FAQs, a process, a contact card: the paths cover them.
    expect(fieldPaths(posting).length).toBeGreaterThan(100)
  })

  it('renders every variant without throwing, writes no JavaScript spelling and names the field', () => {
    const unreported: string[] = []
    let variants = 0
    for (const path of fieldPaths(posting)) {
      const original = path.reduce<unknown>(
        (value, part) => (value as Record<string | number, unknown>)[part],
        posting,
      )
      for (const wrong of WRONG_VALUES) {
        if (typeOf(wrong) === typeOf(original)) continue
        variants++
        const stored = withValue(posting, path, wrong) as PostingPageData
        const label = `${fieldName(path)} = ${JSON.stringify(wrong)}`
        const page = renderPostingPage(stored, DEFAULT_SITE_SETTINGS)
        const markdown = postingToHugoMarkdown(stored, {draft: false})
        for (const output of [page.html, markdown.markdown]) {
          expect(output, label).not.toMatch(/\[object Object\]|\bundefined\b|\bNaN\b/)
        }
        // A value of another type than the stored one is left out and reported, at the field or
        // inside it. (An empty field has no type to differ from: any value may be right there.)
        const field = fieldName(path)
        const reported = checkPostingPageData(stored).problems.some(
          (problem) => field.startsWith(problem.field) || problem.field.startsWith(field),
        )
        if (original !== null && !reported) unreported.push(label)
        for (const issue of page.issues) expect(issue.message, label).not.toMatch(/undefined/)
      }
    }
    expect(variants).toBeGreaterThan(300)
    expect(unreported).toEqual([])
  })

  it('reports an invalid date, which would have thrown "Invalid time value", by its field', () => {
    const stored = {...posting, publishedAt: '31/12/2026'} as PostingPageData
    const page = renderPostingPage(stored, DEFAULT_SITE_SETTINGS)
    expect(page.issues).toContainEqual({
      path: 'publishedAt',
      message: 'The text "31/12/2026" where a date belongs; it was left out.',
    })
    expect(page.jsonLd.datePosted).toBeUndefined()
    expect(postingToHugoMarkdown(stored, {draft: false}).markdown).not.toContain('31/12/2026')
  })

  it('renders a posting that is no object at all as an empty page, reported', () => {
    const page = renderPostingPage('nonsense' as unknown as PostingPageData, DEFAULT_SITE_SETTINGS)
    expect(page.html).toContain('<h1></h1>')
    expect(page.issues[0]).toEqual({
      path: 'posting',
      message: 'The text "nonsense" where an object belongs; it was left out.',
    })
  })
})
