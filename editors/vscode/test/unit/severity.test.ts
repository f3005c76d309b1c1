import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { applySeverities, parseOverrides } from "../../src/severity";

// VS Code's DiagnosticSeverity values.
const levels = { error: 0, warning: 1, information: 2, hint: 3 };

describe("rule severities", () => {
  it("rewrites and hides diagnostics by rule, leaving other rules alone", () => {
    const { overrides, problems } = parseOverrides({ SL001: "error", sl002: "off" });
    assert.deepEqual(problems, []);
    const diags = [
      { code: "SL001", severity: levels.warning, message: "432 is not a registered HTTP status code" },
      { code: { value: "SL002", target: "https://statusls.dev/rules/SL002" }, severity: levels.warning, message: "off" },
      { code: "SL003", severity: levels.hint, message: "untouched" },
      { severity: levels.information, message: "no code at all" },
    ];
    assert.deepEqual(
      applySeverities(diags, overrides, levels).map((d) => [d.message, d.severity]),
      [
        ["432 is not a registered HTTP status code", levels.error], // SL001 → error
        ["untouched", levels.hint],
        ["no code at all", levels.information],
      ],
    );
  });

  it("reports values it cannot use, and keeps the valid ones", () => {
    const { overrides, problems } = parseOverrides({ SL001: "fatal", SL002: "hint", SL003: 2 });
    assert.deepEqual([...overrides], [["SL002", "hint"]]);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /"SL001" is set to "fatal"; use one of error, warning, information, hint, off/);
  });

  it("rejects a setting that is not an object", () => {
    assert.equal(parseOverrides(["SL001"]).problems.length, 1);
    assert.equal(parseOverrides(undefined).problems.length, 0);
  });
});
