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
]
