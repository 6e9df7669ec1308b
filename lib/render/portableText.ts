import {toPlainText} from '@portabletext/toolkit'
import {
  toHTML,
  type PortableTextComponents,
  type PortableTextMarkComponentOptions,
  type PortableTextTypeComponentOptions,
} from '@portabletext/to-html'
import type {PortableTextBlock} from '@portabletext/types'

import {createHeadingIdAllocator} from '../model/anchors'
import {slugify} from '../model/slug'
import {CALL_TO_ACTION_VARIANTS, CALLOUT_TONES} from '../model/vocabulary'
import {attributes, classModifier, escapeHtml} from './html'
import {labelsFor} from './labels'
import {safeHref, safeImageSrc} from './safeUrl'
import {sanitizePreservedHtml} from './sanitize'
import type {PostingBodyBlock, RenderIssue, SiteSettings, StoredImage} from './types'

type BodyBlockOf<T extends PostingBodyBlock['_type']> = Extract<PostingBodyBlock, {_type: T}>
type RichTextValue = NonNullable<BodyBlockOf<'faqEntry'>['answer']>

/** A heading the body rendered, for the table of contents. */
export interface RenderedHeading {
  id: string
  text: string
  level: number
}

/** What one render shares between blocks: where issues go, used heading ids, site settings. */
export interface BodyRenderContext {
  settings: Pick<SiteSettings, 'resolveImageUrl'>
  language?: string | null
  issues: RenderIssue[]
  headings: RenderedHeading[]
  /** The id of the next heading with this text: the same ids as Hugo export and anchor checks. */
  headingId: (text: string) => string
  /** Prefix of issue paths, such as "body" or "faqs[0].answer". */
  path: string
}

export function createBodyRenderContext(
  settings: Pick<SiteSettings, 'resolveImageUrl'>,
  language?: string | null,
): BodyRenderContext {
  return {
    settings,
    language,
    issues: [],
    headings: [],
    headingId: createHeadingIdAllocator(slugify),
    path: 'body',
  }
}

/** The body of a posting as HTML; issues (dropped links, unknown blocks) are added to `context`. */
export function renderPostingBody(
  body: readonly PostingBodyBlock[] | null | undefined,
  context: BodyRenderContext,
): string {
  return renderBlocks(body ?? [], context)
}

/** Short formatted text (ingress, FAQ answers, process intros): the same rules as the body. */
export function renderRichText(
  value: RichTextValue | null | undefined,
  context: BodyRenderContext,
  path: string,
): string {
  const outerPath = context.path
  context.path = path
  try {
    return renderBlocks(value ?? [], context)
  } finally {
    context.path = outerPath
  }
}

/** Plain text of Portable Text, as a reader would copy it from the page. */
export function portableTextToPlainText(
  value: readonly {_type: string}[] | null | undefined,
): string {
  return toPlainText(
    (value ?? []).filter((block) => block._type === 'block') as PortableTextBlock[],
  )
}

/**
 * The components of each render context, built once: a posting renders a dozen rich texts, and
 * building twenty closures for each showed up in the export's profile. They read `context.path`
 * when called, which renderRichText sets for the duration of its render.
 */
const COMPONENTS = new WeakMap<BodyRenderContext, PortableTextComponents>()

function renderBlocks(value: readonly {_type: string}[], context: BodyRenderContext): string {
  let components = COMPONENTS.get(context)
  if (!components) {
    components = bodyComponents(context)
    COMPONENTS.set(context, components)
  }
  return toHTML(value as PortableTextBlock[], {
    components,
    // Unknown types are handled (and reported) by `unknownType`/`unknownMark` below.
    onMissingComponent: false,
  })
}

function pathOf(context: BodyRenderContext, index: number, type: string): string {
  return `${context.path}[${index}] (${type})`
}

function bodyComponents(context: BodyRenderContext): PortableTextComponents {
  const heading =
    (level: 2 | 3 | 4) =>
    ({value, children}: {value: PortableTextBlock; children?: string}) => {
      const text = toPlainText(value)
      const id = context.headingId(text)
      context.headings.push({id, text, level})
      return `<h${level} id="${escapeHtml(id)}">${children ?? ''}</h${level}>`
    }

  const link = ({
    value,
    children,
    text,
  }: PortableTextMarkComponentOptions<{_type: 'link'; href?: string}>) => {
    const href = safeHref(value?.href, context.issues, `${context.path} link "${text}"`)
    return href
      ? `<a${attributes({href})}>${children}</a>`
      : `<span class="link-removed">${children}</span>`
  }

  return {
    block: {
      normal: ({children}) => `<p>${children ?? ''}</p>`,
      h2: heading(2),
      h3: heading(3),
      h4: heading(4),
      blockquote: ({children}) => `<blockquote><p>${children ?? ''}</p></blockquote>`,
    },
    marks: {
      strong: ({children}) => `<strong>${children}</strong>`,
      em: ({children}) => `<em>${children}</em>`,
      code: ({children}) => `<code>${children}</code>`,
      'strike-through': ({children}) => `<s>${children}</s>`,
      runIn: ({children}) => `<strong class="run-in">${children}</strong>`,
      link,
    },
    types: {
      callout: ({value, index}: PortableTextTypeComponentOptions<BodyBlockOf<'callout'>>) =>
        `<div class="callout callout--${classModifier(value.tone, CALLOUT_TONE_VALUES, 'neutral')}" role="note">` +
        `<p class="callout__title">${escapeHtml(value.title ?? '')}</p>` +
        renderRichText(value.content, context, `${pathOf(context, index, 'callout')}.content`) +
        `</div>`,
      callToAction: ({
        value,
        index,
      }: PortableTextTypeComponentOptions<BodyBlockOf<'callToAction'>>) =>
        renderCallToAction(value, context, pathOf(context, index, 'callToAction')),
      iconLinkRow: ({
        value,
        index,
      }: PortableTextTypeComponentOptions<BodyBlockOf<'iconLinkRow'>>) => {
        const items = (value.links ?? []).map((item, linkIndex) => {
          const href = safeHref(
            item.url,
            context.issues,
            `${pathOf(context, index, 'iconLinkRow')}.links[${linkIndex}]`,
          )
          const label = escapeHtml(item.label ?? '')
          const description = item.description
            ? `<span class="icon-link__description">${escapeHtml(item.description)}</span>`
            : ''
          return href
            ? `<li><a class="icon-link"${attributes({href})}><span class="icon-link__label">${label}</span>${description}</a></li>`
            : `<li><span class="icon-link">${label}</span></li>`
        })
        return `<ul class="icon-links">${items.join('')}</ul>`
      },
      contactCard: ({value, index}: PortableTextTypeComponentOptions<BodyBlockOf<'contactCard'>>) =>
        renderContactCard(value, context, pathOf(context, index, 'contactCard')),
      faqEntry: ({value, index}: PortableTextTypeComponentOptions<BodyBlockOf<'faqEntry'>>) =>
        renderFaqEntry(value, context, `${pathOf(context, index, 'faqEntry')}.answer`),
      pageAnchor: ({value}: PortableTextTypeComponentOptions<BodyBlockOf<'pageAnchor'>>) =>
        value.anchorId
          ? `<span class="page-anchor"${attributes({id: value.anchorId})}></span>`
          : '',
      bodyImage: ({value, index}: PortableTextTypeComponentOptions<BodyBlockOf<'bodyImage'>>) => {
        const path = pathOf(context, index, 'bodyImage')
        const src = safeImageSrc(value as StoredImage, context.settings, context.issues, path)
        if (!src) {
          context.issues.push({
            path,
            message: 'Image left out: it has no file and no old-website path.',
          })
          return ''
        }
        return `<figure class="body-image"><img${attributes({src, alt: value.alt ?? '', loading: 'lazy'})}></figure>`
      },
      preservedSource: ({
        value,
      }: PortableTextTypeComponentOptions<BodyBlockOf<'preservedSource'>>) =>
        value.format === 'html'
          ? `<div class="preserved">${sanitizePreservedHtml(value.source ?? '')}</div>`
          : // Markdown and shortcodes we could not map are shown as text: readable, never executed.
            `<pre class="preserved preserved--text">${escapeHtml(value.source ?? '')}</pre>`,
    },
    // A line break inside a paragraph; the newline keeps the words apart in the page's text.
    hardBreak: () => '<br>\n',
    unknownType: ({value, index}) => {
      context.issues.push({
        path: pathOf(context, index, String(value._type)),
        message: `Block of type "${String(value._type)}" is not known to the website and was left out.`,
      })
      return ''
    },
    unknownMark: ({children, markType}) => {
      context.issues.push({
        path: context.path,
        message: `Text mark "${markType}" is not known; the text is shown plain.`,
      })
      return children
    },
  }
}

const CALLOUT_TONE_VALUES = CALLOUT_TONES.map((tone) => tone.value)
const CALL_TO_ACTION_VARIANT_VALUES = CALL_TO_ACTION_VARIANTS.map((variant) => variant.value)

function renderCallToAction(
  value: BodyBlockOf<'callToAction'>,
  context: BodyRenderContext,
  path: string,
): string {
  const href = safeHref(value.url, context.issues, `${path}.url`)
  const variant = classModifier(value.variant, CALL_TO_ACTION_VARIANT_VALUES, 'button')
  const label = `<span class="cta__label">${escapeHtml(value.label ?? '')}</span>`
  const description =
    variant === 'iconBlock' && value.description
      ? `<span class="cta__description">${escapeHtml(value.description)}</span>`
      : ''
  if (!href) return `<p class="cta cta--${variant} cta--disabled">${label}${description}</p>`
  const newTab = value.openInNewTab ? {target: '_blank', rel: 'noopener noreferrer'} : {}
  return `<p class="cta-row"><a class="cta cta--${variant}"${attributes({href, ...newTab})}>${label}${description}</a></p>`
}

function renderContactCard(
  value: BodyBlockOf<'contactCard'>,
  context: BodyRenderContext,
  path: string,
): string {
  const contact = value.contact
  if (!contact) {
    context.issues.push({
      path,
      message: 'Contact card left out: the contact it points to is missing.',
    })
    return ''
  }
  const photo = safeImageSrc(
    contact.photo,
    context.settings,
    context.issues,
    `${path}.contact.photo`,
  )
  const mailto = contact.email
    ? safeHref(`mailto:${contact.email}`, context.issues, `${path}.contact.email`)
    : undefined
  const tel = contact.phone
    ? safeHref(`tel:${contact.phone.replace(/\s+/g, '')}`, context.issues, `${path}.contact.phone`)
    : undefined
  const text = value.text ?? contact.shortText
  const details =
    value.buttonLabel && mailto
      ? `<a class="cta cta--button"${attributes({href: mailto})}><span class="cta__label">${escapeHtml(value.buttonLabel)}</span></a>`
      : [
          mailto ? `<a${attributes({href: mailto})}>${escapeHtml(contact.email ?? '')}</a>` : '',
          tel ? `<a${attributes({href: tel})}>${escapeHtml(contact.phone ?? '')}</a>` : '',
        ]
          .filter(Boolean)
          .join('<br>')
  return (
    `<div class="contact-card">` +
    (photo
      ? `<img class="contact-card__photo"${attributes({src: photo, alt: contact.photo?.alt ?? '', loading: 'lazy'})}>`
      : '') +
    `<div class="contact-card__text">` +
    `<p class="contact-card__heading">${escapeHtml(value.heading || contact.name || labelsFor(context.language).questions)}</p>` +
    `<p class="contact-card__name">${escapeHtml([contact.name, contact.role].filter(Boolean).join(', '))}</p>` +
    (text ? `<p>${escapeHtml(text)}</p>` : '') +
    (details ? `<p class="contact-card__links">${details}</p>` : '') +
    `</div></div>`
  )
}

/** An FAQ entry as a native disclosure: opens without script and is announced by screen readers. */
export function renderFaqEntry(
  value: {question?: string | null; answer?: RichTextValue | null; anchorId?: string | null},
  context: BodyRenderContext,
  path: string,
): string {
  return (
    `<details class="faq"${attributes({id: value.anchorId ?? undefined})}>` +
    `<summary>${escapeHtml(value.question ?? '')}</summary>` +
    `<div class="faq__answer">${renderRichText(value.answer, context, path)}</div>` +
    `</details>`
  )
}
