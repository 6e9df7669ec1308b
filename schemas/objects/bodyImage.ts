import {ImageIcon} from '@sanity/icons/Image'
import {defineField, defineType} from 'sanity'

import {hugoFormField} from '../fields'

/** An image in the text. */
export const bodyImage = defineType({
  name: 'bodyImage',
  type: 'image',
  title: 'Image',
  icon: ImageIcon,
  fields: [
    defineField({
      name: 'alt',
      type: 'string',
      title: 'Alternative text',
      description: 'What the image shows, for people who cannot see it.',
      validation: (rule) => rule.required().warning('Describe the image for screen readers.'),
    }),
    defineField({
      name: 'title',
      type: 'string',
      title: 'Tooltip',
      description: 'Shown when the pointer rests on the image. Optional.',
    }),
    defineField({
      name: 'caption',
      type: 'string',
      title: 'Caption',
      description: 'Shown under the image. Optional.',
    }),
    defineField({
      name: 'legacyPath',
      type: 'string',
      title: 'Path on the old website',
      description: 'Kept from the import until the file is uploaded here.',
      readOnly: true,
    }),
    // "figure": the old page had it as Hugo's own figure shortcode.
    {...hugoFormField, options: {list: [{title: "Hugo's figure shortcode", value: 'figure'}]}},
  ],
})
