import type {SourceIssue} from '../hugo/frontMatter'
import {checkLink} from '../model/links'

/** An issue found while mapping one page; the caller adds the file name. */
export type Issue = SourceIssue & {field?: string}

/** Report a link the website would refuse. In-page links wait until the whole body is known (see repairAnchorLinks). */
export function checkHref(url: string, field: string, line: number | undefined, issues: Issue[]) {
  if (url.startsWith('#')) return
  const check = checkLink(url)
  if (!check.ok)
    issues.push({severity: 'warning', line, field, message: `Link needs HR's eye: ${check.reason}`})
}

/** Drop undefined fields, so documents are stable and carry no empty keys. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T
}
