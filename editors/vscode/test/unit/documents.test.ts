import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import { documentSelector, languages, plainTextPatterns } from "../../src/documents";

const manifest = JSON.parse(readFileSync(path.join(__dirname, "../../../package.json"), "utf8"));

describe("document selection", () => {
  it("activates the extension for every language the client serves, and no other", () => {
    const events = (manifest.activationEvents as string[]).map((e) => e.replace(/^onLanguage:/, "")).sort();
    assert.deepEqual(events, [...languages, "plaintext"].sort());
  });

  it("serves plain-text files only when their name says nginx or Apache", () => {
    const plain = documentSelector().filter((f) => f.language === "plaintext");
    assert.deepEqual(plain.map((f) => f.pattern), plainTextPatterns);
    assert.ok(plain.every((f) => f.scheme === "file"));
  });

  it("gives nginx.conf the nginx language even without an nginx extension", () => {
    const nginx = manifest.contributes.languages.find((l: { id: string }) => l.id === "nginx");
    assert.ok(nginx.filenames.includes("nginx.conf"));
  });

  it("contributes its three commands under the statusls category", () => {
    const commands = manifest.contributes.commands.map((c: { command: string; category: string }) => `${c.category}:${c.command}`);
    assert.deepEqual(commands, ["statusls:statusls.explainCode", "statusls:statusls.compareCodes", "statusls:statusls.restartServer"]);
  });
});
