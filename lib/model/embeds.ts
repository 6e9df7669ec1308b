/**
 * Which pages may be embedded in a posting (an application form in a frame). Only https pages,
 * and when an allow-list of origins is configured, only those; the import, the Studio, the HTML
 * site and the Hugo export all ask here, so a form the Studio accepts is one the website shows.
 */
export type EmbedCheck = {ok: true; origin: string} | {ok: false; reason: string}

/** The sandbox every embedded form runs in: its own form and scripts, never the page around it. */
export const EMBED_SANDBOX = 'allow-forms allow-scripts allow-same-origin allow-popups'

/** Frame attributes kept from the old website: layout only, nothing that grants a permission. */
export const KEPT_FRAME_ATTRIBUTES = new Set([
  'frameborder',
  'marginheight',
  'marginwidth',
  'scrolling',
  'loading',
  'allowfullscreen',
])

/** "https://a.example, https://b.example" → the origins, or undefined (any https origin). */
export function parseEmbedOrigins(text: string | undefined): string[] | undefined {
  const origins = (text ?? '')
    .split(/[\s,]+/)
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  return origins.length ? origins : undefined
}

export function checkEmbedUrl(
  url: string | undefined,
  allowedOrigins?: readonly string[],
): EmbedCheck {
  const trimmed = (url ?? '').trim()
  let parsed: URL
  try {
    parsed = new URL(trimmed)
  } catch {
    return {ok: false, reason: `"${trimmed}" is not a complete web address.`}
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname || parsed.username || parsed.password)
    return {ok: false, reason: `Only secure pages (https://…) can be embedded, not "${trimmed}".`}
  if (allowedOrigins && !allowedOrigins.includes(parsed.origin))
    return {
      ok: false,
      reason: `Forms from ${parsed.origin} are not on the list of sites the website embeds (${allowedOrigins.join(', ')}).`,
    }
  return {ok: true, origin: parsed.origin}
}
