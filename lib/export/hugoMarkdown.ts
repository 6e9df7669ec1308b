import {stringify} from 'yaml'

import {createHeadingIdAllocator, hugoHeadingId} from '../model/anchors'
import {ANCHOR_ID_PATTERN} from '../model/links'
import {slugify} from '../model/slug'
import {EMPLOYMENT_TYPES} from '../model/vocabulary'
import {safeHref, sanitizePreservedHtml} from '../render'
import type {PostingBodyBlock, PostingPageData, RenderIssue} from '../render'
import {blocksToMarkdown, escapeText} from './markdown'

type BodyBlockOf<T extends PostingBodyBlock['_type']> = Extract<PostingBodyBlock, {_type: T}>
type RichTextValue = NonNullable<BodyBlockOf<'faqEntry'>['answer']>

export interface HugoMarkdownOptions {
  /** Write `draft: true`: the posting has unpublished changes or was never published. */
  draft: boolean
}

export interface HugoMarkdown {
  markdown: string
  issues: RenderIssue[]
}

/**
 * A posting as the markdown file the current Hugo site reads (content/career/<slug>.md): the
 * same front-matter keys and shortcodes the site's templates already understand, so the website
 * can take its content from Sanity without changing. Pure and browser-safe, like the renderer.
 */
export function postingToHugoMarkdown(
  posting: PostingPageData,
  options: HugoMarkdownOptions,
): HugoMarkdown {
  const issues: RenderIssue[] = []
  const sections = [
    posting.ingress?.length
      ? paired('<', 'ingress', {}, richTextToMarkdown(posting.ingress, issues, 'ingress'))
      : '',
    bodyToMarkdown(posting.body ?? [], issues),
    ...(posting.faqs ?? []).map((faq, index) => faqToMarkdown(faq, issues, `faqs[${index}]`)),
    recruitmentProcessToMarkdown(posting, issues),
  ].filter(Boolean)
  // The site's accordions only open with its script on the page, as every imported posting had it.
  if (sections.some((section) => section.includes('{{% accordion '))) {
    sections.push(shortcode('<', 'accordion-script', {}))
  }
  const markdown = `---\n${stringify(frontMatterOf(posting, options), {lineWidth: 0})}---\n\n${sections.join('\n\n')}\n`
  return {markdown, issues}
}

/** Front matter with the keys (and their spelling) the existing postings use. */
function frontMatterOf(
  posting: PostingPageData,
  options: HugoMarkdownOptions,
): Record<string, unknown> {
  const hugo = posting.hugo
  const isBlogStyle = hugo?.section === 'blogg'
  const entries: [string, unknown][] = [
    ['Title', posting.title],
    ['intro', posting.intro],
    ['Team', posting.team?.name],
    ['Location', posting.location?.display],
    ['Duration', EMPLOYMENT_TYPES.find((type) => type.value === posting.employmentType)?.title],
    ['draft', options.draft],
    ['date', posting.publishedAt ? hugoDate(posting.publishedAt) : undefined],
    ['expiryDate', posting.validThrough ?? undefined],
    ['sidebarlinkurl', posting.apply?.url],
    ['sidebarlinkname', posting.apply?.label],
    ['sidebarlinkicon', posting.apply?.icon],
    ['language', posting.language ? capitalise(posting.language) : undefined],
    // Career pages name the share image `socialmedia`, blog-style pages `socialmediabild`.
    [isBlogStyle ? 'socialmediabild' : 'socialmedia', posting.socialImage?.legacyPath],
    ['TOC', posting.tableOfContentsLabel],
    ['sidebarimage', posting.sidebarImage?.legacyPath],
    ['aliases', posting.aliases?.length ? posting.aliases : undefined],
    ['tags', posting.tags?.length ? posting.tags : undefined],
    ['section', hugo?.section],
    ['showthedate', hugo?.showDate],
    ['card', hugo?.cardImage],
    ['eventbild', hugo?.eventImage],
    ['list', hugo?.listLayout],
    ...(hugo?.unmappedKeys ?? []).map((entry): [string, unknown] => [
      entry.key ?? '',
      parseJson(entry.value),
    ]),
  ]
  // Hugo reads keys case-insensitively: a kept original entry replaces the mapped one
  // in its place.
  const byLowerCaseKey = new Map<string, [string, unknown]>()
  for (const [key, value] of entries) {
    if (!key || value === undefined || value === null || value === '') continue
    byLowerCaseKey.set(key.toLowerCase(), [key, value])
  }
  return Object.fromEntries(byLowerCaseKey.values())
}

function bodyToMarkdown(blocks: readonly PostingBodyBlock[], issues: RenderIssue[]): string {
  return toMarkdown(blocks, issues, 'body')
}

function richTextToMarkdown(
  value: RichTextValue | null | undefined,
  issues: RenderIssue[],
  path: string,
): string {
  return toMarkdown(value ?? [], issues, path)
}

function toMarkdown(
  blocks: readonly {_type: string}[],
  issues: RenderIssue[],
  path: string,
): string {
  const at = (index: number, type: string) => `${path}[${index}] (${type})`
  const customBlocks: CustomBlockSerializers = {
    callout: ({value, index}: {value: BodyBlockOf<'callout'>; index: number}) =>
      paired(
        '%',
        'note',
        {named: {title: value.title, icon: value.icon, color: value.color}},
        richTextToMarkdown(value.content, issues, `${at(index, 'callout')}.content`),
      ),
    callToAction: ({value, index}: {value: BodyBlockOf<'callToAction'>; index: number}) =>
      callToActionToMarkdown(value, issues, at(index, 'callToAction')),
    iconLinkRow: ({value, index}: {value: BodyBlockOf<'iconLinkRow'>; index: number}) =>
      paired(
        '<',
        'icon-block-small-container',
        {},
        (value.links ?? [])
          .map((link, linkIndex) =>
            shortcode('<', 'icon-block-small', {
              named: {
                icon: link.icon,
                text: link.label,
                description: link.description,
                link: safeHref(link.url, issues, `${at(index, 'iconLinkRow')}.links[${linkIndex}]`),
                color: link.color,
              },
            }),
          )
          .join('\n'),
      ),
    contactCard: ({value, index}: {value: BodyBlockOf<'contactCard'>; index: number}) =>
      contactCardToMarkdown(value, issues, at(index, 'contactCard')),
    faqEntry: ({value, index}: {value: BodyBlockOf<'faqEntry'>; index: number}) =>
      faqToMarkdown(value, issues, at(index, 'faqEntry')),
    pageAnchor: ({value}: {value: BodyBlockOf<'pageAnchor'>}) =>
      value.anchorId && ANCHOR_ID_PATTERN.test(value.anchorId)
        ? `<div id="${value.anchorId}"></div>`
        : '',
    bodyImage: ({value, index}: {value: BodyBlockOf<'bodyImage'>; index: number}) => {
      const src = safeHref(value.legacyPath, issues, at(index, 'bodyImage'), [
        'https',
        'http',
        'relative',
      ])
      return src ? `![${escapeText(value.alt ?? '')}](<${src}>)` : ''
    },
    preservedSource: ({value}: {value: BodyBlockOf<'preservedSource'>}) =>
      preservedToMarkdown(value),
  }
  return blocksToMarkdown(blocks, {
    block: (value, index) => {
      const serialize = customBlocks[value._type as PostingBodyBlock['_type']] as
        ((args: {value: unknown; index: number}) => string) | undefined
      if (serialize) return serialize({value, index})
      issues.push({
        path: at(index, value._type),
        message: `Block of type "${value._type}" has no Hugo form and was left out.`,
      })
      return ''
    },
    mark: ({type, definition, children, text}) => {
      // Inside a quoted parameter `{{` starts nothing, so the run-in text goes in as written.
      if (type === 'runIn') return shortcode('<', 'inline', {positional: [text]})
      if (type !== 'link') return undefined
      const href = safeHref(
        (definition as {href?: string} | undefined)?.href,
        issues,
        `${path} link "${text}"`,
      )
      return href ? `[${children}](<${href.replace(/[<>]/g, encodeURIComponent)}>)` : children
    },
    headingSuffix: headingIdSuffix(),
  })
}

type CustomBlockSerializers = {
  [T in PostingBodyBlock['_type']]?: (args: {value: BodyBlockOf<T>; index: number}) => string
}

/**
 * Headings keep the ids our pages give them, which in-page links point to. Where Hugo would derive
 * a different id (it keeps accents and drops punctuation differently), the id is written out with
 * goldmark's heading attribute, `## På norsk {#pa-norsk}`.
 */
function headingIdSuffix(): (text: string) => string {
  const ourId = createHeadingIdAllocator(slugify)
  const hugoId = createHeadingIdAllocator(hugoHeadingId)
  return (text) => {
    const id = ourId(text)
    return id === hugoId(text) ? '' : ` {#${id}}`
  }
}

function callToActionToMarkdown(
  value: BodyBlockOf<'callToAction'>,
  issues: RenderIssue[],
  path: string,
): string {
  const link = safeHref(value.url, issues, `${path}.url`)
  if (!link) return escapeText(value.label ?? '')
  switch (value.variant) {
    case 'iconBlock':
      return shortcode('<', 'icon-block-horisontal', {
        named: {
          color: value.color,
          icon: value.icon,
          text: value.label,
          description: value.description,
          link,
        },
      })
    case 'textLink':
      return shortcode('<', 'localtextbutton', {positional: [value.label ?? '', link]})
    default:
      return shortcode('<', 'localbutton', {
        named: {
          text: value.label,
          link,
          icon: value.icon,
          target: value.openInNewTab ? '_blank' : undefined,
        },
      })
  }
}

function contactCardToMarkdown(
  value: BodyBlockOf<'contactCard'>,
  issues: RenderIssue[],
  path: string,
): string {
  const contact = value.contact
  if (!contact) {
    issues.push({path, message: 'Contact card left out: the contact it points to is missing.'})
    return ''
  }
  const email = contact.email
    ? safeHref(`mailto:${contact.email}`, issues, `${path}.contact.email`)
    : undefined
  if (value.buttonLabel && email) {
    return shortcode('<', 'horisontal-card', {
      named: {
        image: contact.photo?.legacyPath,
        cardtitle: value.heading || contact.name,
        link: email,
        linktext: value.buttonLabel,
        text: value.text ?? contact.shortText,
      },
    })
  }
  return shortcode('<', 'contact', {
    named: {
      picture: contact.photo?.legacyPath,
      title: contact.role,
      name: contact.name,
      phone: contact.phone,
      email: contact.email,
      address: contact.address,
      'address-link': contact.addressUrl
        ? safeHref(contact.addressUrl, issues, `${path}.contact.addressUrl`)
        : undefined,
    },
  })
}

function faqToMarkdown(
  faq: {question?: string | null; answer?: RichTextValue | null; anchorId?: string | null},
  issues: RenderIssue[],
  path: string,
): string {
  return paired(
    '%',
    'accordion',
    {named: {title: faq.question, id: faq.anchorId}},
    richTextToMarkdown(faq.answer, issues, `${path}.answer`),
  )
}

/** The recruitment process as the site wrote it: an accordion with an intro, numbered steps, a closing. */
function recruitmentProcessToMarkdown(posting: PostingPageData, issues: RenderIssue[]): string {
  const process = posting.recruitmentProcess
  if (!process) return ''
  const stepLine = (step: {title?: string | null; description?: string | null}) =>
    `**${escapeText(step.title ?? '')}**${step.description ? ` - ${escapeText(step.description)}` : ''}`
  const steps = (process.steps ?? [])
    .map(
      (step, index) =>
        `${index + 1}. ${stepLine(step)}` +
        (step.substeps ?? [])
          .map((sub, subIndex) => `\n    ${subIndex + 1}. ${stepLine(sub)}`)
          .join(''),
    )
    .join('\n')
  const inner = [
    richTextToMarkdown(process.intro, issues, 'recruitmentProcess.intro'),
    steps,
    richTextToMarkdown(process.closing, issues, 'recruitmentProcess.closing'),
  ].filter(Boolean)
  return paired('%', 'accordion', {named: {title: process.title}}, inner.join('\n\n'))
}

/**
 * Kept markup goes back as it came, made safe: HTML through the same allow-list as the website;
 * markdown with its raw tags shown as text; shortcodes verbatim, since they only call the
 * site's own templates.
 */
function preservedToMarkdown(value: BodyBlockOf<'preservedSource'>): string {
  const source = value.source ?? ''
  if (value.format === 'html') return sanitizePreservedHtml(source)
  if (value.format === 'markdown') return source.replace(/</g, '&lt;')
  return source
}

interface ShortcodeParams {
  named?: Record<string, string | null | undefined>
  positional?: string[]
}

function shortcode(delimiter: '<' | '%', name: string, params: ShortcodeParams): string {
  const named = Object.entries(params.named ?? {})
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${key}=${quoteParam(value)}`)
  const positional = (params.positional ?? []).map(quoteParam)
  return `{{${delimiter} ${[name, ...positional, ...named].join(' ')} ${closingOf(delimiter)}}}`
}

function closingOf(delimiter: '<' | '%'): string {
  return delimiter === '<' ? '>' : '%'
}

function paired(
  delimiter: '<' | '%',
  name: string,
  params: ShortcodeParams,
  inner: string,
): string {
  return `${shortcode(delimiter, name, params)}\n${inner}\n{{${delimiter} /${name} ${closingOf(delimiter)}}}`
}

/**
 * Hugo reads `"…"` parameters with `\"` escapes and backtick parameters raw; newlines become
 * spaces because a quoted parameter cannot span lines.
 */
function quoteParam(value: string): string {
  const flat = value.replace(/\s*\n\s*/g, ' ')
  return `"${flat.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** Hugo's own date format for whole days ("2024-02-20"); other times as RFC 3339. */
function hugoDate(iso: string): string {
  return iso.endsWith('T00:00:00Z') || iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}

function parseJson(value: string | undefined): unknown {
  if (value === undefined) return undefined
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}
