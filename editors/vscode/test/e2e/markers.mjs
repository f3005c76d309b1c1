// The @hover/@diag/@fix markers of editors/testdata files, read the same
// way as editors/nvim/test/init.lua reads them: a marker sits in the comment
// of the line it concerns, and applies to the first status code on it.

/** Comment starts by file extension. */
const comments = { ".conf": "#", ".go": "//" };

/**
 * @param {string} name  the file name, for its comment syntax
 * @param {string} text  the file's text
 * @returns {{line: number, code: string, codeText: string, kind: string, args: string[]}[]}
 *   line is 0-based; codeText is the line's text before its comment.
 */
export function markers(name, text) {
  const ext = name.slice(name.lastIndexOf("."));
  const comment = comments[ext];
  if (!comment) {
    throw new Error(`no comment syntax known for ${name}`);
  }
  const out = [];
  text.split("\n").forEach((line, i) => {
    const at = line.indexOf(comment);
    const codeText = at >= 0 ? line.slice(0, at) : line;
    if (codeText.trim() === "") {
      return; // a comment line describes markers rather than carries them
    }
    const code = /\b\d{3}\b/.exec(codeText)?.[0];
    for (const m of line.matchAll(/@(\w+)\(([^)]*)\)/g)) {
      const args = [...m[2].matchAll(/"([^"]*)"/g)].map((a) => a[1]);
      if (!code) {
        throw new Error(`${name}:${i + 1}: marker @${m[1]} on a line without a status code`);
      }
      out.push({ line: i, code, codeText, kind: m[1], args });
    }
  });
  return out;
}
