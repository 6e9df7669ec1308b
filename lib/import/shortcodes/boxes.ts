import {param, rawParam} from '../../hugo/shortcodes'
import {compact} from '../fields'
import {formOf, type ShortcodeHandlers} from './types'

/** `note`: a callout box with a heading. */
export const boxHandlers: ShortcodeHandlers = {
  note: {
    inner: true,
    block: (node, body) => {
      const title = param(node, 'title', 0)
      if (!title)
        body.issues.push({
          severity: 'warning',
          line: node.line,
          field: 'body',
          message: 'The note has no title: give the callout a heading.',
        })
      const key = body.keys()
      body.add(
        compact({
          _type: 'callout',
          _key: key,
          title: rawParam(node, 'title', 0)?.trim() ? rawParam(node, 'title', 0) : undefined,
          content: body.nested(node, key),
          tone: 'neutral',
          icon: param(node, 'icon'),
          color: param(node, 'color'),
          hugoForm: formOf(node, '%'),
        }),
        node,
      )
    },
  },
  distance: {
    inner: false,
    block: (node, body) => {
      body.add(compact({_type: 'spacer', _key: body.keys(), hugoForm: formOf(node, '<')}), node)
    },
  },
}
