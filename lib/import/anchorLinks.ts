import {anchorIdsOf} from '../model/anchors'
import {checkLink} from '../model/links'
import {slugify} from '../model/slug'
import type {ImportedDocument} from './types'

export interface AnchorFinding {
  severity: 'info' | 'warning'
  field: string
  message: string
}

/**
 * In-page links (`#…`) of a posting, checked against the jump targets its body offers. Hugo keeps
 * letters such as "å" in heading ids while our ids are plain ASCII (see slugify), so a link
 * written for the old site is rewritten to the id the same heading gets now.
 */
export function repairAnchorLinks(posting: ImportedDocument): AnchorFinding[] {
  const ids = anchorIdsOf(posting.body as never)
  const findings: AnchorFinding[] = []
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`))
      return
    }
    if (!value || typeof value !== 'object') return
    const object = value as Record<string, unknown>
    for (const [field, fieldValue] of Object.entries(object)) {
      const fieldPath = path ? `${path}.${field}` : field
      if (
        (field === 'url' || field === 'href') &&
        typeof fieldValue === 'string' &&
        fieldValue.startsWith('#')
      ) {
        const repaired = repair(fieldValue, ids)
        if (repaired && repaired !== fieldValue) {
          object[field] = repaired
          findings.push({
            severity: 'info',
            field: fieldPath,
            message: `The link "${fieldValue}" now points to "${repaired}", the id its heading has in the new site.`,
          })
        } else if (!repaired) {
          findings.push({
            severity: 'warning',
            field: fieldPath,
            message: `The link "${fieldValue}" points to no heading or jump target on the page: check it.`,
          })
        }
      } else visit(fieldValue, fieldPath)
    }
  }
  visit(posting, '')
  return findings
}

function repair(url: string, ids: Set<string>): string | undefined {
  const id = decode(url.slice(1))
  if (checkLink(url).ok && ids.has(id)) return url
  const slug = slugify(id)
  return ids.has(slug) ? `#${slug}` : undefined
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
