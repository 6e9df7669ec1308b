import {JSDOM} from 'jsdom'

import {
  portableTextToPlainText,
  sanitizePreservedHtml,
  type PostingPageData,
} from '../../lib/render'
import {normaliseText} from './pageAssertions'

type TextBlocks = readonly {_type: string}[] | null | undefined

/**
 * Every piece of text a reader should find on a posting's page, from the posting document itself
 * (not from any renderer): title, intro, ingress, each body block, FAQs, the recruitment process.
 */
export function postingTextFragments(posting: PostingPageData): string[] {
  const fragments: (string | null | undefined)[] = [
    posting.title,
    posting.intro,
    ...blockTexts(posting.ingress),
  ]
  for (const block of posting.body ?? []) {
    switch (block._type) {
      case 'block':
        fragments.push(...blockTexts([block]))
        break
      case 'callout':
        fragments.push(block.title, ...blockTexts(block.content))
        break
      case 'callToAction':
        fragments.push(block.label, block.variant === 'iconBlock' ? block.description : undefined)
        break
      case 'callToActionPair':
        fragments.push(block.label, block.secondaryLabel)
        break
      case 'highlightedText':
        fragments.push(...blockTexts(block.content))
        break
      case 'iconLinkRow':
        fragments.push(...(block.links ?? []).map((link) => link.label))
        break
      case 'contactCard':
        fragments.push(
          block.text ?? block.contact?.shortText,
          block.buttonLabel ?? block.contact?.name,
        )
        break
      case 'faqEntry':
        fragments.push(block.question, ...blockTexts(block.answer))
        break
      case 'preservedSource':
        if (block.format === 'html')
          fragments.push(htmlText(sanitizePreservedHtml(block.source ?? '')))
        break
      default:
        break
    }
  }
  for (const faq of posting.faqs ?? []) fragments.push(faq.question, ...blockTexts(faq.answer))
  const process = posting.recruitmentProcess
  if (process) {
    fragments.push(process.title, ...blockTexts(process.intro), ...blockTexts(process.closing))
    for (const step of process.steps ?? []) {
      fragments.push(...blockTexts(step.text))
      for (const substep of step.substeps ?? []) fragments.push(...blockTexts(substep.text))
    }
  }
  return fragments.map((text) => normaliseText(text ?? '')).filter(Boolean)
}

function blockTexts(blocks: TextBlocks): string[] {
  return (blocks ?? []).map((block) => portableTextToPlainText([block]))
}

function htmlText(html: string): string {
  return new JSDOM(`<body>${html}</body>`).window.document.body.textContent ?? ''
}
