// The codes offered by the Explain and Compare pickers, read from the
// catalogue that the server binary prints (`statusls catalog --format json`),
// so that the list is never a second copy of the catalogue.

/** One entry of the picker. */
export interface CodeItem {
  code: number;
  label: string;
  description: string;
}

interface CatalogEntry {
  code: number;
  phrase: string;
  status?: string;
}

/**
 * Turns the catalogue's JSON into picker entries, one per code in numeric
 * order. A code that the registry and a vendor both define (or two vendors)
 * appears once, with the registry's phrase when there is one.
 */
export function codeItems(catalogJSON: string): CodeItem[] {
  let doc: { entries?: CatalogEntry[] };
  try {
    doc = JSON.parse(catalogJSON);
  } catch (e) {
    throw new Error(`statusls catalog printed something other than JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(doc.entries)) {
    throw new Error("statusls catalog printed JSON without an entries list; is the binary older than this extension?");
  }
  const byCode = new Map<number, CatalogEntry>();
  for (const e of doc.entries) {
    if (typeof e.code !== "number" || typeof e.phrase !== "string") {
      continue;
    }
    const seen = byCode.get(e.code);
    if (seen === undefined || (seen.status !== "assigned" && e.status === "assigned")) {
      byCode.set(e.code, e);
    }
  }
  return [...byCode.values()]
    .sort((a, b) => a.code - b.code)
    .map((e) => ({ code: e.code, label: String(e.code), description: e.phrase }));
}

/**
 * Reads a code the user typed in the picker's filter box instead of picking
 * one: "502", " 502 ", or "502 Bad Gateway". Returns undefined when the text
 * is not a code, so the picker keeps waiting.
 */
export function typedCode(text: string): number | undefined {
  const m = /^\s*(\d{3})\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}
