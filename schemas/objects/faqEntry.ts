import {HelpCircleIcon} from '@sanity/icons/HelpCircle'
import {defineField, defineType} from 'sanity'

import {hugoFormField} from '../fields'
import {anchorIdRule} from '../validation'

/** A question with its answer, shown as a box that opens on click. */
export const faqEntry = defineType({
  name: 'faqEntry',
  title: 'FAQ entry',
  type: 'object',
  icon: HelpCircleIcon,
  fields: [
    defineField({
      name: 'question',
      type: 'string',
      title: 'Question',
      validation: (rule) => rule.required().error('Write the question candidates ask.'),
    }),
    defineField({
      name: 'answer',
      type: 'boxContent',
      title: 'Answer',
      validation: (rule) => rule.required().error('Write the answer to the question.'),
    }),
    defineField({
      name: 'anchorId',
      type: 'string',
      title: 'Section id',
      description: 'Lets other links open this question directly (#id). Optional.',
      validation: (rule) => anchorIdRule(rule),
    }),
    hugoFormField,
  ],
  preview: {
    select: {title: 'question'},
    prepare: ({title}) => ({title: title || 'Question', subtitle: 'FAQ entry'}),
  },
})
