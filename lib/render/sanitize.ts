import DOMPurify, {type DOMPurify as Purifier} from 'dompurify'

import {checkLink} from '../model/links'

let nodePurifier: Purifier | undefined

/**
 * In a browser (and under a test DOM) DOMPurify works on the page's own window. Node has no DOM:
 * isomorphic-dompurify builds a jsdom window for it as soon as it is imported, which costs about
 * 2.5 s and 100 MB, so it is loaded on the first preserved HTML block instead (most exports
 * have none).
 */
function purifier(): Purifier {
  if (DOMPurify.isSupported) return DOMPurify
  nodePurifier ??= process.getBuiltinModule('node:module').createRequire(import.meta.url)(
    'isomorphic-dompurify',
  ) as Purifier
  return nodePurifier
}

/**
 * Raw HTML kept by the import, made safe by an allow-list: text formatting, lists, links and empty
 * anchors survive; scripts, styles, event handlers, SVG, iframes and forms do not. Links go through
 * the same checkLink as every other link.
 *
 * DOMPurify rather than a parser-based sanitiser: the Studio already ships it (sanity depends on
 * isomorphic-dompurify, which is plain DOMPurify in a browser), so the preview plugin adds no
 * sanitiser weight to the Studio bundle, and in a browser it sanitises with the browser's own
 * HTML parser.
 */
const ALLOWED_TAGS = [
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
]
const GLOBAL_ATTRIBUTES = new Set(['id', 'class'])
const LINK_ATTRIBUTES = new Set(['href', 'title'])

/** Per-tag attribute rules and our link check, which DOMPurify's global lists cannot express. */
function keepOnlyAllowedAttributes(
  node: Element,
  data: {attrName: string; attrValue: string; keepAttr: boolean},
): void {
  if (GLOBAL_ATTRIBUTES.has(data.attrName)) return
  const isLink = node.nodeName === 'A' && LINK_ATTRIBUTES.has(data.attrName)
  if (!isLink) {
    data.keepAttr = false
    return
  }
  if (data.attrName === 'href') {
    const check = checkLink(data.attrValue)
    if (check.ok) data.attrValue = check.href
    else data.keepAttr = false
  }
}

export function sanitizePreservedHtml(html: string): string {
  const purify = purifier()
  // The DOMPurify instance is shared with the Studio: add our hook for this call only.
  purify.addHook('uponSanitizeAttribute', keepOnlyAllowedAttributes)
  try {
    return purify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR: [...GLOBAL_ATTRIBUTES, ...LINK_ATTRIBUTES],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
    })
  } finally {
    purify.removeHook('uponSanitizeAttribute', keepOnlyAllowedAttributes)
  }
}
