import {describe, expect, it} from 'vitest'

import {splitFrontMatter} from '../../lib/hugo/frontMatter'
import {classifyHtml, htmlToText} from '../../lib/hugo/html'
import {parseShortcodes, type HugoNode, type ShortcodeNode} from '../../lib/hugo/shortcodes'
import {knownTemplate} from '../../lib/import/shortcodes'
import {
  mapDate,
  mapEmploymentType,
  mapLanguage,
  mapLocation,
} from '../../lib/model/frontMatterValues'

const shortcodes = (nodes: HugoNode[]) =>
  nodes.filter((node): node is ShortcodeNode => node.kind === 'shortcode')

describe('front matter', () => {
  it('01 reads keys case-insensitively, trims values and drops blank ones', () => {
    const page = splitFrontMatter(
      '---\nTitle: " Cloud Engineer "\nTOC: "On this page"\nsidebarimage: " "\nDraft: true\n---\nBody\n',
    )
    expect('frontMatter' in page && page.frontMatter.values).toEqual({
      title: 'Cloud Engineer',
      toc: 'On this page',
      draft: true,
    })
    expect('bodyLine' in page && page.bodyLine).toBe(7)
  })

  it('02 keeps the first of two spellings of a key and warns when they disagree', () => {
    const page = splitFrontMatter('---\nlanguage: "En"\nLanguage: "Sv"\ntitle: x\n---\n')
    expect('frontMatter' in page && page.frontMatter.values.language).toBe('En')
    expect(page.issues).toEqual([expect.objectContaining({severity: 'warning', line: 3})])
  })

  it('03 says which line of the file holds a YAML error', () => {
    const page = splitFrontMatter('---\ntitle: "ok"\nintro: [unclosed\nteam: x\n---\n')
    expect(page.issues[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('not valid YAML'),
    })
    expect(page.issues[0]?.line).toBeGreaterThanOrEqual(3)
  })

  it('04 refuses a file without front matter or with an unclosed one', () => {
    expect(splitFrontMatter('# Just markdown').issues[0]?.message).toMatch(/has no front matter/)
    expect(splitFrontMatter('---\ntitle: x\n').issues[0]?.message).toMatch(/never closed/)
    expect(splitFrontMatter('\n\n---\ntitle: x\n').issues[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/opened here is never closed/),
    })
  })

  it('04a accepts what Hugo 0.111 accepts: a BOM or blank lines first, TOML, JSON, CRLF', () => {
    const title = (source: string) => {
      const page = splitFrontMatter(source)
      return 'frontMatter' in page
        ? [page.frontMatter.values.title, page.body, page.bodyLine]
        : page.issues
    }
    expect(title('\uFEFF---\ntitle: "BOM"\n---\nBody')).toEqual(['BOM', 'Body', 4])
    expect(title('\n\n  \n---\ntitle: Blank lines\n---\nBody')).toEqual(['Blank lines', 'Body', 7])
    expect(title('+++\ntitle = "TOML"\ndate = 2024-02-20\n+++\nBody')).toEqual(['TOML', 'Body', 5])
    expect(title('{\n  "title": "JSON {braces}",\n  "tags": ["a"]\n}\nBody')).toEqual([
      'JSON {braces}',
      'Body',
      5,
    ])
    expect(title('---\r\ntitle: CRLF\r\n---\r\nBody')).toEqual(['CRLF', 'Body', 4])
    expect(title('#+title: Org mode\n#+tags[]: a b\nBody')).toEqual(['Org mode', 'Body', 3])
    const toml = splitFrontMatter('+++\ntitle = "T"\ndate = 2024-02-20\n+++\n')
    expect('frontMatter' in toml && toml.frontMatter.entries).toEqual([
      {key: 'title', value: 'T', line: 2},
      {key: 'date', value: '2024-02-20', line: 3},
    ])
  })

  it('04b refuses what Hugo refuses, with the line', () => {
    const refusal = (source: string) => splitFrontMatter(source).issues[0]
    expect(refusal('\n<div>HTML first</div>\n')).toMatchObject({
      line: 2,
      message: expect.stringMatching(/plain HTML documents not supported/),
    })
    expect(refusal('- a list first\n')).toMatchObject({
      line: 1,
      message: expect.stringMatching(/refuses/),
    })
    expect(refusal('+++\ntitle = \n+++\n')).toMatchObject({
      line: 2,
      message: expect.stringMatching(/not valid TOML/),
    })
    expect(refusal('{"title": "x",}\n')).toMatchObject({
      message: expect.stringMatching(/not valid JSON/),
    })
    expect(refusal('{"title": "x"\n')).toMatchObject({
      message: expect.stringMatching(/never closed/),
    })
  })
})

describe('shortcodes', () => {
  it('05 pairs both delimiters and both closing spellings', () => {
    const {nodes, issues} = parseShortcodes(
      '{{< ingress >}}\nLead\n{{</ ingress >}}\n{{% note "Heads up" %}}Text{{% /note %}}',
    )
    expect(issues).toEqual([])
    expect(shortcodes(nodes).map((node) => [node.name, node.delimiter, node.paired])).toEqual([
      ['ingress', '<', true],
      ['note', '%', true],
    ])
  })

  it('06 reads named and positional parameters quoted with " or backticks, and bare words', () => {
    const [node] = shortcodes(
      parseShortcodes('{{< x title="Say \\"hi\\"" `raw "text"` id=plain >}}').nodes,
    )
    expect(node?.params).toEqual({
      named: {title: 'Say "hi"', id: 'plain'},
      positional: ['raw "text"'],
    })
  })

  it('07 nests shortcodes and keeps lines', () => {
    const {nodes} = parseShortcodes(
      'a\n{{% accordion title="Q" %}}\n{{< note >}}inner{{< /note >}}\n{{% /accordion %}}',
      10,
    )
    const [accordion] = shortcodes(nodes)
    expect(accordion).toMatchObject({name: 'accordion', line: 11, paired: true})
    expect(shortcodes(accordion?.children ?? [])[0]).toMatchObject({
      name: 'note',
      line: 12,
      paired: true,
    })
  })

  it('08 finds shortcodes inside list items and self-closing ones', () => {
    const {nodes} = parseShortcodes('- {{< inline "Lead:" >}} rest\n- {{< widget />}} item')
    expect(
      shortcodes(nodes).map((node) => [node.name, node.params.positional, node.paired]),
    ).toEqual([
      ['inline', ['Lead:'], false],
      ['widget', [], false],
    ])
  })

  it('09 treats an unknown shortcode without closing tag as single', () => {
    const {nodes, issues} = parseShortcodes('{{< gallery dir="x" >}}\ntext after')
    expect(issues).toEqual([])
    expect(nodes.map((node) => node.kind)).toEqual(['shortcode', 'text'])
  })

  it('10 reports an unclosed tag and an unclosed paired shortcode with their lines', () => {
    expect(parseShortcodes('line\n{{< contact name="x"\nmore', 5).issues).toEqual([
      expect.objectContaining({severity: 'error', line: 6}),
    ])
    expect(
      parseShortcodes('{{% accordion title="Q" %}}\nanswer', {
        firstLine: 3,
        template: knownTemplate,
      }).issues,
    ).toEqual([
      expect.objectContaining({
        severity: 'error',
        line: 3,
        message: expect.stringContaining('{{% /accordion %}}'),
      }),
    ])
  })

  it('11 reports a closing tag without opening', () => {
    expect(parseShortcodes('text {{< /note >}}').issues).toEqual([
      expect.objectContaining({severity: 'error', line: 1}),
    ])
  })

  it('12 shows an escaped (commented) shortcode as Hugo does, as literal text', () => {
    const {nodes} = parseShortcodes('Write {{</* note */>}} to add a note.')
    expect(nodes).toEqual([{kind: 'text', text: 'Write {{< note >}} to add a note.', line: 1}])
  })
})

describe('raw HTML', () => {
  it('13 reads empty anchors, the ingress div and button links', () => {
    expect(classifyHtml('<div id="down"></div>')).toEqual([{kind: 'anchor', id: 'down'}])
    expect(classifyHtml('<div class="ingress"><p>Lead &amp; more</p></div>')).toEqual([
      {kind: 'ingress', text: 'Lead & more'},
    ])
    expect(classifyHtml('<a id="button" href="#apply">How to apply</a>')).toEqual([
      {kind: 'button', label: 'How to apply', href: '#apply', id: 'button'},
    ])
  })

  it('13a reads an application form in a frame, wrapped in its jump target or not', () => {
    expect(
      classifyHtml(
        '<div id="apply"><iframe src="https://forms.example.com/f" width="640" height="900" frameborder="0" title="Apply">Loading…</iframe></div>',
      ),
    ).toEqual([
      {
        kind: 'embed',
        src: 'https://forms.example.com/f',
        title: 'Apply',
        width: '640',
        height: '900',
        fallbackText: 'Loading…',
        attributes: {frameborder: '0'},
        anchorId: 'apply',
      },
    ])
    expect(classifyHtml('<div id="x"></div>\n<iframe src="https://a.example"></iframe>')).toEqual([
      {kind: 'anchor', id: 'x'},
      expect.objectContaining({kind: 'embed', src: 'https://a.example'}),
    ])
  })

  it('14 leaves anything else to be preserved, and strips scripts from text', () => {
    expect(classifyHtml('<figure><img src="/a.jpg"></figure>')).toBeUndefined()
    expect(classifyHtml('<div id="x" onclick="alert(1)"></div>')).toBeUndefined()
    expect(htmlToText('<p>One</p><script>alert(1)</script><p>Two</p>')).toBe('One\n\nTwo')
  })
})

describe('front-matter vocabularies', () => {
  it.each([
    ['Remote (Sweden or Norway)', {workplaceType: 'remote', countries: ['SE', 'NO']}, false],
    ['Norway - Remote', {workplaceType: 'remote', countries: ['NO']}, false],
    ['Sweden - Hybrid, Solna', {workplaceType: 'hybrid', countries: ['SE'], city: 'Solna'}, false],
    [
      'Sweden - Solna, Stockholm',
      {workplaceType: 'onsite', countries: ['SE'], city: 'Solna'},
      true,
    ],
    ['Sweden', {countries: ['SE']}, true],
    ['Mars base', {}, true],
  ])('15 location "%s"', (display, expected, doubtful) => {
    const mapped = mapLocation(display)
    expect(mapped.value).toEqual({_type: 'postingLocation', display, ...expected})
    expect(Boolean(mapped.doubt)).toBe(doubtful)
  })

  it('16 employment types, languages and dates', () => {
    expect(mapEmploymentType('Full time').value).toBe('fullTime')
    expect(mapEmploymentType('Deltid').value).toBe('partTime')
    expect(mapEmploymentType('Sometimes').doubt).toMatch(/not a known employment type/)
    expect(mapLanguage('En').value).toBe('en')
    expect(mapLanguage(undefined, ['English']).value).toBe('en')
    expect(mapLanguage('Klingon').doubt).toMatch(/unknown/)
    expect(mapDate('2024-02-20').value).toBe('2024-02-20T00:00:00.000Z')
    expect(mapDate('2020-04-28T10:39:43+02:00').value).toBe('2020-04-28T08:39:43.000Z')
    expect(mapDate('soon').doubt).toMatch(/not a date/)
  })
})
