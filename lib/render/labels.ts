import type {EmploymentType, PostingLanguage} from '../model/vocabulary'

/** The few words the page template says itself, in each posting language. */
export interface PageLabels {
  skipToContent: string
  careers: string
  aboutTheJob: string
  team: string
  location: string
  employment: string
  published: string
  closes: string
  questions: string
  faq: string
  openPositions: string
  noOpenPositions: string
  readMore: string
  /** The apply button's text when the posting gives none. */
  apply: string
  employmentTypes: Record<EmploymentType, string>
}

const LABELS: Record<PostingLanguage, PageLabels> = {
  en: {
    skipToContent: 'Skip to content',
    careers: 'Careers',
    aboutTheJob: 'About the job',
    team: 'Team',
    location: 'Location',
    employment: 'Employment',
    published: 'Published',
    closes: 'Apply by',
    questions: 'Questions?',
    faq: 'Frequently asked questions',
    openPositions: 'Open positions',
    noOpenPositions: 'There are no open positions right now.',
    readMore: 'Read more',
    apply: 'Apply',
    employmentTypes: {
      fullTime: 'Full time',
      partTime: 'Part time',
      contract: 'Contract',
      internship: 'Internship',
      temporary: 'Temporary',
    },
  },
  sv: {
    skipToContent: 'Hoppa till innehållet',
    careers: 'Karriär',
    aboutTheJob: 'Om tjänsten',
    team: 'Team',
    location: 'Plats',
    employment: 'Anställning',
    published: 'Publicerad',
    closes: 'Sök senast',
    questions: 'Frågor?',
    faq: 'Vanliga frågor',
    openPositions: 'Lediga tjänster',
    noOpenPositions: 'Just nu har vi inga lediga tjänster.',
    readMore: 'Läs mer',
    apply: 'Ansök',
    employmentTypes: {
      fullTime: 'Heltid',
      partTime: 'Deltid',
      contract: 'Konsultuppdrag',
      internship: 'Praktik',
      temporary: 'Visstidsanställning',
    },
  },
  no: {
    skipToContent: 'Hopp til innholdet',
    careers: 'Karriere',
    aboutTheJob: 'Om stillingen',
    team: 'Team',
    location: 'Sted',
    employment: 'Ansettelse',
    published: 'Publisert',
    closes: 'Søknadsfrist',
    questions: 'Spørsmål?',
    faq: 'Ofte stilte spørsmål',
    openPositions: 'Ledige stillinger',
    noOpenPositions: 'Vi har ingen ledige stillinger akkurat nå.',
    readMore: 'Les mer',
    apply: 'Søk',
    employmentTypes: {
      fullTime: 'Heltid',
      partTime: 'Deltid',
      contract: 'Oppdrag',
      internship: 'Praksis',
      temporary: 'Midlertidig stilling',
    },
  },
}

export function labelsFor(language: string | null | undefined): PageLabels {
  return LABELS[(language ?? 'en') as PostingLanguage] ?? LABELS.en
}

/** `lang` attribute value: the posting's language, English when it has none. */
export function htmlLang(language: string | null | undefined): string {
  return language && language in LABELS ? language : 'en'
}

/** One formatter per language: building an Intl.DateTimeFormat costs far more than formatting. */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>()

/** "28 November 2026" in the page's language; what is not a date is shown as written. */
export function formatDate(iso: string, language: string | null | undefined): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const locale = htmlLang(language) === 'no' ? 'nb' : htmlLang(language)
  let format = DATE_FORMATS.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeZone: 'UTC'})
    DATE_FORMATS.set(locale, format)
  }
  return format.format(date)
}
