// Eleventy 3 ships no types for its main entry; this covers what the project uses.
declare module "@11ty/eleventy" {
  export class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>, eleventyConfig?: unknown);
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
    setIsVerbose(verbose: boolean): void;
    disableLogger(): void;
  }
  /** Puts the path prefix in front of every root-relative URL in the HTML output. */
  export const HtmlBasePlugin: (eleventyConfig: never) => void;
}
