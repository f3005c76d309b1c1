// Per-rule severities from the statusls.ruleSeverity setting, applied to the
// server's diagnostics on their way to the editor. Doing it in the client
// keeps the server's rules simple and makes the setting take effect on the
// next diagnostics, without a round trip.

/** The names the setting accepts. */
export type SeverityName = "error" | "warning" | "information" | "hint" | "off";

/** VS Code's DiagnosticSeverity values, passed in so that this module does not import vscode. */
export interface Levels {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

/** The part of a diagnostic this module reads and writes. */
export interface Rated {
  code?: string | number | { value: string | number };
  severity: number;
}

/** ruleOf returns the rule ID a diagnostic carries ("SL001"), or "" when it carries none. */
export function ruleOf(d: Rated): string {
  if (d.code === undefined) {
    return "";
  }
  if (typeof d.code === "object") {
    return String(d.code.value);
  }
  return String(d.code);
}

/**
 * Checks the setting's value, so that a typo is reported once instead of
 * silently doing nothing. Returns the valid overrides and the problems.
 */
export function parseOverrides(setting: unknown): { overrides: Map<string, SeverityName>; problems: string[] } {
  const overrides = new Map<string, SeverityName>();
  const problems: string[] = [];
  if (setting === undefined || setting === null) {
    return { overrides, problems };
  }
  if (typeof setting !== "object" || Array.isArray(setting)) {
    problems.push(`statusls.ruleSeverity must be an object such as { "SL001": "error" }`);
    return { overrides, problems };
  }
  const names = ["error", "warning", "information", "hint", "off"];
  for (const [rule, value] of Object.entries(setting)) {
    if (typeof value === "string" && names.includes(value)) {
      overrides.set(rule.toUpperCase(), value as SeverityName);
    } else {
      problems.push(`statusls.ruleSeverity: "${rule}" is set to ${JSON.stringify(value)}; use one of ${names.join(", ")}`);
    }
  }
  return { overrides, problems };
}

/** Applies overrides to a list of diagnostics, in place, dropping those of rules set to "off". */
export function applySeverities<D extends Rated>(diagnostics: D[], overrides: Map<string, SeverityName>, levels: Levels): D[] {
  if (overrides.size === 0) {
    return diagnostics;
  }
  const out: D[] = [];
  for (const d of diagnostics) {
    const want = overrides.get(ruleOf(d).toUpperCase());
    if (want === "off") {
      continue;
    }
    if (want !== undefined) {
      d.severity = levels[want];
    }
    out.push(d);
  }
  return out;
}
