import {APPLY_LINK_KINDS} from '../model/links'
import {attributes, escapeHtml} from './html'
import {buildJobPostingJsonLd, findMissingJobPostingFields, type JobPostingJsonLd} from './jsonLd'
import {formatDate, labelsFor, type PageLabels} from './labels'
import {
  createBodyRenderContext,
  renderApart,
  renderFaqEntry,
  renderPostingBody,
  renderRichText,
  type BodyRenderContext,
  type RenderedHeading,
} from './portableText'
import {renderDocument} from './layout'
import {checkPostingPageData, dataIssue} from './postingData'
import {safeHref, safeImageSrc} from './safeUrl'
import {postingPath} from './settings'
import type {PostingPageData, RenderIssue, SiteSettings} from './types'

export interface PostingPage {
  html: string
  jsonLd: JobPostingJsonLd
  /** Links dropped, images left out, unknown blocks: what an editor should look at. */
  issues: RenderIssue[]
}

/**
 * The complete page of one posting. A pure function of the posting (as POSTING_BY_SLUG_QUERY
 * returns it) and the site settings, so the export, the Studio preview and tests share it.
 * Stored values of the wrong type are left out and reported: the page renders whatever it gets.
 */
export function renderPostingPage(stored: PostingPageData, settings: SiteSettings): PostingPage {
  const checked = checkPostingPageData(stored)
  const posting = checked.value ?? EMPTY_POSTING
  const labels = labelsFor(posting.language)
  const context = createBodyRenderContext(settings, posting.language)
  context.issues.push(...checked.problems.map(dataIssue))

  const {content, ingress, body} = renderPageContent(posting, context, labels)
  const toc = posting.tableOfContentsLabel
    ? renderTableOfContents(posting.tableOfContentsLabel, context.headings)
    : ''
  const jsonLd = buildJobPostingJsonLd(posting, settings, `${ingress}${body}`)
  for (const missing of findMissingJobPostingFields(jsonLd)) {
    if (missing.level === 'required') {
      context.issues.push({
        path: missing.field,
        message: `Google for Jobs requires it: ${missing.fix}`,
      })
    }
  }

  const main = [
    '<article class="posting">',
    '<header class="posting__header">',
    `<h1>${escapeHtml(posting.title ?? '')}</h1>`,
    posting.intro ? `<p class="posting__intro">${escapeHtml(posting.intro)}</p>` : '',
    '</header>',
    // The facts and the apply button come first, so a phone shows them on its first screen;
    // on a wide screen the stylesheet puts them in the column beside the text.
    '<div class="posting__layout">',
    renderSidebar(posting, settings, context, labels),
    `<div class="posting__content">${toc}${content}</div>`,
    '</div>',
    '</article>',
  ].join('')

  const html = renderDocument(
    {
      title: `${posting.title ?? ''} – ${labels.careers} – ${settings.organizationName}`,
      description: posting.intro,
      language: posting.language,
      path: postingPath(settings, posting.slug ?? ''),
      socialImageUrl: safeImageSrc(posting.socialImage, settings, context.issues, 'socialImage'),
      jsonLd,
      main,
    },
    settings,
  )
  return {html, jsonLd, issues: context.issues}
}

const EMPTY_POSTING = {_id: '', _updatedAt: ''} as PostingPageData

/**
 * A page's text in the order the website shows it: the lead paragraph and the recruitment
 * process where the body places them (else the lead first and the process after the body and
 * its questions), rendered in place so heading ids and the table of contents follow the page.
 */
export function renderPageContent(
  page: Pick<PostingPageData, 'ingress' | 'body' | 'recruitmentProcess'> & {
    faqs?: PostingPageData['faqs']
  },
  context: BodyRenderContext,
  labels: PageLabels,
): {content: string; ingress: string; body: string} {
  const renderIngress = () =>
    page.ingress?.length
      ? `<div class="ingress">${renderApart(context, () => renderRichText(page.ingress, context, 'ingress'))}</div>`
      : ''
  let ingress = ''
  context.placements.ingress = () => (ingress = renderIngress())
  context.placements.recruitmentProcess = (anchorId) =>
    renderRecruitmentProcess(page.recruitmentProcess, context, anchorId)
  const blocks = page.body ?? []
  const leading = blocks.some((block) => block._type === 'ingressPlacement') ? '' : renderIngress()
  if (leading) ingress = leading
  const body = renderPostingBody(blocks, context)
  const faqs = renderFaqSection(page, context, labels)
  const process = blocks.some((block) => block._type === 'recruitmentProcessPlacement')
    ? ''
    : renderRecruitmentProcess(page.recruitmentProcess, context)
  return {content: `${leading}${body}${faqs}${process}`, ingress, body}
}

function renderSidebar(
  posting: PostingPageData,
  settings: SiteSettings,
  context: BodyRenderContext,
  labels: PageLabels,
): string {
  const employment = posting.employmentType
    ? labels.employmentTypes[posting.employmentType]
    : undefined
  const facts: [string, string | null | undefined][] = [
    [labels.team, posting.team?.name],
    [labels.location, posting.location?.display],
    [labels.employment, employment],
    [
      labels.published,
      posting.publishedAt ? formatDate(posting.publishedAt, posting.language) : undefined,
    ],
    [
      labels.closes,
      posting.validThrough ? formatDate(posting.validThrough, posting.language) : undefined,
    ],
  ]
  const list = facts
    .filter(([, value]) => value)
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value ?? '')}</dd>`)
    .join('')
  const applyHref = safeHref(posting.apply?.url, context.issues, 'apply.url', APPLY_LINK_KINDS)
  const apply = applyHref
    ? `<a class="apply-button"${attributes({href: applyHref})}>${escapeHtml(posting.apply?.label || labels.apply)}</a>`
    : ''
  if (!applyHref)
    context.issues.push({path: 'apply', message: 'The page has no apply button: add how to apply.'})
  const contact = posting.contact
  const contactEmail = contact?.email
    ? safeHref(`mailto:${contact.email}`, context.issues, 'contact.email')
    : undefined
  const contactBlock = contact
    ? `<div class="sidebar-contact"><p class="sidebar-contact__heading">${escapeHtml(labels.questions)}</p>` +
      `<p>${escapeHtml([contact.name, contact.role].filter(Boolean).join(', '))}` +
      (contactEmail
        ? `<br><a${attributes({href: contactEmail})}>${escapeHtml(contact.email ?? '')}</a>`
        : '') +
      `</p></div>`
    : ''
  const imageSrc = safeImageSrc(posting.sidebarImage, settings, context.issues, 'sidebarImage')
  const image = imageSrc
    ? `<img class="posting__sidebar-image"${attributes({src: imageSrc, alt: posting.sidebarImage?.alt ?? ''})}>`
    : ''
  return (
    `<aside class="posting__sidebar"${attributes({'aria-label': labels.aboutTheJob})}>` +
    `<dl class="posting__facts">${list}</dl>${apply}${contactBlock}${image}</aside>`
  )
}

function renderTableOfContents(label: string, headings: readonly RenderedHeading[]): string {
  const items = headings
    .filter((heading) => heading.level <= 3)
    .map(
      (heading) =>
        `<li class="toc__item toc__item--h${heading.level}"><a${attributes({href: `#${heading.id}`})}>${escapeHtml(heading.text)}</a></li>`,
    )
  if (!items.length) return ''
  return (
    `<nav class="toc"${attributes({'aria-labelledby': 'toc-heading'})}>` +
    `<h2 id="toc-heading" class="toc__heading">${escapeHtml(label)}</h2><ol>${items.join('')}</ol></nav>`
  )
}

function renderFaqSection(
  posting: {faqs?: PostingPageData['faqs']},
  context: BodyRenderContext,
  labels: PageLabels,
): string {
  const faqs = posting.faqs ?? []
  if (!faqs.length) return ''
  return (
    `<section class="faqs" aria-labelledby="faq-heading"><h2 id="faq-heading">${escapeHtml(labels.faq)}</h2>` +
    faqs.map((faq, index) => renderFaqEntry(faq, context, `faqs[${index}].answer`)).join('') +
    `</section>`
  )
}

/** The recruitment process: its intro, the steps as the list they are, its closing. */
function renderRecruitmentProcess(
  process: PostingPageData['recruitmentProcess'],
  context: BodyRenderContext,
  anchorId?: string,
): string {
  if (!process) return ''
  const listItem = `${process.numbered === false ? 'bullet' : 'number'}${process.spaced ? 'Spaced' : ''}`
  const item = (
    text: readonly {children?: unknown[]; markDefs?: unknown[]}[] | undefined,
    key: string,
    level: number,
  ) => ({
    _type: 'block',
    _key: key,
    style: 'normal',
    listItem,
    level,
    children: (text ?? []).flatMap((block) => block.children ?? []),
    markDefs: (text ?? []).flatMap((block) => block.markDefs ?? []),
  })
  const steps = (process.steps ?? []).flatMap((step) => [
    item(step.text, step._key, 1),
    ...(step.substeps ?? []).map((sub) => item(sub.text, sub._key, 2)),
  ])
  return (
    `<section class="recruitment-process"${attributes({id: anchorId, 'aria-labelledby': 'recruitment-process-heading'})}>` +
    `<h2 id="recruitment-process-heading">${escapeHtml(process.title ?? '')}</h2>` +
    renderRichText(process.intro, context, 'recruitmentProcess.intro') +
    renderRichText(steps, context, 'recruitmentProcess.steps') +
    renderRichText(process.closing, context, 'recruitmentProcess.closing') +
    `</section>`
  )
}
