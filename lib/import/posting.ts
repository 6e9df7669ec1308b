import {stringValue, type FrontMatter} from '../hugo/frontMatter'
import type {HugoNode} from '../hugo/shortcodes'
import {slugify} from '../model/slug'
import {EMPLOYMENT_TYPES} from '../model/vocabulary'
import {repairAnchorLinks} from './anchorLinks'
import type {AssetResolver, SiteImage} from './assets'
import {BodyBuilder} from './body'
import {checkHref, type Issue} from './fields'
import {mapDate, mapEmploymentType, mapLanguage, mapLocation} from './frontMatterFields'
import {DRAFT_PREFIX, keyGenerator, readableId} from './keys'
import type {SharedDocuments} from './shared'
import {reference, type ImportedDocument} from './types'

/** Front-matter keys the posting maps to its own fields; every other key is kept in `hugo`. */
const MAPPED_KEYS = new Set([
  'title',
  'slug',
  'intro',
  'team',
  'location',
  'duration',
  'draft',
  'date',
  'sidebarlinkurl',
  'sidebarlinkname',
  'sidebarlinkicon',
  'sidebarimage',
  'socialmedia',
  'socialmediabild',
  'language',
  'toc',
  'list',
  'tags',
  'section',
  'showthedate',
  'card',
  'eventbild',
  'aliases',
])

export interface PageInput {
  /** Path shown in messages and kept in `hugo.path`, relative to the content directory. */
  file: string
  frontMatter: FrontMatter
  nodes: HugoNode[]
  /** Section: the first folder under content (career, blogg). */
  section: string | undefined
}

/** One Hugo page to one posting document, registering the shared documents it uses. */
export function mapPosting(
  page: PageInput,
  shared: SharedDocuments,
  assets: AssetResolver,
): {posting: ImportedDocument; translationKey?: string; issues: Issue[]} {
  const {frontMatter} = page
  const issues: Issue[] = []
  const get = (key: string) => stringValue(frontMatter, key)
  const lineOf = (key: string) => frontMatter.lines[key]
  const baseId = readableId('posting', page.file.replace(/\.md$/i, ''))
  const keys = keyGenerator(baseId)
  const draft = frontMatter.values.draft === true || get('draft') === 'true'
  // Mapped keys whose original text is kept in `hugo` too, because mapping changed their words.
  const keptKeys = new Set<string>()

  const body = new BodyBuilder(page.file, shared, assets, keys, issues)
  body.walk(page.nodes)
  body.flush()

  const posting: ImportedDocument = {
    _id: draft ? `${DRAFT_PREFIX}${baseId}` : baseId,
    _type: 'posting',
    title: get('title'),
    slug: {_type: 'slug', current: get('slug') ?? slugify(baseName(page.file))},
  }
  const set = (field: string, value: unknown) => {
    if (value !== undefined) posting[field] = value
  }
  set('intro', get('intro'))
  set('ingress', body.ingress)
  posting.body = body.members
  set('recruitmentProcess', body.processId && reference(body.processId))
  set('tableOfContentsLabel', get('toc'))
  const team = get('team')
  set('team', team && reference(shared.team(team)))

  // A value the vocabulary could not take as written: say so, at the front-matter line.
  const doubt = (severity: 'info' | 'warning', key: string, field: string, message?: string) => {
    if (message) issues.push({severity, line: lineOf(key), field, message})
  }
  const location = get('location')
  if (location) {
    const mapped = mapLocation(location)
    set('location', mapped.value)
    doubt('warning', 'location', 'location', mapped.doubt)
  }
  const duration = get('duration')
  if (duration) {
    const mapped = mapEmploymentType(duration)
    set('employmentType', mapped.value)
    // "Heltid" becomes "Full time": keep the words HR wrote when the vocabulary says it otherwise.
    if (employmentTitle(mapped.value)?.toLowerCase() !== duration.toLowerCase()) {
      keptKeys.add('duration')
    }
    doubt('warning', 'duration', 'employmentType', mapped.doubt)
  }
  const tags = arrayOfStrings(frontMatter.values.tags)
  const language = mapLanguage(get('language'), tags)
  set('language', language.value)
  doubt('info', 'language', 'language', language.doubt)
  const date = get('date')
  if (date) {
    const mapped = mapDate(date)
    set('publishedAt', mapped.value)
    doubt('warning', 'date', 'publishedAt', mapped.doubt)
  }

  set('apply', applyLink(get, lineOf, body, issues))
  set('contact', body.contactId && reference(body.contactId))
  set(
    'sidebarImage',
    image(get('sidebarimage'), 'sidebarImage', lineOf('sidebarimage'), assets, issues),
  )
  const socialKey = get('socialmedia') ? 'socialmedia' : 'socialmediabild'
  set('socialImage', image(get(socialKey), 'socialImage', lineOf(socialKey), assets, issues))
  const aliases = arrayOfStrings(frontMatter.values.aliases)
  if (aliases.length > 0) posting.aliases = aliases
  if (tags.length > 0) posting.tags = tags
  posting.hugo = hugoSource(page, keys, keptKeys)
  for (const finding of repairAnchorLinks(posting)) issues.push(finding)
  // translationKey also stays in `hugo.unmappedKeys`, so the export writes the same key back.
  return {posting, translationKey: get('translationkey'), issues}
}

function applyLink(
  get: (key: string) => string | undefined,
  lineOf: (key: string) => number | undefined,
  body: BodyBuilder,
  issues: Issue[],
) {
  const url = get('sidebarlinkurl')
  if (url) {
    checkHref(url, 'apply.url', lineOf('sidebarlinkurl'), issues)
    return {
      _type: 'applyLink',
      label: get('sidebarlinkname') ?? 'Apply now',
      url,
      icon: get('sidebarlinkicon'),
    }
  }
  // Older postings have no sidebar link, only a button in the text: that is how they apply.
  if (body.firstButton) {
    issues.push({
      severity: 'info',
      field: 'apply',
      message: `No sidebar link: the apply link was taken from the "${body.firstButton.label}" button in the text.`,
    })
    return {_type: 'applyLink', label: body.firstButton.label, url: body.firstButton.url}
  }
  issues.push({
    severity: 'warning',
    field: 'apply',
    message: 'No way to apply was found (no sidebarlinkurl): add one in the Studio.',
  })
  return undefined
}

function image(
  legacyPath: string | undefined,
  field: string,
  line: number | undefined,
  assets: AssetResolver,
  issues: Issue[],
): SiteImage | undefined {
  if (!legacyPath) return undefined
  const {image: value, uploaded} = assets.siteImage(legacyPath)
  if (!uploaded) {
    issues.push({
      severity: assets.enabled ? 'warning' : 'info',
      line,
      field,
      message: assets.enabled
        ? `The image "${legacyPath}" was not found under the assets directory; its old path was kept.`
        : `The image "${legacyPath}" was kept as a path on the old website (pass --assets DIR to upload it).`,
    })
  }
  return value
}

function hugoSource(page: PageInput, keys: () => string, keptKeys: Set<string>) {
  const {values, spelling} = page.frontMatter
  const unmapped = Object.keys(values)
    .filter((key) => !MAPPED_KEYS.has(key) || keptKeys.has(key))
    .sort()
    .map((key) => ({
      _type: 'frontMatterEntry',
      _key: keys(),
      key: spelling[key] ?? key,
      value: JSON.stringify(values[key]),
    }))
  const text = (key: string) => stringValue(page.frontMatter, key)
  const source: Record<string, unknown> = {_type: 'hugoSource', path: page.file}
  const add = (field: string, value: unknown) => {
    if (value !== undefined) source[field] = value
  }
  add('section', text('section') ?? page.section)
  add('showDate', typeof values.showthedate === 'boolean' ? values.showthedate : undefined)
  add('cardImage', text('card'))
  add('eventImage', text('eventbild'))
  add('listLayout', text('list'))
  if (unmapped.length > 0) source.unmappedKeys = unmapped
  return source
}

function employmentTitle(value: string | undefined): string | undefined {
  return EMPLOYMENT_TYPES.find((type) => type.value === value)?.title
}

function baseName(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.md$/i, '')
}

function arrayOfStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' ? [value] : []
}
