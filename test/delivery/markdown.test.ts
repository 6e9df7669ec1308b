import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import type {ArbitraryTypedObject} from '@portabletext/types'
import {describe, expect, it} from 'vitest'

import {blocksToMarkdown, type MarkdownSerializers} from '../../lib/export/markdown'
import {buildRealSite} from '../roundtrip/realSite'
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

  it('07a leaves "_" between letters alone, so an address stays one link for Hugo', () => {
    expect(markdownOf([block(['see https://example.com/a_b and snake_case but _c_'])])).toBe(
      'see https://example.com/a_b and snake_case but \\_c\\_',
    )
  })

  it('07b sets spaced list items apart by a blank line, nested tight lists stay tight', () => {
    expect(
      markdownOf([
        block(['One'], {listItem: 'numberSpaced', level: 1}),
        block(['Inner a'], {listItem: 'bullet', level: 2}),
        block(['Inner b'], {listItem: 'bullet', level: 2}),
        block(['Two'], {listItem: 'numberSpaced', level: 1}),
      ]),
    ).toBe('1. One\n\n    - Inner a\n    - Inner b\n\n1. Two')
  })

  it('07c writes a joined block on the next line, where Hugo shares the paragraph', () => {
    const first = block(['Before'])
    const second = {_type: 'callout', _key: 'joined'}
    expect(
      blocksToMarkdown([first, second], {
        ...serializers,
        joined: (value) => value._key === 'joined',
      }),
    ).toBe('Before\n[custom callout]')
  })

  it('08 hands other blocks to the caller and leaves out empty paragraphs', () => {
    expect(markdownOf([block(['']), {_type: 'callout', _key: key()}, block(['x'])])).toBe(
      '[custom callout]\n\nx',
    )
  })
})

describe('blocksToMarkdown through Hugo', () => {
  it('09 shows every tricky text exactly as written on the website (its real templates)', async () => {
    const texts = [
      '*stars* and _underscores_ and [brackets] and <b>tags</b>',
      '# hash at the start',
      '1. number at the start',
      'Ampersands &amp; and &copy; stay literal; so does {{< shortcode >}}',
      'Tildes ~~here~~ and pipes | a | b |',
      'Wow!',
    ]
    const blocks = texts.map((text) => block([text]))
    const site = await buildRealSite(
      'tricky',
      new Map([['career/tricky.md', `---\nTitle: "Tricky"\n---\n\n${markdownOf(blocks)}\n`]]),
    )
    const page = parseHtml(
      readFileSync(join(site.publicDir, 'career', 'tricky', 'index.html'), 'utf8'),
    )
    const content = 'main .content-default-single'
    const paragraphs = [...page.querySelectorAll(`${content} p`)].map((p) =>
      normaliseText(p.textContent ?? ''),
    )
    for (const text of texts) expect(paragraphs).toContain(normaliseText(text))
    expect(
      page.querySelectorAll(
        [' b', ' h1', ' ol', ' em', ' del', ' table'].map((tag) => `${content}${tag}`).join(', '),
      ),
    ).toHaveLength(0)
  })
})
