// The content-hash cache in tests: vitest.config.ts sets PLEDGE_NO_CACHE=1 for every test, so the
// tests about the caches turn it on, for a whole file or for one call, and put it back after.
import { afterAll, beforeAll } from "vitest";

/** PLEDGE_NO_CACHE set to `value` (undefined: unset) while `run` runs, then as it was. */
export function withNoCacheVariable<T>(value: string | undefined, run: () => T): T {
  const was = process.env.PLEDGE_NO_CACHE;
  setVariable(value);
  try {
    return run();
  } finally {
    setVariable(was);
  }
}

/** The cache on for every test of the calling file. */
export function useCacheInThisFile(): void {
  let was: string | undefined;
  beforeAll(() => {
    was = process.env.PLEDGE_NO_CACHE;
    delete process.env.PLEDGE_NO_CACHE;
  });
  afterAll(() => setVariable(was));
}

function setVariable(value: string | undefined): void {
  // Assigning undefined to process.env would set the text "undefined".
  if (value === undefined) delete process.env.PLEDGE_NO_CACHE;
  else process.env.PLEDGE_NO_CACHE = value;
}
