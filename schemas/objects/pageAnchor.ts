import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'

import {anchorIdRule} from '../validation'

/** An invisible marker that links such as "#apply" jump to. */
export const pageAnchor = defineType({
  name: 'pageAnchor',
  title: 'Jump target',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'anchorId',
      type: 'string',
      title: 'Name',
      description: 'Links written as #name jump here. Letters, digits and hyphens.',
      validation: (rule) => [
        rule.required().error('Give the jump target a name.'),
        anchorIdRule(rule),
      ],
    }),
  ],
  preview: {
    select: {anchorId: 'anchorId'},
    prepare: ({anchorId}) => ({title: `#${anchorId ?? ''}`, subtitle: 'Jump target'}),
  },
})
