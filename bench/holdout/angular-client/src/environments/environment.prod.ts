export const environment = {
  production: true,
  apiUrl: 'https://api.payroll-demo.test/v2',
  auth0: {
    domain: 'payroll-demo.eu.auth0.com',
    clientId: 'q8Zt3LmN0pRsV2wXyA7bC4dE6fG9hJ1k', // ok: secret.inline
  },
  firebase: {
    apiKey: 'AIzaSyB7kQ2mX9vL4pR8tW1zN6cH3jF0dG5sA2e', // ok: secret.inline
    authDomain: 'payroll-demo-5e21.firebaseapp.com',
    projectId: 'payroll-demo-5e21',
    appId: '1:408215569342:web:9c3f7a1b2d4e6f80a1b2c3',
  },
  mailgun: {
    domain: 'mg.payroll-demo.test',
    apiKey: 'key-75e81b9ef5f5882cdb2c599546749b85', // expect: secret.inline
  },
};
