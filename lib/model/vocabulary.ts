/**
 * The closed vocabularies of the careers model. The schema offers them as options, the import maps
 * Hugo's free text onto them and the website renders their labels, so they live in one place.
 */

export const POSTING_LANGUAGES = [
  {title: 'English', value: 'en'},
  {title: 'Swedish', value: 'sv'},
  {title: 'Norwegian', value: 'no'},
] as const
export type PostingLanguage = (typeof POSTING_LANGUAGES)[number]['value']

export const EMPLOYMENT_TYPES = [
  {title: 'Full time', value: 'fullTime', schemaOrg: 'FULL_TIME'},
  {title: 'Part time', value: 'partTime', schemaOrg: 'PART_TIME'},
  {title: 'Contract', value: 'contract', schemaOrg: 'CONTRACTOR'},
  {title: 'Internship', value: 'internship', schemaOrg: 'INTERN'},
  {title: 'Temporary', value: 'temporary', schemaOrg: 'TEMPORARY'},
] as const
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number]['value']

export const WORKPLACE_TYPES = [
  {title: 'On site', value: 'onsite'},
  {title: 'Hybrid', value: 'hybrid'},
  {title: 'Remote', value: 'remote'},
] as const
export type WorkplaceType = (typeof WORKPLACE_TYPES)[number]['value']

/** ISO 3166-1 alpha-2 codes of the countries the company hires in, with their English names. */
export const COUNTRIES = [
  {title: 'Sweden', value: 'SE'},
  {title: 'Norway', value: 'NO'},
  {title: 'Denmark', value: 'DK'},
  {title: 'Finland', value: 'FI'},
  {title: 'Iceland', value: 'IS'},
  {title: 'Estonia', value: 'EE'},
  {title: 'Germany', value: 'DE'},
  {title: 'Netherlands', value: 'NL'},
  {title: 'Poland', value: 'PL'},
] as const
export type CountryCode = (typeof COUNTRIES)[number]['value']

export const CALLOUT_TONES = [
  {title: 'Neutral', value: 'neutral'},
  {title: 'Information', value: 'info'},
  {title: 'Success', value: 'success'},
  {title: 'Warning', value: 'warning'},
] as const

export const CALL_TO_ACTION_VARIANTS = [
  {title: 'Button', value: 'button'},
  {title: 'Large icon block', value: 'iconBlock'},
  {title: 'Text link', value: 'textLink'},
] as const
export type CallToActionVariant = (typeof CALL_TO_ACTION_VARIANTS)[number]['value']

/** Search engines cut meta descriptions at about this many characters. */
export const INTRO_RECOMMENDED_MAX = 160
export const INTRO_RECOMMENDED_MIN = 50
