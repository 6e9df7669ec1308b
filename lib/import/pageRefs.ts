import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

import {splitFrontMatter, stringValue} from '../hugo/frontMatter'
import {hugoPathSegment} from '../model/slug'
import type {Issue} from './fields'

interface IndexedPage {
  /** Path under content/, lower-cased, with a leading slash: `/career/cfo.md`. */
  path: string
  permalink: string
}

/**
 * Hugo's `ref`/`relref` (and the website's links to `.md` files, which its resolve-link partial
 * passes to `relref`), resolved the way Hugo 0.111 does: relative to the page's folder, then
 * from the content root, then by a file name that only one page has; the address is the page's
 * own (`url`, else its section and slug, each a Hugo path segment). A reference to no page, or to
 * several, is an error, as it is for Hugo (REF_NOT_FOUND stops its build).
 */
export class PageReferences {
  private index: IndexedPage[] | undefined

  /**
   * @param contentRoots the content/ folders the imported files live in
   * @param baseUrl the site's address, for `ref` (absolute links), when known
   */
  constructor(
    private readonly contentRoots: readonly string[],
    private readonly baseUrl?: string,
  ) {}

  resolve(
    reference: string,
    fromFile: string,
    line: number,
    issues: Issue[],
    options: {absolute?: boolean} = {},
  ): string | undefined {
    const [target = '', fragment] = reference.trim().split('#')
    let permalink = ''
    if (target) {
      const found = this.find(target, fromFile)
      if (typeof found === 'string') {
        issues.push({severity: 'error', line, message: found})
        return undefined
      }
      permalink = found.permalink
      if (options.absolute) {
        if (this.baseUrl)
          permalink = new URL(permalink, `${this.baseUrl.replace(/\/+$/, '')}/`).toString()
        else
          issues.push({
            severity: 'warning',
            line,
            message: `"ref ${reference}" gives the page's full address, but the site's address is unknown (pass --site): its path ${permalink} was kept.`,
          })
      }
    }
    return fragment === undefined ? permalink : `${permalink}#${fragment}`
  }

  /** The page a reference names, or why there is none. */
  private find(reference: string, fromFile: string): IndexedPage | string {
    const pages = this.pages()
    const ref = reference.trim().toLowerCase().replace(/\\/g, '/')
    const from = `/${fromFile.toLowerCase()}`
    const fromDir = path.posix.dirname(
      path.posix.basename(from) === 'index.md' ? path.posix.dirname(from) : from,
    )
    const candidates = ref.startsWith('/')
      ? [ref]
      : [path.posix.join(fromDir, ref), path.posix.join('/', ref)]
    for (const candidate of candidates) {
      const page = pages.find((entry) => matches(entry.path, candidate))
      if (page) return page
    }
    if (!ref.includes('/')) {
      const named = pages.filter((entry) =>
        matches(`/${path.posix.basename(entry.path)}`, `/${ref}`),
      )
      if (named.length === 1 && named[0]) return named[0]
      if (named.length > 1)
        return `The page reference "${reference}" is ambiguous: ${named.length} pages are named so (Hugo refuses it too). Write the path from content/.`
    }
    return `The page reference "${reference}" finds no page under content/ (Hugo stops its build with REF_NOT_FOUND): fix the path.`
  }

  private pages(): IndexedPage[] {
    this.index ??= this.contentRoots.flatMap((root) =>
      markdownFiles(root).map((file) => indexPage(root, file)),
    )
    return this.index
  }
}

function matches(pagePath: string, candidate: string): boolean {
  const wanted = candidate.replace(/\/+$/, '')
  return (
    pagePath === wanted ||
    pagePath === `${wanted}.md` ||
    pagePath === `${wanted}/_index.md` ||
    pagePath === `${wanted}/index.md`
  )
}

function indexPage(root: string, file: string): IndexedPage {
  const relative = path.relative(root, file).split(path.sep).join('/')
  const page = splitFrontMatter(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
  const frontMatter = 'frontMatter' in page ? page.frontMatter : undefined
  const url = frontMatter && stringValue(frontMatter, 'url')
  const slug = frontMatter && stringValue(frontMatter, 'slug')
  return {path: `/${relative.toLowerCase()}`, permalink: url ?? hugoPermalink(relative, slug)}
}

/** A page's address by Hugo's default rules: its sections, then its slug or file name. */
export function hugoPermalink(relative: string, slug?: string): string {
  const parts = relative.split('/')
  const file = parts.pop() ?? ''
  const sections = parts.map(hugoPathSegment)
  if (file === '_index.md') return `/${sections.map((part) => `${part}/`).join('')}`
  const name =
    file === 'index.md' ? (sections.pop() ?? '') : hugoPathSegment(file.replace(/\.md$/i, ''))
  return `/${[...sections, slug ? hugoPathSegment(slug) : name].map((part) => `${part}/`).join('')}`
}

function markdownFiles(directory: string): string[] {
  let entries
  try {
    entries = readdirSync(directory, {withFileTypes: true})
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    if (entry.name.startsWith('.')) return []
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) return markdownFiles(full)
    return entry.isFile() && entry.name.toLowerCase().endsWith('.md') ? [full] : []
  })
}
