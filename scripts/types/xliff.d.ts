// The part of the xliff package (6.x, untyped) the XLIFF exchange uses.
declare module "xliff" {
  /** An inline element: { Standalone: { id, …attributes } } and the like. */
  export type XliffInline = Record<string, Record<string, unknown>>;
  /** A text, or its parts; the reader gives a text that is one inline element as the element itself. */
  export type XliffValue = string | (string | XliffInline)[] | XliffInline;
  export interface XliffUnit {
    source?: XliffValue;
    target?: XliffValue;
    /** Several notes: one <note> each. */
    note?: string | string[];
    additionalAttributes?: Record<string, string>;
    groupUnits?: Record<string, XliffUnit>;
  }
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  export function jsToXliff12(js: XliffJs, options?: { indent?: string }): Promise<string>;
  export function xliff12ToJs(xml: string): Promise<XliffJs>;
  export function js2xliff(js: XliffJs, options?: { indent?: string }): Promise<string>;
  export function xliff2js(xml: string): Promise<XliffJs>;
}
