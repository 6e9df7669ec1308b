import {parseEmbedOrigins} from '../model/embeds'
import {DEFAULT_SITE_SETTINGS, type SiteSettings} from '../render'

/**
 * Site settings with the public address and organisation taken from SITE_URL / SITE_ORGANIZATION,
 * and the origins forms may be embedded from from EMBED_ORIGINS (comma-separated).
 */
export function siteSettingsFromEnv(env: Record<string, string | undefined>): SiteSettings {
  const baseUrl = env.SITE_URL?.trim().replace(/\/+$/, '')
  if (baseUrl && !/^https?:\/\/[^/]+/.test(baseUrl)) {
    throw new Error(`SITE_URL "${env.SITE_URL}" is not a web address: use https://www.example.com.`)
  }
  return {
    ...DEFAULT_SITE_SETTINGS,
    ...(baseUrl ? {baseUrl, organizationUrl: `${baseUrl}/`} : {}),
    ...(env.SITE_ORGANIZATION?.trim() ? {organizationName: env.SITE_ORGANIZATION.trim()} : {}),
    ...(parseEmbedOrigins(env.EMBED_ORIGINS)
      ? {embedOrigins: parseEmbedOrigins(env.EMBED_ORIGINS)}
      : {}),
  }
}
