import {anchorIdsOf} from '../model/anchors'
import type {ImportedDocument} from './types'

export interface AnchorFinding {
  severity: 'info' | 'warning'
  field: string
  message: string
}

/**
 * In-page links (`#…`) of a posting, checked against the jump targets its body offers: heading
 * ids are Hugo's own (lib/model/anchors.ts), so a link written for the old site keeps working as
 * written; one that led nowhere there leads nowhere here either, and is reported.
 */
export function checkAnchorLinks(posting: ImportedDocument): AnchorFinding[] {
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
        if (!ids.has(decode(fieldValue.slice(1)))) {
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

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
