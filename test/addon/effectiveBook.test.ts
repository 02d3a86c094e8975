import { describe, expect, it } from 'vitest';
import { effectiveBook } from '../../src/addon/effectiveBook';
import { bookToRows, DEFAULT_PRICE_BOOK, InputError } from '../../src/pricing';
import { FakeSpreadsheet } from '../fakes/appsScript';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function withPriceSheet(rows: unknown[][]): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet();
  spreadsheet.insertSheet('Kling prices').getRange(1, 1, rows.length, 8).setValues(rows);
  return spreadsheet;
}

describe('effectiveBook (for the sidebar and the writers)', () => {
  it('is the default book when there is no sheet "Kling prices"', () => {
    const result = effectiveBook(new FakeSpreadsheet() as unknown as Spreadsheet);
    expect(result.sheetName).toBeNull();
    expect(result.book).toBe(DEFAULT_PRICE_BOOK);
  });

  it('is the edited book of a valid sheet', () => {
    const rows: unknown[][] = bookToRows(DEFAULT_PRICE_BOOK);
    const row = rows.find((r) => r[0] === 'Plan' && r[1] === 'Ultra' && r[2] === 'yearly') as unknown[];
    row[3] = 1399;
    const result = effectiveBook(withPriceSheet(rows) as unknown as Spreadsheet);
    expect(result.sheetName).toBe('Kling prices');
    expect(result.book.plans.find((p) => p.id === 'ultra')?.yearlyCents).toBe(139_900);
  });

  it('throws, naming the sheet, row and column, for a broken sheet; never the default', () => {
    const rows: unknown[][] = bookToRows(DEFAULT_PRICE_BOOK);
    const index = rows.findIndex((r) => r[0] === 'Top-up pack' && r[1] === 'Pack 5' && r[2] === 'credits');
    (rows[index] as unknown[])[3] = -6600;
    const spreadsheet = withPriceSheet(rows) as unknown as Spreadsheet;
    expect(() => effectiveBook(spreadsheet)).toThrow(InputError);
    expect(() => effectiveBook(spreadsheet)).toThrow(
      `the sheet "Kling prices", row ${index + 1}, column D (Value): -6600 is not above 0; use a whole number of credits above 0`,
    );
  });
});
