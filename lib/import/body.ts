import {classifyHtml, type HtmlMeaning} from '../hugo/html'
import {markdownToBlocks, type ConvertedBlock, type TextTarget} from '../hugo/markdown'
import portableTextSchemas from '../hugo/portableTextSchemas.json' with {type: 'json'}
import {isTextBlock, type BlockObject, type TextBlock} from '../hugo/portableText'
import type {HugoNode, ShortcodeNode} from '../hugo/shortcodes'
import {checkEmbedUrl, KEPT_FRAME_ATTRIBUTES} from '../model/embeds'
import type {AssetResolver, SiteImage} from './assets'
import {checkHref, compact, type Issue} from './fields'
import {keyGenerator} from './keys'
import type {PageReferences} from './pageRefs'
import {SharedDocuments} from './shared'
import {SHORTCODE_HANDLERS} from './shortcodes'

export type BodyMember = TextBlock | BlockObject

/** What one page's body builders share: where issues go, the shared documents, what was found. */
export interface PageContext {
  file: string
  shared: SharedDocuments
  assets: AssetResolver
  keys: () => string
  issues: Issue[]
  pageRefs: PageReferences
  /** Origins forms may be embedded from; undefined allows any https origin. */
  embedOrigins?: readonly string[]
  /** The first lead paragraph: the page's `ingress`. */
  ingress?: TextBlock[]
  processId?: string
  contactId?: string
  contactFromRecruiterCard: boolean
  /** The first in-page button, the apply link of pages without a sidebar link. */
  firstButton?: {label: string; url: string}
  /**
   * Where `{{< accordion-script >}}` stood (`joined`: on the line right after that block), or,
   * for a page with boxes and no script, how many boxes it had.
   */
  accordionScript?: {after?: string; insideStartOf?: string; joined?: boolean; missingWith?: number}
  /** Question boxes and processes read so far. */
  accordions: number
  /**
   * Blocks the old page had on the line right after the block before them, with no blank line
   * between: for Hugo they share a paragraph (two shortcodes in one `<p>`), so the export writes
   * them so again.
   */
  joined: Set<string>
}

export interface BuilderOptions {
  /** Key generator of the document the blocks go into (a shared process has its own). */
  keys?: () => string
  /** Key of the block whose content this builder reads (a box), for blocks placed inside it. */
  containerKey?: string
  /** Where issues go, when not the page's (a trial read that may be thrown away). */
  issues?: Issue[]
}

/** Block types each kind of text may hold, from the generated Portable Text schemas. */
const ALLOWED_TYPES: Record<TextTarget, Set<string>> = {
  body: new Set(['block', ...portableTextSchemas.body.blockObjects.map((type) => type.name)]),
  boxContent: new Set([
    'block',
    ...portableTextSchemas.boxContent.blockObjects.map((type) => type.name),
  ]),
  richText: new Set(['block']),
}

/**
 * Walks a page's shortcode tree in document order and builds a body (or, for the content of a
 * box, a rich text). Text and inline shortcodes gather into markdown, converted when a block
 * shortcode or the end comes; each block shortcode goes to its family's handler (./shortcodes).
 */
export class BodyBuilder {
  readonly members: BodyMember[] = []
  readonly keys: () => string
  readonly issues: Issue[]
  readonly containerKey: string | undefined
  private markdown = ''
  private markdownLine = 1
  /** The whitespace between the last block and what comes next. */
  private gap = ''
  /** The next block added follows the previous one with no blank line. */
  private joinNext = false

  constructor(
    readonly page: PageContext,
    readonly target: TextTarget,
    options: BuilderOptions = {},
  ) {
    this.keys = options.keys ?? page.keys
    this.issues = options.issues ?? page.issues
    this.containerKey = options.containerKey
  }

  /** The top-level body of the page, as opposed to the content of a box. */
  get isBody(): boolean {
    return this.target === 'body' && this.containerKey === undefined
  }

  /** The shortcode being read follows the previous block with no blank line between. */
  get joinsPrevious(): boolean {
    return this.joinNext
  }

  /** Nothing read yet: no block and no pending text. */
  get isEmpty(): boolean {
    return this.members.length === 0 && this.markdown.trim() === ''
  }

  walk(nodes: readonly HugoNode[]): this {
    for (const node of nodes) {
      if (node.kind === 'text') {
        this.append(node.text, node.line)
        continue
      }
      const handler = SHORTCODE_HANDLERS[node.name]
      if (handler?.inline) {
        this.append(handler.inline(node, this), node.line)
        continue
      }
      this.flush()
      this.joinNext = this.members.length > 0 && !hasBlankLine(this.gap)
      if (handler?.block) handler.block(node, this)
      else this.preserveShortcode(node, `The website's "${node.name}" shortcode has no block here`)
      this.joinNext = false
      this.gap = ''
    }
    return this
  }

  /** Convert the markdown gathered so far. */
  flush(): this {
    const text = this.markdown
    this.markdown = ''
    if (text.trim() === '') {
      this.gap += text
      return this
    }
    const leading = /^\s*/.exec(text)?.[0] ?? ''
    this.joinNext = this.members.length > 0 && !hasBlankLine(this.gap + leading)
    const {blocks, issues} = markdownToBlocks(text, {
      target: this.target,
      keyGenerator: this.keys,
      firstLine: this.markdownLine,
    })
    this.issues.push(...issues)
    for (const block of blocks) this.addConverted(block)
    this.joinNext = false
    this.gap = /\s*$/.exec(text)?.[0] ?? ''
    return this
  }

  /** The members of a box's content (`node`'s children): a box's, or plain rich text. */
  nested(
    node: ShortcodeNode,
    containerKey: string,
    {target = 'boxContent', keys = this.keys}: {target?: TextTarget; keys?: () => string} = {},
  ) {
    return new BodyBuilder(this.page, target, {keys, containerKey}).walk(node.children).flush()
      .members
  }

  /**
   * A box's content read on trial, to see what it holds: nothing it finds reaches the page (no
   * shared document, no issue, no script position).
   */
  readAside(node: ShortcodeNode): BodyMember[] {
    const page: PageContext = {
      ...this.page,
      shared: new SharedDocuments(),
      issues: [],
      accordionScript: undefined,
      firstButton: undefined,
      joined: new Set(),
      accordions: 0,
    }
    return new BodyBuilder(page, 'boxContent', {keys: keyGenerator('aside'), containerKey: 'aside'})
      .walk(node.children)
      .flush().members
  }

  /** Add a block, or keep the shortcode it came from when this kind of text cannot hold it. */
  add(member: BodyMember, from?: ShortcodeNode): void {
    if (ALLOWED_TYPES[this.target].has(member._type)) {
      this.push(member)
      return
    }
    if (from) this.preserveShortcode(from, `A "${from.name}" cannot stand inside another box`)
    else
      this.preserve('markdown', JSON.stringify(member), 'A block that cannot stand here', undefined)
  }

  /** The key of the block read last, or "" at the start. */
  lastKey(): string {
    return this.members[this.members.length - 1]?._key ?? ''
  }

  append(text: string, line: number): void {
    if (this.markdown.trim() === '') this.markdownLine = line
    this.markdown += text
  }

  /** A link as the website's resolve-link partial reads it: a `.md` path is Hugo's `relref`. */
  resolveLink(value: string | undefined, line: number): string | undefined {
    if (value === undefined) return undefined
    const trimmed = value.trim()
    if (!/\.md(#.*)?$/i.test(trimmed) || /^(https?:|mailto:|tel:|#)/i.test(trimmed)) return trimmed
    return this.page.pageRefs.resolve(trimmed, this.page.file, line, this.issues) ?? trimmed
  }

  checkLink(url: string | undefined, line: number, field = 'body'): void {
    if (url) checkHref(url, field, line, this.issues)
  }

  /** A button or link block; one without a label or link is kept and reported. */
  callToAction(
    fields: Record<string, unknown> & {label?: string; url?: string; variant: string},
    line: number,
  ) {
    if (!fields.label || !fields.url) {
      this.issues.push({
        severity: 'warning',
        line,
        field: 'body',
        message: `A ${fields.variant === 'textLink' ? 'text link' : 'button'} has no ${fields.label ? 'link' : 'label'}: it was kept as it is; complete it in the Studio.`,
      })
    }
    this.checkLink(fields.url, line)
    if (fields.label && fields.url?.startsWith('#'))
      this.page.firstButton ??= {label: fields.label, url: fields.url}
    return compact({_type: 'callToAction', _key: this.keys(), ...fields})
  }

  /** An image in the text: uploaded with --assets when the file is there, else its old path kept. */
  bodyImage(
    fields: {legacyPath: string; alt?: string; title?: string; caption?: string; hugoForm?: string},
    line: number,
    key = this.keys(),
  ) {
    const {legacyPath, alt} = fields
    const sanityAsset = this.page.assets.sanityAsset(legacyPath)
    if (!sanityAsset) {
      this.issues.push({
        severity: this.page.assets.enabled ? 'warning' : 'info',
        line,
        field: 'body',
        message: `The image "${legacyPath}" was kept as a path on the old website${this.page.assets.enabled ? ': it is not under the assets directory' : ' (pass --assets DIR to upload it)'}.`,
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
    this.add(compact({_type: 'bodyImage', _key: key, _sanityAsset: sanityAsset, ...fields}))
  }

  photo(legacyPath: string, line: number): SiteImage {
    const {image, uploaded} = this.page.assets.siteImage(legacyPath)
    if (!uploaded && this.page.assets.enabled) {
      this.issues.push({
        severity: 'warning',
        line,
        message: `The photo "${legacyPath}" was not found under the assets directory; its old path was kept.`,
      })
    }
    return image
  }

  /** The first lead paragraph is the page's; later ones are highlighted paragraphs in place. */
  leadParagraph(content: TextBlock[], line: number, hugoForm?: string): void {
    if (this.isBody && !this.page.ingress) {
      this.page.ingress = content
      this.add(compact({_type: 'ingressPlacement', _key: this.keys(), hugoForm}))
      return
    }
    this.issues.push({
      severity: 'info',
      line,
      field: 'body',
      message: 'A second lead paragraph (ingress) was kept in place as a highlighted paragraph.',
    })
    this.add(compact({_type: 'highlightedText', _key: this.keys(), content, hugoForm}))
  }

  /** Keep a shortcode with no block, as its parts, for HR to see and the export to check. */
  preserveShortcode(node: ShortcodeNode, reason: string): void {
    const params = [
      ...node.params.positional.map((value) => ({
        _key: this.keys(),
        _type: 'shortcodeParam',
        value,
      })),
      ...Object.entries(node.params.named).map(([name, value]) => ({
        _key: this.keys(),
        _type: 'shortcodeParam',
        name,
        value,
      })),
    ]
    const inner = node.paired
      ? node.children.map((child) => (child.kind === 'text' ? child.text : child.source)).join('')
      : undefined
    this.warnKept('shortcode', node.source, reason, node.line)
    this.push({
      _type: 'preservedSource',
      _key: this.keys(),
      format: 'shortcode',
      source: node.source,
      reason,
      shortcode: compact({
        name: node.name,
        delimiter: node.delimiter,
        params: params.length ? params : undefined,
        inner,
        paired: node.paired || undefined,
      }),
    })
  }

  preserve(format: 'html' | 'markdown', source: string, reason: string, line: number | undefined) {
    this.warnKept(format, source, reason, line)
    this.push({_type: 'preservedSource', _key: this.keys(), format, source, reason})
  }

  /** Every block goes in here: the first after a gap without a blank line is marked joined. */
  private push(member: BodyMember) {
    if (this.joinNext) this.page.joined.add(member._key)
    this.joinNext = false
    this.members.push(member)
  }

  private warnKept(format: string, source: string, reason: string, line: number | undefined) {
    this.issues.push({
      severity: 'warning',
      line,
      field: 'body',
      message: `${reason}: kept as preserved ${format} for HR to rewrite (${source.trim().slice(0, 60)}).`,
    })
  }

  private addConverted(block: ConvertedBlock) {
    if (block._type === 'bodyImage') {
      const {legacyPath, alt, title} = block as {legacyPath?: string; alt?: string; title?: string}
      this.bodyImage({legacyPath: String(legacyPath), alt, title}, this.markdownLine, block._key)
      return
    }
    if (block._type !== 'html') {
      if (isTextBlock(block)) this.checkTextLinks(block)
      this.add(block as BodyMember)
      return
    }
    const html = String(block.html)
    const line = Number(block.line)
    const meanings = classifyHtml(html)
    if (!meanings) {
      this.preserve('html', html, 'Raw HTML with no matching block', line)
      return
    }
    for (const meaning of meanings) this.htmlBlock(meaning, html, line)
  }

  private htmlBlock(meaning: HtmlMeaning, html: string, line: number) {
    switch (meaning.kind) {
      case 'anchor':
        this.anchor(meaning.id, line)
        return
      case 'ingress': {
        const {blocks, issues} = markdownToBlocks(meaning.text, {
          target: 'richText',
          keyGenerator: this.keys,
          firstLine: line,
        })
        this.issues.push(...issues)
        this.leadParagraph(blocks.filter(isTextBlock), line, 'html')
        return
      }
      case 'button':
        // id="button" is the old site's styling hook for buttons, not a place links jump to.
        if (meaning.id && meaning.id !== 'button') this.anchor(meaning.id, line)
        this.add(
          this.callToAction(
            {label: meaning.label, url: meaning.href, variant: 'button', hugoForm: 'html'},
            line,
          ),
        )
        return
      case 'embed':
        this.embed(meaning, html, line)
    }
  }

  private embed(meaning: Extract<HtmlMeaning, {kind: 'embed'}>, html: string, line: number) {
    const check = checkEmbedUrl(meaning.src, this.page.embedOrigins)
    if (!check.ok) {
      this.preserve('html', html, `An embedded page that cannot be shown: ${check.reason}`, line)
      return
    }
    const kept = Object.entries(meaning.attributes).filter(([name]) =>
      KEPT_FRAME_ATTRIBUTES.has(name),
    )
    const dropped = Object.keys(meaning.attributes).filter(
      (name) => !KEPT_FRAME_ATTRIBUTES.has(name),
    )
    this.issues.push({
      severity: 'info',
      line,
      field: 'body',
      message: `The form from ${check.origin} is kept as an embedded form; the website shows it sandboxed (its own forms and scripts only)${dropped.length ? `, without ${dropped.join(', ')}` : ''}.`,
    })
    if (!meaning.title)
      this.issues.push({
        severity: 'warning',
        line,
        field: 'body',
        message: 'The embedded form has no title: name it for screen-reader users.',
      })
    this.add(
      compact({
        _type: 'embeddedForm',
        _key: this.keys(),
        url: meaning.src,
        title: meaning.title,
        width: meaning.width,
        height: meaning.height,
        anchorId: meaning.anchorId,
        fallbackText: meaning.fallbackText,
        frameAttributes: kept.length
          ? kept.map(([name, value]) => ({_type: 'frameAttribute', _key: this.keys(), name, value}))
          : undefined,
      }),
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
    this.add({_type: 'pageAnchor', _key: this.keys(), anchorId: id})
  }

  private checkTextLinks(block: TextBlock) {
    for (const definition of block.markDefs) {
      if (definition._type === 'link' && definition.href)
        checkHref(definition.href, 'body', this.markdownLine, this.issues)
    }
  }
}

function hasBlankLine(whitespace: string): boolean {
  return /\n[ \t]*\r?\n/.test(whitespace)
}
