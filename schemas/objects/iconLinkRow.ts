import {LinkIcon} from '@sanity/icons/Link'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BODY_LINK_KINDS} from '../../lib/model/links'
import {hugoFormField} from '../fields'
import {requiredHref} from '../validation'

/** A row of small icon links, such as "Read in Swedish" pointing to a section further down. */
export const iconLinkRow = defineType({
  name: 'iconLinkRow',
  title: 'Row of icon links',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'links',
      type: 'array',
      title: 'Links',
      validation: (rule) => rule.min(1).error('Add at least one link.'),
      of: [
        defineArrayMember({
          name: 'iconLink',
          type: 'object',
          title: 'Icon link',
          fields: [
            defineField({
              name: 'label',
              type: 'string',
              title: 'Label',
              validation: (rule) => rule.required().error('Write the text of the link.'),
            }),
            defineField({name: 'description', type: 'string', title: 'Description'}),
            defineField({
              name: 'url',
              type: 'string',
              title: 'Link to',
              validation: (rule) =>
                requiredHref(rule, 'Add where the link leads.', BODY_LINK_KINDS),
            }),
            defineField({name: 'icon', type: 'string', title: 'Icon'}),
            defineField({name: 'color', type: 'string', title: 'Website colour name'}),
          ],
          preview: {select: {title: 'label', subtitle: 'url'}},
        }),
      ],
    }),
    hugoFormField,
  ],
  preview: {
    select: {first: 'links.0.label', second: 'links.1.label'},
    prepare: ({first, second}) => ({
      title: [first, second].filter(Boolean).join(', ') || 'Icon links',
      subtitle: 'Row of icon links',
    }),
  },
})
