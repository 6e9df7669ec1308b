import {runInMarker} from '../../hugo/markdown'
import {param} from '../../hugo/shortcodes'
import type {ShortcodeHandlers} from './types'

/**
 * Shortcodes that stand for words inside a paragraph: `inline` (a coloured run-in heading) and
 * Hugo's own `ref`/`relref` (the address of another page, resolved the way Hugo does).
 */
export const inlineHandlers: ShortcodeHandlers = {
  inline: {inner: false, inline: (node) => runInMarker(param(node, 'text', 0) ?? '')},
  ref: {
    inner: false,
    inline: (node, body) =>
      body.page.pageRefs.resolve(
        param(node, 'path', 0) ?? '',
        body.page.file,
        node.line,
        body.issues,
        {
          absolute: true,
        },
      ) ?? '',
  },
  relref: {
    inner: false,
    inline: (node, body) =>
      body.page.pageRefs.resolve(
        param(node, 'path', 0) ?? '',
        body.page.file,
        node.line,
        body.issues,
      ) ?? '',
  },
}
