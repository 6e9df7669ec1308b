/**
 * The shared core the plugin renders with, loaded on demand: the website renderer and the Hugo
 * serialiser bring an HTML sanitiser and a markdown library, which the Studio should only
 * download when an editor opens a preview or an export, not on every start.
 */
import {postingToHugoMarkdown} from '../../lib/export'
import {DEFAULT_SITE_SETTINGS, renderPostingPage, type SiteSettings} from '../../lib/render'

export {postingToHugoMarkdown, renderPostingPage}

/** The website's settings as the Studio renders them: the export's defaults on the configured origin. */
export function siteSettingsFor(siteBaseUrl: string): SiteSettings {
  return {...DEFAULT_SITE_SETTINGS, baseUrl: siteBaseUrl, organizationUrl: `${siteBaseUrl}/`}
}
