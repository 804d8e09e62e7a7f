import styles from './api-keys-table.module.css';

const COPY_ID = 'api-keys-icon-copy';
const CHECK_ID = 'api-keys-icon-check';
export const COPY_ICON_HREF = `#${COPY_ID}`;
export const CHECK_ICON_HREF = `#${CHECK_ID}`;

/**
 * The row icons, drawn once per table; each row's <svg><use href> points here (the same shapes as
 * components/ui/inline-icons.tsx). There is one keys table per page, so the ids are unique.
 */
export function RowIcons() {
  return (
    <svg aria-hidden className={styles.sprite}>
      <symbol id={COPY_ID} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
        <rect x="9" y="9" width="12" height="12" rx="2" />
        <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
      </symbol>
      <symbol id={CHECK_ID} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 12.5 9.5 18 20 6" />
      </symbol>
    </svg>
  );
}
