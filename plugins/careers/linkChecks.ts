/** An in-page link whose target is not on the rendered page. */
export interface BrokenAnchor {
  href: string
  text: string
}

/**
 * In-page links (`#…`) of a rendered page that jump nowhere: the page has no element with that id.
 * Checked on the HTML the website would serve, so heading ids and jump targets count exactly as
 * the renderer writes them.
 */
export function findBrokenAnchors(html: string): BrokenAnchor[] {
  const page = new DOMParser().parseFromString(html, 'text/html')
  return [...page.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
    .filter((link) => {
      const id = decodeFragment(link.getAttribute('href')?.slice(1) ?? '')
      return !id || !page.getElementById(id)
    })
    .map((link) => ({href: link.getAttribute('href') ?? '', text: link.textContent?.trim() ?? ''}))
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}
