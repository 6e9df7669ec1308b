import {stringValue, type FrontMatter} from '../hugo/frontMatter'
import type {HugoNode} from '../hugo/shortcodes'
import {CAREERS_PAGE_FRONT_MATTER_FIELDS, POSTING_FRONT_MATTER_FIELDS} from '../model/frontMatter'
import {mapLanguage} from '../model/frontMatterValues'
import {hugoPathSegment} from '../model/slug'
import {checkAnchorLinks} from './anchorLinks'
import type {AssetResolver} from './assets'
import {BodyBuilder, type PageContext} from './body'
import {compact, type Issue} from './fields'
import {readFrontMatter, type FieldValues} from './frontMatterMapping'
import {DRAFT_PREFIX, hash, keyGenerator} from './keys'
import type {PageReferences} from './pageRefs'
import type {SharedDocuments} from './shared'
import {reference, type ImportedDocument} from './types'

export interface PageInput {
  /** Path shown in messages and kept in `hugo.path`, relative to the content directory. */
  file: string
  frontMatter: FrontMatter
  nodes: HugoNode[]
}

export interface PageServices {
  shared: SharedDocuments
  assets: AssetResolver
  pageRefs: PageReferences
  embedOrigins?: readonly string[]
}

/** One Hugo page to one posting document, registering the shared documents it uses. */
export function mapPosting(
  page: PageInput,
  services: PageServices,
): {posting: ImportedDocument; translationKey?: string; issues: Issue[]} {
  const baseId = postingId(page.file)
  const {document, values, issues, context} = mapPage(
    page,
    services,
    baseId,
    POSTING_FRONT_MATTER_FIELDS,
  )
  const derived: {field: string; value: unknown}[] = []
  Object.assign(document, {
    _type: 'posting',
    slug: {
      _type: 'slug',
      current: (values.get('slug') as string | undefined) ?? fileSlug(page.file),
    },
  })
  const set = (field: string, value: unknown) => {
    if (value !== undefined) document[field] = value
  }
  set('intro', values.get('intro'))
  set('recruitmentProcess', context.processId && reference(context.processId))
  set('tableOfContentsLabel', values.get('tableOfContentsLabel'))
  set('team', values.get('team'))
  set('location', values.get('location'))
  set('employmentType', values.get('employmentType'))
  set('publishedAt', values.get('publishedAt'))
  set('validThrough', values.get('validThrough'))
  set('contact', context.contactId && reference(context.contactId))
  set('sidebarImage', values.get('sidebarImage'))
  set('aliases', values.get('aliases'))
  set('tags', values.get('tags'))
  const tags = (values.get('tags') as string[] | undefined) ?? []
  if (values.has('language')) set('language', values.get('language'))
  else {
    const language = mapLanguage(undefined, tags)
    issues.push({
      severity: 'info',
      field: 'language',
      message: language.doubt ?? `The language was read from the tags: "${language.value}".`,
    })
    set('language', language.value)
    derived.push({field: 'language', value: language.value})
  }
  const apply = applyLink(values, context, issues)
  set('apply', apply.value)
  if (apply.derived) derived.push({field: 'apply', value: apply.value})
  finishHugoSource(document, derived)
  for (const finding of checkAnchorLinks(document)) issues.push(finding)
  return {
    posting: document,
    translationKey: stringValue(page.frontMatter, 'translationkey'),
    issues,
  }
}

/** A section's `_index.md` to the careers page document. */
export function mapCareersPage(
  page: PageInput,
  services: PageServices,
): {document: ImportedDocument; issues: Issue[]} {
  const baseId = `careersPage-${hugoPathSegment(page.file.split('/')[0] ?? 'career')}`
  const {document, values, issues, context} = mapPage(
    page,
    services,
    baseId,
    CAREERS_PAGE_FRONT_MATTER_FIELDS,
  )
  document._type = 'careersPage'
  const set = (field: string, value: unknown) => {
    if (value !== undefined) document[field] = value
  }
  set('intro', values.get('intro'))
  set('recruitmentProcess', context.processId && reference(context.processId))
  set('language', values.get('language'))
  const url = values.get('apply.url') as string | undefined
  if (url)
    set(
      'apply',
      compact({
        _type: 'applyLink',
        url,
        label: values.get('apply.label'),
        icon: values.get('apply.icon'),
      }),
    )
  finishHugoSource(document, [])
  return {document, issues}
}

/** What postings and the careers page share: front matter, body, lead paragraph, images. */
function mapPage(
  page: PageInput,
  services: PageServices,
  baseId: string,
  fields: ReadonlySet<string>,
) {
  const issues: Issue[] = []
  const keys = keyGenerator(baseId)
  const {values, entries} = readFrontMatter(page.frontMatter, {
    fields,
    shared: services.shared,
    assets: services.assets,
    keys,
    issues,
  })
  const context: PageContext = {
    file: page.file,
    shared: services.shared,
    assets: services.assets,
    pageRefs: services.pageRefs,
    embedOrigins: services.embedOrigins,
    keys,
    issues,
    contactFromRecruiterCard: false,
    joined: new Set(),
    accordions: 0,
  }
  const body = new BodyBuilder(context, 'body').walk(page.nodes).flush()
  const draft = values.get('_id') === true
  const document: ImportedDocument = {
    _id: draft ? `${DRAFT_PREFIX}${baseId}` : baseId,
    _type: '',
    title: values.get('title'),
  }
  if (context.ingress) document.ingress = context.ingress
  document.body = body.members
  if (values.has('socialImage')) document.socialImage = values.get('socialImage')
  document.hugo = compact({
    _type: 'hugoSource',
    path: page.file,
    frontMatter: entries.length ? entries : undefined,
    accordionScript:
      context.accordionScript ??
      (context.accordions > 0 ? {missingWith: context.accordions} : undefined),
    joinedBlocks: context.joined.size ? [...context.joined] : undefined,
  })
  return {document, values, issues, context}
}

function finishHugoSource(document: ImportedDocument, derived: {field: string; value: unknown}[]) {
  if (!derived.length) return
  const hugo = document.hugo as Record<string, unknown>
  hugo.derived = derived.map(({field, value}) => ({
    _type: 'derivedField',
    _key: hash(`${document._id}>derived>${field}`),
    field,
    value: JSON.stringify(value),
  }))
}

function applyLink(values: FieldValues, context: PageContext, issues: Issue[]) {
  const url = values.get('apply.url') as string | undefined
  if (url) {
    return {
      value: compact({
        _type: 'applyLink',
        label: (values.get('apply.label') as string | undefined) ?? 'Apply now',
        url,
        icon: values.get('apply.icon'),
      }),
      derived: false,
    }
  }
  // Older postings have no sidebar link, only a button in the text: that is how they apply.
  if (context.firstButton) {
    issues.push({
      severity: 'info',
      field: 'apply',
      message: `No sidebar link: the apply link was taken from the "${context.firstButton.label}" button in the text.`,
    })
    return {
      value: {_type: 'applyLink', label: context.firstButton.label, url: context.firstButton.url},
      derived: true,
    }
  }
  issues.push({
    severity: 'warning',
    field: 'apply',
    message: 'No way to apply was found (no sidebarlinkurl): add one in the Studio.',
  })
  return {value: undefined, derived: false}
}

/** The posting's id from its file: readable, and distinct for files whose names only differ in punctuation. */
export function postingId(file: string): string {
  const name = file.replace(/\.md$/i, '')
  const readable = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const exact = name.toLowerCase().replace(/\//g, '-') === readable
  return readable && readable.length <= 80 && exact
    ? `posting-${readable}`
    : `posting-${readable.slice(0, 60)}-${hash(name, 8)}`
}

/** The page's address segment from its file: its name, or its folder's for a bundle's index.md. */
export function fileSlug(file: string): string {
  const parts = file.split('/')
  const name = parts.pop() ?? file
  return hugoPathSegment(
    name.toLowerCase() === 'index.md' ? (parts.pop() ?? name) : name.replace(/\.md$/i, ''),
  )
}
