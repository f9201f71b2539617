import { csvLine } from './csv';

describe('csvLine', () => {
  it('writes plain cells as they are, null as empty, and ends with CRLF', () => {
    expect(csvLine(['usage', '-12.500000', 3, null])).toBe('usage,-12.500000,3,\r\n');
  });

  it('quotes cells with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1+1', '@SUM(A1)', '-0.000001', '-x'])).toBe(
      `"'=HYPERLINK(""x"")",'+1+1,'@SUM(A1),-0.000001,'-x\r\n`,
    );
  });
});
