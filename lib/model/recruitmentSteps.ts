/**
 * Recruitment steps were a plain name and description; they are the step's words with their
 * formatting now (schemas/objects/recruitmentStep.ts). A stored step of the old shape reads as
 * its name in bold, then " - " and what happens, as the website wrote such steps.
 */
interface OldStep {
  _key?: string
  _type?: string
  title?: string
  description?: string
  text?: unknown[]
  substeps?: OldStep[]
}

/** The steps in today's shape, or undefined when none was of the old shape. */
export function stepsAsText(steps: readonly OldStep[] | undefined): OldStep[] | undefined {
  if (!steps?.some(isOldShape)) return undefined
  return steps.map((step) => convert(step))
}

function isOldShape(step: OldStep): boolean {
  return (
    (!step.text && (step.title !== undefined || step.description !== undefined)) ||
    Boolean(step.substeps?.some(isOldShape))
  )
}

function convert(step: OldStep): OldStep {
  const {title, description, substeps, ...rest} = step
  const key = step._key ?? 'step'
  const text = step.text ?? [
    {
      _type: 'block',
      _key: `${key}-text`,
      style: 'normal',
      markDefs: [],
      children: [
        ...(title ? [{_type: 'span', _key: `${key}-name`, text: title, marks: ['strong']}] : []),
        ...(description
          ? [
              {
                _type: 'span',
                _key: `${key}-what`,
                text: title ? ` - ${description}` : description,
                marks: [],
              },
            ]
          : []),
      ],
    },
  ]
  return {...rest, text, ...(substeps ? {substeps: substeps.map(convert)} : {})}
}
