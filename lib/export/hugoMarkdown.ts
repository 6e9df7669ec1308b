import type {PortableTextBlock} from '@portabletext/types'

import type {CAREERS_PAGE_QUERY_RESULT} from '../../sanity.types'
import {explicitHeadingId} from '../model/anchors'
import {checkEmbedUrl, EMBED_SANDBOX, KEPT_FRAME_ATTRIBUTES} from '../model/embeds'
import {CAREERS_PAGE_FRONT_MATTER_FIELDS, POSTING_FRONT_MATTER_FIELDS} from '../model/frontMatter'
import {ANCHOR_ID_PATTERN, APPLY_LINK_KINDS, IMAGE_LINK_KINDS} from '../model/links'
import {PRESERVABLE_SHORTCODES, SHORTCODE_NAME} from '../model/shortcodes'
import {checkAlias} from '../model/sitePaths'
import {
  checkPostingPageData,
  dataIssue,
  DEFAULT_SITE_SETTINGS,
  escapeHtml,
  portableTextToPlainText,
  safeHref,
  sanitizePreservedHtml,
} from '../render'
import type {PostingBodyBlock, PostingPageData, RenderIssue} from '../render'
import {frontMatterYaml} from './hugoFrontMatter'
import {blocksToMarkdown, escapeText} from './markdown'

type BodyBlockOf<T extends PostingBodyBlock['_type']> = Extract<PostingBodyBlock, {_type: T}>
/** Rich text as the queries return it (contact cards expanded or not): written the same way. */
type RichTextValue = readonly {_type: string; _key?: string}[]
type Process = NonNullable<PostingPageData['recruitmentProcess']>
export type CareersPageData = NonNullable<CAREERS_PAGE_QUERY_RESULT>

export interface HugoMarkdownOptions {
  /** Write `draft: true`: the page has unpublished changes or was never published. */
  draft: boolean
  /** Shortcodes a preserved block may be written as (the website's display shortcodes). */
  preservedShortcodes?: readonly string[]
  /** Origins forms may be embedded from; undefined allows any https origin. */
  embedOrigins?: readonly string[]
}

export interface HugoMarkdown {
  markdown: string
  issues: RenderIssue[]
}

/** What the body of a page needs: its blocks and what they place. */
interface PageContent {
  ingress?: RichTextValue | null
  body?: readonly {_type: string; _key?: string}[] | null
  recruitmentProcess?: Process | null
  faqs?: PostingPageData['faqs']
  hugo?: PostingPageData['hugo']
}

/**
 * A posting as the markdown file the website's Hugo site reads: the front matter and shortcodes
 * its templates understand, each block written where it stands and the way the old page wrote
 * it, so the page Hugo builds from the export is the page it built from the original. Pure and
 * browser-safe, like the renderer.
 */
export function postingToHugoMarkdown(
  stored: PostingPageData,
  options: HugoMarkdownOptions,
): HugoMarkdown {
  // Values of the wrong type are left out and reported, as on the HTML page.
  const checked = checkPostingPageData(stored)
  const posting = checked.value ?? ({_id: '', _updatedAt: ''} as PostingPageData)
  const issues: RenderIssue[] = checked.problems.map(dataIssue)
  const links = frontMatterLinks(issues)
  const values = new Map<string, unknown>([
    ['title', posting.title],
    ['slug', posting.slug],
    ['intro', posting.intro],
    ['team', posting.team?.name],
    ['location', posting.location?.display],
    ['employmentType', posting.employmentType],
    ['_id', options.draft],
    ['publishedAt', posting.publishedAt],
    ['validThrough', posting.validThrough],
    ['apply.url', links.apply(posting.apply?.url)],
    ['apply.label', posting.apply?.label],
    ['apply.icon', posting.apply?.icon],
    ['sidebarImage', links.image(posting.sidebarImage?.legacyPath, 'sidebarImage')],
    ['socialImage', links.image(posting.socialImage?.legacyPath, 'socialImage')],
    ['language', posting.language],
    ['tableOfContentsLabel', posting.tableOfContentsLabel],
    ['aliases', links.aliases(posting.aliases)],
    ['tags', posting.tags],
  ])
  const frontMatter = frontMatterYaml({
    values,
    fields: POSTING_FRONT_MATTER_FIELDS,
    original: keptFrontMatter(posting.hugo?.frontMatter, issues),
    derived: posting.hugo?.derived,
    documentValue: (field) => (posting as Record<string, unknown>)[field],
  })
  const body = new PageWriter(posting as PageContent, issues, options).write()
  return {markdown: `---\n${frontMatter}---\n\n${body}\n`, issues}
}

/** The careers page as the section's `_index.md`. */
export function careersPageToHugoMarkdown(
  page: CareersPageData,
  options: HugoMarkdownOptions,
): HugoMarkdown {
  const issues: RenderIssue[] = []
  const links = frontMatterLinks(issues)
  const values = new Map<string, unknown>([
    ['title', page.title],
    ['intro', page.intro],
    ['_id', options.draft],
    ['apply.url', links.apply(page.apply?.url)],
    ['apply.label', page.apply?.label],
    ['apply.icon', page.apply?.icon],
    ['socialImage', links.image(page.socialImage?.legacyPath, 'socialImage')],
    ['language', page.language],
  ])
  const frontMatter = frontMatterYaml({
    values,
    fields: CAREERS_PAGE_FRONT_MATTER_FIELDS,
    original: keptFrontMatter(page.hugo?.frontMatter, issues),
    derived: page.hugo?.derived,
    documentValue: (field) => (page as Record<string, unknown>)[field],
  })
  const body = new PageWriter(page as PageContent, issues, options).write()
  return {markdown: `---\n${frontMatter}---\n\n${body}\n`, issues}
}

/**
 * Where the page goes under the Hugo site: back into the folder it was imported from (a posting
 * that was a blog post stays one), named by its slug; new postings go to content/career/.
 */
export function hugoContentPath(page: {
  slug?: string | null
  hugo?: {path?: string | null} | null
}): string {
  const parts = importedFolders(page.hugo?.path)
  const name = parts.pop() ?? ''
  if (name.toLowerCase() === 'index.md') parts.pop()
  return ['content', ...(parts.length ? parts : ['career']), `${page.slug ?? ''}.md`].join('/')
}

/** Where the careers page goes: its section's `_index.md`. */
export function careersPageContentPath(page: {hugo?: {path?: string | null} | null}): string {
  const section = importedFolders(page.hugo?.path).slice(0, -1).join('/') || 'career'
  return `content/${section}/_index.md`
}

/**
 * The folders of the file a page was imported from, under content/. Stored data can hold
 * anything, so a path that would climb out of content/ (or is no plain relative path) is no
 * folder at all: the page goes where new pages go.
 */
function importedFolders(path: string | null | undefined): string[] {
  const parts = (typeof path === 'string' ? path : '').split('/')
  const plain = parts.every(
    (part) => part !== '' && part !== '.' && part !== '..' && !/[\\:]/.test(part),
  )
  return plain ? parts : ['career', 'page.md']
}

const ACCORDION_SCRIPT = shortcode('<', 'accordion-script', {})

/** Writes one page's content: the body with what it places, in order. */
class PageWriter {
  private scriptWritten = false
  private accordions = 0
  private readonly script: {
    after?: string | null
    insideStartOf?: string | null
    joined?: boolean | null
    missingWith?: number | null
  }
  private readonly joined: ReadonlySet<string>

  constructor(
    private readonly page: PageContent,
    private readonly issues: RenderIssue[],
    private readonly options: HugoMarkdownOptions,
  ) {
    this.script = page.hugo?.accordionScript ?? {}
    this.joined = new Set(page.hugo?.joinedBlocks ?? [])
  }

  write(): string {
    const blocks = this.page.body ?? []
    const sections: string[] = []
    if (this.page.ingress?.length && !blocks.some((block) => block._type === 'ingressPlacement'))
      sections.push(this.ingress(undefined))
    if (this.script.after === '') sections.push(this.scriptOnce())
    sections.push(this.blocks(blocks, 'body'))
    for (const [index, faq] of (this.page.faqs ?? []).entries())
      sections.push(this.accordion(faq, `faqs[${index}]`, faq._key))
    if (
      this.page.recruitmentProcess &&
      !blocks.some((block) => block._type === 'recruitmentProcessPlacement')
    )
      sections.push(this.process(undefined))
    // The site's accordions only open with its script on the page; a page that had boxes but no
    // script keeps having none, until it has more boxes than it had.
    if (this.accordions > (this.script.missingWith ?? 0)) sections.push(this.scriptOnce())
    return sections.filter(Boolean).join('\n\n')
  }

  private scriptOnce(): string {
    if (this.scriptWritten) return ''
    this.scriptWritten = true
    return ACCORDION_SCRIPT
  }

  private blocks(blocks: readonly {_type: string; _key?: string}[], path: string): string {
    const at = (index: number, type: string) => `${path}[${index}] (${type})`
    return blocksToMarkdown(blocks, {
      block: (value, index) => this.block(value as PostingBodyBlock, at(index, value._type)),
      mark: ({type, definition, children, text}) => {
        // Inside a quoted parameter `{{` starts nothing, so the run-in text goes in as written.
        if (type === 'runIn') return shortcode('<', 'inline', {positional: [text]})
        if (type === 'headingAnchor') return children
        if (type !== 'link') return undefined
        const href = safeHref(
          (definition as {href?: string} | undefined)?.href,
          this.issues,
          `${path} link "${text}"`,
        )
        return href ? `[${children}](${linkDestination(href)})` : children
      },
      headingSuffix: (block) => this.headingId(block, path),
      after: (block) =>
        block._key && block._key === this.script.after
          ? `${this.script.joined ? '\n' : '\n\n'}${this.scriptOnce()}`
          : '',
      joined: (block) => Boolean(block._key && this.joined.has(block._key)),
    })
  }

  /** An author's own heading id, as goldmark's attribute; others come from the words. */
  private headingId(block: PortableTextBlock, path: string): string {
    const id = explicitHeadingId(block)
    if (!id) return ''
    if (ANCHOR_ID_PATTERN.test(id)) return ` {#${id}}`
    this.issues.push({
      path,
      message: `The heading's jump-target name "${id}" is not a valid id and was left out.`,
    })
    return ''
  }

  private richText(value: RichTextValue | null | undefined, path: string): string {
    return this.blocks(value ?? [], path)
  }

  private steps(process: Process): PortableTextBlock[] {
    const listItem = `${process.numbered === false ? 'bullet' : 'number'}${process.spaced ? 'Spaced' : ''}`
    return (process.steps ?? []).flatMap((step) => [
      stepItem(step.text as PortableTextBlock[] | undefined, step._key, listItem, 1),
      ...(step.substeps ?? []).map((sub) =>
        stepItem(sub.text as PortableTextBlock[] | undefined, sub._key, listItem, 2),
      ),
    ])
  }

  private block(value: PostingBodyBlock, path: string): string {
    switch (value._type) {
      case 'ingressPlacement':
        return this.ingress(value.hugoForm)
      case 'recruitmentProcessPlacement':
        return this.process(value)
      case 'highlightedText':
        return this.leadParagraph(value.content, `${path}.content`, value.hugoForm)
      case 'callout':
        return paired(
          form(value.hugoForm, '%'),
          'note',
          {named: {title: value.title, icon: value.icon, color: value.color}},
          this.richText(value.content, `${path}.content`),
        )
      case 'callToAction':
        return this.callToAction(value, path)
      case 'callToActionPair':
        return shortcode(form(value.hugoForm, '<'), '2calltoaction', {
          positional: [
            value.label ?? '',
            safeHref(value.url, this.issues, `${path}.url`) ?? '',
            value.secondaryLabel ?? '',
            safeHref(value.secondaryUrl, this.issues, `${path}.secondaryUrl`) ?? '',
          ],
        })
      case 'iconLinkRow':
        return paired(
          form(value.hugoForm, '<'),
          'icon-block-small-container',
          {},
          (value.links ?? [])
            .map(
              (link, index) =>
                `    ${shortcode('<', 'icon-block-small', {
                  named: {
                    icon: link.icon,
                    text: link.label,
                    description: link.description,
                    link: safeHref(link.url, this.issues, `${path}.links[${index}]`),
                    color: link.color,
                  },
                })}`,
            )
            .join('\n'),
        )
      case 'contactCard':
        return this.contactCard(value, path)
      case 'faqEntry':
        return this.accordion(value, path, value._key)
      case 'pageAnchor':
        return value.anchorId && ANCHOR_ID_PATTERN.test(value.anchorId)
          ? `<div id="${value.anchorId}"></div>`
          : ''
      case 'spacer':
        return shortcode(form(value.hugoForm, '<'), 'distance', {})
      case 'bodyImage': {
        const src = safeHref(value.legacyPath, this.issues, path, IMAGE_LINK_KINDS)
        if (!src) return ''
        if (value.hugoForm === 'figure' || value.caption)
          return shortcode('<', 'figure', {
            named: {src, alt: value.alt, title: value.title, caption: value.caption},
          })
        const title = value.title ? ` "${value.title.replace(/["\\]/g, '\\$&')}"` : ''
        return `![${escapeText(value.alt ?? '')}](${linkDestination(src)}${title})`
      }
      case 'embeddedForm':
        return this.embeddedForm(value, path)
      case 'preservedSource':
        return this.preserved(value, path)
      default:
        this.issues.push({
          path,
          message: `Block of type "${(value as {_type: string})._type}" has no Hugo form and was left out.`,
        })
        return ''
    }
  }

  private ingress(hugoForm: string | null | undefined): string {
    if (!this.page.ingress?.length) return ''
    return this.leadParagraph(this.page.ingress, 'ingress', hugoForm)
  }

  private leadParagraph(
    value: RichTextValue | null | undefined,
    path: string,
    hugoForm: string | null | undefined,
  ): string {
    if (hugoForm !== 'html')
      return paired(form(hugoForm, '<'), 'ingress', {}, this.richText(value, path))
    // The older pages' raw `<div class="ingress">`: written back as they had it.
    const paragraphs = (value ?? [])
      .map((block) => `<p>${htmlText(portableTextToPlainText([block]))}</p>`)
      .join('')
    return `<div class="ingress">${paragraphs}</div>`
  }

  private callToAction(value: BodyBlockOf<'callToAction'>, path: string): string {
    // A button whose link is missing or refused keeps its words; the link stays empty.
    const link = safeHref(value.url, this.issues, `${path}.url`) ?? ''
    if (!link)
      this.issues.push({
        path,
        message: 'The button has no usable link: it is written with an empty one.',
      })
    if (value.hugoForm === 'html')
      return `<a id="button" href="${htmlText(link)}">${htmlText(value.label ?? '')}</a>`
    const delimiter = form(value.hugoForm, '<')
    switch (value.variant) {
      case 'iconBlock':
        return shortcode(delimiter, 'icon-block-horisontal', {
          named: {
            color: value.color,
            icon: value.icon,
            text: value.label,
            // The template prints the description as HTML: written escaped, it shows as text.
            description: value.description ? escapeHtml(value.description) : undefined,
            link,
          },
          keepEmpty: ['link'],
        })
      case 'textLink':
        return shortcode(delimiter, 'localtextbutton', {positional: [value.label ?? '', link]})
      default:
        return shortcode(delimiter, 'localbutton', {
          named: {
            text: value.label,
            link,
            icon: value.icon,
            target: value.openInNewTab ? '_blank' : undefined,
          },
          keepEmpty: ['link'],
        })
    }
  }

  private image(value: string | null | undefined, path: string): string | undefined {
    return safeHref(value, this.issues, path, IMAGE_LINK_KINDS)
  }

  private contactCard(value: BodyBlockOf<'contactCard'>, path: string): string {
    const contact = value.contact
    if (!contact) {
      this.issues.push({
        path,
        message: 'Contact card left out: the contact it points to is missing.',
      })
      return ''
    }
    const delimiter = form(value.hugoForm, '<')
    const email = contact.email
      ? safeHref(`mailto:${contact.email}`, this.issues, `${path}.contact.email`)
      : undefined
    if (value.buttonLabel && email) {
      return shortcode(delimiter, 'horisontal-card', {
        named: {
          image: this.image(contact.photo?.legacyPath, `${path}.contact.photo`),
          cardtitle: value.heading || contact.name,
          link: email,
          linktext: value.buttonLabel,
          text: value.text ?? contact.shortText,
        },
      })
    }
    return shortcode(delimiter, 'contact', {
      named: {
        picture: this.image(contact.photo?.legacyPath, `${path}.contact.photo`),
        title: contact.role,
        name: contact.name,
        phone: contact.phone,
        email: contact.email,
        address: contact.address,
        'address-link': contact.addressUrl
          ? safeHref(contact.addressUrl, this.issues, `${path}.contact.addressUrl`)
          : undefined,
      },
    })
  }

  /** A question box: `accordion`, the script at its start when the page had it there. */
  private accordion(
    faq: {
      question?: string | null
      answer?: RichTextValue | null
      anchorId?: string | null
      hugoForm?: string | null
    },
    path: string,
    key: string | undefined,
  ): string {
    this.accordions++
    const inner = [
      key && key === this.script.insideStartOf ? this.scriptOnce() : '',
      this.richText(faq.answer, `${path}.answer`),
    ].filter(Boolean)
    return paired(
      form(faq.hugoForm, '%'),
      'accordion',
      {named: {title: faq.question, id: validId(faq.anchorId)}},
      inner.join('\n\n'),
    )
  }

  /** The recruitment process as the site wrote it: an accordion with an intro, steps, a closing. */
  private process(placement: BodyBlockOf<'recruitmentProcessPlacement'> | undefined): string {
    const process = this.page.recruitmentProcess
    if (!process) return ''
    this.accordions++
    const steps = this.steps(process)
    const inner = [
      placement?._key && placement._key === this.script.insideStartOf ? this.scriptOnce() : '',
      this.richText(process.intro, 'recruitmentProcess.intro'),
      this.blocks(steps, 'recruitmentProcess.steps'),
      this.richText(process.closing, 'recruitmentProcess.closing'),
    ].filter(Boolean)
    return paired(
      form(placement?.hugoForm, '%'),
      'accordion',
      {named: {title: process.title, id: validId(placement?.anchorId)}},
      inner.join('\n\n'),
    )
  }

  /** An application form in a sandboxed frame, from a secure address on the allow-list. */
  private embeddedForm(value: BodyBlockOf<'embeddedForm'>, path: string): string {
    const check = checkEmbedUrl(value.url ?? '', this.options.embedOrigins)
    if (!check.ok) {
      this.issues.push({path, message: `Embedded form left out: ${check.reason}`})
      return ''
    }
    const kept = (value.frameAttributes ?? []).filter(
      (attribute) => attribute.name && KEPT_FRAME_ATTRIBUTES.has(attribute.name.toLowerCase()),
    )
    const attributes = [
      ['src', value.url?.trim()],
      ['title', value.title],
      ['width', value.width],
      ['height', value.height],
      ...kept.map((attribute) => [attribute.name?.toLowerCase(), attribute.value ?? '']),
      ['sandbox', EMBED_SANDBOX],
    ]
      .filter(
        (pair): pair is [string, string] =>
          typeof pair[0] === 'string' && typeof pair[1] === 'string',
      )
      .map(([name, text]) => ` ${name}="${htmlText(text)}"`)
      .join('')
    this.issues.push({path, message: `Embedded form from ${check.origin}, sandboxed.`})
    const frame = `<iframe${attributes}>${htmlText(value.fallbackText ?? '')}</iframe>`
    return value.anchorId && ANCHOR_ID_PATTERN.test(value.anchorId)
      ? `<div id="${value.anchorId}">${frame}</div>`
      : frame
  }

  /**
   * Kept markup goes back checked, never as typed: HTML through the website's allow-list, as one
   * HTML block; markdown shown as text, as the HTML site shows it (its links never checked, so
   * never live); a shortcode re-written from its parts, if its name is one of the website's
   * display shortcodes, its parameters quoted by us and its links passing the link policy, its
   * inner text cleaned like HTML (see schemas/objects/preservedSource.ts).
   */
  private preserved(value: BodyBlockOf<'preservedSource'>, path: string): string {
    if (value.format === 'html')
      return oneHtmlBlock(noShortcodes(sanitizePreservedHtml(value.source ?? '')))
    if (value.format === 'markdown')
      return `<pre class="preserved preserved--text">${htmlText(value.source ?? '')}</pre>`
    const parts = value.shortcode
    const name = parts?.name ?? ''
    const allowed = this.options.preservedShortcodes ?? PRESERVABLE_SHORTCODES
    if (!SHORTCODE_NAME.test(name) || !allowed.includes(name)) {
      this.issues.push({
        path,
        message: `The kept shortcode "${name}" is not one the website may be given, and was left out.`,
      })
      return ''
    }
    const positional: string[] = []
    const named: Record<string, string> = {}
    for (const param of parts?.params ?? []) {
      const text = param.value ?? ''
      if (
        looksLikeLink(param.name, text) &&
        !safeHref(text, this.issues, `${path}.shortcode.${param.name ?? 'param'}`)
      ) {
        this.issues.push({
          path,
          message: `The kept shortcode "${name}" was left out: its link is refused.`,
        })
        return ''
      }
      if (param.name && /^[\w-]+$/.test(param.name)) named[param.name] = text
      else if (!param.name) positional.push(text)
    }
    const delimiter = parts?.delimiter === '%' ? '%' : '<'
    const params = {named, positional, keepEmpty: Object.keys(named)}
    if (!parts?.paired) return shortcode(delimiter, name, params)
    const inner = noShortcodes(sanitizePreservedHtml(parts.inner ?? ''))
    return paired(delimiter, name, params, inner)
  }
}

function stepItem(
  text: readonly PortableTextBlock[] | null | undefined,
  key: string,
  listItem: string,
  level: number,
): PortableTextBlock {
  const blocks = text ?? []
  // A step is one paragraph; steps of several are joined by line breaks.
  const children = blocks.flatMap((block, index) => [
    ...(index > 0 ? [{_type: 'span', _key: `${key}-br${index}`, text: '\n', marks: []}] : []),
    ...(block.children ?? []),
  ])
  const markDefs = blocks.flatMap((block) => block.markDefs ?? [])
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    listItem,
    level,
    children,
    markDefs,
  } as PortableTextBlock
}

function looksLikeLink(name: string | null | undefined, value: string): boolean {
  return (
    /link|href|url|src|image|picture/i.test(name ?? '') ||
    /^\s*[a-z][a-z0-9+.-]*:/i.test(value) ||
    value.trim().startsWith('//')
  )
}

function validId(id: string | null | undefined): string | undefined {
  return id && ANCHOR_ID_PATTERN.test(id) ? id : undefined
}

function form(hugoForm: string | null | undefined, usual: '<' | '%'): '<' | '%' {
  return hugoForm === '<' || hugoForm === '%' ? hugoForm : usual
}

interface ShortcodeParams {
  named?: Record<string, string | null | undefined>
  positional?: string[]
  /** Named parameters written even when empty (`link=""`: a button kept without its link). */
  keepEmpty?: readonly string[]
}

function shortcode(delimiter: '<' | '%', name: string, params: ShortcodeParams): string {
  const named = Object.entries(params.named ?? {})
    .filter(
      (entry): entry is [string, string] =>
        typeof entry[1] === 'string' &&
        (entry[1] !== '' || Boolean(params.keepEmpty?.includes(entry[0]))),
    )
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

/**
 * A CommonMark link destination for a link the policy accepted: in angle brackets, where spaces
 * are allowed; brackets percent-encoded; backslashes and ampersands escaped, so goldmark reads
 * neither an escape nor a character reference into it.
 */
function linkDestination(href: string): string {
  return `<${href.replace(/[<>]/g, encodeURIComponent).replace(/[\\&]/g, '\\$&')}>`
}

/**
 * CommonMark's block-level tags (HTML block type 6, as goldmark lists them): a block opening with
 * one stays raw HTML up to the next blank line, whatever it holds.
 */
const BLOCK_TAG_START =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$)/i

/**
 * Sanitised HTML written so goldmark reads all of it as HTML: text after a blank line, or HTML
 * that opens with an inline tag, would otherwise be read as markdown, where a `javascript:` link
 * is live (the site renders with `unsafe = true`). HTML that already is one block, as imported,
 * goes back as it was; anything else in a block-level wrapper, its blank lines closed up.
 */
function oneHtmlBlock(html: string): string {
  const trimmed = html.trim()
  if (!trimmed) return ''
  if (BLOCK_TAG_START.test(trimmed) && !/\n[ \t]*\n/.test(trimmed)) return trimmed
  return `<div class="preserved">${trimmed.replace(/\n(?:[ \t]*\n)+/g, '\n')}</div>`
}

/** Every `{` as a character code: Hugo reads shortcodes before markdown and HTML, anywhere. */
function noShortcodes(text: string): string {
  return text.replace(/\{/g, '&#123;')
}

/** Text or an attribute value in raw HTML the export writes. */
function htmlText(value: string): string {
  return noShortcodes(escapeHtml(value))
}

/**
 * Front-matter values pass the same link policy as the body, and old addresses the same checks
 * as the HTML site's redirects: what is refused is left out and reported.
 */
function frontMatterLinks(issues: RenderIssue[]) {
  return {
    apply: (url: string | null | undefined) => safeHref(url, issues, 'apply.url', APPLY_LINK_KINDS),
    image: (path: string | null | undefined, field: string) =>
      safeHref(path, issues, field, IMAGE_LINK_KINDS),
    aliases: (aliases: readonly string[] | null | undefined) =>
      (aliases ?? []).filter((alias, index) => {
        const check = checkAlias(alias, DEFAULT_SITE_SETTINGS)
        if (!check.ok)
          issues.push({path: `aliases[${index}]`, message: `Left out: ${check.reason}`})
        return check.ok
      }),
  }
}

/** Front-matter keys with which Hugo places a page somewhere else or adds addresses for it. */
const ADDRESS_KEYS = new Set(['url', 'aliases'])

/**
 * The old page's front matter, as kept. A kept `url` or `aliases` moves the page or adds
 * addresses for it, behind the checks the web address and old addresses pass: written only
 * while it passes the same checks as an old address, else left out and reported.
 */
function keptFrontMatter(
  kept: readonly {key?: string | null; value?: string | null}[] | null | undefined,
  issues: RenderIssue[],
): {key?: string | null; value?: string | null}[] {
  return (kept ?? []).filter((entry, index) => {
    const key = entry.key?.trim().toLowerCase() ?? ''
    if (!ADDRESS_KEYS.has(key)) return true
    const paths = keptValues(entry.value)
    const refused = paths.find((path) => !checkAlias(path, DEFAULT_SITE_SETTINGS).ok)
    if (refused === undefined && paths.length) return true
    issues.push({
      path: `hugo.frontMatter[${index}]`,
      message: `The kept front-matter key "${entry.key}" was left out: ${
        refused === undefined
          ? 'it holds no address.'
          : (checkAlias(refused, DEFAULT_SITE_SETTINGS) as {reason: string}).reason
      }`,
    })
    return false
  })
}

function keptValues(value: string | null | undefined): unknown[] {
  try {
    const parsed: unknown = JSON.parse(value ?? '')
    return Array.isArray(parsed) ? parsed : [parsed]
  } catch {
    return []
  }
}
