import {blockText, type TextBlock} from '../hugo/portableText'
import {compact} from './fields'
import type {ProcessFields, RecruitmentStep} from './shared'

/** Accordion titles that mean "our recruitment process", in the languages postings use. */
export const PROCESS_TITLE = /recruit|rekryter|rekrutter|hiring process|ansettelsesprosess/i

/** Split an accordion's rich text into intro, numbered steps (with sub-steps) and closing text. */
export function splitProcess(
  title: string,
  blocks: TextBlock[],
  keys: () => string,
): ProcessFields {
  const intro: TextBlock[] = []
  const closing: TextBlock[] = []
  const steps: RecruitmentStep[] = []
  for (const block of blocks) {
    if (block.listItem && closing.length === 0) {
      const {title: stepTitle, description} = stepParts(block)
      if ((block.level ?? 1) > 1 && steps.length > 0) {
        const parent = steps[steps.length - 1] as RecruitmentStep
        parent.substeps = [
          ...(parent.substeps ?? []),
          compact({
            _type: 'recruitmentSubstep' as const,
            _key: keys(),
            title: stepTitle,
            description,
          }),
        ]
      } else {
        steps.push(
          compact({_type: 'recruitmentStep' as const, _key: keys(), title: stepTitle, description}),
        )
      }
    } else if (steps.length === 0) intro.push(block)
    else closing.push(block)
  }
  return {title, intro, steps, closing}
}

/** "**Intro chat** - a first talk" → title "Intro chat", description "a first talk". */
function stepParts(block: TextBlock): {title: string; description?: string} {
  const [first, ...rest] = block.children
  if (first?.marks.includes('strong') || first?.marks.includes('runIn')) {
    const description = rest
      .map((span) => span.text)
      .join('')
      .replace(/^\s*[-–—:]\s*/, '')
      .trim()
    return {title: first.text.trim().replace(/[:\s]+$/, ''), description: description || undefined}
  }
  const text = blockText(block).trim()
  const dash = text.match(/^(.{2,80}?)\s+[-–—]\s+(.+)$/s)
  return dash ? {title: dash[1] ?? text, description: dash[2]} : {title: text}
}
