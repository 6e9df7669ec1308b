/**
 * Chromium is the judge of the link policy: each numbered case is put into a page of our site as
 * a raw attribute (so character references are decoded as an HTML attribute decodes them, the
 * most any of our outputs decodes), and what Chromium resolves it to must be what the policy
 * says: the scheme it refuses, the other host it names, or, for an accepted link, the same kind
 * of link, with the href the policy writes leading to the very same place.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {chromium, type BrowserContext} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {decodeHTMLAttribute} from 'entities/decode'

import {checkLink} from '../../lib/model/links'
import {escapeHtml} from '../../lib/render'
import {CHROMIUM_ARGS, CHROMIUM_EXECUTABLE} from '../support/chromium'
import {LINK_POLICY_CASES} from './linkPolicyCases'

// Our site as Chromium sees it; requests are answered by the test, nothing leaves the machine.
const OUR_PAGES = [
  'https://www.our-site.test/career/some-job/',
  'http://www.our-site.test/career/some-job/',
]

interface Resolved {
  protocol: string
  host: string
  href: string
}

let context: BrowserContext
let profile: string

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'chromium-links-'))
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_EXECUTABLE,
    headless: true,
    args: CHROMIUM_ARGS,
  })
})

afterAll(async () => {
  await context?.close()
  rmSync(profile, {recursive: true, force: true})
})

/** How Chromium resolves each raw link, and each href the policy writes, on a page at `pageUrl`. */
async function resolveInChromium(pageUrl: string): Promise<Map<string, Resolved>> {
  const anchors = LINK_POLICY_CASES.map((item) => {
    const check = checkLink(item.link)
    // The raw link as an attribute: only its quotes are escaped, everything else is decoded by
    // the HTML parser as it would be in stored markup (after the layers another reader removes).
    let link = item.link
    for (let layer = 1; layer < (item.layers ?? 1); layer++) link = decodeHTMLAttribute(link)
    const raw = `<a id="raw-${item.n}" href="${link.replace(/"/g, '&quot;')}">${item.n}</a>`
    const written = check.ok
      ? `<a id="written-${item.n}" href="${escapeHtml(check.href)}">w</a>`
      : ''
    return raw + written
  })
  const page = await context.newPage()
  await page.route('**/*', (route) =>
    route.request().url() === pageUrl
      ? route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><body>${anchors.join('\n')}</body>`,
        })
      : route.abort(),
  )
  await page.goto(pageUrl)
  const resolved = await page.evaluate(() =>
    [...document.querySelectorAll('a')].map((anchor) => [
      anchor.id,
      {protocol: anchor.protocol, host: anchor.host, href: anchor.href},
    ]),
  )
  await page.close()
  return new Map(resolved as [string, Resolved][])
}

describe.each(OUR_PAGES)('links on %s, as Chromium follows them', (pageUrl) => {
  let links: Map<string, Resolved>
  const ourHost = new URL(pageUrl).host
  beforeAll(async () => {
    links = await resolveInChromium(pageUrl)
  })

  it.each(LINK_POLICY_CASES.filter((item) => item.kind !== undefined))(
    '$n: $link is the kind of link the policy says, and its written form leads to the same place',
    ({n, kind}) => {
      const raw = links.get(`raw-${n}`)
      const written = links.get(`written-${n}`)
      expect(written?.href).toBe(raw?.href)
      if (kind === 'anchor' || kind === 'relative') expect(raw?.host).toBe(ourHost)
      else expect(raw?.protocol).toBe(`${kind}:`)
    },
  )

  it.each(LINK_POLICY_CASES.filter((item) => item.reason?.startsWith('Links starting with')))(
    '$n: $link has the scheme the policy refuses',
    ({n, reason}) => {
      const scheme = /"([a-z]+):"/.exec(reason ?? '')?.[1]
      expect(links.get(`raw-${n}`)?.protocol).toBe(`${scheme}:`)
    },
  )

  it.each(LINK_POLICY_CASES.filter((item) => item.reason?.includes('leads to another website')))(
    '$n: $link leads to the other host the policy names',
    ({n, reason}) => {
      const host = /another website \(([^)]+)\)/.exec(reason ?? '')?.[1]
      expect(links.get(`raw-${n}`)?.host).toBe(host)
      expect(host).not.toBe(ourHost)
    },
  )
})

describe('a link the policy will not guess about', () => {
  it('40: "https:host" stays on an https page and leaves an http one', async () => {
    const [onHttps, onHttp] = await Promise.all(OUR_PAGES.map(resolveInChromium))
    expect(onHttps?.get('raw-40')?.host).toBe('www.our-site.test')
    expect(onHttp?.get('raw-40')?.host).toBe('evil.example')
  })
})
