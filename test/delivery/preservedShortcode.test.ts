/**
 * A preserved shortcode is a call into the website's templates; the Content Lake does not
 * enforce `readOnly`, so anyone who can write a document could put anything in one. The export
 * writes it from its parts, checked, never from its `source` text: these cases try to call
 * templates the website must not be given, to break out of a quoted parameter, to smuggle a
 * script or a nested shortcode through the inner text. Each is built with the website's own
 * templates (../shared/site) and read back from the page Hugo makes.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {beforeAll, describe, expect, it} from 'vitest'

import {postingToHugoMarkdown, type HugoMarkdown} from '../../lib/export/hugoMarkdown'
import {parseShortcodes} from '../../lib/hugo/shortcodes'
import type {PostingPageData} from '../../lib/render'
import {preservedSource} from '../../schemas/objects/preservedSource'
import {buildRealSite, type BuiltSite} from '../roundtrip/realSite'
import {parseHtml} from './pageAssertions'

type Parts = {
  name: string
  delimiter?: '<' | '%'
  params?: {name?: string; value: string}[]
  inner?: string
  paired?: boolean
}

let keys = 0
function preserved(parts: Parts, source = '{{< shortcode as imported >}}') {
  return {
    _type: 'preservedSource',
    _key: `p${++keys}`,
    format: 'shortcode',
    source,
    shortcode: {
      ...parts,
      params: parts.params?.map((param) => ({
        _type: 'shortcodeParam',
        _key: `q${++keys}`,
        ...param,
      })),
    },
  }
}

function posting(body: unknown[]): PostingPageData {
  return {
    _id: 'posting-preserved',
    title: 'Preserved shortcodes',
    slug: 'preserved',
    language: 'en',
    body,
  } as unknown as PostingPageData
}

describe('a preserved shortcode written for the website', () => {
  let exported: HugoMarkdown
  let site: BuiltSite
  let page: Document
  let pageHtml: string

  beforeAll(async () => {
    exported = postingToHugoMarkdown(
      posting([
        // A parameter that tries to close the shortcode and call another one.
        preserved({
          name: 'info',
          params: [
            {name: 'title', value: 'Breakout" >}}{{< readfile "config.toml" >}}{{< info title="'},
            {name: 'name', value: 'Ada'},
          ],
        }),
        // A template the website must not be given: it reads files from the site.
        preserved({name: 'readfile', params: [{value: 'config.toml'}]}),
        // A name that is not a name.
        preserved({name: 'info >}}<script>alert(1)</script>{{< info'}),
        // A script link in a parameter.
        preserved({
          name: 'info',
          params: [
            {name: 'title', value: 'Click'},
            {name: 'link', value: 'javascript:alert(1)'},
          ],
        }),
        // Inner text with a script and a nested shortcode.
        preserved({
          name: 'quote',
          paired: true,
          params: [{value: 'Grace'}],
          inner:
            'Words <script>alert(1)</script><b>kept</b> {{< readfile "config.toml" >}} <img src=x onerror=alert(1)>',
        }),
        // The source text says one thing, the parts another: the parts are written.
        preserved(
          {name: 'info', params: [{name: 'title', value: 'From the parts'}]},
          '{{< readfile "config.toml" >}}',
        ),
      ]),
      {draft: false},
    )
    site = await buildRealSite('preserved', new Map([['career/preserved.md', exported.markdown]]))
    pageHtml = readFileSync(join(site.publicDir, 'career', 'preserved', 'index.html'), 'utf8')
    page = parseHtml(pageHtml)
  })

  it('quotes every parameter, so a value cannot close the shortcode or open another', () => {
    const titles = [...page.querySelectorAll('main h3')].map((heading) =>
      heading.textContent?.trim(),
    )
    expect(titles).toContain('Breakout" >}}{{< readfile "config.toml" >}}{{< info title="')
    expect(titles).toContain('From the parts')
    // Nothing of the site's configuration reached the page.
    expect(pageHtml).not.toContain('baseURL')
  })

  it('refuses templates off the list, names that are not names and script links, saying why', () => {
    // Read back with our parser, which tokenises as Hugo does: only the two allowed templates.
    const called = parseShortcodes(exported.markdown).nodes.flatMap((node) =>
      node.kind === 'shortcode' ? [node.name] : [],
    )
    expect(new Set(called)).toEqual(new Set(['info', 'quote']))
    expect(exported.markdown).not.toContain('<script>')
    expect(exported.markdown).not.toContain('javascript:')
    const messages = exported.issues.map((issue) => issue.message)
    expect(messages).toContainEqual(
      expect.stringMatching(/"readfile" is not one the website may be given/),
    )
    expect(messages).toContainEqual(
      expect.stringMatching(/"info >}}<script>.*is not one the website may be given/),
    )
    expect(messages).toContainEqual(expect.stringMatching(/was left out: its link is refused/))
  })

  it('cleans the inner text like HTML: no script, no handler, no nested shortcode', () => {
    const quote = page.querySelector('main .quote')
    expect(quote?.querySelector('b')?.textContent).toBe('kept')
    expect(quote?.querySelector('script, [onerror]')).toBeNull()
    expect(page.querySelectorAll('main .content-default-single script')).toHaveLength(0)
    expect(quote?.textContent).toContain('{{< readfile')
  })

  it('is read-only in the Studio: HR can remove it or rewrite it as blocks, not edit it', () => {
    expect(preservedSource.readOnly).toBe(true)
  })
})
