// The ContentError a reader throws for a broken file, for tests that assert on its file, line and words.
import { ContentError } from "../../scripts/shared/contentError.ts";

/** Runs `read` and returns the ContentError it throws; anything else (or nothing) fails the test. */
export function contentErrorOf(read: () => unknown): ContentError {
  try {
    read();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error("no error: the reader accepted what it should refuse");
}
