import {isTextBlock, type TextBlock} from '../../hugo/portableText'
import {param, type HugoNode, type ShortcodeNode} from '../../hugo/shortcodes'
import type {BodyBuilder, BodyMember} from '../body'
import {compact} from '../fields'
import {PROCESS_TITLE, splitProcess} from '../process'
import {formOf, type ShortcodeHandlers} from './types'

/**
 * `accordion`: the recruitment process when its title says so and its content is the process's
 * shape (an intro, a list of steps, a closing), else a question with its answer.
 * `accordion-script` loads the website's script that opens them; its place is kept.
 */
export const accordionHandlers: ShortcodeHandlers = {
  accordion: {inner: true, block: (node, body) => accordion(node, body)},
  'accordion-script': {
    inner: false,
    block: (_node, body) => {
      body.page.accordionScript ??=
        body.containerKey === undefined
          ? {after: body.lastKey(), joined: body.joinsPrevious || undefined}
          : body.isEmpty
            ? {insideStartOf: body.containerKey}
            : {after: body.containerKey}
    },
  },
}

function accordion(node: ShortcodeNode, body: BodyBuilder) {
  body.page.accordions++
  const title = param(node, 'title', 0) ?? ''
  const anchorId = param(node, 'id')
  const key = body.keys()
  if (body.isBody && PROCESS_TITLE.test(title)) {
    if (!body.page.processId && isProcessShaped(body.readAside(node))) {
      body.page.processId = body.page.shared.process(
        processText(title, node.children),
        body.page.file,
        (keys) =>
          splitProcess(
            title,
            body.nested(node, key, {target: 'richText', keys}).filter(isTextBlock) as TextBlock[],
            keys,
          ),
      )
      // A shared process is read from the first posting that has it; the script's place is this page's.
      if (startsWithScript(node)) body.page.accordionScript ??= {insideStartOf: key}
      body.add(
        compact({
          _type: 'recruitmentProcessPlacement',
          _key: key,
          anchorId,
          hugoForm: formOf(node, '%'),
        }),
      )
      return
    }
    body.issues.push({
      severity: 'info',
      line: node.line,
      field: 'body',
      message: `"${title}" was kept in the body as a question box: ${body.page.processId ? 'the posting already shows a recruitment process' : 'its content is not an intro, a list of steps and a closing'}.`,
    })
  }
  if (!title)
    body.issues.push({
      severity: 'warning',
      line: node.line,
      field: 'body',
      message: 'The accordion has no title: write the question.',
    })
  body.add(
    compact({
      _type: 'faqEntry',
      _key: key,
      question: title || undefined,
      answer: body.nested(node, key),
      anchorId,
      hugoForm: formOf(node, '%'),
    }),
    node,
  )
}

/**
 * Whether the box reads as a process: only text, one list of steps (sub-steps one level down)
 * with text before and after it.
 */
function isProcessShaped(members: readonly BodyMember[]): boolean {
  if (!members.every(isTextBlock)) return false
  const blocks = members as TextBlock[]
  const first = blocks.findIndex((block) => block.listItem)
  if (first < 0) return false
  let last = first
  while (blocks[last + 1]?.listItem) last++
  const steps = blocks.slice(first, last + 1)
  const kind = steps[0]?.listItem
  return (
    blocks.slice(last + 1).every((block) => !block.listItem) &&
    steps.every((step) => (step.level ?? 1) <= 2) &&
    steps.filter((step) => (step.level ?? 1) === 1).every((step) => step.listItem === kind) &&
    (steps[0]?.level ?? 1) === 1
  )
}

function startsWithScript(node: ShortcodeNode): boolean {
  const first = node.children.find((child) => child.kind !== 'text' || child.text.trim())
  return first?.kind === 'shortcode' && first.name === 'accordion-script'
}

/** The process's text for telling processes apart: what it says, without the script tag. */
function processText(title: string, children: readonly HugoNode[]): string {
  const inner = children
    .filter((child) => child.kind === 'text' || child.name !== 'accordion-script')
    .map((child) => (child.kind === 'text' ? child.text : child.source))
    .join('')
  return `${title}\n${inner}`
}
