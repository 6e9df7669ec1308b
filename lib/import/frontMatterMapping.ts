import type {FrontMatter} from '../hugo/frontMatter'
import {
  FRONT_MATTER_HOMES,
  frontMatterHome,
  isFieldHome,
  sourceKeys,
  type FieldHome,
} from '../model/frontMatter'
import {mapDate, mapEmploymentType, mapLanguage, mapLocation} from '../model/frontMatterValues'
import {hugoPathSegment} from '../model/slug'
import type {AssetResolver, SiteImage} from './assets'
import {checkHref, type Issue} from './fields'
import type {SharedDocuments} from './shared'
import {reference} from './types'

/** The field values a page's front matter gives, by field path (`apply.url`). */
export type FieldValues = Map<string, unknown>

/**
 * Reads a page's front matter through the one table (lib/model/frontMatter.ts): each field from
 * the key that feeds it, every key kept verbatim for the export, and a report of the keys with
 * no field and of values the vocabularies had to guess at.
 */
export function readFrontMatter(
  frontMatter: FrontMatter,
  context: {
    /** Fields of the document type being built; keys of other fields are kept as written. */
    fields: ReadonlySet<string>
    shared: SharedDocuments
    assets: AssetResolver
    keys: () => string
    issues: Issue[]
  },
): {values: FieldValues; entries: {_type: string; _key: string; key: string; value: string}[]} {
  const {issues} = context
  const values: FieldValues = new Map()
  const sources = sourceKeys(frontMatter.entries.map((entry) => entry.key))
  for (const [field, key] of sources) {
    if (!context.fields.has(field)) continue
    const lowerKey = key.trim().toLowerCase()
    const home = FRONT_MATTER_HOMES[lowerKey] as FieldHome
    const raw = frontMatter.values[lowerKey]
    const line = frontMatter.lines[lowerKey]
    const value = readValue(home, raw, line, field, context)
    if (value !== undefined) values.set(field, value)
  }
  const unmapped = frontMatter.entries.filter((entry) => {
    const home = frontMatterHome(entry.key)
    return !home || (isFieldHome(home) && !context.fields.has(home.field))
  })
  if (unmapped.length) {
    issues.push({
      severity: 'info',
      line: unmapped[0]?.line,
      message: `Front matter with no field here, kept as written for the website: ${unmapped.map((entry) => entry.key).join(', ')}.`,
    })
  }
  const entries = frontMatter.entries.map((entry) => ({
    _type: 'frontMatterEntry',
    _key: context.keys(),
    key: entry.key,
    value: JSON.stringify(entry.value ?? null),
  }))
  return {values, entries}
}

function readValue(
  home: FieldHome,
  raw: unknown,
  line: number | undefined,
  field: string,
  context: {shared: SharedDocuments; assets: AssetResolver; issues: Issue[]},
): unknown {
  const text = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : undefined
  const doubt = (severity: 'info' | 'warning', message: string | undefined) => {
    if (message) context.issues.push({severity, line, field, message})
  }
  switch (home.kind) {
    case 'text':
      if (text && field === 'apply.url') checkHref(text, 'apply.url', line, context.issues)
      return text
    case 'slug':
      return text ? hugoPathSegment(text) : undefined
    case 'team':
      return text ? reference(context.shared.team(text)) : undefined
    case 'location': {
      if (!text) return undefined
      const mapped = mapLocation(text)
      doubt('warning', mapped.doubt)
      return mapped.value
    }
    case 'employmentType': {
      if (!text) return undefined
      const mapped = mapEmploymentType(text)
      doubt('warning', mapped.doubt)
      return mapped.value
    }
    case 'draft':
      return raw === true || text === 'true'
    case 'date': {
      if (!text) return undefined
      const mapped = mapDate(text)
      doubt('warning', mapped.doubt)
      return mapped.value
    }
    case 'language': {
      const mapped = mapLanguage(text)
      doubt('info', mapped.doubt)
      return mapped.value
    }
    case 'image':
      return text ? image(text, field, line, context) : undefined
    case 'list': {
      const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String)
      return list.length ? list : undefined
    }
  }
}

function image(
  legacyPath: string,
  field: string,
  line: number | undefined,
  {assets, issues}: {assets: AssetResolver; issues: Issue[]},
): SiteImage {
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
