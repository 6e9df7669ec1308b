import {
  type ArrayRule,
  type CustomValidatorResult,
  getDraftId,
  getPublishedId,
  type Reference,
  type ValidationContext,
} from 'sanity'

import {SANITY_API_VERSION} from '../lib/apiVersion'
import {ANCHOR_ID_PATTERN, checkLink, type LinkKind} from '../lib/model/links'
import {checkEmbedUrl, parseEmbedOrigins} from '../lib/model/embeds'
import {checkAlias, checkPostingSlug, postingSlugOfPath} from '../lib/model/sitePaths'
import {slugProblem} from '../lib/model/slug'
import {translationProblems, type TranslationVersion} from '../lib/model/translations'
import {NOT_EXPIRED_FILTER, POSTING_FILTER} from '../lib/queries/filters'
import {DEFAULT_SITE_SETTINGS} from '../lib/render/settings'

/**
 * Sanity-side wrappers around the shared link rules, with messages written for HR.
 * `allowed` narrows what a field accepts; everything else is refused with the reason.
 */
export function validateHref(allowed: readonly LinkKind[]) {
  return (value: unknown): CustomValidatorResult => {
    if (value === undefined || value === null || value === '') return true
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
 * A required slug that is a page address on the website as it is (Hugo's own path segment). One
 * custom rule on purpose: the slug type's built-in `required` only says "Required", which tells
 * HR nothing.
 */
export function requiredSlug(rule: SlugRule, whenMissing: string, example: string) {
  return rule
    .custom((slug) => {
      if (!slug?.current) return whenMissing
      return slugProblem(slug.current, example) ?? true
    })
    .error()
}

/**
 * Sites the Studio lets HR embed, from SANITY_STUDIO_EMBED_ORIGINS (comma-separated origins);
 * without it, any https page. The export reads EMBED_ORIGINS the same way.
 */
const STUDIO_EMBED_ORIGINS = parseEmbedOrigins(process.env.SANITY_STUDIO_EMBED_ORIGINS)

/** The address of an embedded form: https, and on the allow-list when there is one. */
export function embedUrlRule(rule: StringRule) {
  return rule
    .custom((url) => {
      if (!url) return true
      const check = checkEmbedUrl(url, STUDIO_EMBED_ORIGINS)
      return check.ok ? true : check.reason
    })
    .error()
}

/**
 * A posting's web address: the shape of the website's addresses, and none of the names the
 * careers pages use themselves (the export refuses those too). Uniqueness is Sanity's own check.
 */
export function postingSlugRule(rule: SlugRule) {
  return rule
    .custom((slug) => {
      const check = checkPostingSlug(slug?.current)
      return check.ok || check.reason
    })
    .error()
}

/**
 * A posting's old addresses: paths on our site that may redirect here, never the home page, the
 * careers page, a site file, another posting's address or another posting's old address. The
 * export refuses the same, with the same words.
 */
export function postingAliasesRule(rule: ArrayRule<unknown[]>) {
  return rule
    .custom(async (aliases, context) => {
      const paths: string[] = []
      for (const alias of aliases ?? []) {
        const check = checkAlias(alias, DEFAULT_SITE_SETTINGS)
        if (!check.ok) return check.reason
        paths.push(check.path)
      }
      return paths.length ? aliasesTakenElsewhere(paths, context) : true
    })
    .error()
}

// Open postings, and drafts that will be: an expired posting's address and old addresses may be
// taken over, as the export lets them (its redirect to the careers index gives way).
const TAKEN_ADDRESSES_QUERY = `*[${POSTING_FILTER} && ${NOT_EXPIRED_FILTER} && !sanity::versionOf($id) && (
  slug.current in $slugs || count(aliases[@ in $aliases]) > 0
)]{"slug": slug.current, aliases}`

async function aliasesTakenElsewhere(
  paths: readonly string[],
  context: ValidationContext,
): Promise<CustomValidatorResult> {
  const careersPath = DEFAULT_SITE_SETTINGS.careersPath
  const slugs = paths.flatMap((path) => postingSlugOfPath(path, careersPath) ?? [])
  // Stored aliases may be written with or without the final slash.
  const aliases = paths.flatMap((path) => [path, path.replace(/\/$/, '')])
  const id = (context.document?._id ?? '').replace(/^drafts\./, '')
  const others = await context
    .getClient({apiVersion: SANITY_API_VERSION})
    .withConfig({perspective: 'raw'})
    .fetch<{slug?: string; aliases?: unknown[]}[]>(TAKEN_ADDRESSES_QUERY, {id, slugs, aliases})
  for (const path of paths) {
    const slug = postingSlugOfPath(path, careersPath)
    if (slug && others.some((other) => other.slug === slug)) {
      return `"${path}" is the address of another posting: remove it here, or that posting would be replaced by a redirect.`
    }
    const taken = others.some((other) =>
      (other.aliases ?? []).some((alias) => {
        const check = checkAlias(alias, DEFAULT_SITE_SETTINGS)
        return check.ok && check.path === path
      }),
    )
    if (taken) {
      return `Another posting already lists "${path}" as an old address: an old address can lead to one posting only.`
    }
  }
  return true
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

type Placed = {_type?: string}

/**
 * A "Lead paragraph here" or "Recruitment process here" block with nothing to show, or shown
 * twice: said on the body, where HR sees the block.
 */
export function placementProblem(document: unknown) {
  const page = document as
    {body?: Placed[]; ingress?: unknown[]; recruitmentProcess?: {_ref?: string}} | undefined
  const count = (type: string) => (page?.body ?? []).filter((block) => block._type === type).length
  const problem = (message: string) => ({message, path: ['body']})
  if (count('ingressPlacement') > 1)
    return problem(
      'The lead paragraph stands in one place: remove the extra "Lead paragraph here".',
    )
  if (count('recruitmentProcessPlacement') > 1)
    return problem(
      'The recruitment process stands in one place: remove the extra "Recruitment process here".',
    )
  if (count('ingressPlacement') && !page?.ingress?.length)
    return problem('"Lead paragraph here" shows nothing: write the Lead paragraph, or remove it.')
  if (count('recruitmentProcessPlacement') && !page?.recruitmentProcess?._ref)
    return problem(
      '"Recruitment process here" shows nothing: choose the Recruitment process, or remove it.',
    )
  return undefined
}
