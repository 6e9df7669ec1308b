/**
 * The website's shortcodes a preserved block (one the import had no structured block for) may be
 * written back as. Display components only: each puts its parameters into the page through
 * Hugo's escaping templates. Left out on purpose: templates that read files (`readfile`), that
 * pass parameters through `safeHTML`/`safeURL` (`custom-card`, `icon`, `manual-document-table`),
 * that embed other sites' scripts or forms (`calendly`, `contact-form`, the video players), and
 * the ones the import maps to blocks of their own (those are never preserved).
 */
export const PRESERVABLE_SHORTCODES: readonly string[] = [
  'button',
  'button0',
  'checkbox',
  'column-two',
  'disclaimer',
  'flexbox',
  'half-image',
  'icon-block',
  'icon-block-container',
  'impact',
  'info',
  'infobox',
  'inline_rubrik',
  'question',
  'quote',
  'table',
  'tooltip',
]

/** A shortcode name Hugo can call: letters, digits, "-" and "_", starting with a letter. */
export const SHORTCODE_NAME = /^[A-Za-z][\w-]*$/
