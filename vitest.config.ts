import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Builds, PDFs and a real browser: generous limits, and not too many at once on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    // Commands run on the fixtures in place would leave .cache/ folders in them: the tests of the
    // cache itself turn it back on (tests/check/cache.test.ts, the bench).
    env: { PLEDGE_NO_CACHE: "1" },
  },
});
