import {HomeIcon} from '@sanity/icons/Home'
import {defineField, defineType} from 'sanity'

import {POSTING_LANGUAGES} from '../../lib/model/vocabulary'
import {placementProblem} from '../validation'

/**
 * The careers section's own page (Hugo's content/career/_index.md): the text above the list of
 * open positions. The list itself is built from the postings.
 */
export const careersPage = defineType({
  name: 'careersPage',
  title: 'Careers page',
  type: 'document',
  icon: HomeIcon,
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      title: 'Heading',
      description: 'The heading of the careers page, for example "Work with us".',
      validation: (rule) => rule.required().error('Give the careers page a heading.'),
    }),
    defineField({
      name: 'intro',
      type: 'text',
      title: 'Intro',
      rows: 3,
      description: 'One or two sentences under the heading, also the text search engines show.',
      validation: (rule) =>
        rule.required().warning('Write a short intro: it is the text search engines show.'),
    }),
    defineField({
      name: 'ingress',
      type: 'richText',
      title: 'Lead paragraph',
      description:
        'Highlighted text. Shown where the "Lead paragraph here" block stands in the body, else at the top.',
    }),
    defineField({
      name: 'body',
      type: 'postingBody',
      title: 'Text above the open positions',
    }),
    defineField({
      name: 'recruitmentProcess',
      type: 'reference',
      title: 'Recruitment process',
      description: 'Shown where the "Recruitment process here" block stands in the text.',
      to: [{type: 'recruitmentProcess'}],
    }),
    defineField({
      name: 'apply',
      type: 'applyLink',
      title: 'Button beside the heading',
      description: 'For example "Open positions" linking to #open-positions.',
    }),
    defineField({
      name: 'language',
      type: 'string',
      title: 'Language',
      options: {
        list: [...POSTING_LANGUAGES],
        layout: 'radio',
        direction: 'horizontal',
      },
      initialValue: 'en',
    }),
    defineField({
      name: 'socialImage',
      type: 'siteImage',
      title: 'Image for social media',
      description: 'Shown when the page is shared. 1200 × 630 pixels works best.',
    }),
    defineField({name: 'hugo', type: 'hugoSource', title: 'Old website'}),
  ],
  validation: (rule) => rule.custom((document) => placementProblem(document) ?? true).warning(),
  preview: {
    select: {title: 'title'},
    prepare: ({title}) => ({
      title: title || 'Careers page',
      subtitle: 'The page above the list of jobs',
    }),
  },
})
