import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

import {parse as parseToml} from 'smol-toml'

import type {ShortcodeTemplate} from '../hugo/shortcodes'

/** What the import learns from the website's own Hugo site (`--site DIR`). */
export interface SiteTemplates {
  /** Every shortcode the site has a template for, and whether the template reads `.Inner`. */
  shortcodes: Map<string, ShortcodeTemplate>
  /** The site's `baseURL`, for `ref`. */
  baseUrl?: string
}

// Hugo's own shortcodes, which need no template in the site.
const HUGO_BUILT_INS: Record<string, ShortcodeTemplate> = {
  figure: {inner: false},
  ref: {inner: false},
  relref: {inner: false},
  highlight: {inner: true},
  param: {inner: false},
}

/**
 * Reads layouts/shortcodes of a Hugo site. A template "reads .Inner" when it mentions `.Inner`
 * or `.InnerDeindent`, which is how Hugo decides whether the shortcode must be closed.
 */
export function readSiteTemplates(siteDir: string): SiteTemplates {
  const directory = path.join(siteDir, 'layouts', 'shortcodes')
  if (!existsSync(directory))
    throw new Error(`${siteDir} has no layouts/shortcodes folder: is it the website's Hugo site?`)
  const shortcodes = new Map(Object.entries(HUGO_BUILT_INS))
  for (const entry of readdirSync(directory)) {
    const match = /^(.+?)(\.[a-z]+)*\.html$/i.exec(entry)
    if (!match?.[1]) continue
    const template = readFileSync(path.join(directory, entry), 'utf8')
    shortcodes.set(match[1], {inner: /\.Inner(Deindent)?\b/.test(template)})
  }
  return {shortcodes, baseUrl: readBaseUrl(siteDir)}
}

function readBaseUrl(siteDir: string): string | undefined {
  for (const name of ['hugo.toml', 'config.toml']) {
    const file = path.join(siteDir, name)
    if (!existsSync(file)) continue
    const value = (parseToml(readFileSync(file, 'utf8')) as {baseURL?: unknown}).baseURL
    return typeof value === 'string' ? value : undefined
  }
  return undefined
}
