export const config = {
  apiUrl: import.meta.env.VITE_API_URL as string,
  sentryDsn: import.meta.env.VITE_SENTRY_DSN as string | undefined, // ok: secret.inline
  algoliaAppId: import.meta.env.VITE_ALGOLIA_APP_ID as string,
  algoliaSearchKey: import.meta.env.VITE_ALGOLIA_SEARCH_KEY as string, // ok: secret.inline
  algoliaAdminKey: import.meta.env.VITE_ALGOLIA_ADMIN_KEY as string, // expect: secret.inline
};
