// The layers of scripts/, checked by `npm test` (npm run lint:deps). Data flows one way:
//   shared/ (helpers, the markdown renderer)  ←  project/ (the reader: files → one project value)
//   ←  views: site/, check/, print/, translators/  ←  render/ (Chromium: PDFs, share cards)
//   ←  build/ (the pipeline)  ←  entry points (scripts/*.ts, bench/, ci/, setup/).
// A view uses another view only through its index.ts, and so does render/.
// A violation names both files; README.md, "How it fits together", says where a new module goes.
/** @type {import('dependency-cruiser').IConfiguration} */
const VIEWS = "(site|check|print|translators)";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle ties modules together so that neither can change or load alone: move what both need one layer down.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-orphans",
      severity: "error",
      comment: "A module nothing imports and no command runs is dead code: delete it, or import it where it is meant to be used.",
      from: {
        orphan: true,
        pathNot: ["^scripts/[^/]+\\.(ts|mjs)$", "^scripts/bench/children/", "\\.d\\.m?ts$", "^tests/", "(^|/)\\.[^/]+\\.(c?js|cjs)$", "^vitest\\.config\\.ts$"],
      },
      to: {},
    },
    {
      name: "shared-is-the-bottom",
      severity: "error",
      comment: "scripts/shared/ holds helpers every layer may use; it knows nothing of the project, its views or the build.",
      from: { path: "^scripts/shared/" },
      to: { path: "^scripts/", pathNot: "^scripts/shared/" },
    },
    {
      name: "project-knows-no-view",
      severity: "error",
      comment: "scripts/project/ reads the files into the one project value; the views (site, check, print, translators) and the build read it, never the other way.",
      from: { path: "^scripts/project/" },
      to: { path: "^scripts/", pathNot: "^scripts/(shared|project)/" },
    },
    {
      name: "views-stay-below-the-build",
      severity: "error",
      comment: "A view (site, check, print, translators) is used by the renderer, the build and the commands; it never reaches up into them.",
      from: { path: `^scripts/${VIEWS}/` },
      to: { path: "^scripts/", pathNot: `^scripts/(shared|project|${VIEWS})/` },
    },
    {
      name: "a-view-uses-another-through-its-index",
      severity: "error",
      comment: "A view never reaches into another view's internals: import what you need from that view's index.ts (and export it there).",
      from: { path: `^scripts/${VIEWS}/` },
      to: { path: `^scripts/${VIEWS}/(?!index\\.ts$)`, pathNot: "^scripts/$1/" },
    },
    {
      // render/ is no view of the project but a layer between views and build: it renders the pages the views made, for the build.
      name: "render-stays-below-the-build",
      severity: "error",
      comment: "scripts/render/ renders what the views built (PDFs, share cards) for the build and the commands; it never reaches up into them.",
      from: { path: "^scripts/render/" },
      to: { path: "^scripts/", pathNot: `^scripts/(shared|project|render|${VIEWS})/` },
    },
    {
      name: "render-uses-views-through-their-index",
      severity: "error",
      comment: "scripts/render/ reads a view (print's variants and fonts, the site model) only through that view's index.ts (export what it needs there).",
      from: { path: "^scripts/render/" },
      to: { path: `^scripts/${VIEWS}/(?!index\\.ts$)` },
    },
    {
      name: "the-build-is-not-a-command",
      severity: "error",
      comment: "scripts/build/ is the pipeline the commands run; it imports no command and no benchmark.",
      from: { path: "^scripts/build/" },
      to: { path: "^scripts/([^/]+\\.(ts|mjs)|bench/|ci/|setup/)" },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc reads the TypeScript.
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    // Type-only imports are part of the design too: a view's types are its internals.
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    // Packages are resolved as Node resolves them (the "exports" of tsx/esm/api, for one).
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], mainFields: ["module", "main"] },
    exclude: { path: "^(node_modules|_site|\\.cache)/" },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
