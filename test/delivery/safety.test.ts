/**
 * The safety corpus: one small input per behaviour, numbered so a new bug becomes a new case.
 * Injection attempts are first-class cases here; the browser test runs them all in Chromium.
 */
import {describe, expect, it} from 'vitest'

import {postingToHugoMarkdown} from '../../lib/export'
import {
  buildRedirects,
  createBodyRenderContext,
  DEFAULT_SITE_SETTINGS,
  renderPostingBody,
  renderPostingPage,
  sanitizePreservedHtml,
  type PostingBodyBlock,
  type PostingPageData,
} from '../../lib/render'
import {block, key} from '../fixtures/documents/portableText'
import {parseHtml} from './pageAssertions'

function render(body: unknown[]) {
  const context = createBodyRenderContext(DEFAULT_SITE_SETTINGS, 'en')
  const html = renderPostingBody(body as PostingBodyBlock[], context)
  return {html, document: parseHtml(`<body>${html}</body>`), issues: context.issues}
}

const linked = (href: string) => block(['see ', {text: 'here', marks: ['l']}], {links: {l: href}})

const minimalPosting = (overrides: Partial<PostingPageData>): PostingPageData =>
  ({
    _id: 'p',
    _updatedAt: '2026-01-01T00:00:00Z',
    title: 'T',
    slug: 't',
    language: 'en',
    body: [],
    apply: {_type: 'applyLink', label: 'Apply', url: 'https://jobs.example.com/'},
    ...overrides,
  }) as PostingPageData

describe('safety corpus', () => {
  it('01 escapes HTML written as text', () => {
    const {html, document} = render([block('<script>alert(1)</script> & "quotes"')])
    expect(html).toContain('&lt;script&gt;')
    expect(document.querySelector('script')).toBeNull()
    expect(document.body.textContent).toBe('<script>alert(1)</script> & "quotes"')
  })

  it.each([
    ['02', 'javascript:alert(1)', 'javascript:'],
    ['03', 'data:text/html,<script>alert(1)</script>', 'data:'],
    ['04', 'java\tscript:alert(1)', 'javascript:'],
    ['05', 'vbscript:msgbox(1)', 'vbscript:'],
    ['06', '//evil.example.com/x', 'leads to another website (evil.example.com)'],
  ])('%s drops a %s link, keeps its text and reports it', (_number, href, expected) => {
    const {document, issues} = render([linked(href)])
    expect(document.querySelector('a')).toBeNull()
    expect(document.body.textContent).toBe('see here')
    expect(issues).toHaveLength(1)
    expect(issues[0]?.message).toContain(expected)
  })

  it.each([
    ['07', 'https://example.com/a?b=c&d=e'],
    ['08', 'http://example.com/'],
    ['09', 'mailto:jobs@example.com?subject=Hello%20there'],
    ['10', 'tel:+4670123456'],
    ['11', '/career/other-job/'],
    ['12', '#apply'],
  ])('%s keeps the safe link %s', (_number, href) => {
    const {document, issues} = render([linked(href)])
    expect(document.querySelector('a')?.getAttribute('href')).toBe(href)
    expect(issues).toEqual([])
  })

  it('13 sanitises preserved HTML by allow-list', () => {
    const clean = sanitizePreservedHtml(
      '<p class="x" onclick="alert(1)" style="color:red">Hi <b>there</b><script>alert(2)</script></p>' +
        '<svg onload="alert(3)"><circle/></svg><iframe src="https://example.com"></iframe>' +
        '<a href="javascript:alert(4)">bad</a> <a href="https://example.com/" target="_top">good</a>' +
        '<img src=x onerror=alert(5)><style>*{}</style><div id="down"></div>',
    )
    const document = parseHtml(`<body>${clean}</body>`)
    expect(document.querySelectorAll('script, svg, iframe, img, style')).toHaveLength(0)
    expect(document.querySelector('p')?.getAttributeNames()).toEqual(['class'])
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      null,
      'https://example.com/',
    ])
    expect(document.querySelector('a:last-of-type')?.hasAttribute('target')).toBe(false)
    expect(document.getElementById('down')).not.toBeNull()
    expect(document.body.textContent).toBe('Hi therebad good')
  })

  it('14 shows preserved shortcodes and markdown as text, never as markup', () => {
    const {document} = render([
      {_type: 'preservedSource', _key: key(), format: 'shortcode', source: '{{< x >}}<b>bold</b>'},
    ])
    expect(document.querySelector('b')).toBeNull()
    expect(document.querySelector('pre')?.textContent).toBe('{{< x >}}<b>bold</b>')
  })

  it('15 escapes attribute values so ids and alt texts cannot break out', () => {
    const {document} = render([
      {_type: 'pageAnchor', _key: key(), anchorId: 'a" onmouseover="alert(1)'},
      {_type: 'bodyImage', _key: key(), alt: '" onerror="alert(1)', legacyPath: '/img/a.png'},
    ])
    expect(document.querySelector('[onmouseover], [onerror]')).toBeNull()
    expect(document.querySelector('img')?.getAttribute('alt')).toBe('" onerror="alert(1)')
  })

  it('16 refuses data: and script image sources', () => {
    const {document, issues} = render([
      {
        _type: 'bodyImage',
        _key: key(),
        alt: 'x',
        legacyPath: 'data:image/svg+xml,<svg onload=alert(1)>',
      },
      {_type: 'bodyImage', _key: key(), alt: 'y', legacyPath: 'javascript:alert(1)'},
    ])
    expect(document.querySelector('img')).toBeNull()
    expect(issues.map((issue) => issue.path)).toEqual([
      'body[0] (bodyImage)',
      'body[0] (bodyImage)',
      'body[1] (bodyImage)',
      'body[1] (bodyImage)',
    ])
  })

  it('17 reports unknown blocks and marks instead of failing', () => {
    const unknownMark = block([{text: 'marked', marks: ['blink']}])
    const {document, issues} = render([{_type: 'carousel', _key: key()}, unknownMark])
    expect(document.body.textContent).toBe('marked')
    expect(issues.map((issue) => issue.message)).toEqual([
      'Block of type "carousel" is not known to the website and was left out.',
      'Text mark "blink" is not known; the text is shown plain.',
    ])
  })

  it('18 keeps a title with </script> inside the JSON-LD data', () => {
    const title = '</script><script>alert(1)</script>'
    const page = renderPostingPage(minimalPosting({title}), DEFAULT_SITE_SETTINGS)
    const document = parseHtml(page.html)
    const scripts = document.querySelectorAll('script')
    expect(scripts).toHaveLength(1)
    expect(JSON.parse(scripts[0]?.textContent ?? '').title).toBe(title)
  })

  it('19 drops an unsafe apply link and says the page has no apply button', () => {
    const page = renderPostingPage(
      minimalPosting({apply: {_type: 'applyLink', label: 'Go', url: 'javascript:alert(1)'}}),
      DEFAULT_SITE_SETTINGS,
    )
    expect(parseHtml(page.html).querySelector('.apply-button')).toBeNull()
    expect(page.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['apply.url', 'apply']),
    )
  })

  it('19b reports a dropped link with the path of the rich text it is in, nested or not', () => {
    const {issues} = render([
      {_type: 'callout', _key: key(), title: 'Note', content: [linked('javascript:alert(1)')]},
      linked('javascript:alert(2)'),
    ])
    expect(issues.map((issue) => issue.path)).toEqual([
      'body[0] (callout).content link "here"',
      'body link "here"',
    ])
  })

  it('20 never redirects an alias off the site or out of its folder', () => {
    const redirects = buildRedirects(
      [
        {
          _id: 'p',
          slug: 'job',
          aliases: ['/old/job', '//evil.example.com', '/../../etc/x', 'relative', '/\\evil.com'],
          isOpen: true,
        },
      ],
      DEFAULT_SITE_SETTINGS,
    )
    expect(redirects).toEqual([
      {
        from: '/old/job',
        folder: '/old/job/',
        to: '/career/job/',
        postingId: 'p',
        field: 'aliases[0]',
      },
    ])
  })

  it('21 writes Hugo markdown in which text cannot become a shortcode, HTML or an unsafe link', () => {
    const {markdown, issues} = postingToHugoMarkdown(
      minimalPosting({
        body: [
          block('{{< contact name="x" >}} and {{% note %}} <script>alert(1)</script>'),
          linked('javascript:alert(1)'),
          block([{text: 'Say "hi" {{<', marks: ['runIn']}, ' rest']),
        ] as PostingPageData['body'],
      }),
      {draft: false},
    )
    const body = markdown.split('---\n')[2] ?? ''
    expect(body).not.toMatch(/\{\{[<%] (contact|note)/)
    expect(body).toContain('\\<script')
    expect(body).not.toMatch(/(^|[^\\])<script/)
    expect(body).not.toContain('javascript:')
    expect(body).toContain('{{< inline `Say "hi" {{<` >}} rest')
    expect(issues).toHaveLength(1)
  })

  const hugoBody = (posting: Partial<PostingPageData>) => {
    const {markdown, issues} = postingToHugoMarkdown(minimalPosting(posting), {draft: false})
    return {
      body: markdown.split('---\n')[2] ?? '',
      frontMatter: markdown.split('---\n')[1] ?? '',
      issues,
    }
  }

  it('22 writes kept markdown as text, as the HTML site shows it, and no shortcode without parts', () => {
    const {body, issues} = hugoBody({
      body: [
        {
          _type: 'preservedSource',
          _key: key(),
          format: 'shortcode',
          source: '{{< icon-block-horisontal description="<img src=x onerror=alert(1)>" >}}',
        },
        {
          _type: 'preservedSource',
          _key: key(),
          format: 'markdown',
          source: '[x](javascript:alert(1)) {{% note %}}',
        },
      ] as PostingPageData['body'],
    })
    expect(body).not.toMatch(/\{\{[<%]/)
    expect(body).not.toContain('<img')
    // A kept shortcode goes back only re-written from its parts; this one has none.
    expect(issues.map((issue) => issue.message)).toContainEqual(
      expect.stringMatching(/The kept shortcode "" is not one the website may be given/),
    )
    expect(body.trim()).toBe(
      '<pre class="preserved preserved--text">[x](javascript:alert(1)) &#123;&#123;% note %}}</pre>',
    )
  })

  it('23 keeps sanitised HTML in one HTML block, so no markdown or shortcode is read in it', () => {
    const {body} = hugoBody({
      body: [
        {
          _type: 'preservedSource',
          _key: key(),
          format: 'html',
          source:
            '<div>Kept</div>\n\n[x](javascript:alert(1)) {{% note %}}<script>alert(1)</script>',
        },
      ] as PostingPageData['body'],
    })
    expect(body.trim()).toBe(
      '<div class="preserved"><div>Kept</div>\n[x](javascript:alert(1)) &#123;&#123;% note %}}</div>',
    )
  })

  it('24 escapes a description the website writes as HTML', () => {
    const {body} = hugoBody({
      body: [
        {
          _type: 'callToAction',
          _key: key(),
          label: 'Go',
          url: 'https://example.com/',
          variant: 'iconBlock',
          description: '<img src=x onerror=alert(1)> & more',
        },
      ] as PostingPageData['body'],
    })
    expect(body).toContain('description="&lt;img src=x onerror=alert(1)&gt; &amp; more"')
  })

  it.each([
    ['25a', 'plain words', '"plain words"'],
    ['25b', 'say "hi" \\ there', '`say "hi" \\ there`'],
    ['25c', 'back`tick "and" quote\\', '"back`tick \\"and\\" quote＼"'],
    ['25d', 'ends in a backslash\\', '`ends in a backslash\\`'],
    ['25e', 'two\nlines', '"two lines"'],
  ])('%s quotes a shortcode parameter so Hugo reads it back whole: %j', (_n, label, quoted) => {
    const {body} = hugoBody({
      body: [
        {_type: 'callToAction', _key: key(), label, url: 'https://example.com/', variant: 'button'},
      ] as PostingPageData['body'],
    })
    expect(body).toContain(`{{< localbutton text=${quoted} link="https://example.com/" >}}`)
  })

  it('26 writes link destinations goldmark cannot read a character code or an escape into', () => {
    const {body} = hugoBody({
      body: [linked('https://example.com/?a=1&amp;b=\\c&copy=<x>')] as PostingPageData['body'],
    })
    expect(body).toContain('[here](<https://example.com/?a=1\\&b=\\\\c\\&copy=%3Cx%3E>)')
  })

  it('27 writes in the front matter only links, images and old addresses the policy accepts', () => {
    const {frontMatter, issues} = hugoBody({
      apply: {_type: 'applyLink', label: 'Go', url: '&#106;avascript:alert(1)'},
      sidebarImage: {_type: 'siteImage', legacyPath: '//evil.example/x.png'},
      aliases: ['/old/job', '/', '//evil.example'],
      hugo: {
        _type: 'hugoSource',
        frontMatter: [
          {_type: 'frontMatterEntry', _key: 'k1', key: 'url', value: '"/career/"'},
          {_type: 'frontMatterEntry', _key: 'k2', key: 'translationKey', value: '"job"'},
        ],
      },
    })
    expect(frontMatter).not.toMatch(/sidebarlinkurl|sidebarimage|evil|url:/)
    expect(frontMatter).toContain('aliases:\n  - "/old/job"\n')
    expect(frontMatter).toContain('translationKey: "job"\n')
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        'apply.url',
        'sidebarImage',
        'aliases[1]',
        'aliases[2]',
        'hugo.frontMatter[0]',
      ]),
    )
  })

  it('28 writes code with "{{" as an HTML code element, so Hugo runs no shortcode in it', () => {
    const {body} = hugoBody({
      body: [block([{text: '{{% note %}} *x*', marks: ['code']}])] as PostingPageData['body'],
    })
    expect(body.trim()).toBe('<code>&#123;&#123;% note %}} \\*x\\*</code>')
  })
})
