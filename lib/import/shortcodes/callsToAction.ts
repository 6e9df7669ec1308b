import {param} from '../../hugo/shortcodes'
import {compact} from '../fields'
import {formOf, type ShortcodeHandlers} from './types'

/** Buttons and links: `localbutton`, `localtextbutton`, `icon-block-horisontal`, `2calltoaction`. */
export const callToActionHandlers: ShortcodeHandlers = {
  localbutton: {
    inner: false,
    block: (node, body) => {
      const text = (name: string, position?: number) => param(node, name, position)
      body.add(
        body.callToAction(
          {
            label: text('text', 0),
            url: body.resolveLink(text('linkref') ?? text('link', 1), node.line),
            variant: 'button',
            icon: text('icon'),
            openInNewTab: text('target') === '_blank' ? true : undefined,
            hugoForm: formOf(node, '<'),
          },
          node.line,
        ),
        node,
      )
    },
  },
  localtextbutton: {
    inner: false,
    block: (node, body) => {
      body.add(
        body.callToAction(
          {
            label: param(node, 'text', 0),
            url: body.resolveLink(param(node, 'link', 1), node.line),
            variant: 'textLink',
            hugoForm: formOf(node, '<'),
          },
          node.line,
        ),
        node,
      )
    },
  },
  'icon-block-horisontal': {
    inner: false,
    block: (node, body) => {
      const text = (name: string) => param(node, name)
      body.add(
        body.callToAction(
          {
            label: text('text'),
            url: body.resolveLink(text('link') ?? text('linkref'), node.line),
            variant: 'iconBlock',
            description: text('description'),
            icon: text('icon'),
            color: text('color'),
            hugoForm: formOf(node, '<'),
          },
          node.line,
        ),
        node,
      )
    },
  },
  '2calltoaction': {
    inner: false,
    block: (node, body) => {
      // The template reads four positional parameters: label, link, second label, second link.
      const [label, url, secondaryLabel, secondaryUrl] = [0, 1, 2, 3].map(
        (position) => node.params.positional[position]?.trim() || undefined,
      )
      if (!label || !url || !secondaryLabel || !secondaryUrl)
        body.issues.push({
          severity: 'warning',
          line: node.line,
          field: 'body',
          message:
            'The button with a second link misses a label or a link: it was kept as it is; complete it in the Studio.',
        })
      body.checkLink(url, node.line)
      body.checkLink(secondaryUrl, node.line)
      body.add(
        compact({
          _type: 'callToActionPair',
          _key: body.keys(),
          label,
          url: body.resolveLink(url, node.line),
          secondaryLabel,
          secondaryUrl: body.resolveLink(secondaryUrl, node.line),
          hugoForm: formOf(node, '<'),
        }),
        node,
      )
    },
  },
}
