import {ClipboardIcon} from '@sanity/icons/Clipboard'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {anchorIdRule, embedUrlRule} from '../validation'

/**
 * An application form (or another page) shown inside the posting, from a secure address. The
 * website shows it in a sandboxed frame: it can run its own form, but cannot take over the page.
 */
export const embeddedForm = defineType({
  name: 'embeddedForm',
  title: 'Embedded form',
  type: 'object',
  icon: ClipboardIcon,
  fields: [
    defineField({
      name: 'url',
      type: 'string',
      title: 'Address of the form',
      description:
        'The https:// address your applicant-tracking or form service gives for embedding.',
      validation: (rule) => [
        rule.required().error('Add the address of the form to show.'),
        embedUrlRule(rule),
      ],
    }),
    defineField({
      name: 'title',
      type: 'string',
      title: 'Name for screen readers',
      description: 'For example "Application form".',
      validation: (rule) =>
        rule.required().warning('Name the form so screen-reader users know what the frame holds.'),
    }),
    defineField({
      name: 'height',
      type: 'string',
      title: 'Height',
      description: 'In pixels, for example 1200. Leave empty for the browser default.',
      validation: (rule) =>
        rule.regex(/^\d{1,5}(%|px)?$/).error('Write the height as a number of pixels, like 1200.'),
    }),
    defineField({
      name: 'width',
      type: 'string',
      title: 'Width',
      description: 'In pixels or percent, for example 100%. Leave empty for the browser default.',
      validation: (rule) =>
        rule.regex(/^\d{1,5}(%|px)?$/).error('Write the width as pixels (640) or percent (100%).'),
    }),
    defineField({
      name: 'anchorId',
      type: 'string',
      title: 'Section id',
      description: 'Lets links jump to the form (#id), for example from the apply button.',
      validation: (rule) => anchorIdRule(rule),
    }),
    defineField({
      name: 'fallbackText',
      type: 'string',
      title: 'Text while loading',
      description: 'Shown by browsers that cannot show the form, for example "Loading…".',
    }),
    defineField({
      name: 'frameAttributes',
      type: 'array',
      title: 'Other frame settings',
      description:
        'Kept from the old website (frame border, margins); only harmless ones are kept.',
      readOnly: true,
      hidden: ({value}) => !Array.isArray(value) || value.length === 0,
      of: [
        defineArrayMember({
          name: 'frameAttribute',
          type: 'object',
          fields: [
            defineField({name: 'name', type: 'string'}),
            defineField({name: 'value', type: 'string'}),
          ],
          preview: {select: {title: 'name', subtitle: 'value'}},
        }),
      ],
    }),
  ],
  preview: {
    select: {title: 'title', url: 'url'},
    prepare: ({title, url}) => ({title: title || 'Embedded form', subtitle: url}),
  },
})
