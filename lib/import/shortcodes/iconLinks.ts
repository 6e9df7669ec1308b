import {param, type ShortcodeNode} from '../../hugo/shortcodes'
import type {BodyBuilder} from '../body'
import {compact} from '../fields'
import {formOf, type ShortcodeHandlers} from './types'

/** `icon-block-small-container` with its `icon-block-small`s: a row of small icon links. */
export const iconLinkHandlers: ShortcodeHandlers = {
  'icon-block-small-container': {inner: true, block: (node, body) => iconLinks(node, body)},
  'icon-block-small': {inner: false, block: (node, body) => iconLinks(node, body)},
}

function iconLinks(node: ShortcodeNode, body: BodyBuilder) {
  const items = node.name === 'icon-block-small' ? [node] : node.children
  const links = []
  for (const item of items) {
    if (item.kind === 'text') {
      if (item.text.trim()) body.append(item.text, item.line)
      continue
    }
    if (item.name !== 'icon-block-small') {
      body.preserveShortcode(item, `"${item.name}" inside a row of icon links`)
      continue
    }
    const url = body.resolveLink(param(item, 'link'), item.line)
    body.checkLink(url, item.line)
    links.push(
      compact({
        _type: 'iconLink',
        _key: body.keys(),
        label: param(item, 'text'),
        description: param(item, 'description'),
        url,
        icon: param(item, 'icon'),
        color: param(item, 'color'),
      }),
    )
  }
  body.add(
    compact({_type: 'iconLinkRow', _key: body.keys(), links, hugoForm: formOf(node, '<')}),
    node,
  )
  body.flush()
}
