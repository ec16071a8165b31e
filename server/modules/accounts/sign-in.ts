import { setTimeout as delay } from 'node:timers/promises';
import { selectedRow } from '../../db/delegate.js';
import { z } from 'zod';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { badInput, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { emailInput, normalizeEmail, passwordInput } from './inputs.js';
import { endSession, requireViewer, startSession } from './session.service.js';

// Verifying against this keeps a sign-in for an unknown email as slow as one with a wrong password.
let decoyHash: Promise<string> | null = null;

export async function signIn(context: Context, rawEmail: string, password: string) {
  const { signInThrottle, passwords } = context.app;
  const email = normalizeEmail(rawEmail);
  const { delayMs } = await signInThrottle.beforeAttempt(email, context.request.ip);
  if (delayMs > 0) await delay(delayMs);

  const user = await context.prisma.user.findUnique({ where: { email } });
  decoyHash ??= passwords.hash('kith-decoy-password');
  const valid = await passwords.verify(user?.passwordHash ?? (await decoyHash), password);
  // A failure needs no recording: beforeAttempt already counted this attempt as one.
  if (!user || !valid || user.deletedAt) throw badInput('Email or password is incorrect.');
  await signInThrottle.recordSuccess(email, context.request.ip);
  await startSession(context, user.id);
  await recordAudit(context.prisma, context, { workspaceId: null, action: 'user.signed_in', targetType: 'User', targetId: user.id });
  return user;
}

builder.mutationFields((t) => ({
  signIn: t.prismaField({
    type: 'User',
    authScopes: { public: true },
    args: {
      email: t.arg.string({ validate: emailInput }),
      password: t.arg.string({ validate: passwordInput }),
    },
    resolve: async (query, _root, args, ctx) => selectedRow(ctx, 'user', query, await signIn(ctx, args.email, args.password)),
  }),
  signOut: t.boolean({
    description: 'Ends this session.',
    authScopes: { public: true },
    resolve: async (_root, _args, ctx) => {
      await endSession(ctx);
      return true;
    },
  }),
  signOutEverywhere: t.boolean({
    description: 'Ends every session of the signed-in user, this one included.',
    authScopes: { personal: true },
    resolve: async (_root, _args, ctx) => {
      await ctx.app.auth.invalidateUserSessions(requireViewer(ctx).user.id);
      await endSession(ctx);
      return true;
    },
  }),
  revokeSession: t.boolean({
    description: 'Signs out one of your devices (see `me.sessions`).',
    authScopes: { personal: true },
    args: { sessionId: t.arg.id({ validate: z.string().max(128) }) },
    resolve: async (_root, { sessionId }, ctx) => {
      const { count } = await ctx.prisma.session.deleteMany({
        where: { id: sessionId, userId: requireViewer(ctx).user.id },
      });
      if (count === 0) throw notFound('Session');
      return true;
    },
  }),
}));
