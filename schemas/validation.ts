import type {CustomValidatorResult} from 'sanity'

import {checkLink, type LinkKind} from '../lib/model/links'

/**
 * Sanity-side wrappers around the shared link rules, with messages written for HR.
 * `allowed` narrows what a field accepts; everything else is refused with the reason.
 */
export function validateHref(allowed: readonly LinkKind[]) {
  return (value: string | undefined): CustomValidatorResult => {
    if (value === undefined || value === '') return true
    const check = checkLink(value)
    if (!check.ok) return check.reason
    if (!allowed.includes(check.kind)) {
      return `This field takes ${describeKinds(allowed)}, not a ${check.kind} link.`
    }
    return true
  }
}

const KIND_NAMES: Record<LinkKind, string> = {
  https: 'a secure web address (https://…)',
  http: 'a web address (http://…)',
  mailto: 'an email link (mailto:…)',
  tel: 'a phone link (tel:…)',
  anchor: 'a link to a section of the page (#…)',
  relative: 'a path on our website (/…)',
}

function describeKinds(kinds: readonly LinkKind[]): string {
  const names = kinds.map((kind) => KIND_NAMES[kind])
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`
}

/** Links inside body text: anything a reader can follow safely. */
export const BODY_LINK_KINDS: readonly LinkKind[] = [
  'https',
  'http',
  'mailto',
  'tel',
  'anchor',
  'relative',
]
/** How to apply: an applicant-tracking page, an email, or a section of the posting itself. */
export const APPLY_LINK_KINDS: readonly LinkKind[] = ['https', 'mailto', 'anchor']
