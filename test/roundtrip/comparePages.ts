/**
 * Two builds of the real site, page by page: every facet of every page compared, and a report a
 * person can read (which page, which facet, the lines only one side has).
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'

import {FACET_NAMES, pageFacets, type FacetName} from './pageFacets'
import type {BuiltSite} from './realSite'
import {diffSequences} from './sequenceDiff'

export interface PageDifference {
  page: string
  facet: FacetName | 'page'
  /** The differing lines, `-` only in the original, `+` only in the round trip. */
  hunks: string[]
}

export interface SiteComparison {
  pages: string[]
  differences: PageDifference[]
  /** One line per page, then the hunks of each difference. */
  report: string
}

/** The output file of a page at `permalink`. */
function pageFile(site: BuiltSite, permalink: string): string {
  return join(site.publicDir, decodeURIComponent(permalink), 'index.html')
}

export function comparePages(
  original: BuiltSite,
  roundTrip: BuiltSite,
  permalinks: readonly string[],
  prepareRoundTrip?: (document: Document) => void,
): SiteComparison {
  const differences: PageDifference[] = []
  const lines: string[] = []
  for (const permalink of permalinks) {
    const before = pageFile(original, permalink)
    const after = pageFile(roundTrip, permalink)
    if (!existsSync(after)) {
      differences.push({page: permalink, facet: 'page', hunks: ['- the page', '+ (none)']})
      lines.push(`${permalink}: only in the original site`)
      continue
    }
    const a = pageFacets(readFileSync(before, 'utf8'))
    const b = pageFacets(readFileSync(after, 'utf8'), prepareRoundTrip)
    const differing = FACET_NAMES.map((facet) => ({
      facet,
      diff: diffSequences(a[facet], b[facet]),
    })).filter(({diff}) => !diff.same)
    lines.push(
      `${permalink}: ${differing.length ? `differs in ${differing.map(({facet}) => facet).join(', ')}` : `identical (${a.words.length} words, ${a.headings.length} headings, ${a.links.length} links, ${a.buttons.length} buttons, ${a.images.length} images, ${a.accordions.length} accordions, ${a.iframes.length} iframes)`}`,
    )
    for (const {facet, diff} of differing) {
      differences.push({page: permalink, facet, hunks: diff.hunks})
      lines.push(
        `  [${facet}]`,
        ...diff.hunks.slice(0, 60).map((hunk) => `    ${hunk.slice(0, 200)}`),
      )
      if (diff.hunks.length > 60) lines.push(`    … ${diff.hunks.length - 60} more lines`)
    }
  }
  return {pages: [...permalinks], differences, report: lines.join('\n')}
}

/** Every file a build wrote, relative to its output folder. */
export function outputFiles(site: BuiltSite): string[] {
  const walk = (directory: string): string[] =>
    readdirSync(directory, {withFileTypes: true}).flatMap((entry) =>
      entry.isDirectory() ? walk(join(directory, entry.name)) : [join(directory, entry.name)],
    )
  return walk(site.publicDir)
    .map((file) => relative(site.publicDir, file))
    .sort()
}
