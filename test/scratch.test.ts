import { it } from 'vitest';
import { createAppsScriptFakes, type FakeSheet } from './fakes/appsScript';
import { buildEngine, KLING_SIZES, registerKlingFunctions, sheetContent, valueAt } from './support/hyperformula';
import { callGlobal, loadBundle } from './support/loadBundle';

it('scratch', () => {
  const fakes = createAppsScriptFakes();
  const context = loadBundle(fakes.services);
  if (process.env.WITH_PRICES) callGlobal(context, 'editPrices');
  callGlobal(context, 'insertBudgetTemplate');
  registerKlingFunctions(context, Object.keys(KLING_SIZES), KLING_SIZES);
  const sheets: Record<string, unknown[][]> = {};
  for (const s of fakes.spreadsheet.getSheets()) sheets[s.getName()] = sheetContent(s as FakeSheet);
  const hf = buildEngine(sheets);
  const show = (range: string[]) => range.map((a) => `${a}=${JSON.stringify(valueAt(hf, 'Kling budget', a))}`).join('  ');
  for (let r = 5; r <= 12; r++)
    console.log(show(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'I', 'J', 'K', 'L', 'M', 'N', 'O'].map((c) => `${c}${r}`)));
  for (let r = 5; r <= 36; r++)
    console.log(r, valueAt(hf, 'Kling budget', `Q${r}`), '=>', JSON.stringify(valueAt(hf, 'Kling budget', `R${r}`)));
  for (let r = 38; r <= 51; r++)
    console.log(r, ['Q', 'R', 'S', 'T', 'U', 'V'].map((c) => JSON.stringify(valueAt(hf, 'Kling budget', `${c}${r}`))).join(' | '));
  console.log(
    ['AA6', 'AB6', 'AC6', 'AD6', 'AE6', 'AE7', 'AF6'].map((a) => `${a}=${JSON.stringify(valueAt(hf, 'Kling budget', a))}`).join(' '),
  );
});
