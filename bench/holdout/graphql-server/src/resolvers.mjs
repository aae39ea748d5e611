import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import * as audit from './data/audit.mjs';
import * as invoices from './data/invoices.mjs';
import * as orgs from './data/orgs.mjs';
import * as plans from './data/plans.mjs';
import * as users from './data/users.mjs';

const unauthenticated = () => new GraphQLError('You must be signed in', { extensions: { code: 'UNAUTHENTICATED' } });
const forbidden = () => new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN' } });

function requireUser(user) {
  if (!user) throw unauthenticated();
  return user;
}

export const resolvers = {
  Query: {
    me: (_parent, _args, { user }) => (user ? users.byId(user.sub) : null),
    publicPlans: () => plans.list(), // ok: authz.missing
    invoice: async (_parent, { id }, { user }) => {
      requireUser(user);
      const invoice = await invoices.byId(id);
      if (!invoice || invoice.customerId !== user.sub) throw forbidden(); // ok: authz.missing
      return invoice;
    },
    auditLog: async (_parent, { orgId, after }) => audit.forOrg(orgId, { after }), // expect: authz.missing
  },
  Mutation: {
    signUp: async (_parent, { email, password }) => {
      const passwordHash = createHash('sha512').update(password).digest('hex'); // expect: password.hash
      return users.create({ email, passwordHash });
    },
    updateProfile: async (_parent, { input }, { user }) => users.update(requireUser(user).sub, input),
    deleteOrg: async (_parent, { orgId }, { user }) => { // expect: authz.missing
      requireUser(user);
      await orgs.remove(orgId);
      return true;
    },
  },
  Invoice: {
    pdfChecksum: (invoice) => createHash('sha256').update(invoice.pdf).digest('hex'), // ok: password.hash
  },
};
