import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'

import {slugify} from '../../lib/model/slug'
import {requiredSlug} from '../validation'

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
        requiredSlug(rule, 'Generate the web address from the name.', 'platform-team'),
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
