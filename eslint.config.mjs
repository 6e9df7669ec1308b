import studio from '@sanity/eslint-config-studio'

export default [
  {
    ignores: [
      'node_modules',
      'dist',
      '.sanity',
      'data',
      'bench/out',
      'test/artifacts',
      'sanity.types.ts',
    ],
  },
  ...studio,
  {
    rules: {
      // @sanity/icons 5 types its root exports as `never`: they type-check but crash at runtime.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@sanity/icons',
              message:
                "Import each icon from its subpath: import {UserIcon} from '@sanity/icons/User'.",
            },
          ],
        },
      ],
    },
  },
]
