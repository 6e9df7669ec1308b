import {OlistIcon} from '@sanity/icons/Olist'
import {defineArrayMember, defineField, defineType} from 'sanity'

const stepFields = [
  defineField({
    name: 'title',
    type: 'string',
    title: 'Step',
    description: 'Short name of the step, for example "Meet the team".',
    validation: (rule) => rule.required().error('Name the step.'),
  }),
  defineField({
    name: 'description',
    type: 'text',
    title: 'What happens',
    rows: 2,
  }),
]

/** One step of a recruitment process, optionally split into sub-steps. */
export const recruitmentStep = defineType({
  name: 'recruitmentStep',
  title: 'Recruitment step',
  type: 'object',
  icon: OlistIcon,
  fields: [
    ...stepFields,
    defineField({
      name: 'substeps',
      type: 'array',
      title: 'Sub-steps',
      of: [
        defineArrayMember({
          name: 'recruitmentSubstep',
          type: 'object',
          title: 'Sub-step',
          icon: OlistIcon,
          fields: stepFields,
          preview: {select: {title: 'title', subtitle: 'description'}},
        }),
      ],
    }),
  ],
  preview: {
    select: {title: 'title', subtitle: 'description', substeps: 'substeps'},
    prepare: ({title, subtitle, substeps}) => ({
      title,
      subtitle:
        Array.isArray(substeps) && substeps.length ? `${substeps.length} sub-steps` : subtitle,
    }),
  },
})
