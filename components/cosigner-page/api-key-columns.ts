/** Column headings of the API keys table (the action column only for admins), shared with the skeleton. */
export const API_KEY_COLUMNS = ['API key ID', 'Last seen', 'Callback URL', 'Authentication'];
export const apiKeyColumns = (canEdit: boolean) => (canEdit ? [...API_KEY_COLUMNS, 'Actions'] : API_KEY_COLUMNS);
