/** The Runsheet pages the sidebar links (src/plugin/starlight.ts), from the site's base. */
export const RUNSHEET_SIDEBAR_PAGES = [
	{ label: 'Runbooks', link: '/runbooks/' },
	{ label: 'Rollback finder', link: '/rollback/' },
	{ label: 'Alerts', link: '/alerts/' },
] as const;
