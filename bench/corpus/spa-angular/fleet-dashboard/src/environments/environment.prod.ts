// Values baked into the production bundle by `ng build --configuration production`.
// Everything here ships to every browser that loads the dashboard.
export const environment = {
  production: true,
  apiUrl: 'https://api.fleetline.app/v3',
  wsUrl: 'wss://live.fleetline.app/socket',

  auth0: {
    domain: 'fleetline.eu.auth0.com',
    clientId: 'q8ZfK2mN4vT7xR1bW9cY3pL6hJ0sD5gA', // ok: secret.inline
    audience: 'https://api.fleetline.app',
  },

  mapbox: {
    accessToken: 'pk.eyJ1IjoiZmxlZXRsaW5lIiwiYSI6ImNsbTN4c2Q5azBhcjQzcW8xdmx6cHZ3bGcifQ.K7dP2xQm9vR4tY8nB3wZ1A', // ok: secret.inline
    style: 'mapbox://styles/fleetline/clm3xtq2k00ab01qz4c8e7h2n',
  },

  algolia: {
    appId: 'KX7Q2M9VTR',
    searchKey: '3a5b270a56744fc98c642d11af2cc3e8', // ok: secret.inline
    adminKey: '4e0e6857ece624e40f470d547e481ff6', // expect: secret.inline
    vehiclesIndex: 'prod_vehicles',
  },

  sentry: {
    dsn: 'https://7c1e4b9a2f3d48e6a0b5c8d1e2f3a4b5@o451203.ingest.sentry.io/5538921', // ok: secret.inline
    release: 'fleet-dashboard@3.14.2',
    // Used by the release script to upload source maps.
    authToken: 'sntrys_w7hScWZ4JfpIcOinB8MEQoHPzV5k9RQlYrUcghzTRzSc6b6QVmABvgfQEfp9WpyrZaS3cmGA7uBRHI4O7xmVvjBeUEjOTvztaS0XKPa', // expect: secret.inline
    tracesSampleRate: 0.1,
  },

  featureFlags: {
    launchDarklyClientSideId: '64f1c2a9e3b7d50012ab34cd',
    routeOptimizerBeta: false,
  },

  support: {
    intercomAppId: 'vx3k9q2m',
    statusPageUrl: 'https://status.fleetline.app',
  },

  telemetry: {
    // Telematics vendor REST API, queried directly from the live map.
    samsaraApiToken: 'samsara_api_Rk8vQ2nT5wX9zB3mL7cH1jF4pD6sG0aY', // expect: secret.inline
    pollIntervalMs: 15_000,
  },
};
