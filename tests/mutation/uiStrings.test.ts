// The UI strings reader: the tree as written for i18next, every string flattened to its dotted path
// with its line, the groups told apart from the strings, a key written twice named at its second
// line, and a file that is not one JSON object refused at line 1 with what to do.
import { expect, test } from "vitest";
import { duplicateKeyError, parseUiStrings } from "../../scripts/project/uiStrings.ts";
import { contentErrorOf } from "../helpers/contentError.ts";

const FILE = "locales/fr/ui.json";

test("strings are flattened to dotted paths with their lines; groups are kept apart from strings", () => {
  const text = '{\n  "title": "Le serment",\n  "home": {\n    "pageCount_one": "{{count}} page",\n    "nav": { "next": "Suivant" }\n  },\n  "count": 3\n}\n';
  const strings = parseUiStrings(text, FILE);
  expect(strings.file).toBe(FILE);
  expect(strings.tree).toEqual({ title: "Le serment", home: { pageCount_one: "{{count}} page", nav: { next: "Suivant" } }, count: 3 });
  expect([...strings.values]).toEqual([
    ["title", "Le serment"],
    ["home.pageCount_one", "{{count}} page"],
    ["home.nav.next", "Suivant"],
    ["count", 3],
  ]);
  expect([...strings.groups]).toEqual(["home", "home.nav"]);
  expect([...strings.lines]).toEqual([
    ["title", 2],
    ["home", 3],
    ["home.pageCount_one", 4],
    ["home.nav", 5],
    ["home.nav.next", 5],
    ["count", 7],
  ]);
  expect(strings.duplicate).toBeUndefined();
  expect(duplicateKeyError(strings)).toBeUndefined();
});

test("a list or null a translator wrote is a value, not a group", () => {
  const strings = parseUiStrings('{ "a": ["x"], "b": null, "c": {} }', FILE);
  expect([...strings.values]).toEqual([
    ["a", ["x"]],
    ["b", null],
  ]);
  expect([...strings.groups]).toEqual(["c"]);
});

test("a key written twice is named at its second line, with what to do, and the last one is kept", () => {
  const strings = parseUiStrings('{\n  "nav": {\n    "next": "Suivant",\n    "next": "Après"\n  },\n  "x": "y",\n  "x": "z"\n}\n', FILE);
  expect(strings.duplicate).toEqual({ path: "nav.next", line: 4 });
  expect(strings.values.get("nav.next")).toBe("Après");
  const error = duplicateKeyError(strings)!;
  expect([error.file, error.line]).toEqual([FILE, 4]);
  expect(error.message).toBe(`${FILE}:4: the key "nav.next" appears twice (only the last one would be used)\n  → keep one of them and delete the other`);
});

test("a file that is valid JSON but not an object is refused at line 1, saying how to start it", () => {
  for (const text of ['["a", "b"]', '"text"', "null", "3"]) {
    const error = contentErrorOf(() => parseUiStrings(text, FILE));
    expect([error.file, error.line]).toEqual([FILE, 1]);
    expect(error.message).toBe(`${FILE}:1: UI strings must be a JSON object of "key": "text" pairs\n  → start the file with { and end it with }`);
  }
});
