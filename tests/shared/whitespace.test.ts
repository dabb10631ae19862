// singleSpaced must give exactly what text.replace(/\s+/g, " ") gives: section versions are
// hashes of it, recorded in every translation's front matter.
import { describe, expect, test } from "vitest";
import { singleSpaced } from "../../scripts/shared/whitespace.ts";

// Every character \s matches, and a few that it does not (zero-width space, word joiner).
const SPACES = [..." \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"];
const OTHERS = ["a", "ب", ".", "\u200b", "\u2060", "-"];

describe("singleSpaced", () => {
  test("covers every character \\s matches", () => {
    const matched = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((char) => /\s/.test(char));
    expect(matched.filter((char) => !SPACES.includes(char)).map((char) => `U+${char.charCodeAt(0).toString(16)}`)).toEqual([]);
  });

  test('equals replace(/\\s+/g, " ") on every mix of spaces and other characters', () => {
    const cases = ["", " ", "a", "a b", "a  b", " a ", "a\nb", "a\u00a0b", "mot\u202f;", "a \n\t b", "\u3000\u3000", "a\u200bb"];
    // Random strings over both alphabets: runs of one and many, at the ends and between words.
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(next() * 12);
      let text = "";
      for (let i = 0; i < length; i++) text += next() < 0.5 ? SPACES[Math.floor(next() * SPACES.length)] : OTHERS[Math.floor(next() * OTHERS.length)];
      cases.push(text);
    }
    for (const text of cases) expect(singleSpaced(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, " "));
  });
});
