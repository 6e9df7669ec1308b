import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import type {ArbitraryTypedObject} from '@portabletext/types'
import {describe, expect, it} from 'vitest'

import {blocksToMarkdown, type MarkdownSerializers} from '../../lib/export/markdown'
import {normaliseText, parseHtml} from './pageAssertions'

let keys = 0
const key = () => `k${++keys}`

type SpanInput = string | {text: string; marks: string[]}
function block(children: SpanInput[], extra: Record<string, unknown> = {}): ArbitraryTypedObject {
  return {
    _type: 'block',
    _key: key(),
    style: 'normal',
    markDefs: [{_key: 'link1', _type: 'link', href: 'https://example.com/a'}],
    children: children.map((child) => ({
      _type: 'span',
      _key: key(),
      ...(typeof child === 'string' ? {text: child, marks: []} : child),
    })),
    ...extra,
  }
}

const serializers: MarkdownSerializers = {
  block: (value) => `[custom ${value._type}]`,
  mark: ({type, children}) =>
    type === 'link' ? `[${children}](<https://example.com/a>)` : undefined,
}
const markdownOf = (blocks: ArbitraryTypedObject[]) => blocksToMarkdown(blocks, serializers)

describe('blocksToMarkdown', () => {
  it('01 writes headings, quotes and paragraphs separated by blank lines', () => {
    expect(
      markdownOf([
        block(['Title'], {style: 'h2'}),
        block(['Quoted', '\nsecond line'], {style: 'blockquote'}),
        block(['Plain']),
      ]),
    ).toBe('## Title\n\n> Quoted\\\n> second line\n\nPlain')
  })

  it('02 nests lists four spaces deep and keeps consecutive items together', () => {
    expect(
      markdownOf([
        block(['One'], {listItem: 'number', level: 1}),
        block(['Inner'], {listItem: 'bullet', level: 2}),
        block(['Two'], {listItem: 'number', level: 1}),
        block(['After']),
      ]),
    ).toBe('1. One\n    - Inner\n1. Two\n\nAfter')
  })

  it('03 puts the spaces of a marked span outside its delimiters', () => {
    expect(
      markdownOf([
        block([
          {text: ' bold ', marks: ['strong']},
          'and',
          {text: ' italic', marks: ['em']},
          {text: 'gone', marks: ['strike-through']},
        ]),
      ]),
    ).toBe('**bold** and *italic*~~gone~~')
  })

  it('04 fences code with more backticks than it contains and does not escape inside', () => {
    expect(markdownOf([block([{text: 'a `b` *c*', marks: ['code']}])])).toBe('``a `b` *c*``')
  })

  it('05 escapes inline syntax, entities and shortcode openers in text', () => {
    expect(markdownOf([block(['*a* _b_ [c] <d> ~e~ |f| &amp; {{< x >}}'])])).toBe(
      '\\*a\\* \\_b\\_ \\[c\\] \\<d\\> \\~e\\~ \\|f\\| &amp;amp; &#123;&#123;\\< x \\>}}',
    )
  })

  it('06 keeps text that starts like a heading, quote, list or rule literal', () => {
    expect(markdownOf([block(['# not a heading'])])).toBe('\\# not a heading')
    expect(markdownOf([block(['- not a list'])])).toBe('\\- not a list')
    expect(markdownOf([block(['2024. A year'])])).toBe('2024\\. A year')
    expect(markdownOf([block(['> not a quote'])])).toBe('\\> not a quote')
  })

  it('07 does not turn "!" before a link into an image', () => {
    expect(markdownOf([block(['Apply now!', {text: 'here', marks: ['link1']}])])).toBe(
      'Apply now\\![here](<https://example.com/a>)',
    )
  })

  it('08 hands other blocks to the caller and leaves out empty paragraphs', () => {
    expect(markdownOf([block(['']), {_type: 'callout', _key: key()}, block(['x'])])).toBe(
      '[custom callout]\n\nx',
    )
  })
})

describe('blocksToMarkdown through Hugo', () => {
  it('09 shows every tricky text exactly as written on the Hugo page', () => {
    const texts = [
      '*stars* and _underscores_ and [brackets] and <b>tags</b>',
      '# hash at the start',
      '1. number at the start',
      'Ampersands &amp; and &copy; stay literal; so does {{< shortcode >}}',
      'Tildes ~~here~~ and pipes | a | b |',
      'Wow!',
    ]
    const blocks = texts.map((text) => block([text]))
    const site = mkdtempSync(join(tmpdir(), 'markdown-hugo-'))
    mkdirSync(join(site, 'content', 'career'), {recursive: true})
    writeFileSync(
      join(site, 'content', 'career', 'tricky.md'),
      `---\nTitle: "Tricky"\n---\n\n${markdownOf(blocks)}\n`,
    )
    execFileSync('/usr/bin/hugo', [
      '--source',
      fileURLToPath(new URL('../../hugo-site', import.meta.url)),
      '--contentDir',
      join(site, 'content'),
      '--destination',
      join(site, 'public'),
      '--quiet',
    ])
    const page = parseHtml(
      readFileSync(join(site, 'public', 'career', 'tricky', 'index.html'), 'utf8'),
    )
    const paragraphs = [...page.querySelectorAll('main p')].map((p) =>
      normaliseText(p.textContent ?? ''),
    )
    for (const text of texts) expect(paragraphs).toContain(normaliseText(text))
    expect(
      page.querySelectorAll('main b, main h1 + h1, main ol, main em, main del, main table'),
    ).toHaveLength(0)
  })
})
