import {APPLY_LINK_KINDS} from '../model/links'
import {attributes, escapeHtml} from './html'
import {buildJobPostingJsonLd, findMissingJobPostingFields, type JobPostingJsonLd} from './jsonLd'
import {formatDate, labelsFor, type PageLabels} from './labels'
import {
  createBodyRenderContext,
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

  const ingress = posting.ingress?.length
    ? `<div class="ingress">${renderRichText(posting.ingress, context, 'ingress')}</div>`
    : ''
  const body = renderPostingBody(posting.body, context)
  const faqs = renderFaqSection(posting, context, labels)
  const process = renderRecruitmentProcess(posting, context)
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
    `<div class="posting__content">${ingress}${toc}${body}${faqs}${process}</div>`,
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
  posting: PostingPageData,
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

function renderRecruitmentProcess(posting: PostingPageData, context: BodyRenderContext): string {
  const process = posting.recruitmentProcess
  if (!process) return ''
  const step = (item: {title?: string | null; description?: string | null}) =>
    `<strong class="step__title">${escapeHtml(item.title ?? '')}</strong>` +
    (item.description
      ? ` <span class="step__description">${escapeHtml(item.description)}</span>`
      : '')
  const steps = (process.steps ?? [])
    .map(
      (item) =>
        `<li class="step">${step(item)}` +
        (item.substeps?.length
          ? `<ol class="substeps">${item.substeps.map((sub) => `<li>${step(sub)}</li>`).join('')}</ol>`
          : '') +
        `</li>`,
    )
    .join('')
  return (
    `<section class="recruitment-process" aria-labelledby="recruitment-process-heading">` +
    `<h2 id="recruitment-process-heading">${escapeHtml(process.title ?? '')}</h2>` +
    renderRichText(process.intro, context, 'recruitmentProcess.intro') +
    (steps ? `<ol class="steps">${steps}</ol>` : '') +
    renderRichText(process.closing, context, 'recruitmentProcess.closing') +
    `</section>`
  )
}
