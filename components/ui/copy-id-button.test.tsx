import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { CopyIdButton, CopyReportContext } from './copy-id-button';

/** The button inside a table's live region (the context), its clipboard answering with `writeText`. */
function clickCopy(writeText: (text: string) => Promise<void>) {
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
  const report = vi.fn();
  render(
    <CopyReportContext value={report}>
      <CopyIdButton value="abc" label="Copy API key ID abc" />
    </CopyReportContext>,
  );
  const button = screen.getByRole('button', { name: 'Copy API key ID abc' });
  fireEvent.click(button);
  return { report, button };
}

describe("the keys table's copy button", () => {
  it('copies its value and reports to the live region the table provides', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const { report, button } = clickCopy(writeText);
    await waitFor(() => expect(report).toHaveBeenCalledWith('Copied'));
    expect(writeText).toHaveBeenCalledWith('abc');
    expect(button.dataset.copied).toBe('true');
  });

  it('says when the copy failed', async () => {
    const { report } = clickCopy(() => Promise.reject(new Error('denied')));
    await waitFor(() => expect(report).toHaveBeenCalledWith('Copy failed'));
  });
});
