// Decimal digits of every script as ASCII digits: a translation may write a number in its own
// digits (Arabic-Indic ٢٠٢٤, Persian ۲۰۲۴, Devanagari २०२४…) and it is still the same number.
// Unicode keeps each script's ten digits in a row; these are the first of each row in the Basic
// Multilingual Plane (tests/shared/digits.test.ts holds the list equal to \p{Nd} there). A list
// and a plain character class: a \p{Nd} pattern was several times slower over every block.

import { unicodeEscape } from "./printable.ts";

/** The zero of each script's digits beyond ASCII. */
export const DIGIT_ZEROS: readonly number[] = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0de6, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
  0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
];

const OTHER_DIGIT = new RegExp(`[${DIGIT_ZEROS.map((zero) => `${unicodeEscape(zero)}-${unicodeEscape(zero + 9)}`).join("")}]`, "g");

/** The text with every decimal digit of another script written as its ASCII digit. */
export function asciiDigits(text: string): string {
  return text.replace(OTHER_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - DIGIT_ZEROS.findLast((zero) => zero <= code)!);
  });
}
