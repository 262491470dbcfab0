#!/usr/bin/env node
// `terraform fmt` for machines without terraform: formats deploy/terraform/*.tf with HashiCorp's hclwrite (via
// @cdktf/hcl-tools). Usage: node deploy/checks/tf-fmt.mjs [--write]   (without --write: list unformatted files, exit 3)
import { readFileSync, writeFileSync } from "node:fs";
import { format } from "@cdktf/hcl-tools";
import { join } from "node:path";
import { terraformFiles, TERRAFORM_DIR } from "./lib/hcl.mjs";

const write = process.argv.includes("--write");
let unformatted = 0;
for (const path of [...terraformFiles(), join(TERRAFORM_DIR, "terraform.tfvars.example")]) {
  const source = readFileSync(path, "utf8");
  const formatted = await format(source);
  if (formatted !== source) {
    unformatted++;
    console.log(path);
    if (write) writeFileSync(path, formatted);
  }
}
process.exit(unformatted > 0 && !write ? 3 : 0);
