/** The Runsheet pages the sidebar links (src/plugin/starlight.ts), from the site's base. */
export const RUNSHEET_SIDEBAR_PATHS = ['/runbooks/', '/rollback/', '/alerts/'];
