// Which documents statusls serves. Kept apart from the extension so that the
// unit tests can check it against package.json's activation events.

/** A document filter in the shape vscode-languageclient takes. */
export interface Filter {
  language: string;
  scheme: string;
  pattern?: string;
}

/**
 * The VS Code language IDs whose files statusls can scan. "nginx" comes from
 * this extension's own language contribution, or from an nginx extension
 * that uses the same ID; "apacheconf", "haproxy", "caddyfile" and "http"
 * (REST Client's .http files) come from the popular extensions for those
 * formats.
 */
export const languages = [
  "nginx",
  "apacheconf",
  "haproxy",
  "caddyfile",
  "yaml",
  "json",
  "jsonc",
  "http",
  "go",
  "javascript",
  "javascriptreact",
  "typescript",
  "typescriptreact",
  "python",
  "java",
  "kotlin",
  "csharp",
  "rust",
  "php",
  "ruby",
  "lua",
  "log",
];

/**
 * Plain-text files that are nginx or Apache configs by their name, for
 * setups where another extension claimed the file, or none did. The server
 * looks at the name and content of a plaintext document to tell which it is.
 */
export const plainTextPatterns = [
  "**/nginx.conf",
  "**/nginx/**/*.conf",
  "**/sites-{available,enabled}/*",
  "**/conf.d/*.conf",
  "**/{httpd,apache2}.conf",
  "**/.htaccess",
  "**/*.{http,rest}",
];

/** The document selector: files on disk and unsaved ones, since both have text worth explaining. */
export function documentSelector(): Filter[] {
  const out: Filter[] = [];
  for (const scheme of ["file", "untitled"]) {
    for (const language of languages) {
      out.push({ scheme, language });
    }
  }
  for (const pattern of plainTextPatterns) {
    out.push({ scheme: "file", language: "plaintext", pattern });
  }
  return out;
}
