// The two translation-check workflows hold GitHub's pattern for pull requests from forks: the
// check runs the pull request's code with a read-only token and uploads its report; the comment
// runs after it with a token that can comment, and never checks out or runs that code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { PULL_REQUEST_FILE, REPORT_ARTIFACT, REPORT_FILE } from "../../scripts/ci/reportArtifact.ts";
import { ROOT } from "../helpers/site.ts";

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  "continue-on-error"?: boolean;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { if?: string; permissions?: unknown; steps: Step[] }>;
}
const WORKFLOWS = join(ROOT, ".github", "workflows");
const workflow = (file: string) => parse(readFileSync(join(WORKFLOWS, file), "utf8")) as Workflow;
const action = (step: Step) => step.uses?.split("@")[0];

const check = workflow("check-translations.yml");
const comment = workflow("comment-translations.yml");
const checkSteps = check.jobs.check!.steps;
const commentSteps = comment.jobs.comment!.steps;

describe("Check translations (runs the pull request's code)", () => {
  test("its token is read-only, for the workflow and every job", () => {
    expect(check.on).toEqual({ pull_request: null });
    expect(check.permissions).toEqual({ contents: "read" });
    for (const job of Object.values(check.jobs)) expect(job.permissions).toBeUndefined();
  });

  test("it writes the report and the pull request's number, then uploads both before failing on an error", () => {
    const run = checkSteps.find((s) => s.name === "npm run check")!;
    expect(run["continue-on-error"]).toBe(true);
    expect(run.run).toContain(`> "$RUNNER_TEMP/${REPORT_ARTIFACT}/${REPORT_FILE}"`);
    const number = checkSteps.find((s) => s.run?.includes(PULL_REQUEST_FILE))!;
    expect(number.run!.trim()).toBe(`printf '%s\\n' "$PR_NUMBER" > "$RUNNER_TEMP/${REPORT_ARTIFACT}/${PULL_REQUEST_FILE}"`);
    // oxlint-disable-next-line no-template-curly-in-string -- a GitHub Actions expression, written as the workflow holds it
    expect(number.env).toEqual({ PR_NUMBER: "${{ github.event.pull_request.number }}" });
    const upload = checkSteps.findIndex((s) => s.uses === "actions/upload-artifact@v4");
    expect(checkSteps[upload]!.with).toMatchObject({ name: REPORT_ARTIFACT, path: `\${{ runner.temp }}/${REPORT_ARTIFACT}/`, "if-no-files-found": "error" });
    expect(checkSteps[upload]!.if).toBeUndefined();
    expect(checkSteps.some((s) => s.run?.includes("GITHUB_STEP_SUMMARY") && s.run.includes(REPORT_FILE))).toBe(true);
    expect(upload).toBe(checkSteps.length - 2);
    expect(checkSteps.at(-1)!.if).toBe("steps.check.outcome == 'failure'");
    // Commenting is the other workflow's work: no token that could write is ever handed out here.
    expect(checkSteps.some((s) => s.run?.includes("pr-comment.ts") || JSON.stringify(s.env ?? {}).includes("GITHUB_TOKEN"))).toBe(false);
  });
});

describe("Comment translation check (can comment, so runs none of the pull request's code)", () => {
  test("it runs when the check workflow, by its exact name, completes for a pull request", () => {
    expect(comment.on).toEqual({ workflow_run: { workflows: [check.name], types: ["completed"] } });
    expect(check.name).toBe("Check translations");
    expect(comment.jobs.comment!.if).toContain("github.event.workflow_run.event == 'pull_request'");
  });

  test("it may comment and read artifacts, and nothing else can be written", () => {
    expect(comment.permissions).toEqual({ contents: "read", actions: "read", "pull-requests": "write" });
    for (const job of Object.values(comment.jobs)) expect(job.permissions).toBeUndefined();
  });

  test("it checks out the default branch, never the pull request's head", () => {
    const checkouts = commentSteps.filter((s) => action(s) === "actions/checkout");
    expect(checkouts).toHaveLength(1);
    // oxlint-disable-next-line no-template-curly-in-string -- a GitHub Actions expression, written as the workflow holds it
    expect(checkouts[0]!.with).toEqual({ ref: "${{ github.event.repository.default_branch }}", "persist-credentials": false });
    const text = readFileSync(join(WORKFLOWS, "comment-translations.yml"), "utf8");
    for (const head of ["head_sha", "head_branch", "head_repository", "pull_request.head", "refs/pull"]) expect(text).not.toContain(head);
    // Only actions it knows: no local action or workflow from the checkout.
    for (const step of commentSteps) if (step.uses) expect(step.uses).toMatch(/^actions\/(checkout|setup-node|download-artifact)@v4$/);
  });

  test("it downloads the check run's artifact outside the checkout, with no install script run", () => {
    const download = commentSteps.find((s) => action(s) === "actions/download-artifact")!;
    expect(download.with).toEqual({
      name: REPORT_ARTIFACT,
      path: `\${{ runner.temp }}/${REPORT_ARTIFACT}`,
      // oxlint-disable-next-line no-template-curly-in-string -- a GitHub Actions expression, written as the workflow holds it
      "run-id": "${{ github.event.workflow_run.id }}",
      // oxlint-disable-next-line no-template-curly-in-string -- a GitHub Actions expression, written as the workflow holds it
      "github-token": "${{ secrets.GITHUB_TOKEN }}",
    });
    const commands = commentSteps.flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(commands).toEqual(["npm ci --ignore-scripts", `npx tsx scripts/pr-comment.ts "$RUNNER_TEMP/${REPORT_ARTIFACT}"`]);
    // The packages are installed before the artifact exists, from the default branch's lockfile.
    expect(commentSteps.findIndex((s) => s.run?.startsWith("npm ci"))).toBeLessThan(commentSteps.indexOf(download));
  });

  test("no expression in any run: script of either workflow: event values and the artifact reach scripts through env only", () => {
    for (const file of readdirSync(WORKFLOWS).filter((f) => f.endsWith(".yml") && f.includes("translations"))) {
      for (const step of Object.values(workflow(file).jobs).flatMap((j) => j.steps)) if (step.run) expect(step.run, `${file}: ${step.name ?? step.run}`).not.toContain("${{");
    }
    const post = commentSteps.find((s) => s.run?.includes("pr-comment.ts"))!;
    // oxlint-disable-next-line no-template-curly-in-string -- a GitHub Actions expression, written as the workflow holds it
    expect(post.env).toEqual({ GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}" });
  });
});

describe("Mutation testing (StrykerJS on the core, not part of npm test)", () => {
  const mutation = workflow("mutation.yml");
  const steps = mutation.jobs.mutation!.steps;
  const stryker = JSON.parse(readFileSync(join(ROOT, "stryker.config.json"), "utf8")) as { mutate: string[]; incrementalFile: string };
  const triggers = mutation.on as { pull_request: { paths: string[] }; schedule: { cron: string }[] };

  test("a pull request runs it when it touches a mutated module; a weekly run and a manual one run every mutant", () => {
    for (const file of stryker.mutate) expect(triggers.pull_request.paths).toContain(file);
    expect(triggers.pull_request.paths).toEqual(expect.arrayContaining(["stryker.config.json", "vitest.mutation.config.ts", "tests/mutation/**"]));
    expect(triggers.schedule).toHaveLength(1);
    expect(mutation.on).toHaveProperty("workflow_dispatch");
    expect(mutation.permissions).toEqual({ contents: "read" });
    const runs = steps.filter((s) => s.run?.startsWith("npm run test:mutation"));
    expect(runs.map((s) => [s.if, s.run!.includes("--force")])).toEqual([
      ["github.event_name == 'pull_request'", false],
      ["github.event_name != 'pull_request'", true],
    ]);
  });

  test("it installs the maintainers' tools first, and restores the incremental report before the run and saves it after", () => {
    const at = (predicate: (s: Step) => boolean) => steps.findIndex(predicate);
    const setup = at((s) => s.run === "npm run setup -- --tools");
    const restore = at((s) => s.uses === "actions/cache/restore@v4");
    const save = at((s) => s.uses === "actions/cache/save@v4");
    const firstRun = at((s) => s.run?.startsWith("npm run test:mutation") ?? false);
    expect(setup).toBeGreaterThan(-1);
    expect(setup).toBeLessThan(firstRun);
    expect(restore).toBeGreaterThan(-1);
    expect(restore).toBeLessThan(firstRun);
    expect(save).toBeGreaterThan(firstRun);
    for (const cache of [steps[restore]!, steps[save]!]) expect(cache.with!.path).toBe(stryker.incrementalFile);
    expect(steps[save]!.if).toBe("always()");
    const upload = steps.find((s) => s.uses === "actions/upload-artifact@v4")!;
    expect(upload.if).toBe("always()");
    expect(String(upload.with!.path)).toContain(stryker.incrementalFile);
  });

  test("npm test leaves it out; the incremental report it starts from is committed", () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
    expect(scripts.test).not.toContain("mutation");
    expect(scripts["test:mutation"]).toBe("node scripts/setup/mutation.mjs");
    expect(() => readFileSync(join(ROOT, stryker.incrementalFile))).not.toThrow();
  });
});
