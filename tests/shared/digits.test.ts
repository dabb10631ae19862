// Digits of every script read as ASCII digits (the check's number rule).
import { expect, test } from "vitest";
import { asciiDigits, DIGIT_ZEROS } from "../../scripts/shared/digits.ts";

test("the list of digit rows is every decimal digit beyond ASCII in the Basic Multilingual Plane, ten in a row", () => {
  const digits: number[] = [];
  for (let c = 0x80; c <= 0xffff; c++) if (/\p{Nd}/u.test(String.fromCharCode(c))) digits.push(c);
  expect(DIGIT_ZEROS.flatMap((zero) => Array.from({ length: 10 }, (_, i) => zero + i))).toEqual(digits);
});

test("each script's digits become ASCII digits, everything else stays", () => {
  expect(asciiDigits("المادة ١٤٧ عام ١٩٤٩")).toBe("المادة 147 عام 1949");
  expect(asciiDigits("سال ۲۰۲۴")).toBe("سال 2024");
  expect(asciiDigits("वर्ष २०२४, ９９")).toBe("वर्ष 2024, 99");
  expect(asciiDigits("2,000 workers ٢٬٠٠٠")).toBe("2,000 workers 2٬000");
});
