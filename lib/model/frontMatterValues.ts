import type {FrontMatterKind} from './frontMatter'
import {hugoPathSegment, slugify} from './slug'
import {
  COUNTRIES,
  EMPLOYMENT_TYPES,
  type CountryCode,
  type EmploymentType,
  type PostingLanguage,
  type WorkplaceType,
} from './vocabulary'

/**
 * Hugo's free-text front matter mapped onto the model's vocabularies. Each mapper says when it
 * had to guess, so the report can ask HR to check.
 */
export interface Mapped<T> {
  value: T | undefined
  /** Set when the value is a guess or could not be mapped. */
  doubt?: string
}

export interface StructuredLocation {
  _type: 'postingLocation'
  display: string
  workplaceType?: WorkplaceType
  countries?: CountryCode[]
  city?: string
}

// Country names as postings write them, in English and the Nordic languages.
const COUNTRY_NAMES: Record<string, CountryCode> = {
  ...Object.fromEntries(COUNTRIES.map(({title, value}) => [title.toLowerCase(), value])),
  sverige: 'SE',
  norge: 'NO',
  noreg: 'NO',
  danmark: 'DK',
  suomi: 'FI',
  island: 'IS',
  eesti: 'EE',
  deutschland: 'DE',
  tyskland: 'DE',
  nederland: 'NL',
  polska: 'PL',
}
const REMOTE = /\b(remote|distans|fjärr|fjernarbeid|hjemmekontor|anywhere)\b/i
const HYBRID = /\b(hybrid|hybridt?)\b/i
const ONSITE = /\b(on[- ]?site|office|kontor(et)?|på plats)\b/i

export function mapLocation(display: string): Mapped<StructuredLocation> {
  const location: StructuredLocation = {_type: 'postingLocation', display}
  const words = display.toLowerCase().match(/[\p{L}]+/gu) ?? []
  const countries = [
    ...new Set(words.map((word) => COUNTRY_NAMES[word]).filter((code) => code !== undefined)),
  ]
  if (countries.length > 0) location.countries = countries
  const workplace = REMOTE.test(display)
    ? 'remote'
    : HYBRID.test(display)
      ? 'hybrid'
      : ONSITE.test(display)
        ? 'onsite'
        : undefined
  if (workplace) location.workplaceType = workplace
  // "Sweden - Solna, Stockholm": the first part that is neither a country nor a workplace word
  // names the office. A location without such structure ("Mars base") is not guessed at.
  const parts = display
    .split(/\s[-–—]\s|[(),]/)
    .map((part) => part.trim())
    .filter(Boolean)
  const place = parts.find(
    (part) =>
      !REMOTE.test(part) && !HYBRID.test(part) && !ONSITE.test(part) && !isCountryList(part),
  )
  if (place && (parts.length > 1 || countries.length > 0)) location.city = place
  const doubts: string[] = []
  if (!location.workplaceType) {
    location.workplaceType = location.city ? 'onsite' : undefined
    doubts.push(
      location.city
        ? `workplace set to "on site" because an office city ("${location.city}") is named`
        : 'no workplace type (on site, hybrid, remote) could be read',
    )
  }
  if (!location.countries) doubts.push('no country could be read')
  return {
    value: location,
    doubt: doubts.length > 0 ? `Location "${display}": ${doubts.join('; ')}.` : undefined,
  }
}

function isCountryList(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? []
  return (
    words.length > 0 &&
    words.every(
      (word) =>
        word in COUNTRY_NAMES ||
        word === 'or' ||
        word === 'and' ||
        word === 'eller' ||
        word === 'och' ||
        word === 'og',
    )
  )
}

const EMPLOYMENT_PATTERNS: [RegExp, EmploymentType][] = [
  [/\b(full[- ]?time|heltid|permanent|tillsvidare|fast)\b/i, 'fullTime'],
  [/\b(part[- ]?time|deltid)\b/i, 'partTime'],
  [/\b(contract|contractor|consultant|konsult|freelance)\b/i, 'contract'],
  [/\b(intern|internship|praktik|trainee|thesis|exjobb)\b/i, 'internship'],
  [/\b(temporary|vikariat|visstid|midlertidig|fixed[- ]term)\b/i, 'temporary'],
]

export function mapEmploymentType(duration: string): Mapped<EmploymentType> {
  const match = EMPLOYMENT_PATTERNS.find(([pattern]) => pattern.test(duration))
  return match
    ? {value: match[1]}
    : {
        value: undefined,
        doubt: `Duration "${duration}" is not a known employment type: choose one in the Studio.`,
      }
}

const LANGUAGES: Record<string, PostingLanguage> = {
  en: 'en',
  english: 'en',
  sv: 'sv',
  se: 'sv',
  swedish: 'sv',
  svenska: 'sv',
  no: 'no',
  nb: 'no',
  nn: 'no',
  norwegian: 'no',
  norsk: 'no',
}

export function mapLanguage(
  language: string | undefined,
  tags: readonly unknown[] = [],
): Mapped<PostingLanguage> {
  if (language) {
    const value = LANGUAGES[language.trim().toLowerCase()]
    return value
      ? {value}
      : {value: 'en', doubt: `Language "${language}" is unknown; English was assumed.`}
  }
  // Blog-style postings name their language as a tag ("English").
  const tagged = tags.map((tag) => LANGUAGES[String(tag).toLowerCase()]).find(Boolean)
  if (tagged) return {value: tagged}
  return {value: 'en', doubt: 'No language is given; English was assumed.'}
}

/**
 * Hugo dates: `2024-02-20` (a day, read as midnight UTC as Hugo does without a time zone) or an
 * RFC 3339 timestamp.
 */
export function mapDate(date: string): Mapped<string> {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date
  const parsed = new Date(day)
  return Number.isNaN(parsed.getTime())
    ? {
        value: undefined,
        doubt: `The date "${date}" is not a date: set the publication date in the Studio.`,
      }
    : {value: parsed.toISOString()}
}

/**
 * A front-matter value written by hand, read as the model reads it, for comparing with what a
 * field holds now: when they agree, the export writes the value back exactly as it was.
 * `undefined` is "no value".
 */
export function comparableValue(kind: FrontMatterKind, raw: unknown): unknown {
  const text = typeof raw === 'string' ? raw.trim() || undefined : (raw ?? undefined)
  if (text === undefined || text === null) return undefined
  switch (kind) {
    case 'text':
    case 'image':
      return typeof text === 'string' ? text : String(text)
    case 'slug':
      return hugoPathSegment(String(text))
    case 'team':
      return slugify(String(text))
    case 'location':
      return String(text)
    case 'employmentType':
      return mapEmploymentType(String(text)).value
    case 'draft':
      return text === true || text === 'true'
    case 'date':
      return mapDate(String(text)).value
    case 'language':
      return mapLanguage(String(text)).value
    case 'list':
      return (Array.isArray(text) ? text : [text])
        .map((item) => String(item).trim())
        .filter(Boolean)
  }
}

/** A field's value as the front matter of a new page writes it. */
export function frontMatterText(kind: FrontMatterKind, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined
  switch (kind) {
    case 'employmentType':
      return EMPLOYMENT_TYPES.find((type) => type.value === value)?.title
    case 'date':
      return hugoDate(String(value))
    case 'language':
      return capitalise(String(value))
    case 'list':
      return Array.isArray(value) && value.length ? value : undefined
    default:
      return value
  }
}

/** Hugo's own format for whole days ("2024-02-20"); other times as RFC 3339. */
function hugoDate(iso: string): string {
  return iso.endsWith('T00:00:00Z') || iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}
