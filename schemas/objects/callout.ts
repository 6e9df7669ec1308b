import {InfoOutlineIcon} from '@sanity/icons/InfoOutline'
import {defineField, defineType} from 'sanity'

import {hugoFormField} from '../fields'
import {CALLOUT_TONES} from '../../lib/model/vocabulary'

/** A highlighted box with a heading, such as the note about the collective agreement. */
export const callout = defineType({
  name: 'callout',
  title: 'Callout',
  type: 'object',
  icon: InfoOutlineIcon,
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      title: 'Heading',
      validation: (rule) => rule.required().error('Give the callout a short heading.'),
    }),
    defineField({name: 'content', type: 'boxContent', title: 'Text'}),
    defineField({
      name: 'tone',
      type: 'string',
      title: 'Tone',
      options: {list: [...CALLOUT_TONES], layout: 'radio', direction: 'horizontal'},
      initialValue: 'neutral',
    }),
    defineField({
      name: 'icon',
      type: 'string',
      title: 'Icon',
      description: 'Font Awesome icon name used by the website, for example "fa-circle-info".',
    }),
    defineField({
      name: 'color',
      type: 'string',
      title: 'Website colour name',
      description: 'Kept from the old website; leave empty for the default.',
    }),
    hugoFormField,
  ],
  preview: {
    select: {title: 'title'},
    prepare: ({title}) => ({title: title || 'Callout', subtitle: 'Callout'}),
  },
})
