import {classifyHtml, htmlToText} from '../hugo/html'
import {markdownToBlocks, runInMarker, type ConvertedBlock, type TextTarget} from '../hugo/markdown'
import {isTextBlock, type BlockObject, type TextBlock} from '../hugo/portableText'
import {param, type HugoNode, type ShortcodeNode} from '../hugo/shortcodes'
import {isEmail} from '../model/links'
import type {AssetResolver, SiteImage} from './assets'
import {checkHref, compact, type Issue} from './fields'
import {PROCESS_TITLE, splitProcess} from './process'
import type {ContactFields, SharedDocuments} from './shared'
import {reference} from './types'

type BodyMember = TextBlock | BlockObject

/** Walks the shortcode tree in document order and builds the body and the shared documents. */
export class BodyBuilder {
  members: BodyMember[] = []
  ingress: TextBlock[] | undefined
  processId: string | undefined
  contactId: string | undefined
  private contactFromRecruiterCard = false
  firstButton: {label: string; url: string} | undefined
  private markdown = ''
  private markdownLine = 1

  constructor(
    private readonly file: string,
    private readonly shared: SharedDocuments,
    private readonly assets: AssetResolver,
    private readonly keys: () => string,
    private readonly issues: Issue[],
  ) {}

  walk(nodes: HugoNode[]) {
    for (const node of nodes) {
      if (node.kind === 'text') this.append(node.text, node.line)
      else if (node.name === 'inline')
        this.append(runInMarker(param(node, 'text', 0) ?? ''), node.line)
      else if (isPageReference(node)) this.append(pageUrl(node), node.line)
      else {
        this.flush()
        this.shortcode(node)
      }
    }
  }

  private append(text: string, line: number) {
    if (this.markdown.trim() === '') this.markdownLine = line
    this.markdown += text
  }

  flush() {
    if (this.markdown.trim() !== '') {
      for (const block of this.convert(this.markdown, 'body', this.markdownLine))
        this.addBodyBlock(block)
    }
    this.markdown = ''
  }

  private convert(
    markdown: string,
    target: TextTarget,
    line: number,
    keys = this.keys,
  ): ConvertedBlock[] {
    const {blocks, issues} = markdownToBlocks(markdown, {
      target,
      keyGenerator: keys,
      firstLine: line,
    })
    this.issues.push(...issues)
    for (const block of blocks) if (isTextBlock(block)) this.checkLinks(block, line)
    return blocks
  }

  /** Text for a rich-text field: inline HTML reduced to text, anchors dropped (they cannot live there). */
  private richText(node: ShortcodeNode, keys = this.keys): TextBlock[] {
    const blocks = this.convert(this.innerMarkdown(node), 'richText', node.line, keys)
    return blocks.flatMap((block): TextBlock[] => {
      if (isTextBlock(block)) return [block]
      const html = String(block.html ?? '')
      const meaning = classifyHtml(html)
      if (meaning.kind === 'anchor') {
        this.issues.push({
          severity: 'warning',
          line: node.line,
          message: `The jump target "#${meaning.id}" inside "${node.name}" was dropped: move it into the body if links use it.`,
        })
        return []
      }
      const text = htmlToText(html)
      this.issues.push({
        severity: 'warning',
        line: Number(block.line ?? node.line),
        message: `HTML inside "${node.name}" was reduced to its text: ${html.slice(0, 60)}`,
      })
      return text ? this.convert(text, 'richText', node.line, keys).filter(isTextBlock) : []
    })
  }

  /** The inner content as markdown: run-in headings marked, nested shortcodes kept as written. */
  private innerMarkdown(node: ShortcodeNode): string {
    return node.children
      .map((child) => {
        if (child.kind === 'text') return child.text
        if (child.name === 'inline') return runInMarker(param(child, 'text', 0) ?? '')
        if (isPageReference(child)) return pageUrl(child)
        this.issues.push({
          severity: 'warning',
          line: child.line,
          message: `The "${child.name}" shortcode inside "${node.name}" was kept as text: it cannot be placed there.`,
        })
        return child.source
      })
      .join('')
  }

  private addBodyBlock(block: ConvertedBlock) {
    if (block._type === 'bodyImage') {
      const legacyPath = String(block.legacyPath)
      this.bodyImage(legacyPath, block.alt as string | undefined, this.markdownLine, block._key)
      return
    }
    if (block._type !== 'html') {
      this.members.push(block as BodyMember)
      return
    }
    const html = String(block.html)
    const line = Number(block.line)
    const meaning = classifyHtml(html)
    switch (meaning.kind) {
      case 'anchor':
        this.anchor(meaning.id, line)
        return
      case 'ingress': {
        const blocks = this.convert(meaning.text, 'richText', line).filter(isTextBlock)
        this.setIngress(blocks, line)
        return
      }
      case 'button':
        // id="button" is the old site's styling hook for buttons, not a place links jump to.
        if (meaning.id && meaning.id !== 'button') this.anchor(meaning.id, line)
        this.callToAction({label: meaning.label, url: meaning.href, variant: 'button'}, line)
        return
      default:
        this.preserve('html', html, 'Raw HTML with no matching block', line)
    }
  }

  /** An image in the text: uploaded with --assets when the file is there, else its old path kept. */
  private bodyImage(legacyPath: string, alt: string | undefined, line: number, key = this.keys()) {
    const sanityAsset = this.assets.sanityAsset(legacyPath)
    if (!sanityAsset) {
      this.issues.push({
        severity: this.assets.enabled ? 'warning' : 'info',
        line,
        field: 'body',
        message: `The image "${legacyPath}" was kept as a path on the old website${this.assets.enabled ? ': it is not under the assets directory' : ' (pass --assets DIR to upload it)'}.`,
      })
    }
    if (!alt) {
      this.issues.push({
        severity: 'warning',
        line,
        field: 'body',
        message: `The image "${legacyPath}" has no description (alt text) for screen readers.`,
      })
    }
    this.members.push(
      compact({_type: 'bodyImage', _key: key, _sanityAsset: sanityAsset, alt, legacyPath}),
    )
  }

  private anchor(id: string, line: number) {
    if (this.members.some((member) => member._type === 'pageAnchor' && member.anchorId === id)) {
      this.issues.push({
        severity: 'info',
        line,
        message: `A second jump target "#${id}" was left out: ids are unique on a page.`,
      })
      return
    }
    this.members.push({_type: 'pageAnchor', _key: this.keys(), anchorId: id})
  }

  private setIngress(blocks: TextBlock[], line: number) {
    if (!this.ingress) {
      this.ingress = blocks
      return
    }
    // The posting has one lead paragraph; a second one (say, of a section in another language)
    // stays in the body where it was, as a quote, so it keeps its place and emphasis.
    this.issues.push({
      severity: 'warning',
      line,
      field: 'body',
      message: 'A second lead paragraph (ingress) was kept in the body as a quote.',
    })
    for (const block of blocks) this.members.push({...block, style: 'blockquote'})
  }

  private shortcode(node: ShortcodeNode) {
    const text = (name: string, position?: number) => param(node, name, position)
    switch (node.name) {
      case 'ingress':
        this.setIngress(this.richText(node), node.line)
        return
      case 'accordion':
        this.accordion(node)
        return
      case 'accordion-script':
        this.issues.push({
          severity: 'info',
          line: node.line,
          message: '"accordion-script" only loads the website\'s script: nothing to import.',
        })
        return
      case 'distance':
        this.issues.push({
          severity: 'info',
          line: node.line,
          message: '"distance" is spacing: only its "#contact" jump target was kept.',
        })
        this.anchor('contact', node.line)
        return
      case 'note': {
        const title = text('title', 0)
        if (!title)
          this.issues.push({
            severity: 'warning',
            line: node.line,
            field: 'body',
            message: 'The note has no title: give the callout a heading.',
          })
        this.members.push(
          compact({
            _type: 'callout',
            _key: this.keys(),
            title,
            content: this.richText(node),
            tone: 'neutral',
            icon: text('icon'),
            color: text('color'),
          }),
        )
        return
      }
      case 'horisontal-card':
        this.recruiterCard(node)
        return
      case 'contact':
        this.contactCard(node)
        return
      case 'icon-block-horisontal':
        this.callToAction(
          {
            label: text('text'),
            url: text('link') ?? text('linkref'),
            variant: 'iconBlock',
            description: text('description'),
            icon: text('icon'),
            color: text('color'),
          },
          node.line,
        )
        return
      case 'icon-block-small-container':
      case 'icon-block-small':
        this.iconLinks(node)
        return
      case 'localbutton':
        this.callToAction(
          {
            label: text('text', 0),
            url: text('link', 1) ?? text('linkref'),
            variant: 'button',
            icon: text('icon'),
            openInNewTab: text('target') === '_blank' ? true : undefined,
          },
          node.line,
        )
        return
      case '2calltoaction':
        this.callToAction(
          {label: text('label1', 0), url: text('link1', 1), variant: 'button'},
          node.line,
        )
        this.callToAction(
          {label: text('label2', 2), url: text('link2', 3), variant: 'textLink'},
          node.line,
        )
        return
      case 'localtextbutton':
        this.callToAction(
          {label: text('text', 0), url: text('link', 1), variant: 'textLink'},
          node.line,
        )
        return
      case 'figure': {
        const src = text('src', 0)
        if (!src) {
          this.preserve('shortcode', node.source, 'A figure without src', node.line)
          return
        }
        this.bodyImage(src, text('alt') ?? text('caption') ?? text('title'), node.line)
        const caption = text('caption') ?? text('title')
        // The body image has no caption field: the caption stays readable as a paragraph.
        if (caption && caption !== text('alt')) {
          this.append(`\n\n${caption}\n\n`, node.line)
          this.flush()
        }
        return
      }
      default:
        this.preserve(
          'shortcode',
          node.source,
          `No block for the "${node.name}" shortcode yet`,
          node.line,
        )
    }
  }

  private accordion(node: ShortcodeNode) {
    const title = param(node, 'title', 0) ?? ''
    const source = node.children
      .map((child) => (child.kind === 'text' ? child.text : child.source))
      .join('')
    // Without a list there are no steps to edit: such a box is shown as a question instead.
    const hasSteps = /^\s*(\d+[.)]|[-*+])\s/m.test(source)
    if (PROCESS_TITLE.test(title) && hasSteps && !this.processId) {
      this.processId = this.shared.process(`${title}\n${source}`, this.file, (keys) =>
        splitProcess(title, this.richText(node, keys), keys),
      )
      return
    }
    if (PROCESS_TITLE.test(title)) {
      this.issues.push({
        severity: 'warning',
        line: node.line,
        field: 'body',
        message: `A posting shows one recruitment process; "${title}" was kept in the body as a question box.`,
      })
    }
    const anchorId = param(node, 'id')
    if (!title)
      this.issues.push({
        severity: 'warning',
        line: node.line,
        field: 'body',
        message: 'The accordion has no title: write the question.',
      })
    this.members.push(
      compact({
        _type: 'faqEntry',
        _key: this.keys(),
        question: title || undefined,
        answer: this.richText(node),
        anchorId,
      }),
    )
  }

  private recruiterCard(node: ShortcodeNode) {
    const link = param(node, 'link') ?? param(node, 'linkref')
    const text = param(node, 'text')
    const email = emailIn(link) ?? emailIn(text)
    if (!email) {
      this.preserve(
        'shortcode',
        node.source,
        'A contact card without an email address cannot become a contact',
        node.line,
      )
      return
    }
    const name = guessName(email, text)
    this.issues.push({
      severity: 'info',
      line: node.line,
      field: 'contact',
      message: `The card names no person: the contact for ${email} was called "${name}" after the email address; check the name.`,
    })
    const image = param(node, 'image')
    const id = this.shared.contact({
      email,
      name,
      shortText: text,
      photo: image ? this.photo(image, node.line) : undefined,
    })
    this.members.push(
      compact({
        _type: 'contactCard',
        _key: this.keys(),
        contact: reference(id),
        heading: param(node, 'cardtitle'),
        text,
        buttonLabel: param(node, 'linktext'),
      }),
    )
    if (link && !link.startsWith('mailto:')) checkHref(link, 'body', node.line, this.issues)
    if (!this.contactFromRecruiterCard) this.contactId = id
    this.contactFromRecruiterCard = true
  }

  private contactCard(node: ShortcodeNode) {
    const email = emailIn(param(node, 'email'))
    if (!email) {
      this.preserve(
        'shortcode',
        node.source,
        'A contact without an email address cannot become a contact',
        node.line,
      )
      return
    }
    const picture = param(node, 'picture')
    const fields: ContactFields = {
      email,
      name: param(node, 'name'),
      role: param(node, 'title'),
      phone: param(node, 'phone'),
      address: param(node, 'address'),
      addressUrl: param(node, 'address-link'),
      photo: picture ? this.photo(picture, node.line) : undefined,
    }
    const id = this.shared.contact(fields)
    this.members.push({_type: 'contactCard', _key: this.keys(), contact: reference(id)})
    this.contactId ??= id
  }

  private photo(legacyPath: string, line: number): SiteImage {
    const {image, uploaded} = this.assets.siteImage(legacyPath)
    if (!uploaded && this.assets.enabled) {
      this.issues.push({
        severity: 'warning',
        line,
        message: `The photo "${legacyPath}" was not found under the assets directory; its old path was kept.`,
      })
    }
    return image
  }

  private iconLinks(node: ShortcodeNode) {
    const items = node.name === 'icon-block-small' ? [node] : node.children
    const links = []
    for (const item of items) {
      if (item.kind === 'text') {
        if (item.text.trim()) this.append(item.text, item.line)
        continue
      }
      if (item.name !== 'icon-block-small') {
        this.preserve(
          'shortcode',
          item.source,
          `"${item.name}" inside a row of icon links`,
          item.line,
        )
        continue
      }
      const url = param(item, 'link')
      if (url) checkHref(url, 'body', item.line, this.issues)
      links.push(
        compact({
          _type: 'iconLink',
          _key: this.keys(),
          label: param(item, 'text'),
          description: param(item, 'description'),
          url,
          icon: param(item, 'icon'),
          color: param(item, 'color'),
        }),
      )
    }
    this.members.push({_type: 'iconLinkRow', _key: this.keys(), links})
    this.flush()
  }

  private callToAction(
    fields: {
      label?: string
      url?: string
      variant: string
      description?: string
      icon?: string
      color?: string
      openInNewTab?: boolean
    },
    line: number,
  ) {
    if (!fields.label || !fields.url) {
      this.issues.push({
        severity: 'warning',
        line,
        field: 'body',
        message: `A ${fields.variant === 'textLink' ? 'text link' : 'button'} has no ${fields.label ? 'link' : 'label'}: complete it in the Studio.`,
      })
    }
    if (fields.url) checkHref(fields.url, 'body', line, this.issues)
    if (fields.label && fields.url && fields.url.startsWith('#') && !this.firstButton)
      this.firstButton = {label: fields.label, url: fields.url}
    this.members.push(compact({_type: 'callToAction', _key: this.keys(), ...fields}))
  }

  private preserve(format: 'html' | 'shortcode', source: string, reason: string, line: number) {
    this.issues.push({
      severity: 'warning',
      line,
      field: 'body',
      message: `${reason}: kept verbatim as preserved ${format} for HR to rewrite (${source.trim().slice(0, 60)}).`,
    })
    this.members.push({_type: 'preservedSource', _key: this.keys(), format, source, reason})
  }

  private checkLinks(block: TextBlock, line: number) {
    for (const definition of block.markDefs) {
      if (definition._type === 'link' && definition.href)
        checkHref(definition.href, 'body', line, this.issues)
    }
  }
}

/** `ref` and `relref` stand for another page's address, usually inside a markdown link. */
function isPageReference(node: ShortcodeNode): boolean {
  return node.name === 'ref' || node.name === 'relref'
}

/** "career/cfo.md#apply" → "/career/cfo/#apply", the address Hugo gives that page. */
function pageUrl(node: ShortcodeNode): string {
  const target = param(node, 'path', 0) ?? ''
  const [page = '', anchor] = target.split('#')
  const path = page
    .replace(/(^|\/)_?index\.md$/i, '$1')
    .replace(/\.md$/i, '/')
    .replace(/^\/?/, '/')
  return anchor === undefined ? path : `${path}#${anchor}`
}

function emailIn(text: string | undefined): string | undefined {
  if (!text) return undefined
  const candidate = text.startsWith('mailto:')
    ? decodeURIComponent(text.slice(7).split('?')[0] ?? '')
    : text.match(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/)?.[0]
  return candidate && isEmail(candidate) ? candidate.trim() : undefined
}

/** "ada.l@…" and a text mentioning "Ada" → "Ada L"; names found in the text keep their spelling. */
function guessName(email: string, text: string | undefined): string {
  const prose = (text ?? '').replace(/\S+@\S+/g, ' ')
  return (email.split('@')[0] ?? '')
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => {
      const pattern = new RegExp(
        `(?<![\\p{L}])${word.replace(/[^\p{L}\d]/gu, '')}(?![\\p{L}])`,
        'iu',
      )
      return prose.match(pattern)?.[0] ?? capitalise(word)
    })
    .join(' ')
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
