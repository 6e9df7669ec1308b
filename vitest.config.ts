import {defineConfig} from 'vitest/config'

export default defineConfig({
  // tsconfig keeps JSX for the Studio's bundler ("preserve"); tests compile it like React does.
  oxc: {jsx: {runtime: 'automatic'}},
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // `expect.poll` waits on state; its bound only decides how long a broken test takes to fail.
    // Vitest's 1 s default is less than a busy machine may take to get there.
    expect: {poll: {timeout: 30_000}},
    // Browser and Hugo tests start their own processes; running files in parallel on a 2-core
    // machine only makes them fight over the CPU.
    fileParallelism: false,
    // The Studio preview imports the site's stylesheet as text (`site.css?raw`); Vitest would
    // otherwise hand every CSS import over empty.
    css: {include: [/site\.css/]},
  },
})
