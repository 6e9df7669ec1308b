import {OlistIcon} from '@sanity/icons/Olist'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BASIC_DECORATORS, linkAnnotation} from './richText'

/**
 * The words of a step as the page shows them: usually its name in bold, then what happens
 * ("**Meet the team** - a talk with the people you would work with"). Formatting stays where HR
 * put it, so a step without a bold name, or with a bold word further on, shows as written.
 */
const stepText = defineField({
  name: 'text',
  type: 'array',
  title: 'Step',
  description: 'Start with the step’s name in bold, then what happens.',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [{title: 'Paragraph', value: 'normal'}],
      lists: [],
      marks: {decorators: BASIC_DECORATORS, annotations: [linkAnnotation]},
    }),
  ],
  validation: (rule) => rule.required().min(1).error('Write what happens in this step.'),
})

function plainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return ''
  return (blocks as {children?: {text?: string}[]}[])
    .flatMap((block) => block.children ?? [])
    .map((span) => span.text ?? '')
    .join('')
}

/** One step of a recruitment process, optionally split into sub-steps. */
export const recruitmentStep = defineType({
  name: 'recruitmentStep',
  title: 'Recruitment step',
  type: 'object',
  icon: OlistIcon,
  fields: [
    stepText,
    defineField({
      name: 'substeps',
      type: 'array',
      title: 'Sub-steps',
      of: [
        defineArrayMember({
          name: 'recruitmentSubstep',
          type: 'object',
          title: 'Sub-step',
          icon: OlistIcon,
          fields: [stepText],
          preview: {
            select: {text: 'text'},
            prepare: ({text}) => ({title: plainText(text) || 'Sub-step'}),
          },
        }),
      ],
    }),
  ],
  preview: {
    select: {text: 'text', substeps: 'substeps'},
    prepare: ({text, substeps}) => ({
      title: plainText(text) || 'Step',
      subtitle:
        Array.isArray(substeps) && substeps.length ? `${substeps.length} sub-steps` : undefined,
    }),
  },
})
