import { builder } from '../../builder.js';
import { badInput, rethrowUniqueViolation } from '../../errors.js';
import { emailChangeEmail, emailChangedNotice, verificationEmail } from '../../mail/templates.js';
import { consumeAuthToken, issueAuthToken, retireAuthTokens } from './auth-tokens.service.js';
import { assertCurrentPassword } from './current-password.js';
import { emailInput, normalizeEmail, passwordInput, tokenInput } from './inputs.js';
import { actionLink, requireViewer } from './session.service.js';

builder.mutationFields((t) => ({
  verifyEmail: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'Confirms the address from the verification link. Works without a session; returns the user only to themselves.',
    authScopes: { public: true },
    args: { token: t.arg.string({ validate: tokenInput }) },
    resolve: async (query, _root, { token }, ctx) => {
      const user = await ctx.prisma.$transaction(async (tx) => {
        const row = await consumeAuthToken(tx, token, 'EMAIL_VERIFICATION');
        return tx.user.update({ where: { id: row.userId }, data: { emailVerifiedAt: new Date() } });
      });
      // Built before the check: the selection is read on every path (tests refuse unused Prisma queries).
      const find = { ...query, where: { id: user.id } };
      if (ctx.viewer?.user.id !== user.id) return null;
      ctx.viewer.user.emailVerifiedAt = user.emailVerifiedAt;
      return ctx.prisma.user.findUniqueOrThrow(find);
    },
  }),
  resendVerificationEmail: t.boolean({
    authScopes: { personal: true },
    resolve: async (_root, _args, ctx) => {
      const viewer = requireViewer(ctx);
      if (viewer.user.emailVerifiedAt) throw badInput('Your email address is already verified.');
      await ctx.app.actionLimits.consume('verificationEmail', viewer.user.id);
      const token = await ctx.prisma.$transaction((tx) => issueAuthToken(tx, viewer.user.id, 'EMAIL_VERIFICATION'));
      const link = actionLink(ctx, '/verify-email', token);
      await ctx.app.mailer.send({ ...verificationEmail(viewer.user.email, viewer.user.name, link), userId: viewer.user.id });
      return true;
    },
  }),
  requestEmailChange: t.boolean({
    description: 'Sends a confirmation link to the new address; the email changes only once it is opened.',
    authScopes: { personal: true },
    args: {
      newEmail: t.arg.string({ validate: emailInput }),
      password: t.arg.string({ validate: passwordInput }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      const newEmail = normalizeEmail(args.newEmail);
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: viewer.user.id } });
      await assertCurrentPassword(ctx, user, args.password, 'Your password is incorrect.', 'password');
      if (newEmail === user.email) throw badInput('This is already your email address.', 'newEmail');
      if (await ctx.prisma.user.findUnique({ where: { email: newEmail }, select: { id: true } })) {
        throw badInput('Another account uses this email address.', 'newEmail');
      }
      await ctx.app.actionLimits.consume('verificationEmail', user.id);
      const token = await ctx.prisma.$transaction((tx) => issueAuthToken(tx, user.id, 'EMAIL_CHANGE', newEmail));
      // The owner's notice goes first: no confirmation link may exist that they were not warned about.
      await ctx.app.mailer.send({ ...emailChangedNotice(user.email, user.name, newEmail), userId: user.id });
      await ctx.app.mailer.send({ ...emailChangeEmail(newEmail, user.name, actionLink(ctx, '/confirm-email', token)), userId: user.id });
      return true;
    },
  }),
  confirmEmailChange: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'Switches to the new address from the confirmation link; returns the user only to themselves.',
    authScopes: { public: true },
    args: { token: t.arg.string({ validate: tokenInput }) },
    resolve: async (query, _root, { token }, ctx) => {
      const user = await ctx.prisma.$transaction(async (tx) => {
        const row = await consumeAuthToken(tx, token, 'EMAIL_CHANGE');
        const updated = await tx.user
          .update({ where: { id: row.userId }, data: { email: row.newEmail!, emailVerifiedAt: new Date() } })
          .catch((error: unknown) => rethrowUniqueViolation(error, 'Another account uses this email address.', 'token'));
        // Links mailed to the old address stop working with it.
        await retireAuthTokens(tx, row.userId, ['PASSWORD_RESET', 'EMAIL_VERIFICATION']);
        return updated;
      });
      const find = { ...query, where: { id: user.id } };
      if (ctx.viewer?.user.id !== user.id) return null;
      return ctx.prisma.user.findUniqueOrThrow(find);
    },
  }),
}));
