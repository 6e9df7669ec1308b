import {defineField} from 'sanity'

/**
 * How the old website wrote a block, kept so the Hugo export writes the same page back:
 * `{{% … %}}` has Hugo render the shortcode's output as markdown (a button then sits in its own
 * paragraph), `{{< … >}}` places it as it is, and "html" means the page had the block as raw
 * HTML (the older pages' `<div class="ingress">`). Stored only when it differs from the block's
 * usual form; editors never need it, so it stays out of their way.
 */
export const hugoFormField = defineField({
  name: 'hugoForm',
  type: 'string',
  title: 'Written on the old website as',
  hidden: true,
  readOnly: true,
  options: {
    list: [
      {title: 'A shortcode placed as it is ({{< … >}})', value: '<'},
      {title: 'A shortcode rendered as markdown ({{% … %}})', value: '%'},
      {title: 'Raw HTML', value: 'html'},
    ],
  },
})
