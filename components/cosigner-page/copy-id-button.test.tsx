import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { CopyIdButton, CopyReportContext } from './copy-id-button';

describe("the keys table's copy button", () => {
  it('copies its value and reports to the live region the table provides', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const report = vi.fn();
    render(
      <CopyReportContext value={report}>
        <CopyIdButton value="abc" label="Copy API key ID abc" />
      </CopyReportContext>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy API key ID abc' }));
    await waitFor(() => expect(report).toHaveBeenCalledWith('Copied'));
    expect(writeText).toHaveBeenCalledWith('abc');
    expect(screen.getByRole('button', { name: 'Copy API key ID abc' }).dataset.copied).toBe('true');
  });

  it('says when the copy failed', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    const report = vi.fn();
    render(
      <CopyReportContext value={report}>
        <CopyIdButton value="abc" label="Copy API key ID abc" />
      </CopyReportContext>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy API key ID abc' }));
    await waitFor(() => expect(report).toHaveBeenCalledWith('Copy failed'));
  });
});
