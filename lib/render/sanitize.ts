import sanitizeHtml from 'sanitize-html'

import {checkLink} from '../model/links'

/**
 * Raw HTML kept by the import, made safe by an allow-list: text formatting, lists, links and empty
 * anchors survive; scripts, styles, event handlers, SVG, iframes and forms do not. Links go through
 * the same checkLink as every other link.
 */
const PRESERVED_HTML_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'div',
    'span',
    'br',
    'hr',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
    'sub',
    'small',
  ],
  allowedAttributes: {'*': ['id', 'class'], a: ['href', 'title']},
  // Both checks apply: sanitize-html's scheme list, then checkLink (same rules as everywhere else).
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => {
      const {href, ...rest} = attribs
      const check = href === undefined ? undefined : checkLink(href)
      return {tagName, attribs: check?.ok ? {...rest, href: href!.trim()} : rest}
    },
  },
}

export function sanitizePreservedHtml(html: string): string {
  return sanitizeHtml(html, PRESERVED_HTML_OPTIONS)
}
