import {
  COUNTRIES,
  type CountryCode,
  type EmploymentType,
  type PostingLanguage,
  type WorkplaceType,
} from '../model/vocabulary'

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
