// Where each key of a (valid) JSON file is: "home.pageCount_one" → line, so messages can point
// at it. JSON.parse keeps no positions and silently keeps the last of two equal keys.
export interface JsonKeyLines {
  lines: Map<string, number>;
  duplicates: { path: string; line: number }[];
}

export function jsonKeyLines(text: string): JsonKeyLines {
  const lines = new Map<string, number>();
  const duplicates: JsonKeyLines["duplicates"] = [];
  // One frame per open object/array; `key` is the key whose value is being read.
  const stack: { object: boolean; prefix: string; key: string | undefined; seen: Set<string> }[] = [];
  let line = 1;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const frame = stack[stack.length - 1];
      if (frame?.object && expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const path = frame.prefix + key;
        if (frame.seen.has(key)) duplicates.push({ path, line });
        frame.seen.add(key);
        lines.set(path, line);
        frame.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === "{" || c === "[") {
      const parent = stack[stack.length - 1];
      const prefix = parent?.object && parent.key !== undefined ? `${parent.prefix}${parent.key}.` : parent ? parent.prefix : "";
      stack.push({ object: c === "{", prefix, key: undefined, seen: new Set() });
      expectKey = c === "{";
    } else if (c === "}" || c === "]") {
      stack.pop();
      expectKey = false;
    } else if (c === ",") {
      expectKey = stack[stack.length - 1]?.object ?? false;
    }
  }
  return { lines, duplicates };
}
