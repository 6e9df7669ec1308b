import {accordionHandlers} from './accordions'
import {boxHandlers} from './boxes'
import {callToActionHandlers} from './callsToAction'
import {contactCardHandlers} from './contactCards'
import {figureHandlers} from './figure'
import {iconLinkHandlers} from './iconLinks'
import {inlineHandlers} from './inline'
import {leadParagraphHandlers} from './leadParagraphs'
import type {ShortcodeHandler, ShortcodeHandlers} from './types'

export type {ShortcodeHandler} from './types'

/**
 * The website's shortcodes the import understands, each family in its own module. A name not
 * here is kept as a preserved shortcode and reported.
 */
export const SHORTCODE_HANDLERS: ShortcodeHandlers = {
  ...leadParagraphHandlers,
  ...accordionHandlers,
  ...boxHandlers,
  ...callToActionHandlers,
  ...contactCardHandlers,
  ...iconLinkHandlers,
  ...inlineHandlers,
  ...figureHandlers,
}

/** What the handlers know of each template, for the parser: which take inner content. */
export function knownTemplate(name: string): Pick<ShortcodeHandler, 'inner'> | undefined {
  const handler = SHORTCODE_HANDLERS[name]
  return handler && {inner: handler.inner}
}
