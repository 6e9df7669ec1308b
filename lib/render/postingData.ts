import {
  CALL_TO_ACTION_VARIANTS,
  CALLOUT_TONES,
  EMPLOYMENT_TYPES,
  POSTING_LANGUAGES,
  WORKPLACE_TYPES,
} from '../model/vocabulary'
import {
  blocks,
  boolean,
  conform,
  dateTime,
  listOf,
  number,
  object,
  oneOf,
  text,
  type DataProblem,
  type Shape,
} from './shape'
import type {
  FeedPosting,
  PostingCard,
  PostingPageData,
  PostingRoute,
  RenderIssue,
  SitemapPosting,
} from './types'

/**
 * The shapes the renderers rely on, field by field, as the queries in lib/queries promise them.
 * Fields not named here pass unchanged; a body block type not named here is reported by the
 * renderer as unknown.
 */
const valuesOf = (vocabulary: readonly {value: string}[]) => vocabulary.map(({value}) => value)
const language = oneOf(valuesOf(POSTING_LANGUAGES))
const richText = blocks({})
const image = object({alt: text, legacyPath: text, image: object({asset: object({_ref: text})})})
const contact = object({
  name: text,
  role: text,
  email: text,
  phone: text,
  photo: image,
  shortText: text,
  address: text,
  addressUrl: text,
})
/** How the old website wrote a block (see schemas/fields.ts). */
const hugoForm = text
const faqEntry = {question: text, answer: richText, anchorId: text, hugoForm}
const step = {text: richText}

const POSTING_PAGE: Shape = object({
  _id: text,
  _updatedAt: text,
  title: text,
  slug: text,
  intro: text,
  ingress: richText,
  language,
  publishedAt: dateTime,
  validThrough: dateTime,
  employmentType: oneOf(valuesOf(EMPLOYMENT_TYPES)),
  tableOfContentsLabel: text,
  location: object({
    display: text,
    workplaceType: oneOf(valuesOf(WORKPLACE_TYPES)),
    countries: listOf(text),
    city: text,
  }),
  apply: object({label: text, url: text, icon: text}),
  sidebarImage: image,
  socialImage: image,
  aliases: listOf(text),
  tags: listOf(text),
  hugo: object({
    path: text,
    frontMatter: listOf(object({key: text, value: text})),
    derived: listOf(object({field: text, value: text})),
    joinedBlocks: listOf(text),
    accordionScript: object({
      after: text,
      joined: boolean,
      missingWith: number,
      insideStartOf: text,
    }),
  }),
  team: object({name: text, slug: text, description: text}),
  contact,
  recruitmentProcess: object({
    title: text,
    intro: richText,
    steps: listOf(object({...step, substeps: listOf(object(step))})),
    closing: richText,
    numbered: boolean,
    spaced: boolean,
  }),
  faqs: listOf(object(faqEntry)),
  body: blocks({
    callout: {
      title: text,
      content: richText,
      tone: oneOf(valuesOf(CALLOUT_TONES)),
      icon: text,
      color: text,
      hugoForm,
    },
    callToAction: {
      label: text,
      url: text,
      variant: oneOf(valuesOf(CALL_TO_ACTION_VARIANTS)),
      description: text,
      icon: text,
      color: text,
      openInNewTab: boolean,
      hugoForm,
    },
    callToActionPair: {
      label: text,
      url: text,
      secondaryLabel: text,
      secondaryUrl: text,
      hugoForm,
    },
    contactCard: {contact, heading: text, text, buttonLabel: text, hugoForm},
    faqEntry,
    iconLinkRow: {
      links: listOf(object({label: text, description: text, url: text, icon: text, color: text})),
      hugoForm,
    },
    pageAnchor: {anchorId: text},
    ingressPlacement: {hugoForm},
    recruitmentProcessPlacement: {anchorId: text},
    highlightedText: {content: richText},
    spacer: {size: text},
    bodyImage: {
      alt: text,
      title: text,
      caption: text,
      legacyPath: text,
      asset: object({_ref: text}),
    },
    embeddedForm: {
      url: text,
      title: text,
      height: text,
      width: text,
      anchorId: text,
      fallbackText: text,
      frameAttributes: listOf(object({name: text, value: text})),
    },
    preservedSource: {
      format: oneOf(['html', 'markdown', 'shortcode']),
      source: text,
      reason: text,
      shortcode: object({
        name: text,
        delimiter: text,
        params: listOf(object({name: text, value: text})),
        inner: text,
        paired: boolean,
      }),
    },
  }),
  translations: listOf(object({title: text, language, slug: text})),
})

export interface CheckedData<T> {
  /** The data with every wrong-shaped part left out; undefined when it is not an object at all. */
  value: T | undefined
  problems: DataProblem[]
}

function check<T>(value: unknown, shape: Shape, field = ''): CheckedData<T> {
  const problems: DataProblem[] = []
  const conformed = conform(value, shape, field, problems)
  return {value: (conformed ?? undefined) as T | undefined, problems}
}

// Postings as a check left them (the stored object itself when all was well): the export
// checks each posting before it renders it, and the renderers need not check it again.
const CHECKED_POSTINGS = new WeakSet<object>()

/** A posting as POSTING_BY_SLUG_QUERY returns it, made safe to render. */
export function checkPostingPageData(value: unknown): CheckedData<PostingPageData> {
  if (typeof value === 'object' && value !== null && CHECKED_POSTINGS.has(value)) {
    return {value: value as PostingPageData, problems: []}
  }
  const checked = check<PostingPageData>(value, POSTING_PAGE)
  if (checked.value) CHECKED_POSTINGS.add(checked.value)
  return checked
}

const CARD: Shape = object({
  _id: text,
  title: text,
  slug: text,
  intro: text,
  language,
  publishedAt: dateTime,
  validThrough: dateTime,
  employmentType: text,
  location: text,
  team: object({name: text, slug: text}),
})
const FEED_ITEM: Shape = object({
  _id: text,
  title: text,
  slug: text,
  intro: text,
  language,
  publishedAt: dateTime,
  updatedAt: text,
  team: text,
  location: text,
  tags: listOf(text),
})
const SITEMAP_ITEM: Shape = object({_id: text, slug: text, lastModified: text, language})
const ROUTE: Shape = object({_id: text, slug: text, aliases: listOf(text), isOpen: boolean})

/** The lists the careers index, the feeds, the sitemap and the redirects are made of. */
export function checkPostingCards(value: unknown): CheckedData<PostingCard[]> {
  return check(value, listOf(CARD), 'postings')
}
export function checkFeedPostings(value: unknown): CheckedData<FeedPosting[]> {
  return check(value, listOf(FEED_ITEM), 'postings')
}
export function checkSitemapPostings(value: unknown): CheckedData<SitemapPosting[]> {
  return check(value, listOf(SITEMAP_ITEM), 'postings')
}
export function checkPostingRoutes(value: unknown): CheckedData<PostingRoute[]> {
  return check(value, listOf(ROUTE), 'postings')
}

/** A stored value a renderer had to leave out, as an issue for the editor. */
export function dataIssue(problem: DataProblem): RenderIssue {
  return {path: problem.field || 'posting', message: problem.message}
}
