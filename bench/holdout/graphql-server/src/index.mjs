import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';
import { buildContext } from './context.mjs';
import { resolvers } from './resolvers.mjs';

const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

const server = new ApolloServer({
  typeDefs,
  resolvers,
  introspection: process.env.NODE_ENV !== 'production',
});

const { url } = await startStandaloneServer(server, {
  context: buildContext,
  listen: { port: Number(process.env.PORT ?? 4000) },
});

console.log(`🚀 GraphQL ready at ${url}`);
