import {ExpandIcon} from '@sanity/icons/Expand'
import {defineField, defineType} from 'sanity'

import {hugoFormField} from '../fields'

/**
 * Extra vertical space between two parts of the page, as the website's `distance` block gives.
 * It also marks the spot links written as "#contact" jump to.
 */
export const spacer = defineType({
  name: 'spacer',
  title: 'Spacing',
  type: 'object',
  icon: ExpandIcon,
  fields: [
    defineField({
      name: 'size',
      type: 'string',
      title: 'Size',
      description: 'The website has one size of spacing.',
      options: {list: [{title: 'Large', value: 'large'}]},
      initialValue: 'large',
      readOnly: true,
    }),
    hugoFormField,
  ],
  preview: {
    prepare: () => ({title: 'Spacing', subtitle: 'Extra space; links to #contact land here'}),
  },
})
