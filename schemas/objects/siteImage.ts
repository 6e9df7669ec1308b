import {ImageIcon} from '@sanity/icons/Image'
import {defineField, defineType} from 'sanity'

import {IMAGE_LINK_KINDS} from '../../lib/model/links'
import {validateHref} from '../validation'

/**
 * An image on the website. Imported postings point at files of the old site; until the file is
 * uploaded here, its path is kept so nothing is lost and the export can still use it.
 */
export const siteImage = defineType({
  name: 'siteImage',
  title: 'Image',
  type: 'object',
  icon: ImageIcon,
  fields: [
    defineField({name: 'image', type: 'image', title: 'Image', options: {hotspot: true}}),
    defineField({
      name: 'alt',
      type: 'string',
      title: 'Alternative text',
      description: 'What the image shows, for people who cannot see it.',
    }),
    defineField({
      name: 'legacyPath',
      type: 'string',
      title: 'Path on the old website',
      description: 'Used until an image is uploaded above.',
      validation: (rule) => rule.custom(validateHref(IMAGE_LINK_KINDS)),
    }),
  ],
  preview: {
    select: {media: 'image', legacyPath: 'legacyPath', alt: 'alt'},
    prepare: ({media, legacyPath, alt}) => ({title: alt || legacyPath || 'Image', media}),
  },
})
