import {
  type ArrayRule,
  type CustomValidatorResult,
  getDraftId,
  getPublishedId,
  type Reference,
  type ValidationContext,
} from 'sanity'

import {ANCHOR_ID_PATTERN, checkLink, type LinkKind} from '../lib/model/links'
import {translationProblems, type TranslationVersion} from '../lib/model/translations'
import {SLUG_PATTERN} from '../lib/model/slug'
import {SANITY_API_VERSION} from '../lib/apiVersion'

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

type StringRule = import('sanity').StringRule
type SlugRule = import('sanity').SlugRule

/**
 * A required link field. The rules are separate on purpose: a message given to `.error()` would
 * replace the reason the link check returns.
 */
export function requiredHref(rule: StringRule, whenMissing: string, allowed: readonly LinkKind[]) {
  return [rule.required().error(whenMissing), rule.custom(validateHref(allowed))]
}

/**
 * A required slug in the shape of the website's addresses. One custom rule on purpose: the slug
 * type's built-in `required` only says "Required", which tells HR nothing.
 */
export function requiredSlug(rule: SlugRule, whenMissing: string, example: string) {
  return rule
    .custom((slug) => {
      if (!slug?.current) return whenMissing
      return SLUG_PATTERN.test(slug.current)
        ? true
        : `Use lower-case letters, digits and hyphens only, like "${example}".`
    })
    .error()
}

/** An optional in-page id (`#name`) that links can jump to. */
export function anchorIdRule(rule: StringRule) {
  return rule
    .regex(ANCHOR_ID_PATTERN)
    .error('Use letters, digits and hyphens, starting with a letter.')
}

/** The translations a posting lists, as drafts where they have one: in any perspective. */
const TRANSLATION_VERSIONS_QUERY = `*[_type == "posting" && (_id in $ids || _id in $draftIds)]{
  "storedId": coalesce(_originalId, _id), title, language, "translations": translations[]._ref
}`

/**
 * Translations link both ways: a posting listed here must list this one back. Asked of the
 * dataset, so it sees the other posting's pending draft as well as its published version.
 */
export function translationsLinkBack(rule: ArrayRule<Reference[]>) {
  return rule.custom(async (value: Reference[] | undefined, context: ValidationContext) => {
    const ids = (value ?? []).map((reference) => reference._ref).filter(Boolean)
    if (!context.document || ids.length === 0) return true
    const stored = await context
      .getClient({apiVersion: SANITY_API_VERSION})
      .fetch<
        {storedId: string; title?: string; language?: string; translations?: string[] | null}[]
      >(
        TRANSLATION_VERSIONS_QUERY,
        {ids, draftIds: ids.map((id) => getDraftId(id))},
        {perspective: 'drafts'},
      )
    // Raw answers hold both versions of a posting; the draft is what gets published next.
    const versions = new Map<string, TranslationVersion>()
    for (const version of stored) {
      const id = getPublishedId(version.storedId)
      if (versions.has(id) && version.storedId === id) continue
      versions.set(id, {...version, id, translations: version.translations ?? []})
    }
    const problems = translationProblems(
      {
        id: getPublishedId(context.document._id),
        language: (context.document as {language?: string}).language,
        translations: ids,
      },
      [...versions.values()],
    )
    return problems.length === 0 ? true : problems.join(' ')
  })
}
