// The wiring of deploy/terraform against the Java code: every rule in lib/wiring.mjs must report no problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CHECKS } from "../lib/wiring.mjs";
import { load } from "../lib/load.mjs";

for (const [name, check] of Object.entries(CHECKS)) {
  test(name, async () => {
    const { cfg, code } = await load();
    assert.deepEqual(check(cfg, code), []);
  });
}
