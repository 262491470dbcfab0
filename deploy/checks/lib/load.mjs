// Loads the Terraform configuration and the code model once for all tests.
import { loadConfiguration, REPO_ROOT } from "./hcl.mjs";
import { awsCredentialsBean, emfMetrics, FUNCTION_MODULES, functionModule, loaderSuffixes, tableSchemas } from "./code-model.mjs";

let cached;

export async function load() {
  if (!cached) {
    const modules = {};
    for (const module of Object.values(FUNCTION_MODULES)) modules[module] = functionModule(REPO_ROOT, module);
    cached = {
      cfg: await loadConfiguration(),
      code: { modules, tables: tableSchemas(REPO_ROOT), loaderSuffixes: loaderSuffixes(REPO_ROOT), metrics: emfMetrics(REPO_ROOT),
        awsCredentialsBean: awsCredentialsBean(REPO_ROOT) },
    };
  }
  return cached;
}
