import {toPlainText} from '@portabletext/toolkit'
import {
  toHTML,
  type PortableTextComponents,
  type PortableTextMarkComponentOptions,
  type PortableTextTypeComponentOptions,
} from '@portabletext/to-html'
import type {PortableTextBlock} from '@portabletext/types'

import {createHeadingIdFactory, headingIdOf, type HeadingIdFactory} from '../model/anchors'
import {checkEmbedUrl, EMBED_SANDBOX, KEPT_FRAME_ATTRIBUTES} from '../model/embeds'
import {CALL_TO_ACTION_VARIANTS, CALLOUT_TONES} from '../model/vocabulary'
import {attributes, classModifier, escapeHtml} from './html'
import {labelsFor} from './labels'
import {safeHref, safeImageSrc} from './safeUrl'
import {sanitizePreservedHtml} from './sanitize'
import type {PostingBodyBlock, RenderIssue, SiteSettings, StoredImage} from './types'

type BodyBlockOf<T extends PostingBodyBlock['_type']> = Extract<PostingBodyBlock, {_type: T}>
/** Rich text as the queries return it (contact cards expanded or not). */
type RichTextValue = readonly {_type: string; _key?: string}[]

/** A heading the body rendered, for the table of contents. */
export interface RenderedHeading {
  id: string
  text: string
  level: number
}

/** What one render shares between blocks: where issues go, used heading ids, site settings. */
export interface BodyRenderContext {
  settings: Pick<SiteSettings, 'resolveImageUrl' | 'embedOrigins'>
  language?: string | null
  issues: RenderIssue[]
  /** Headings of the page's own text, for the table of contents. */
  headings: RenderedHeading[]
  /**
   * Heading ids, handed out as Hugo does: one run for the page's text (questions and the
   * recruitment process included), a fresh one for each lead paragraph and callout, which the
   * website renders on their own.
   */
  headingIds: HeadingIdFactory
  /** False inside a lead paragraph or callout: their headings are not in the table of contents. */
  inPageText: boolean
  /** Prefix of issue paths, such as "body" or "faqs[0].answer". */
  path: string
  /** A spacer has carried the page's "#contact" target already. */
  spacerAnchorUsed?: boolean
  /** What the body's placement blocks show: the page's lead paragraph and recruitment process. */
  placements: {ingress?: () => string; recruitmentProcess?: (anchorId?: string) => string}
}

export function createBodyRenderContext(
  settings: Pick<SiteSettings, 'resolveImageUrl' | 'embedOrigins'>,
  language?: string | null,
): BodyRenderContext {
  return {
    settings,
    language,
    issues: [],
    headings: [],
    headingIds: createHeadingIdFactory(),
    inPageText: true,
    path: 'body',
    placements: {},
  }
}

/** Render a lead paragraph or callout the way Hugo does: its own heading ids, out of the contents. */
export function renderApart(context: BodyRenderContext, render: () => string): string {
  const {headingIds, inPageText} = context
  context.headingIds = createHeadingIdFactory()
  context.inPageText = false
  try {
    return render()
  } finally {
    context.headingIds = headingIds
    context.inPageText = inPageText
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
    (level: 1 | 2 | 3 | 4 | 5 | 6) =>
    ({value, children}: {value: PortableTextBlock; children?: string}) => {
      const text = toPlainText(value)
      const id = headingIdOf(value, context.headingIds)
      if (context.inPageText) context.headings.push({id, text, level})
      return `<h${level} id="${escapeHtml(id)}">${children ?? ''}</h${level}>`
    }
  // Spaced (loose) lists set their items apart as paragraphs, as the website's markdown does.
  const spacedList =
    (tag: 'ul' | 'ol') =>
    ({children}: {children?: string}) =>
      `<${tag} class="list--spaced">${children ?? ''}</${tag}>`

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
      h1: heading(1),
      h2: heading(2),
      h3: heading(3),
      h4: heading(4),
      h5: heading(5),
      h6: heading(6),
      blockquote: ({children}) => `<blockquote><p>${children ?? ''}</p></blockquote>`,
    },
    list: {
      bullet: ({children}) => `<ul>${children ?? ''}</ul>`,
      number: ({children}) => `<ol>${children ?? ''}</ol>`,
      bulletSpaced: spacedList('ul'),
      numberSpaced: spacedList('ol'),
    },
    listItem: {
      bullet: ({children}) => `<li>${children ?? ''}</li>`,
      number: ({children}) => `<li>${children ?? ''}</li>`,
      bulletSpaced: ({children}) => `<li><p>${children ?? ''}</p></li>`,
      numberSpaced: ({children}) => `<li><p>${children ?? ''}</p></li>`,
    },
    marks: {
      strong: ({children}) => `<strong>${children}</strong>`,
      em: ({children}) => `<em>${children}</em>`,
      code: ({children}) => `<code>${children}</code>`,
      'strike-through': ({children}) => `<s>${children}</s>`,
      runIn: ({children}) => `<strong class="run-in">${children}</strong>`,
      // The heading's id carries it (see headingIdOf).
      headingAnchor: ({children}) => children,
      link,
    },
    types: {
      callout: ({value, index}: PortableTextTypeComponentOptions<BodyBlockOf<'callout'>>) =>
        `<div class="callout callout--${classModifier(value.tone, CALLOUT_TONE_VALUES, 'neutral')}" role="note">` +
        `<p class="callout__title">${escapeHtml(value.title ?? '')}</p>` +
        renderApart(context, () =>
          renderRichText(value.content, context, `${pathOf(context, index, 'callout')}.content`),
        ) +
        `</div>`,
      highlightedText: ({
        value,
        index,
      }: PortableTextTypeComponentOptions<BodyBlockOf<'highlightedText'>>) =>
        `<div class="ingress">${renderApart(context, () =>
          renderRichText(
            value.content,
            context,
            `${pathOf(context, index, 'highlightedText')}.content`,
          ),
        )}</div>`,
      // Where the lead paragraph and the process stand on the page.
      ingressPlacement: () => context.placements.ingress?.() ?? '',
      recruitmentProcessPlacement: ({
        value,
      }: PortableTextTypeComponentOptions<BodyBlockOf<'recruitmentProcessPlacement'>>) =>
        context.placements.recruitmentProcess?.(value.anchorId ?? undefined) ?? '',
      // The website's spacing carries the "#contact" target; an id is given once per page.
      spacer: () => {
        const first = !context.spacerAnchorUsed
        context.spacerAnchorUsed = true
        return `<div${attributes({id: first ? 'contact' : undefined, class: 'spacer'})}></div>`
      },
      callToActionPair: ({
        value,
        index,
      }: PortableTextTypeComponentOptions<BodyBlockOf<'callToActionPair'>>) => {
        const path = pathOf(context, index, 'callToActionPair')
        return (
          `<p class="cta-row">` +
          renderCallToAction(
            {label: value.label, url: value.url, variant: 'button'},
            context,
            `${path}.url`,
            false,
          ) +
          renderCallToAction(
            {
              label: value.secondaryLabel,
              url: value.secondaryUrl,
              variant: 'textLink',
              openInNewTab: true,
            },
            context,
            `${path}.secondaryUrl`,
            false,
          ) +
          `</p>`
        )
      },
      embeddedForm: ({
        value,
        index,
      }: PortableTextTypeComponentOptions<BodyBlockOf<'embeddedForm'>>) =>
        renderEmbeddedForm(value, context, pathOf(context, index, 'embeddedForm')),
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
        const caption = value.caption ? `<figcaption>${escapeHtml(value.caption)}</figcaption>` : ''
        return `<figure class="body-image"><img${attributes({src, alt: value.alt ?? '', title: value.title ?? undefined, loading: 'lazy'})}>${caption}</figure>`
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
  value: Pick<
    BodyBlockOf<'callToAction'>,
    'label' | 'url' | 'variant' | 'description' | 'openInNewTab'
  >,
  context: BodyRenderContext,
  path: string,
  inOwnRow = true,
): string {
  const href = safeHref(value.url, context.issues, inOwnRow ? `${path}.url` : path)
  const variant = classModifier(value.variant, CALL_TO_ACTION_VARIANT_VALUES, 'button')
  const label = `<span class="cta__label">${escapeHtml(value.label ?? '')}</span>`
  const description =
    variant === 'iconBlock' && value.description
      ? `<span class="cta__description">${escapeHtml(value.description)}</span>`
      : ''
  if (!href)
    return inOwnRow
      ? `<p class="cta cta--${escapeHtml(variant)} cta--disabled">${label}${description}</p>`
      : `<span class="cta cta--${escapeHtml(variant)} cta--disabled">${label}</span>`
  const newTab = value.openInNewTab ? {target: '_blank', rel: 'noopener noreferrer'} : {}
  const link = `<a class="cta cta--${variant}"${attributes({href, ...newTab})}>${label}${description}</a>`
  return inOwnRow ? `<p class="cta-row">${link}</p>` : link
}

/** An embedded form: https only, on the allow-list, sandboxed so it cannot reach the page. */
function renderEmbeddedForm(
  value: BodyBlockOf<'embeddedForm'>,
  context: BodyRenderContext,
  path: string,
): string {
  const check = checkEmbedUrl(value.url ?? '', context.settings.embedOrigins)
  if (!check.ok) {
    context.issues.push({path, message: `Embedded form left out: ${check.reason}`})
    return ''
  }
  const kept = Object.fromEntries(
    (value.frameAttributes ?? [])
      .filter(
        (attribute) => attribute.name && KEPT_FRAME_ATTRIBUTES.has(attribute.name.toLowerCase()),
      )
      .map((attribute) => [attribute.name?.toLowerCase() ?? '', attribute.value ?? '']),
  ) as Record<string, string>
  const frame = `<iframe${attributes({
    src: value.url?.trim(),
    title: value.title ?? undefined,
    width: value.width ?? undefined,
    height: value.height ?? undefined,
    ...kept,
    sandbox: EMBED_SANDBOX,
    loading: 'lazy',
    referrerpolicy: 'strict-origin-when-cross-origin',
  })}>${escapeHtml(value.fallbackText ?? '')}</iframe>`
  return `<div class="embedded-form"${attributes({id: value.anchorId ?? undefined})}>${frame}</div>`
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
