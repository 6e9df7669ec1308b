import {useEffect, useRef, useState} from 'react'

export type FrameWidth = 'desktop' | 'mobile'

/** Width of a common phone's viewport in CSS pixels. */
const MOBILE_WIDTH_PX = 390

interface SitePageFrameProps {
  /** A complete HTML document as the website serves it. */
  html: string
  /** Origin the page's relative links and images resolve against. */
  siteBaseUrl: string
  /** The website's stylesheet, inlined so the preview looks right wherever the site is hosted. */
  stylesheet: string
  width: FrameWidth
  title: string
}

/**
 * The website's page in a sandboxed frame. No `allow-scripts`: nothing in the page can run. With
 * `allow-same-origin` (safe without scripts) the Studio updates the frame's body in place as the
 * posting changes, so the frame neither flashes white nor jumps back to the top while typing.
 */
export function SitePageFrame({html, siteBaseUrl, stylesheet, width, title}: SitePageFrameProps) {
  const frameRef = useRef<HTMLIFrameElement>(null)
  const documentHtml = withSiteResources(html, siteBaseUrl, stylesheet)
  // The first page loads through srcdoc; later ones are patched into the loaded document.
  const [srcDoc, setSrcDoc] = useState(documentHtml)

  useEffect(() => {
    const frameDocument = frameRef.current?.contentDocument
    const isShowingPage = frameDocument?.URL === 'about:srcdoc' && frameDocument.body
    // Until the first page has loaded (or when the page's stylesheets change), load it whole.
    if (!isShowingPage || !patchDocument(frameDocument, documentHtml)) setSrcDoc(documentHtml)
  }, [documentHtml])

  const handleLoad = () => {
    frameRef.current?.contentDocument?.addEventListener('click', keepLinksOutOfTheFrame)
  }

  return (
    <iframe
      ref={frameRef}
      title={title}
      srcDoc={srcDoc}
      sandbox="allow-same-origin"
      onLoad={handleLoad}
      style={{
        display: 'block',
        width: width === 'mobile' ? MOBILE_WIDTH_PX : '100%',
        maxWidth: '100%',
        height: '100%',
        margin: '0 auto',
        border: 0,
        background: 'white',
      }}
    />
  )
}

/**
 * Resolve the page's site-relative addresses against the website, not the Studio, and put the
 * stylesheet in the page: the one the page links to lives wherever the exported site is hosted.
 */
function withSiteResources(html: string, siteBaseUrl: string, stylesheet: string): string {
  const base = `<base href="${siteBaseUrl.replace(/"/g, '&quot;')}/">`
  // `</style` cannot occur in our own stylesheet; guard anyway so it cannot end the element.
  const style = `<style>${stylesheet.replace(/<\/style/gi, '<\\/style')}</style>`
  return html.replace(/<head>/i, `<head>${base}${style}`)
}

/** Bring the shown page's body and title to the new one's; false when it cannot. */
function patchDocument(target: Document, html: string): boolean {
  // DOMParser documents are inert: nothing in them loads or runs while we copy from them.
  const next = new DOMParser().parseFromString(html, 'text/html')
  const currentStylesheets = stylesheetsOf(target)
  if (currentStylesheets !== stylesheetsOf(next)) return false
  target.title = next.title
  target.documentElement.lang = next.documentElement.lang
  patchNode(target.body, next.body)
  return true
}

/**
 * Change only the nodes that differ. Replacing the whole body re-created every image, which
 * then loaded again at a different size and moved the text the reader was looking at (the
 * browser's scroll anchoring shifted the scroll position by the difference).
 */
function patchNode(current: Node, next: Node): void {
  if (current.isEqualNode(next)) return
  const document = current.ownerDocument!
  // Node types, not `instanceof`: the frame's nodes belong to the frame's window.
  if (
    current.nodeType !== Node.ELEMENT_NODE ||
    current.nodeName !== next.nodeName ||
    !sameAttributes(current as Element, next as Element)
  ) {
    current.parentNode?.replaceChild(document.importNode(next, true), current)
    return
  }
  const currentChildren = [...current.childNodes]
  const nextChildren = [...next.childNodes]
  nextChildren.forEach((child, index) => {
    const existing = currentChildren[index]
    if (existing) patchNode(existing, child)
    else current.appendChild(document.importNode(child, true))
  })
  for (const extra of currentChildren.slice(nextChildren.length)) extra.remove()
}

function sameAttributes(a: Element, b: Element): boolean {
  const names = a.getAttributeNames()
  return (
    names.length === b.getAttributeNames().length &&
    names.every((name) => a.getAttribute(name) === b.getAttribute(name))
  )
}

function stylesheetsOf(page: Document): string {
  return [...page.querySelectorAll('link[rel="stylesheet"]')]
    .map((link) => link.getAttribute('href'))
    .join(' ')
}

/**
 * In-page links scroll the frame; every other link opens the website in a new tab instead of
 * navigating the frame away from the preview.
 */
function keepLinksOutOfTheFrame(event: MouseEvent) {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[href]')
  if (!link) return
  event.preventDefault()
  const href = link.getAttribute('href') ?? ''
  if (href.startsWith('#')) {
    link.ownerDocument.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView()
  } else {
    window.open(link.href, '_blank', 'noopener,noreferrer')
  }
}
