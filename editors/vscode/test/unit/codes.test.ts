import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import { codeItems, typedCode } from "../../src/codes";

// An excerpt of `statusls catalog --format json`, with codes that the
// registry and vendors define more than once.
const catalog = readFileSync(path.join(__dirname, "../../../test/unit/testdata/catalog.json"), "utf8");

describe("codeItems", () => {
  it("lists each code once, in order, with its leading meaning", () => {
    assert.deepEqual(
      codeItems(catalog).map((i) => `${i.label} ${i.description}`),
      [
        "100 Continue",
        "404 Not Found",
        "418 (Unused)",
        "420 Enhance Your Calm", // first of two vendor meanings, the catalogue ranks it first
        "499 Client Closed Request", // nginx's, before a vendor's Token Required
        "502 Bad Gateway",
      ],
    );
  });

  it("says what is wrong with output that is not the catalogue", () => {
    assert.throws(() => codeItems("statusls: unknown command"), /other than JSON/);
    assert.throws(() => codeItems('{"codes": []}'), /without an entries list/);
  });
});

describe("typedCode", () => {
  it("reads a code typed into the picker", () => {
    assert.equal(typedCode("502"), 502);
    assert.equal(typedCode(" 299 "), 299);
    assert.equal(typedCode("502 Bad Gateway"), 502);
    assert.equal(typedCode("Bad"), undefined);
    assert.equal(typedCode("5021"), undefined);
  });
});
