// markdown-it-container ships no types; markdown-it 15 ships its own, so declare against those.
declare module "markdown-it-container" {
  import type { MarkdownIt, Token } from "markdown-it";
  interface ContainerOptions {
    marker?: string;
    validate?(params: string): boolean;
    render?(tokens: Token[], idx: number): string;
  }
  export default function container(md: MarkdownIt, name: string, options?: ContainerOptions): void;
}
