import {UsersIcon} from '@sanity/icons'
import {defineField, defineType} from 'sanity'

import {SLUG_PATTERN, slugify} from '../../lib/model/slug'

export const team = defineType({
  name: 'team',
  title: 'Team',
  type: 'document',
  icon: UsersIcon,
  fields: [
    defineField({
      name: 'name',
      type: 'string',
      title: 'Name',
      description: 'As candidates see it, for example "Platform team".',
      validation: (rule) => rule.required().error('Give the team a name.'),
    }),
    defineField({
      name: 'slug',
      type: 'slug',
      title: 'Web address',
      options: {source: 'name', slugify},
      validation: (rule) =>
        rule
          .required()
          .error('Generate the web address from the name.')
          .custom((slug) =>
            !slug?.current || SLUG_PATTERN.test(slug.current)
              ? true
              : 'Use lower-case letters, digits and hyphens only.',
          ),
    }),
    defineField({
      name: 'description',
      type: 'text',
      title: 'Description',
      rows: 3,
      description: 'A sentence or two about what the team does.',
    }),
  ],
  preview: {select: {title: 'name', subtitle: 'description'}},
})
