import {param} from '../../hugo/shortcodes'
import type {ShortcodeHandlers} from './types'

/** Hugo's own `figure`: an image with its caption, written back as the same shortcode. */
export const figureHandlers: ShortcodeHandlers = {
  figure: {
    inner: false,
    block: (node, body) => {
      const src = param(node, 'src', 0)
      if (!src) {
        body.preserveShortcode(node, 'A figure without src')
        return
      }
      body.bodyImage(
        {
          legacyPath: src,
          alt: param(node, 'alt'),
          title: param(node, 'title'),
          caption: param(node, 'caption'),
          hugoForm: 'figure',
        },
        node.line,
      )
    },
  },
}
