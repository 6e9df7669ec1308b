import {OlistIcon} from '@sanity/icons/Olist'
import {defineArrayMember, defineField, defineType} from 'sanity'

/** How we recruit: written once, shown on every posting that uses it. */
export const recruitmentProcess = defineType({
  name: 'recruitmentProcess',
  title: 'Recruitment process',
  type: 'document',
  icon: OlistIcon,
  fields: [
    defineField({
      name: 'title',
      type: 'string',
      title: 'Heading',
      description: 'Shown above the steps, for example "Our recruitment process".',
      validation: (rule) => rule.required().error('Give the process a heading.'),
    }),
    defineField({
      name: 'internalName',
      type: 'string',
      title: 'Internal name',
      description: 'Tells similar processes apart in the Studio, for example "Engineering 2024".',
    }),
    defineField({name: 'intro', type: 'richText', title: 'Introduction'}),
    defineField({
      name: 'steps',
      type: 'array',
      title: 'Steps',
      description: 'In the order candidates go through them.',
      of: [defineArrayMember({type: 'recruitmentStep'})],
      validation: (rule) => rule.min(1).error('Add the steps of the process.'),
    }),
    defineField({
      name: 'numbered',
      type: 'boolean',
      title: 'Number the steps',
      description: 'Off shows the steps as bullets.',
      initialValue: true,
    }),
    defineField({
      name: 'spaced',
      type: 'boolean',
      title: 'Space between the steps',
      description: 'A paragraph’s space between steps, for steps of several lines.',
      initialValue: false,
    }),
    defineField({name: 'closing', type: 'richText', title: 'Closing text'}),
  ],
  preview: {
    select: {title: 'title', internalName: 'internalName', steps: 'steps'},
    prepare: ({title, internalName, steps}) => ({
      title: internalName || title,
      subtitle: `${Array.isArray(steps) ? steps.length : 0} steps`,
    }),
  },
})
