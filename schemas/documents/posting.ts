import {CaseIcon} from '@sanity/icons/Case'
import {CogIcon} from '@sanity/icons/Cog'
import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {EnvelopeIcon} from '@sanity/icons/Envelope'
import {SearchIcon} from '@sanity/icons/Search'
import {defineArrayMember, defineField, defineType, getPublishedId} from 'sanity'

import {SLUG_MAX_LENGTH, slugify} from '../../lib/model/slug'
import {
  EMPLOYMENT_TYPES,
  INTRO_RECOMMENDED_MAX,
  INTRO_RECOMMENDED_MIN,
  POSTING_LANGUAGES,
} from '../../lib/model/vocabulary'
import {findMissingAnchor} from '../../lib/model/anchors'
import {
  placementProblem,
  postingAliasesRule,
  postingSlugRule,
  translationsLinkBack,
} from '../validation'

/** A job posting: what the careers page shows and what job boards read. */
export const posting = defineType({
  name: 'posting',
  title: 'Job posting',
  type: 'document',
  icon: CaseIcon,
  groups: [
    {name: 'content', title: 'Content', icon: DocumentTextIcon, default: true},
    {name: 'details', title: 'Details', icon: CogIcon},
    {name: 'apply', title: 'Apply', icon: EnvelopeIcon},
    {name: 'seo', title: 'SEO & old website', icon: SearchIcon},
  ],
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      title: 'Job title',
      group: 'content',
      description: 'The heading of the page, for example "Backend Engineer".',
      validation: (rule) => [
        rule.required().error('Give the posting a title.'),
        rule
          .max(120)
          .warning('Long titles are cut off in job boards: keep it under 120 characters.'),
      ],
    }),
    defineField({
      name: 'slug',
      type: 'slug',
      title: 'Web address',
      group: 'content',
      description: 'The last part of the page address. Changing it breaks links already shared.',
      options: {source: 'title', slugify, maxLength: SLUG_MAX_LENGTH},
      validation: postingSlugRule,
    }),
    defineField({
      name: 'intro',
      type: 'text',
      title: 'Intro',
      group: 'content',
      rows: 3,
      description: `One or two sentences for the list of jobs and for search results (${INTRO_RECOMMENDED_MIN}–${INTRO_RECOMMENDED_MAX} characters).`,
      validation: (rule) => [
        rule.required().warning('Write a short intro: it is the text search engines show.'),
        rule
          .max(INTRO_RECOMMENDED_MAX)
          .warning(`Search engines cut text after about ${INTRO_RECOMMENDED_MAX} characters.`),
        rule
          .min(INTRO_RECOMMENDED_MIN)
          .warning('A slightly longer intro tells candidates more in search results.'),
      ],
    }),
    defineField({
      name: 'ingress',
      type: 'richText',
      title: 'Lead paragraph',
      group: 'content',
      description:
        'Highlighted text. Shown where the "Lead paragraph here" block stands in the body, else at the top.',
    }),
    defineField({
      name: 'body',
      type: 'postingBody',
      title: 'Body',
      group: 'content',
      validation: (rule) => rule.required().error('Write the posting.'),
    }),
    defineField({
      name: 'faqs',
      type: 'array',
      title: 'Frequently asked questions',
      group: 'content',
      description: 'Shown after the body. Questions can also be placed inside the body.',
      of: [defineArrayMember({type: 'faqEntry'})],
    }),
    defineField({
      name: 'recruitmentProcess',
      type: 'reference',
      title: 'Recruitment process',
      group: 'content',
      description:
        'Shown where the "Recruitment process here" block stands in the body, else after it. Edit the process once for every posting that uses it.',
      to: [{type: 'recruitmentProcess'}],
    }),
    defineField({
      name: 'tableOfContentsLabel',
      type: 'string',
      title: 'Table of contents heading',
      group: 'content',
      description: 'For example "On this page". Leave empty for no table of contents.',
    }),
    defineField({
      name: 'team',
      type: 'reference',
      title: 'Team',
      group: 'details',
      to: [{type: 'team'}],
    }),
    defineField({name: 'location', type: 'postingLocation', title: 'Location', group: 'details'}),
    defineField({
      name: 'employmentType',
      type: 'string',
      title: 'Employment type',
      group: 'details',
      options: {list: EMPLOYMENT_TYPES.map(({title, value}) => ({title, value})), layout: 'radio'},
      validation: (rule) => rule.required().warning('Choose the employment type for job boards.'),
    }),
    defineField({
      name: 'language',
      type: 'string',
      title: 'Language',
      group: 'details',
      options: {list: [...POSTING_LANGUAGES], layout: 'radio', direction: 'horizontal'},
      initialValue: 'en',
      validation: (rule) => rule.required().error('Choose the language the posting is written in.'),
    }),
    defineField({
      name: 'publishedAt',
      type: 'datetime',
      title: 'Published',
      group: 'details',
      description: 'The date shown on the posting and sent to job boards.',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required().error('Set the publication date.'),
    }),
    defineField({
      name: 'validThrough',
      type: 'datetime',
      title: 'Closing date',
      group: 'details',
      description: 'After this date the posting is listed as expired. Leave empty if open-ended.',
      validation: (rule) =>
        rule.custom((validThrough, context) => {
          const publishedAt = (context.document as {publishedAt?: string} | undefined)?.publishedAt
          if (!validThrough || !publishedAt) return true
          return Date.parse(validThrough) > Date.parse(publishedAt)
            ? true
            : 'The closing date must come after the publication date.'
        }),
    }),
    defineField({
      name: 'translations',
      type: 'array',
      title: 'Same posting in other languages',
      group: 'details',
      of: [
        defineArrayMember({
          type: 'reference',
          to: [{type: 'posting'}],
          weak: true,
          options: {
            // The search runs in the editor's perspective, where every posting appears once
            // under its published id, drafts included (weak references may point at them).
            filter: ({document}) => ({
              filter: '_id != $self && language != $language',
              params: {
                self: getPublishedId(document._id),
                language: (document as {language?: string}).language ?? '',
              },
            }),
          },
        }),
      ],
      validation: (rule) => [
        rule.unique().error('Each translation only once.'),
        translationsLinkBack(rule).error(),
      ],
    }),
    defineField({
      name: 'apply',
      type: 'applyLink',
      title: 'How to apply',
      group: 'apply',
      validation: (rule) =>
        rule
          .required()
          .error('Add how to apply: a posting cannot be published without a way to apply.'),
    }),
    defineField({
      name: 'contact',
      type: 'reference',
      title: 'Contact person',
      group: 'apply',
      description: 'Who candidates can ask about the job.',
      to: [{type: 'contact'}],
    }),
    defineField({
      name: 'sidebarImage',
      type: 'siteImage',
      title: 'Sidebar illustration',
      group: 'details',
    }),
    defineField({
      name: 'socialImage',
      type: 'siteImage',
      title: 'Image for social media',
      group: 'seo',
      description: 'Shown when the posting is shared. 1200 × 630 pixels works best.',
    }),
    defineField({
      name: 'aliases',
      type: 'array',
      title: 'Old addresses',
      group: 'seo',
      description: 'Addresses that should redirect here, for example /blog/old-job.',
      of: [defineArrayMember({type: 'string'})],
      validation: postingAliasesRule,
    }),
    defineField({
      name: 'tags',
      type: 'array',
      title: 'Tags',
      group: 'seo',
      of: [defineArrayMember({type: 'string'})],
      options: {layout: 'tags'},
    }),
    defineField({name: 'hugo', type: 'hugoSource', title: 'Old website', group: 'seo'}),
  ],
  validation: (rule) => [
    rule
      .custom((document) => {
        const missing = findMissingAnchor(document)
        return missing
          ? {
              message: `The apply link points to "#${missing}", but the body has no jump target with that name.`,
              path: ['apply', 'url'],
            }
          : true
      })
      .warning(),
    rule.custom((document) => placementProblem(document) ?? true).warning(),
  ],
  preview: {
    select: {
      title: 'title',
      team: 'team.name',
      location: 'location.display',
      validThrough: 'validThrough',
      language: 'language',
    },
    prepare: ({title, team, location, validThrough, language}) => {
      const expired = typeof validThrough === 'string' && Date.parse(validThrough) < Date.now()
      return {
        title: title || 'Untitled posting',
        subtitle: [expired ? 'Expired' : undefined, team, location, language?.toUpperCase()]
          .filter(Boolean)
          .join(' · '),
      }
    },
  },
})
