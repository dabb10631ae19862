// The tests Stryker runs against each mutant (npm run test:mutation): the core's fast in-process
// unit tests only; builds, browsers, PDFs and child processes would make a run take hours.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "tests/mutation/**/*.test.ts",
      "tests/**/*.mutation.test.ts",
      "tests/project/{align,blocks,blockTokens,glossary,sectionFile,translationState,readProject}.test.ts",
      "tests/check/{consistency,exchange-hints,glossary,problems,stale}.test.ts",
      "tests/exchange/{protect,structure}.test.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
