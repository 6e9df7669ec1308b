// The settings module alone, not the renderer's entry: this file is loaded with every Studio start.
import {DEFAULT_SITE_SETTINGS} from '../../lib/render/settings'

/** What the careers plugin needs to know about the website and the dataset. */
export interface CareersPluginConfig {
  /**
   * Origin of the public website, without a trailing slash. The preview loads the site's
   * stylesheet and images from it, and the JSON-LD uses it for the posting's address.
   * Default: the address the export uses (DEFAULT_SITE_SETTINGS.baseUrl).
   */
  siteBaseUrl?: string
  /**
   * Called with `POST {"id", "slug"}` after a posting is published, to rebuild the website.
   * Leave it out to publish without triggering a deploy. Default: none.
   */
  deployHookUrl?: string
  /** Document types that are job postings: preview, export, badges, deploy hook. Default: posting. */
  postingTypes?: string[]
  /** Document types postings reference: they get a view of the postings that use them. */
  sharedContentTypes?: string[]
}

export type ResolvedCareersConfig = Required<Omit<CareersPluginConfig, 'deployHookUrl'>> &
  Pick<CareersPluginConfig, 'deployHookUrl'>

export function resolveCareersConfig(config: CareersPluginConfig = {}): ResolvedCareersConfig {
  const siteBaseUrl = (config.siteBaseUrl?.trim() || DEFAULT_SITE_SETTINGS.baseUrl).replace(
    /\/+$/,
    '',
  )
  if (!/^https?:\/\/[^/]+$/.test(siteBaseUrl)) {
    throw new Error(
      `careersPlugin: siteBaseUrl "${config.siteBaseUrl}" is not a web origin: use https://www.example.com.`,
    )
  }
  const deployHookUrl = config.deployHookUrl?.trim() || undefined
  if (deployHookUrl && !/^https:\/\//.test(deployHookUrl)) {
    throw new Error(
      `careersPlugin: deployHookUrl "${deployHookUrl}" must be an https:// address so the hook is not sent in clear text.`,
    )
  }
  return {
    siteBaseUrl,
    deployHookUrl,
    postingTypes: config.postingTypes ?? ['posting'],
    sharedContentTypes: config.sharedContentTypes ?? ['team', 'contact', 'recruitmentProcess'],
  }
}
