import {stringify} from 'yaml'

import {
  FRONT_MATTER_FIELDS,
  FRONT_MATTER_HOMES,
  frontMatterHome,
  isFieldHome,
  keysOfField,
  sourceKeys,
  type FieldHome,
} from '../model/frontMatter'
import {comparableValue, frontMatterText} from '../model/frontMatterValues'

/** What the front matter is written from: the fields' current values and the page as imported. */
export interface FrontMatterSource {
  /** The current value of each table field, by field path, as the page would read it back. */
  values: ReadonlyMap<string, unknown>
  /** The fields this kind of page has (keys of other fields are written as they were). */
  fields: ReadonlySet<string>
  /** The front matter as the old page had it: keys as written, values as JSON. */
  original?: readonly {key?: string | null; value?: string | null}[] | null
  /** Fields the import filled in with no key of the page: left out while still as filled. */
  derived?: readonly {field?: string | null; value?: string | null}[] | null
  /** A whole field of the document as stored (`apply`), to compare with what the import filled in. */
  documentValue: (field: string) => unknown
}

/**
 * The front matter of a page, driven by the same table as the import: every key the old page had
 * comes back in its place, written exactly as it was while the field it feeds still says the same
 * (so "Heltid", " " or "En" survive), and with the field's new value once HR changed it; keys the
 * model has no field for come back as they were; fields set in the Studio that the page never
 * had are added. Strings are double-quoted, so YAML 1.1 (Hugo's) cannot read "no" or "1.0" as
 * anything but text.
 */
export function frontMatterYaml(source: FrontMatterSource): string {
  const entries = writeFrontMatter(source)
  const object = Object.fromEntries(entries)
  return stringify(object, {
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  })
}

export function writeFrontMatter(source: FrontMatterSource): [string, unknown][] {
  const original = (source.original ?? [])
    .filter((entry): entry is {key: string; value: string} => typeof entry.key === 'string')
    .map((entry) => ({key: entry.key, value: parseJson(entry.value)}))
  const sources = sourceKeys(original.map((entry) => entry.key))
  const written: [string, unknown][] = []
  const covered = new Set<string>()
  const matches = (field: string, home: FieldHome, raw: unknown) =>
    same(comparableValue(home.kind, raw), current(source, field, home))

  for (const {key, value} of original) {
    const home = frontMatterHome(key)
    if (!isFieldHome(home) || !source.fields.has(home.field)) {
      written.push([key, value])
      continue
    }
    const sourceKey = sources.get(home.field) ?? key
    const sourceEntry = original.find((entry) => entry.key === sourceKey)
    const sourceHome = frontMatterHome(sourceKey) as FieldHome
    const unchanged = matches(home.field, sourceHome, sourceEntry?.value)
    covered.add(home.field)
    if (key === sourceKey) {
      if (unchanged) written.push([key, value])
      else {
        const text = newValue(source, home.field, home)
        if (text !== undefined) written.push([key, text])
      }
    } else if (key.trim().toLowerCase() === sourceKey.trim().toLowerCase()) {
      // The same key spelt twice ("language" and "Language"): both stay while unchanged.
      if (unchanged) written.push([key, value])
    } else {
      // A lower-ranked key of the same field (publishDate beside date) is Hugo's own: as it was.
      written.push([key, value])
    }
  }

  for (const field of FRONT_MATTER_FIELDS) {
    if (covered.has(field) || !source.fields.has(field) || field === 'slug') continue
    if (isDerivedAsIs(source, field)) continue
    const [key] = keysOfField(field)
    const home = key ? (FRONT_MATTER_HOMES[key] as FieldHome) : undefined
    if (!home) continue
    const text = newValue(source, field, home)
    if (text !== undefined) written.push([home.spelling, text])
  }
  return written
}

function current(source: FrontMatterSource, field: string, home: FieldHome): unknown {
  const value = source.values.get(field)
  if (value === undefined || value === null || value === '') return undefined
  switch (home.kind) {
    case 'text':
    case 'image':
    case 'location':
      return String(value).trim() || undefined
    case 'team':
      return comparableValue('team', value)
    case 'date':
      return comparableValue('date', value)
    case 'list':
      return Array.isArray(value) && value.length ? value.map(String) : undefined
    default:
      return value
  }
}

function newValue(source: FrontMatterSource, field: string, home: FieldHome): unknown {
  return frontMatterText(home.kind, source.values.get(field))
}

/** A field the import filled in itself, still holding what it put there. */
function isDerivedAsIs(source: FrontMatterSource, field: string): boolean {
  return (source.derived ?? []).some((entry) => {
    if (!entry.field || (field !== entry.field && !field.startsWith(`${entry.field}.`)))
      return false
    return canonical(parseJson(entry.value)) === canonical(source.documentValue(entry.field))
  })
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  )
}

function parseJson(value: string | null | undefined): unknown {
  if (value === undefined || value === null) return undefined
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}
