// The VS Code end-to-end test, run by editors/vscode_test.go. It installs
// the packaged extension into code-server (VS Code served to a browser),
// opens the test workspace in Debian's Chromium driven by playwright-core,
// and does what a user does on each file: hovers each marked status code
// and reads the hover, checks the diagnostics (with a severity changed by
// statusls.rules), applies a quick fix; then runs the Explain and
// Compare commands and reads their Markdown previews. It saves a screenshot of the hover on
// the Go file, prints one ok/FAIL line per check and exits 1 on a failure.
//
// Environment: CODE_SERVER (code-server's out/node/entry.js), VSIX,
// WORKSPACE (a copy of editors/testdata), STATE (an empty directory for
// every profile and log), SCREENSHOT (where to save the PNG), CHROMIUM
// (default /usr/bin/chromium).

import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import * as path from "node:path";
import { chromium } from "playwright-core";

import { markers } from "./markers.mjs";

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (!v) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return v;
};
const entry = env("CODE_SERVER");
const vsix = env("VSIX");
const workspace = env("WORKSPACE");
const state = env("STATE");
const screenshot = env("SCREENSHOT");
const executablePath = env("CHROMIUM", "/usr/bin/chromium");
const files = ["nginx.conf", "main.go"];

let failures = 0;
let passes = 0;
function check(ok, what, detail) {
  if (ok) {
    passes++;
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}${detail === undefined ? "" : `: ${String(detail).slice(0, 600)}`}`);
  }
  return ok;
}

/** Polls until fn returns a truthy value, or returns the last value at the deadline (a hang guard only). */
async function until(fn, ms = 20000, every = 250) {
  const end = Date.now() + ms;
  let v;
  while (Date.now() < end) {
    v = await fn();
    if (v) {
      return v;
    }
    await new Promise((r) => setTimeout(r, every));
  }
  return v;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const dirs = {
  data: path.join(state, "code-server-data"),
  extensions: path.join(state, "code-server-extensions"),
  browser: path.join(state, "chromium-profile"),
  config: path.join(state, "code-server.yaml"),
};
mkdirSync(path.join(dirs.data, "User"), { recursive: true });
writeFileSync(dirs.config, "auth: none\ncert: false\n");
// A first run without tours, trust prompts or update checks; quick hovers.
writeFileSync(
  path.join(dirs.data, "User", "settings.json"),
  JSON.stringify({
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "security.workspace.trust.enabled": false,
    "extensions.ignoreRecommendations": true,
    "update.mode": "none",
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "telemetry.telemetryLevel": "off",
    "editor.hover.delay": 100,
    "editor.minimap.enabled": false,
    "window.zoomLevel": 0,
    "statusls.trace.server": "messages",
    // SL001 is a warning by default: an error squiggle proves the settings
    // reach the server.
    "statusls.rules": { SL001: "error" },
  }),
);

const common = ["--user-data-dir", dirs.data, "--extensions-dir", dirs.extensions, "--config", dirs.config];
const install = spawnSync(process.execPath, [entry, ...common, "--install-extension", vsix], { encoding: "utf8" });
check(install.status === 0, "code-server installs the .vsix", install.stderr + install.stdout);

const port = await freePort();
const server = spawn(
  process.execPath,
  [entry, ...common, "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry", "--disable-update-check",
    "--disable-workspace-trust", "--disable-getting-started-override", workspace],
  { detached: true, stdio: ["ignore", "pipe", "pipe"] },
);
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));

let browser;
try {
  const listening = await until(() => serverLog.includes("HTTP server listening"), 60000, 100);
  if (!check(listening, "code-server listens", serverLog)) {
    throw new Error("code-server did not start");
  }
  browser = await chromium.launchPersistentContext(dirs.browser, {
    executablePath,
    headless: true,
    viewport: { width: 1100, height: 620 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
  await page.waitForSelector(".explorer-folders-view", { timeout: 60000 });

  for (const name of files) {
    await openFile(page, name);
    const text = readFileSync(path.join(workspace, name), "utf8");
    for (const m of markers(name, text)) {
      const where = `${name}:${m.line + 1}`;
      if (m.kind === "hover") {
        const hover = await hoverUntil(page, m, (t) => t.includes(m.args[0]));
        check(hover.includes(m.args[0]), `${where}: hover shows "${m.args[0]}"`, hover);
        if (name === "main.go") {
          // The editor and its hover, without the side bar: the README picture.
          await page.screenshot({ path: screenshot, clip: { x: 323, y: 36, width: 777, height: 510 } });
          console.log(`     screenshot: ${screenshot}`);
        }
      } else if (m.kind === "diag") {
        // The diagnostic's message and rule ID show in the hover of the
        // flagged code.
        const hover = await hoverUntil(page, m, (t) => t.includes(m.args[1]) && t.includes(m.args[0]));
        check(hover.includes(m.args[1]) && hover.includes(m.args[0]), `${where}: diagnostic ${m.args[0]} "${m.args[1]}"`, hover);
        const squiggles = async (kind) => page.locator(`.editor-group-container.active .monaco-editor .squiggly-${kind}`).count();
        const errors = await until(squiggles.bind(null, "error"), 5000);
        check(errors > 0 && (await squiggles("warning")) === 0, `${where}: statusls.rules shows ${m.args[0]} as an error`,
          `${errors} error and ${await squiggles("warning")} warning squiggles`);
      } else if (m.kind === "fix") {
        // Apply the first quick fix as a user would (Ctrl+., Enter), save,
        // and read the line back from the file: the rendered line holds
        // inlay hints too.
        await page.mouse.move(5, 5);
        const at = await locate(page, m);
        await page.mouse.click(at.x, at.y);
        await page.keyboard.press("Control+.");
        await page.waitForSelector(".action-widget", { timeout: 10000 });
        await page.keyboard.press("Enter");
        await page.keyboard.press("Control+S");
        const saved = () => readFileSync(path.join(workspace, name), "utf8").split("\n")[m.line].split(/#|\/\//)[0];
        const line = await until(() => (saved().includes(m.args[0]) ? saved() : ""), 10000);
        check(line.includes(m.args[0]), `${where}: quick fix gives "${m.args[0]}"`, saved());
      } else {
        check(false, `${where}: known marker @${m.kind}`);
      }
    }
  }

  // The Explain command: the picker, then the page in a Markdown preview.
  await runCommand(page, "statusls: Explain status code");
  const picker = await pick(page, "Explain status code", "502");
  check(/502\s*Bad Gateway/.test(picker), "Explain offers the catalogue's 502 Bad Gateway for \"502\"", picker);
  await previewShows(page, "502.md", ["502 Bad Gateway", "How to fix"]);

  // The Compare command: two pickers, then the comparison.
  await runCommand(page, "statusls: Compare two status codes");
  await pick(page, "(1 of 2)", "100");
  await pick(page, "(2 of 2)", "502");
  await previewShows(page, "100-vs-502.md", ["100 Continue", "502 Bad Gateway"]);
} catch (e) {
  check(false, "the test ran to its end", e.stack);
  await browser?.pages()[0]?.screenshot({ path: path.join(state, "failure.png") }).catch(() => {});
  console.log(`     screen at the failure: ${path.join(state, "failure.png")}`);
} finally {
  await browser?.close().catch(() => {});
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
}
if (failures > 0) {
  console.log("--- code-server log\n" + serverLog.slice(-4000));
}
console.log(`vscode e2e: ${passes} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);

/** Runs a command from the command palette. */
async function runCommand(page, title) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("F1");
  await page.waitForSelector(".quick-input-widget input", { timeout: 10000 });
  await page.keyboard.type(title);
  await until(async () => (await page.locator(".quick-input-list .monaco-list-row").first().innerText().catch(() => "")).includes(title), 10000);
  await page.keyboard.press("Enter");
}

/**
 * Waits for the code picker whose title has `title` (it replaces the
 * palette once the catalogue is read), types a code, and picks the first
 * entry; returns that entry's text.
 */
async function pick(page, title, code) {
  await until(async () => (await page.locator(".quick-input-title").innerText().catch(() => "")).includes(title), 15000);
  await page.keyboard.type(code);
  const row = await until(async () => {
    const t = await page.locator(".quick-input-list .monaco-list-row").first().innerText().catch(() => "");
    return t.startsWith(code) ? t : "";
  }, 15000);
  await page.keyboard.press("Enter");
  return row;
}

/** Checks that a Markdown preview of the page `name` opened and shows each of `texts`. */
async function previewShows(page, name, texts) {
  const tab = await until(async () => (await page.locator(".tabs-container .tab").allInnerTexts()).find((x) => x.includes(name)) ?? "", 15000);
  check(tab.includes(`Preview ${name}`), `a Markdown preview of ${name} opens`, tab);
  // The preview is a webview: frames within frames.
  const text = await until(async () => {
    for (const f of page.frames()) {
      const t = await f.locator("body").innerText({ timeout: 1000 }).catch(() => "");
      if (texts.every((x) => t.includes(x))) {
        return t;
      }
    }
    return "";
  }, 15000);
  check(text !== "", `the preview of ${name} shows ${texts.map((x) => `"${x}"`).join(", ")}`);
}

/** Opens a workspace file with Quick Open and waits for its editor. */
async function openFile(page, name) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+P");
  await page.waitForSelector(".quick-input-widget input", { timeout: 10000 });
  await page.keyboard.type(name);
  // The list shows recently opened files at once; wait for the search.
  await until(async () => (await page.locator(".quick-input-list .monaco-list-row").first().innerText().catch(() => "")).includes(name), 10000);
  await page.keyboard.press("Enter");
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 15000 });
  await page.waitForSelector(".editor-group-container.active .monaco-editor .view-line", { timeout: 15000 });
}

/**
 * The screen point at the middle of a marker's status code in the active
 * editor. Lines are found by their number in the gutter, since the rendered
 * text also holds inlay hints and shows whitespace as non-breaking spaces.
 */
async function locate(page, m) {
  const at = await page.evaluate(({ line, code }) => {
    const editor = document.querySelector(".editor-group-container.active .monaco-editor");
    const number = [...editor.querySelectorAll(".margin-view-overlays .line-numbers")].find((n) => n.textContent.trim() === String(line));
    const row = number && [...editor.querySelectorAll(".view-lines .view-line")].find((v) => v.style.top === number.parentElement.style.top);
    if (!row) {
      return null;
    }
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length });
      text += n.data;
    }
    const start = text.search(new RegExp(`(?<!\\d)${code}(?!\\d)`));
    if (start < 0) {
      return null;
    }
    const pos = (off) => {
      const n = nodes.findLast((x) => x.start <= off);
      return [n.node, off - n.start];
    };
    const r = document.createRange();
    r.setStart(...pos(start));
    r.setEnd(...pos(start + code.length - 1));
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2 + 2, y: b.top + b.height / 2 };
  }, { line: m.line + 1, code: m.code });
  if (!at) {
    throw new Error(`line ${m.line + 1} ("${m.codeText.trim()}") is not on screen`);
  }
  return at;
}

/**
 * Hovers a marker's code until the hover satisfies ok, moving away and back
 * between tries: the first hovers can come before the server is up, and a
 * hover that showed nothing is not asked again until the mouse leaves.
 */
async function hoverUntil(page, m, ok) {
  let last = "";
  await until(async () => {
    await page.mouse.move(5, 5);
    await page.waitForTimeout(150);
    const at = await locate(page, m);
    await page.mouse.move(at.x, at.y);
    last = await until(async () => {
      const t = await page.locator(".monaco-hover:not(.hidden) .monaco-hover-content").allInnerTexts().catch(() => []);
      const joined = t.join("\n");
      return ok(joined) ? joined : "";
    }, 3000, 150) || last;
    if (!last) {
      last = (await page.locator(".monaco-hover:not(.hidden)").allInnerTexts().catch(() => [])).join("\n");
    }
    return ok(last);
  }, 45000, 100);
  return last;
}
