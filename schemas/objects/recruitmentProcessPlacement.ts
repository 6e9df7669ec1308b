import {OlistIcon} from '@sanity/icons/Olist'
import {defineField, defineType} from 'sanity'

import {hugoFormField} from '../fields'
import {anchorIdRule} from '../validation'

/**
 * Where the recruitment process stands in the body. The process is a shared document chosen in
 * the "Recruitment process" field; without this block it is shown after the body.
 */
export const recruitmentProcessPlacement = defineType({
  name: 'recruitmentProcessPlacement',
  title: 'Recruitment process here',
  type: 'object',
  icon: OlistIcon,
  fields: [
    defineField({
      name: 'anchorId',
      type: 'string',
      title: 'Section id',
      description: 'Lets other links open the process directly (#id). Optional.',
      validation: (rule) => anchorIdRule(rule),
    }),
    hugoFormField,
  ],
  preview: {
    select: {anchorId: 'anchorId'},
    prepare: ({anchorId}) => ({
      title: 'Recruitment process',
      subtitle: `Shown here: choose it in the Recruitment process field${anchorId ? ` (#${anchorId})` : ''}`,
    }),
  },
})
