import {HighlightIcon} from '@sanity/icons/Highlight'
import {defineField, defineType} from 'sanity'

import {hugoFormField} from '../fields'

/**
 * Text shown in the lead-paragraph style somewhere in the body, for example the opening of a
 * section in another language.
 */
export const highlightedText = defineType({
  name: 'highlightedText',
  title: 'Highlighted paragraph',
  type: 'object',
  icon: HighlightIcon,
  fields: [
    defineField({
      name: 'content',
      type: 'richText',
      title: 'Text',
      validation: (rule) =>
        rule.required().error('Write the highlighted text, or remove the block.'),
    }),
    hugoFormField,
  ],
  preview: {
    select: {content: 'content'},
    prepare: ({content}) => ({
      title:
        (Array.isArray(content)
          ? (content as {children?: {text?: string}[]}[])
              .flatMap((block) => block.children ?? [])
              .map((span) => span.text ?? '')
              .join('')
          : '') || 'Highlighted paragraph',
      subtitle: 'Highlighted paragraph',
    }),
  },
})
