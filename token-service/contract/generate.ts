// Writes the widget's copy of the API contract (widget/src/core/api.generated.ts) from the service's /openapi.json.
//   tsx token-service/contract/generate.ts           write it when it differs (npm run contract; the widget build)
//   tsx token-service/contract/generate.ts --check   exit 1 when it differs, write nothing
import fs from 'node:fs';
import path from 'node:path';
import { openApiDocument } from './openapi-document.js';
import { WIDGET_CONTRACT_FILE, renderWidgetContract } from './widget-contract.js';

const check = process.argv.includes('--check');
const file = path.relative(process.cwd(), WIDGET_CONTRACT_FILE);
const fresh = await renderWidgetContract(await openApiDocument());
const current = fs.existsSync(WIDGET_CONTRACT_FILE) ? fs.readFileSync(WIDGET_CONTRACT_FILE, 'utf8') : undefined;

if (current === fresh) {
  console.log(`${file}: up to date with the service's OpenAPI document`);
} else if (check) {
  console.error(`${file} is stale: the service's schemas changed. Run \`npm run contract\` and commit the result.`);
  process.exitCode = 1;
} else {
  fs.writeFileSync(WIDGET_CONTRACT_FILE, fresh);
  console.log(`${file}: ${current === undefined ? 'written' : 'regenerated'} from the service's OpenAPI document`);
}
