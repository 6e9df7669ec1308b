import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser and Hugo tests start their own processes; running files in parallel on a 2-core
    // machine only makes them fight over the CPU.
    fileParallelism: false,
  },
})
