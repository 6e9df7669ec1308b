/**
 * Hostile and broken shortcode nesting (issue 12): a page nested thousands of levels deep, tens
 * of thousands of unclosed shortcodes. The import reports each with its file and line, stays
 * linear (the parser keeps no recursion and moves each node once; figures in the report of the
 * change, not timed here), and the other files import as if nothing happened.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {beforeAll, describe, expect, it} from 'vitest'

import {MAX_SHORTCODE_DEPTH, parseShortcodes} from '../../lib/hugo/shortcodes'
import {importHugoContent, type ImportResult} from '../../lib/import'
import {knownTemplate} from '../../lib/import/shortcodes'

const FRONT_MATTER = '---\ntitle: "Hostile page"\n---\n'
// The body starts on line 4, after the three front-matter lines.
const BODY_LINE = 4

function writePages(pages: Record<string, string>): string {
  const directory = path.join(mkdtempSync(path.join(tmpdir(), 'shortcode-limits-')), 'content')
  mkdirSync(path.join(directory, 'career'), {recursive: true})
  for (const [name, body] of Object.entries(pages))
    writeFileSync(path.join(directory, 'career', name), `${FRONT_MATTER}${body}`)
  return directory
}

describe('shortcodes nested far too deep, or never closed', () => {
  let result: ImportResult
  const errorsOf = (file: string) =>
    result.report.issues.filter(
      (issue) => issue.file === `career/${file}` && issue.severity === 'error',
    )

  beforeAll(async () => {
    const content = writePages({
      'deep-notes.md': `${'{{% note "Level" %}}\n'.repeat(9000)}inner\n${'{{% /note %}}\n'.repeat(9000)}`,
      'deep-unknown.md': `${'{{< widget >}}\n'.repeat(9000)}inner\n${'{{< /widget >}}\n'.repeat(9000)}`,
      'unclosed-notes.md': '{{% note "Open" %}} text\n'.repeat(40000),
      'good.md': '## A page that is fine\n\nIt imports whatever its neighbours hold.\n',
    })
    result = await importHugoContent({paths: [content], validate: false})
  })

  it('refuses ~9,000 levels of nesting with the file and the line where it goes too deep', () => {
    for (const file of ['deep-notes.md', 'deep-unknown.md']) {
      expect(errorsOf(file)).toEqual([
        expect.objectContaining({
          line: BODY_LINE + MAX_SHORTCODE_DEPTH,
          message: expect.stringMatching(/nested 9000 levels deep from here.*at most 32/),
        }),
      ])
    }
  })

  it('reports 40,000 unclosed shortcodes by line, the first ones in order, the rest counted', () => {
    const errors = errorsOf('unclosed-notes.md')
    expect(errors.slice(0, 3).map((issue) => issue.line)).toEqual([
      BODY_LINE,
      BODY_LINE + 1,
      BODY_LINE + 2,
    ])
    expect(errors[0]?.message).toMatch(/"note" opened here is never closed: add \{\{% \/note %\}\}/)
    expect(errors.at(-1)?.message).toMatch(/and 39950 more shortcode problems/)
  })

  it('imports the other files as if nothing happened', () => {
    expect(result.report.files).toEqual([
      expect.objectContaining({file: 'career/deep-notes.md', status: 'failed'}),
      expect.objectContaining({file: 'career/deep-unknown.md', status: 'failed'}),
      expect.objectContaining({file: 'career/good.md', status: 'imported'}),
      expect.objectContaining({file: 'career/unclosed-notes.md', status: 'failed'}),
    ])
    expect(result.report.counts.posting).toBe(1)
  })

  it('accepts nesting up to the limit', () => {
    const depth = MAX_SHORTCODE_DEPTH
    const text = `${'{{% note "Level" %}}\n'.repeat(depth)}inner\n${'{{% /note %}}\n'.repeat(depth)}`
    const parsed = parseShortcodes(text, {template: knownTemplate})
    expect(parsed.issues).toEqual([])
    let node = parsed.nodes.find((candidate) => candidate.kind === 'shortcode')
    let levels = 0
    while (node?.kind === 'shortcode') {
      levels++
      node = node.children.find((child) => child.kind === 'shortcode')
    }
    expect(levels).toBe(depth)
  })

  it('keeps 40,000 unclosed unknown shortcodes as single ones, in order', () => {
    const parsed = parseShortcodes('{{< widget n="1" >}} text\n'.repeat(40000))
    expect(parsed.issues).toEqual([])
    expect(parsed.nodes).toHaveLength(80000)
    expect(parsed.nodes[79998]).toMatchObject({kind: 'shortcode', name: 'widget', line: 40000})
  })
})
