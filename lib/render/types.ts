import type {
  FEED_POSTINGS_QUERY_RESULT,
  OPEN_POSTINGS_QUERY_RESULT,
  POSTING_BY_SLUG_QUERY_RESULT,
  POSTING_ROUTES_QUERY_RESULT,
  SITEMAP_POSTINGS_QUERY_RESULT,
  SiteImage,
} from '../../sanity.types'

/** A posting with its references expanded: the shape POSTING_BY_SLUG_QUERY returns. */
export type PostingPageData = NonNullable<POSTING_BY_SLUG_QUERY_RESULT>
export type PostingBodyBlock = NonNullable<PostingPageData['body']>[number]
export type PostingCard = OPEN_POSTINGS_QUERY_RESULT[number]
export type FeedPosting = FEED_POSTINGS_QUERY_RESULT[number]
export type SitemapPosting = SITEMAP_POSTINGS_QUERY_RESULT[number]
export type PostingRoute = POSTING_ROUTES_QUERY_RESULT[number]

/** Where the site lives and who is hiring: what pages, feeds and JSON-LD need beyond the posting. */
export interface SiteSettings {
  /** Absolute origin of the public site, without a trailing slash: "https://www.example.com". */
  baseUrl: string
  /** Path of the careers section, with slashes on both ends, as Hugo serves it: "/career/". */
  careersPath: string
  organizationName: string
  /** The organisation's home page, for `hiringOrganization.sameAs`. */
  organizationUrl: string
  organizationLogoUrl?: string
  /** Path of the stylesheet the pages link to. */
  stylesheetPath: string
  /** Turns a stored image into a URL; the default uses the old website's path. */
  resolveImageUrl?: (image: StoredImage) => string | undefined
  /** Origins application forms may be embedded from; undefined allows any https origin. */
  embedOrigins?: readonly string[]
}

/** An image as stored in a posting: a `siteImage`, or the fields of a `bodyImage`. */
export type StoredImage = Pick<SiteImage, 'alt' | 'legacyPath'> & {
  image?: SiteImage['image']
  asset?: {_ref: string}
}

/** Something the renderer left out or changed for safety, said so editors can fix it. */
export interface RenderIssue {
  /** Where in the posting: "body[3] (callToAction)", "apply.url". */
  path: string
  message: string
}

export interface RenderResult {
  html: string
  issues: RenderIssue[]
}
