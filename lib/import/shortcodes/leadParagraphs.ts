import {isTextBlock, type TextBlock} from '../../hugo/portableText'
import {formOf, type ShortcodeHandlers} from './types'

/** `ingress`: the lead paragraph; a second one on the page is a highlighted paragraph. */
export const leadParagraphHandlers: ShortcodeHandlers = {
  ingress: {
    inner: true,
    block: (node, body) => {
      // Read as a box would be, to see whether it holds anything but text.
      const members = body.nested(node, body.keys())
      const text = members.filter(isTextBlock) as TextBlock[]
      if (text.length !== members.length) {
        body.preserveShortcode(node, 'A lead paragraph holding other blocks')
        return
      }
      body.leadParagraph(text, node.line, formOf(node, '<'))
    },
  },
}
