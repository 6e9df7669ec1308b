import type {ShortcodeDelimiter, ShortcodeNode} from '../../hugo/shortcodes'
import type {BodyBuilder} from '../body'

/** How the import reads one of the website's shortcodes. */
export interface ShortcodeHandler {
  /**
   * The website's template reads `.Inner`, so the shortcode must be closed (or self-closed);
   * the parser holds a page to Hugo's rule with it.
   */
  inner: boolean
  /** Shortcodes that stand for words inside a paragraph (a run-in heading, a page address). */
  inline?: (node: ShortcodeNode, body: BodyBuilder) => string
  /** Shortcodes that become blocks of the body. */
  block?: (node: ShortcodeNode, body: BodyBuilder) => void
}

export type ShortcodeHandlers = Readonly<Record<string, ShortcodeHandler>>

/** The delimiter a block keeps in `hugoForm`, only when it is not the family's usual one. */
export function formOf(node: ShortcodeNode, usual: ShortcodeDelimiter): string | undefined {
  return node.delimiter === usual ? undefined : node.delimiter
}
