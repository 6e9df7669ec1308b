import type {SiteSettings} from './types'

/** The public website the Hugo site is served from; scripts override it from the environment. */
export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  baseUrl: 'https://www.safespring.com',
  careersPath: '/career/',
  organizationName: 'Safespring',
  organizationUrl: 'https://www.safespring.com/',
  stylesheetPath: '/assets/site.css',
}

export function postingPath(settings: SiteSettings, slug: string): string {
  return `${settings.careersPath}${encodeURIComponent(slug)}/`
}

export function absoluteUrl(settings: SiteSettings, path: string): string {
  return new URL(path, `${settings.baseUrl}/`).toString()
}
