import {APPLY_LINK_KINDS, checkLink} from '../model/links'
import {COUNTRIES, EMPLOYMENT_TYPES} from '../model/vocabulary'
import {absoluteUrl, postingPath} from './settings'
import type {PostingPageData, SiteSettings} from './types'

/** The schema.org JobPosting Google for Jobs reads; optional members are left out when unknown. */
export interface JobPostingJsonLd {
  '@context': 'https://schema.org'
  '@type': 'JobPosting'
  title?: string
  description?: string
  datePosted?: string
  validThrough?: string
  employmentType?: string
  url: string
  directApply?: boolean
  hiringOrganization: {'@type': 'Organization'; name: string; sameAs: string; logo?: string}
  jobLocation?: {
    '@type': 'Place'
    address: {'@type': 'PostalAddress'; addressLocality?: string; addressCountry?: string}
  }[]
  jobLocationType?: 'TELECOMMUTE'
  applicantLocationRequirements?: {'@type': 'Country'; name: string}[]
}

/**
 * Build the JobPosting for a posting. `descriptionHtml` is the rendered ingress and body: Google
 * wants the full description as HTML.
 */
export function buildJobPostingJsonLd(
  posting: PostingPageData,
  settings: SiteSettings,
  descriptionHtml: string,
): JobPostingJsonLd {
  const location = posting.location
  const countries = (location?.countries ?? []).filter(Boolean)
  const isRemote = location?.workplaceType === 'remote'
  const employmentType = EMPLOYMENT_TYPES.find((type) => type.value === posting.employmentType)
  const applyKind = posting.apply?.url ? checkLink(posting.apply.url) : undefined
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    ...(posting.title ? {title: posting.title} : {}),
    ...(descriptionHtml.trim() ? {description: descriptionHtml} : {}),
    ...(posting.publishedAt ? {datePosted: posting.publishedAt} : {}),
    ...(posting.validThrough ? {validThrough: posting.validThrough} : {}),
    ...(employmentType ? {employmentType: employmentType.schemaOrg} : {}),
    url: absoluteUrl(settings, postingPath(settings, posting.slug ?? '')),
    // Direct apply means the link opens an application (a form or an email), not a page to read.
    ...(applyKind?.ok && APPLY_LINK_KINDS.includes(applyKind.kind)
      ? {directApply: applyKind.kind !== 'anchor'}
      : {}),
    hiringOrganization: {
      '@type': 'Organization',
      name: settings.organizationName,
      sameAs: settings.organizationUrl,
      ...(settings.organizationLogoUrl ? {logo: settings.organizationLogoUrl} : {}),
    },
    ...(isRemote
      ? {
          jobLocationType: 'TELECOMMUTE' as const,
          applicantLocationRequirements: countries.map((code) => ({
            '@type': 'Country' as const,
            name: countryName(code),
          })),
        }
      : countries.length || location?.city
        ? {
            jobLocation: (countries.length ? countries : [undefined]).map((code) => ({
              '@type': 'Place' as const,
              address: {
                '@type': 'PostalAddress' as const,
                ...(location?.city ? {addressLocality: location.city} : {}),
                ...(code ? {addressCountry: code} : {}),
              },
            })),
          }
        : {}),
  }
}

/** A property Google requires for a JobPosting that this one lacks, with what to do about it. */
export interface MissingJobPostingField {
  field: string
  /** Required by Google (the posting is not eligible without it) or only recommended. */
  level: 'required' | 'recommended'
  fix: string
}

/**
 * What Google for Jobs requires and the posting does not give (see
 * developers.google.com/search/docs/appearance/structured-data/job-posting): title, description,
 * datePosted, hiringOrganization.name, and either a jobLocation with a country or, for remote
 * jobs, TELECOMMUTE with the countries applicants may live in. validThrough and employmentType
 * are recommended: without a closing date Google keeps listing a filled job.
 */
export function findMissingJobPostingFields(jsonLd: JobPostingJsonLd): MissingJobPostingField[] {
  const missing: MissingJobPostingField[] = []
  const need = (
    present: unknown,
    field: string,
    fix: string,
    level: MissingJobPostingField['level'] = 'required',
  ) => {
    if (!present) missing.push({field, level, fix})
  }
  need(jsonLd.title?.trim(), 'title', 'Give the posting a job title.')
  need(jsonLd.description?.trim(), 'description', 'Write the body of the posting.')
  need(jsonLd.datePosted, 'datePosted', 'Set the publication date.')
  need(
    jsonLd.validThrough,
    'validThrough',
    'Set a closing date so job boards stop listing the job when it is filled.',
    'recommended',
  )
  need(jsonLd.employmentType, 'employmentType', 'Choose the employment type.', 'recommended')
  need(
    jsonLd.hiringOrganization.name.trim(),
    'hiringOrganization.name',
    'Configure the organisation name of the site.',
  )
  if (jsonLd.jobLocationType === 'TELECOMMUTE') {
    need(
      jsonLd.applicantLocationRequirements?.length,
      'applicantLocationRequirements',
      'Choose the countries a remote candidate may live in.',
    )
  } else {
    need(
      jsonLd.jobLocation?.length,
      'jobLocation',
      'Choose the workplace and the country (and city) of the job.',
    )
    if (jsonLd.jobLocation?.length) {
      need(
        jsonLd.jobLocation.every((place) => place.address.addressCountry),
        'jobLocation.address.addressCountry',
        'Choose the country of the office.',
      )
    }
  }
  return missing
}

function countryName(code: string): string {
  return COUNTRIES.find((country) => country.value === code)?.title ?? code
}
