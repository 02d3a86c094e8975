/**
 * Example data: what a producer might already have in a spreadsheet, for the sidebar's tests and
 * the local preview's first sheets. Imports nothing from node (the preview runs it in the browser).
 */
import type { FakeSheet } from '../fakes/appsScript';
import { FakeSpreadsheet } from '../fakes/appsScript';

export const SHOT_LIST = 'Shot list';
export const MESSY_LIST = 'Messy list';

export const SHOT_LIST_VALUES: (string | number | boolean)[][] = [
  ['Mode', 'Seconds', 'Audio', 'Videos per month', 'Model', 'Notes'],
  ['professional', 10, true, 12, 2.6, 'Hero shots v2 & "teasers"'],
  ['standard', 5, false, 40, 2.6, 'Social cut-downs'],
  ['professional', 8, false, 6, '3.0', 'Logo sting'],
];

export const MESSY_LIST_VALUES: (string | number | boolean)[][] = [
  ['Mode', 'Seconds', 'Audio', 'Videos per month'],
  ['pro', 10, 'yes', 5],
  ['prof', 7, 'no', 3],
  ['standard', 5, 'maybe', 'ten'],
];

/** A spreadsheet with a shot list (selected, A1:E4) and a list with bad cells. */
export function seedExampleData(spreadsheet: FakeSpreadsheet = new FakeSpreadsheet(SHOT_LIST)): FakeSpreadsheet {
  const first = spreadsheet.getSheets()[0] as FakeSheet;
  if (first.getName() !== SHOT_LIST) first.setName(SHOT_LIST);
  first.getRange(1, 1, SHOT_LIST_VALUES.length, 6).setValues(SHOT_LIST_VALUES);
  first.getRange(1, 1, 1, 6).setFontWeight('bold');
  const messy = spreadsheet.insertSheet(MESSY_LIST);
  messy.getRange(1, 1, MESSY_LIST_VALUES.length, 4).setValues(MESSY_LIST_VALUES);
  first.getRange('A1:E4').activate();
  spreadsheet.writes.length = 0;
  return spreadsheet;
}
