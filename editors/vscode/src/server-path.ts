// Finding the statusls binary. This module does not import vscode, so that
// the unit tests run it under plain Node with a fake file system.

import * as path from "node:path";

/** What the search looks at, passed in so that tests can describe a machine. */
export interface Machine {
  /** The statusls.path setting, "" when unset. */
  configured: string;
  /** The extension's install directory, where a platform package bundles the server. */
  extensionPath: string;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
  isExecutable(file: string): boolean;
}

/** Where the binary was found: the label goes into the log, so a user can tell which binary runs. */
export type Found = { path: string; from: "setting" | "bundled" | "PATH" | "go install" };

/** Why no binary was found, with the fix, ready to show to the user. */
export class ServerNotFound extends Error {}

/** The go install line the messages and the README share. */
export const installCommand = "go install github.com/statusls/statusls@latest";

/** The binary's file name on a platform. */
export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "statusls.exe" : "statusls";
}

/**
 * findServer applies the documented order: the statusls.path setting, else
 * the binary bundled in a platform package, else statusls on PATH. A last
 * place, where `go install` puts binaries, is tried too: editors started
 * from a desktop menu often have a PATH without ~/go/bin, and that is how
 * the README says to install statusls.
 *
 * A setting that points nowhere is an error rather than a reason to fall
 * back, since running another binary than the one configured would hide the
 * mistake.
 */
export function findServer(m: Machine): Found {
  const p = m.platform === "win32" ? path.win32 : path.posix;
  const name = binaryName(m.platform);
  if (m.configured !== "") {
    let file = m.configured;
    if (file === "~" || file.startsWith("~/")) {
      file = p.join(m.homedir, file.slice(1));
    }
    if (m.isExecutable(file)) {
      return { path: file, from: "setting" };
    }
    throw new ServerNotFound(
      `statusls.path is set to "${m.configured}", but no executable is there. ` +
        `Correct the setting, or clear it to use the bundled server or statusls on PATH.`,
    );
  }
  const bundled = p.join(m.extensionPath, "server", name);
  if (m.isExecutable(bundled)) {
    return { path: bundled, from: "bundled" };
  }
  const dirs = (m.env.PATH ?? m.env.Path ?? "").split(p.delimiter).filter((d) => d !== "");
  for (const dir of dirs) {
    const file = p.join(dir, name);
    if (m.isExecutable(file)) {
      return { path: file, from: "PATH" };
    }
  }
  const gobin = m.env.GOBIN || p.join(m.env.GOPATH?.split(p.delimiter)[0] || p.join(m.homedir, "go"), "bin");
  const installed = p.join(gobin, name);
  if (m.isExecutable(installed)) {
    return { path: installed, from: "go install" };
  }
  throw new ServerNotFound(
    `The statusls language server was not found: this extension has no bundled server for ${m.platform}, ` +
      `and statusls is not on PATH. Install it with "${installCommand}", ` +
      `or set statusls.path to the binary.`,
  );
}
