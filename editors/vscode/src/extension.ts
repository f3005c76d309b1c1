// The VS Code side of statusls: starts the language server, forwards the
// statusls settings to it through workspace/configuration (which
// vscode-languageclient answers from the "statusls" section), and adds the
// Explain, Compare and Restart commands. Everything about status codes comes
// from the server; this file only wires VS Code to it.

import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import { promisify } from "node:util";
import * as vscode from "vscode";
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import { codeItems, CodeItem, typedCode } from "./codes";
import { documentSelector } from "./documents";
import { findServer, Found, installCommand, ServerNotFound } from "./server-path";

/** The URI scheme of the pages the commands open; their text lives in `pages`. */
const pageScheme = "statusls";

let client: LanguageClient | undefined;
let server: Found | undefined;
let output: vscode.OutputChannel;
const pages = new Map<string, string>();
const pageChanged = new vscode.EventEmitter<vscode.Uri>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("statusls");
  context.subscriptions.push(
    output,
    pageChanged,
    vscode.workspace.registerTextDocumentContentProvider(pageScheme, {
      onDidChange: pageChanged.event,
      provideTextDocumentContent: (uri) => pages.get(uri.toString()) ?? "",
    }),
    vscode.commands.registerCommand("statusls.explainCode", () => explain(context)),
    vscode.commands.registerCommand("statusls.compareCodes", () => compare(context)),
    vscode.commands.registerCommand("statusls.restartServer", () => restart(context)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The server reads the rest of the section itself, when
      // vscode-languageclient tells it the section changed.
      if (e.affectsConfiguration("statusls.path")) {
        void restart(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** start finds the binary and starts the client; a missing binary is reported with its fix, not thrown. */
async function start(context: vscode.ExtensionContext): Promise<void> {
  try {
    server = findServer({
      configured: vscode.workspace.getConfiguration("statusls").get<string>("path", "").trim(),
      extensionPath: context.extensionPath,
      platform: process.platform,
      env: process.env,
      homedir: os.homedir(),
      isExecutable,
    });
  } catch (e) {
    server = undefined;
    if (!(e instanceof ServerNotFound)) {
      throw e;
    }
    output.appendLine(e.message);
    const choice = await vscode.window.showErrorMessage(e.message, "Copy install command", "Open settings");
    if (choice === "Copy install command") {
      await vscode.env.clipboard.writeText(installCommand);
    } else if (choice === "Open settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "statusls.path");
    }
    return;
  }
  output.appendLine(`Starting ${server.path} (found by ${server.from})`);

  const serverOptions: ServerOptions = {
    command: server.path,
    args: ["serve", "--stdio"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    synchronize: { configurationSection: "statusls" },
  };
  client = new LanguageClient("statusls", "statusls", serverOptions, clientOptions);
  await client.start();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  await old?.stop();
  await start(context);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Asks for a code with a picker of the catalogue's codes; typing a code that is not listed works too. */
async function pickCode(title: string): Promise<number | undefined> {
  let items: CodeItem[] = [];
  if (server !== undefined) {
    try {
      const { stdout } = await promisify(execFile)(server.path, ["catalog", "--format", "json"], { maxBuffer: 64 << 20 });
      items = codeItems(stdout);
    } catch (e) {
      output.appendLine(`Could not list the catalogue's codes: ${(e as Error).message}`);
    }
  }
  const qp = vscode.window.createQuickPick<CodeItem>();
  qp.title = title;
  qp.placeholder = "A status code, such as 502";
  qp.items = items;
  qp.matchOnDescription = true;
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0]?.code ?? typedCode(qp.value);
      if (picked !== undefined) {
        resolve(picked);
        qp.hide();
      }
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function explain(context: vscode.ExtensionContext): Promise<void> {
  const code = await pickCode("statusls: Explain status code");
  if (code !== undefined) {
    await showPage(context, "statusls.explain", [code], `${code}.md`);
  }
}

async function compare(context: vscode.ExtensionContext): Promise<void> {
  const a = await pickCode("statusls: Compare two status codes (1 of 2)");
  if (a === undefined) {
    return;
  }
  const b = await pickCode(`statusls: Compare ${a} with (2 of 2)`);
  if (b !== undefined) {
    await showPage(context, "statusls.compare", [a, b], `${a}-vs-${b}.md`);
  }
}

/** Runs one of the server's page commands and opens the Markdown it returns in a preview. */
async function showPage(context: vscode.ExtensionContext, command: string, codes: number[], name: string): Promise<void> {
  if (client === undefined) {
    await restart(context);
    if (client === undefined) {
      return;
    }
  }
  let page: unknown;
  try {
    page = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: codes });
  } catch (e) {
    void vscode.window.showErrorMessage(`statusls: ${(e as Error).message}`);
    return;
  }
  if (typeof page !== "string") {
    void vscode.window.showErrorMessage(`statusls: ${command} returned no page`);
    return;
  }
  const uri = vscode.Uri.from({ scheme: pageScheme, path: `/${name}` });
  pages.set(uri.toString(), page);
  pageChanged.fire(uri);
  await vscode.commands.executeCommand("markdown.showPreview", uri);
}
