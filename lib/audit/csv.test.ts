import { describe, expect, it } from 'vitest';

import { csvCell, csvLine } from './csv';

describe('CSV cells', () => {
  it('quotes only what needs it, doubling quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell('{"url":"https://x.example/cb"}')).toBe('"{""url"":""https://x.example/cb""}"');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil.example")')).toBe('"\'=HYPERLINK(""http://evil.example"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell(-1)).toBe('-1');
  });

  it('defuses a formula after a separator of any locale inside a cell: ok;=1+1;ok in a decline reason', () => {
    const detail = JSON.stringify({ reason: 'ok;=1+1;ok', message: 'Declined: ok;=1+1;ok' });
    expect(csvCell(detail)).toBe('"{""reason"":""ok;\'=1+1;ok"",""message"":""Declined: ok;\'=1+1;ok""}"');
    const nasty = [
      'ok;=1+1;ok',
      'a,=SUM(1)',
      'tab\t@cmd',
      'pipe|+1',
      'spaced; =1+1',
      'quoted;"=1+1"',
      'quoted; ""-2',
      'line\n=1+1',
      'crlf\r\n@x',
    ];
    for (const separator of [',', ';', '\t', '|', '\n']) {
      const line = csvLine([1, 'change_declined', ...nasty, JSON.stringify({ reason: nasty.join(' ') })]);
      // The worst a spreadsheet can do: split at every separator, quotes ignored, then drop leading quotes and spaces.
      for (const cell of line.split(separator))
        expect(cell.replace(/^[\s"]+/, ''), JSON.stringify(cell)).not.toMatch(/^[=+\-@]/);
    }
  });

  it('leaves separators that start no formula alone', () => {
    expect(csvCell('https://new.example/cb?a=1,b=2')).toBe('"https://new.example/cb?a=1,b=2"');
    expect(csvCell('{"i":3,"reason":"=x"}')).toBe('"{""i"":3,""reason"":""=x""}"');
  });

  it('ends a line with CRLF', () => {
    expect(csvLine(['a', null, 'b,c'])).toBe('a,,"b,c"\r\n');
  });
});
