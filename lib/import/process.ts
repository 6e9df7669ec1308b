import type {TextBlock} from '../hugo/portableText'
import type {ProcessFields, RecruitmentStep} from './shared'

/** Accordion titles that mean "our recruitment process", in the languages postings use. */
export const PROCESS_TITLE = /recruit|rekryter|rekrutter|hiring process|ansettelsesprosess/i

/**
 * Split a process box's text into intro, steps (with sub-steps) and closing text. Each step keeps
 * its words and formatting as written; the list's kind (numbered or bullets, tight or spaced)
 * becomes the process's `numbered` and `spaced`.
 */
export function splitProcess(
  title: string,
  blocks: TextBlock[],
  keys: () => string,
): ProcessFields {
  const intro: TextBlock[] = []
  const closing: TextBlock[] = []
  const steps: RecruitmentStep[] = []
  let listItem: string | undefined
  for (const block of blocks) {
    if (block.listItem && closing.length === 0) {
      const text = [stepBlock(block, keys)]
      if ((block.level ?? 1) > 1 && steps.length > 0) {
        const parent = steps[steps.length - 1] as RecruitmentStep
        parent.substeps = [
          ...(parent.substeps ?? []),
          {_type: 'recruitmentSubstep', _key: keys(), text},
        ]
      } else {
        listItem ??= block.listItem
        steps.push({_type: 'recruitmentStep', _key: keys(), text})
      }
    } else if (steps.length === 0) intro.push(block)
    else closing.push(block)
  }
  return {
    title,
    intro,
    steps,
    closing,
    numbered: !listItem?.startsWith('bullet'),
    spaced: listItem?.endsWith('Spaced') ?? false,
  }
}

/** A list item's words as a step's paragraph. */
function stepBlock(block: TextBlock, keys: () => string): TextBlock {
  const {listItem: _listItem, level: _level, ...paragraph} = block
  return {...paragraph, _key: keys(), style: 'normal'}
}
