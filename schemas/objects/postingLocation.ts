import {PinIcon} from '@sanity/icons/Pin'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {COUNTRIES, WORKPLACE_TYPES} from '../../lib/model/vocabulary'

/** Where the job is: the text candidates read, and the facts job boards need. */
export const postingLocation = defineType({
  name: 'postingLocation',
  title: 'Location',
  type: 'object',
  icon: PinIcon,
  fields: [
    defineField({
      name: 'display',
      type: 'string',
      title: 'Shown as',
      description: 'The location as candidates read it, for example "Remote (Sweden or Norway)".',
      validation: (rule) => rule.required().warning('Say where the job is.'),
    }),
    defineField({
      name: 'workplaceType',
      type: 'string',
      title: 'Workplace',
      options: {list: [...WORKPLACE_TYPES], layout: 'radio', direction: 'horizontal'},
      validation: (rule) =>
        rule.required().warning('Choose on site, hybrid or remote so job boards can list it.'),
    }),
    defineField({
      name: 'countries',
      type: 'array',
      title: 'Countries',
      description: 'Where the person must live (remote) or where the office is.',
      of: [defineArrayMember({type: 'string'})],
      options: {list: [...COUNTRIES]},
      validation: (rule) =>
        rule.min(1).warning('Choose at least one country so job boards can list the posting.'),
    }),
    defineField({
      name: 'city',
      type: 'string',
      title: 'City',
      description: 'Office city for on-site and hybrid jobs, for example "Stockholm".',
    }),
  ],
})
