import {stringify} from 'yaml'

import {createHeadingIdAllocator, hugoHeadingId} from '../model/anchors'
import {ANCHOR_ID_PATTERN, APPLY_LINK_KINDS, IMAGE_LINK_KINDS} from '../model/links'
import {checkAlias} from '../model/sitePaths'
import {slugify} from '../model/slug'
import {EMPLOYMENT_TYPES} from '../model/vocabulary'
import {
  checkPostingPageData,
  dataIssue,
  DEFAULT_SITE_SETTINGS,
  escapeHtml,
  safeHref,
  sanitizePreservedHtml,
} from '../render'
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
  stored: PostingPageData,
  options: HugoMarkdownOptions,
): HugoMarkdown {
  // Values of the wrong type are left out and reported, as on the HTML page.
  const checked = checkPostingPageData(stored)
  const posting = checked.value ?? ({_id: '', _updatedAt: ''} as PostingPageData)
  const issues: RenderIssue[] = checked.problems.map(dataIssue)
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
  const frontMatter = frontMatterOf(posting, options, issues)
  const markdown = `---\n${stringify(frontMatter, {lineWidth: 0})}---\n\n${sections.join('\n\n')}\n`
  return {markdown, issues}
}

/**
 * Front matter with the keys (and their spelling) the existing postings use. Links and image
 * paths pass the same link policy as the body; old addresses the same checks as the HTML
 * site's redirects.
 */
function frontMatterOf(
  posting: PostingPageData,
  options: HugoMarkdownOptions,
  issues: RenderIssue[],
): Record<string, unknown> {
  const hugo = posting.hugo
  const isBlogStyle = hugo?.section === 'blogg'
  const imagePath = (value: string | undefined, field: string) =>
    safeHref(value, issues, field, IMAGE_LINK_KINDS)
  const aliases = (posting.aliases ?? []).filter((alias, index) => {
    const check = checkAlias(alias, DEFAULT_SITE_SETTINGS)
    if (!check.ok) issues.push({path: `aliases[${index}]`, message: `Left out: ${check.reason}`})
    return check.ok
  })
  const entries: [string, unknown][] = [
    ['Title', posting.title],
    ['intro', posting.intro],
    ['Team', posting.team?.name],
    ['Location', posting.location?.display],
    ['Duration', EMPLOYMENT_TYPES.find((type) => type.value === posting.employmentType)?.title],
    ['draft', options.draft],
    ['date', posting.publishedAt ? hugoDate(posting.publishedAt) : undefined],
    ['expiryDate', posting.validThrough ?? undefined],
    ['sidebarlinkurl', safeHref(posting.apply?.url, issues, 'apply.url', APPLY_LINK_KINDS)],
    ['sidebarlinkname', posting.apply?.label],
    ['sidebarlinkicon', posting.apply?.icon],
    ['language', posting.language ? capitalise(posting.language) : undefined],
    // Career pages name the share image `socialmedia`, blog-style pages `socialmediabild`.
    [
      isBlogStyle ? 'socialmediabild' : 'socialmedia',
      imagePath(posting.socialImage?.legacyPath, 'socialImage'),
    ],
    ['TOC', posting.tableOfContentsLabel],
    ['sidebarimage', imagePath(posting.sidebarImage?.legacyPath, 'sidebarImage')],
    ['aliases', aliases.length ? aliases : undefined],
    ['tags', posting.tags?.length ? posting.tags : undefined],
    ['section', hugo?.section],
    ['showthedate', hugo?.showDate],
    ['card', imagePath(hugo?.cardImage, 'hugo.cardImage')],
    ['eventbild', imagePath(hugo?.eventImage, 'hugo.eventImage')],
    ['list', hugo?.listLayout],
    ...(hugo?.unmappedKeys ?? []).map((entry, index): [string, unknown] => {
      // The page's address comes from its slug and old addresses, checked above; a kept key
      // must not move the page or add redirects behind those checks.
      if (ADDRESS_KEYS.has(entry.key?.trim().toLowerCase() ?? '')) {
        issues.push({
          path: `hugo.unmappedKeys[${index}]`,
          message: `The kept front-matter key "${entry.key}" was left out: the page's address comes from its web address and old addresses.`,
        })
        return ['', undefined]
      }
      return [entry.key ?? '', parseJson(entry.value)]
    }),
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

/** Front-matter keys with which Hugo places a page or adds addresses for it. */
const ADDRESS_KEYS = new Set(['url', 'slug', 'aliases'])

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
      return src ? `![${escapeText(value.alt ?? '')}](${linkDestination(src)})` : ''
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
      return href ? `[${children}](${linkDestination(href)})` : children
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
          // The site's template writes the description as HTML (safeHTML): ours is text.
          description: value.description ? escapeHtml(value.description) : undefined,
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
        image: safeHref(
          contact.photo?.legacyPath,
          issues,
          `${path}.contact.photo`,
          IMAGE_LINK_KINDS,
        ),
        cardtitle: value.heading || contact.name,
        link: email,
        linktext: value.buttonLabel,
        text: value.text ?? contact.shortText,
      },
    })
  }
  return shortcode('<', 'contact', {
    named: {
      picture: safeHref(
        contact.photo?.legacyPath,
        issues,
        `${path}.contact.photo`,
        IMAGE_LINK_KINDS,
      ),
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
 * Kept markup goes back as the website shows it: HTML through the same allow-list as the HTML
 * site; markdown and shortcodes as text, never run, as the HTML site and the Studio preview show
 * them (several of the site's shortcode templates write parameters as raw HTML or mark links
 * safe, so a kept shortcode could do anything a template can). Both go in an HTML block, which
 * goldmark passes through without reading markdown in it; `{` as a character code, so Hugo finds
 * no shortcode in it either.
 */
function preservedToMarkdown(value: BodyBlockOf<'preservedSource'>): string {
  const source = value.source ?? ''
  const html =
    value.format === 'html'
      ? // A blank line would end the HTML block and turn the rest into markdown.
        `<div class="preserved">${sanitizePreservedHtml(source).replace(/\n\s*\n/g, '\n')}</div>`
      : `<pre class="preserved preserved--text">${escapeHtml(source)}</pre>`
  return html.replace(/\{/g, '&#123;')
}

/**
 * A CommonMark link destination for a link the policy accepted: in angle brackets, where spaces
 * are allowed; brackets percent-encoded; backslashes and ampersands escaped, so goldmark reads
 * neither an escape nor a character reference into it.
 */
function linkDestination(href: string): string {
  return `<${href.replace(/[<>]/g, encodeURIComponent).replace(/[\\&]/g, '\\$&')}>`
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
 * A shortcode parameter Hugo reads back as written, whatever the text. Hugo (0.111) reads a
 * `"…"` value raw unless it has a `\"`, and then drops every backslash; a backslash before a
 * backtick or the closing quote fails the whole build. Backtick values are raw. So: plain text in
 * `"…"`; text with quotes or backslashes in backticks; text with a backtick too in `"…"` with
 * `\"`, its backslashes written as the full-width "＼" that survives. Newlines become spaces:
 * a `"…"` value cannot span lines.
 */
function quoteParam(value: string): string {
  const flat = value.replace(/\s*\n\s*/g, ' ')
  if (!/["\\]/.test(flat)) return `"${flat}"`
  if (!flat.includes('`')) return `\`${flat}\``
  return `"${flat.replace(/\\/g, '\uFF3C').replace(/"/g, '\\"')}"`
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
