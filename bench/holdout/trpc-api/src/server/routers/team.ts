import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { adminProcedure, protectedProcedure, publicProcedure, router } from '../trpc';

export const teamRouter = router({
  mine: protectedProcedure.query(({ ctx }) => ctx.db.team.findMany({ where: { members: { some: { userId: ctx.user.sub } } } })),

  inviteInfo: publicProcedure.input(z.object({ code: z.string().length(22) })).query(async ({ ctx, input }) => { // ok: authz.missing
    const invite = await ctx.db.invite.findUnique({ where: { code: input.code }, select: { team: { select: { name: true } }, expiresAt: true } });
    if (!invite || invite.expiresAt < new Date()) throw new TRPCError({ code: 'NOT_FOUND' });
    return invite;
  }),

  removeMember: publicProcedure.input(z.object({ teamId: z.string(), userId: z.string() })).mutation(async ({ ctx, input }) => { // expect: authz.missing
    await ctx.db.membership.delete({ where: { teamId_userId: { teamId: input.teamId, userId: input.userId } } });
    return { ok: true };
  }),

  rename: protectedProcedure.input(z.object({ teamId: z.string(), name: z.string().min(1).max(64), actingRole: z.enum(['owner', 'member']) })).mutation(async ({ ctx, input }) => {
    if (input.actingRole !== 'owner') throw new TRPCError({ code: 'FORBIDDEN' }); // expect: authz.missing
    return ctx.db.team.update({ where: { id: input.teamId }, data: { name: input.name } });
  }),

  purge: adminProcedure.input(z.object({ teamId: z.string() })).mutation(({ ctx, input }) => ctx.db.team.delete({ where: { id: input.teamId } })),
});
