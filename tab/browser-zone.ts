// Asking Intl for the browser's zone builds a formatter each time (most of the first page's drawing time, two per
// row), so it is asked once per page load.
let browserZone: string | undefined;
export const browserTimeZone = () =>
  (browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
