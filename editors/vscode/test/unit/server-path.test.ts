import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { findServer, Machine, ServerNotFound } from "../../src/server-path";

// A machine where exactly the listed files are executables.
function machine(files: string[], over: Partial<Machine> = {}): Machine {
  return {
    configured: "",
    extensionPath: "/home/ana/.vscode/extensions/statusls.statusls-0.1.0-linux-x64",
    platform: "linux",
    env: { PATH: "/usr/local/bin:/usr/bin" },
    homedir: "/home/ana",
    isExecutable: (f) => files.includes(f),
    ...over,
  };
}

describe("findServer", () => {
  const bundled = "/home/ana/.vscode/extensions/statusls.statusls-0.1.0-linux-x64/server/statusls";

  it("uses statusls.path before anything else", () => {
    const m = machine(["/opt/statusls/bin/statusls", bundled, "/usr/bin/statusls"], { configured: "/opt/statusls/bin/statusls" });
    assert.deepEqual(findServer(m), { path: "/opt/statusls/bin/statusls", from: "setting" });
  });

  it("expands ~ in statusls.path", () => {
    const m = machine(["/home/ana/src/statusls/statusls"], { configured: "~/src/statusls/statusls" });
    assert.deepEqual(findServer(m), { path: "/home/ana/src/statusls/statusls", from: "setting" });
  });

  it("reports a statusls.path that points nowhere instead of running another binary", () => {
    const m = machine([bundled], { configured: "/opt/statusls/statusls" });
    assert.throws(() => findServer(m), (e: Error) => e instanceof ServerNotFound && /statusls\.path is set to "\/opt\/statusls\/statusls"/.test(e.message));
  });

  it("prefers the binary bundled in a platform package over PATH", () => {
    assert.deepEqual(findServer(machine([bundled, "/usr/bin/statusls"])), { path: bundled, from: "bundled" });
  });

  it("takes the first statusls on PATH", () => {
    const m = machine(["/usr/bin/statusls", "/usr/local/bin/statusls"]);
    assert.deepEqual(findServer(m), { path: "/usr/local/bin/statusls", from: "PATH" });
  });

  it("finds what go install put in GOPATH/bin when PATH lacks it", () => {
    assert.deepEqual(findServer(machine(["/home/ana/go/bin/statusls"])), { path: "/home/ana/go/bin/statusls", from: "go install" });
    const m = machine(["/srv/gopath/bin/statusls"], { env: { PATH: "/usr/bin", GOPATH: "/srv/gopath:/other" } });
    assert.deepEqual(findServer(m), { path: "/srv/gopath/bin/statusls", from: "go install" });
  });

  it("looks for statusls.exe on Windows, on its PATH syntax", () => {
    const m = machine(["C:\\Users\\ana\\go\\bin\\statusls.exe"], {
      platform: "win32",
      extensionPath: "C:\\Users\\ana\\.vscode\\extensions\\statusls",
      env: { Path: "C:\\Windows;C:\\Users\\ana\\go\\bin" },
      homedir: "C:\\Users\\ana",
    });
    assert.deepEqual(findServer(m), { path: "C:\\Users\\ana\\go\\bin\\statusls.exe", from: "PATH" });
  });

  it("says how to install the server when there is none", () => {
    assert.throws(
      () => findServer(machine([])),
      (e: Error) => e instanceof ServerNotFound && e.message.includes("go install github.com/statusls/statusls@latest") && e.message.includes("statusls.path"),
    );
  });
});
