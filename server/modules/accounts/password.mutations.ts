import { builder } from '../../builder.js';
import { sendOrLog } from '../../mail/mailer.js';
import { passwordResetEmail } from '../../mail/templates.js';
import { consumeAuthToken, findUsableAuthToken, issueAuthToken, retireAuthTokens } from './auth-tokens.service.js';
import { assertCurrentPassword } from './current-password.js';
import { emailInput, normalizeEmail, passwordInput, tokenInput } from './inputs.js';
import { assertStrongPassword } from './password-policy.js';
import { actionLink, endSession, requireViewer, startSession } from './session.service.js';

builder.mutationFields((t) => ({
  requestPasswordReset: t.boolean({
    description: 'Emails a reset link if an account exists. Always answers true, so it cannot reveal accounts.',
    authScopes: { public: true },
    args: { email: t.arg.string({ validate: emailInput }) },
    resolve: async (_root, args, ctx) => {
      const email = normalizeEmail(args.email);
      await ctx.app.actionLimits.consume('passwordReset', ctx.request.ip);
      await ctx.app.actionLimits.consume('passwordReset', email);
      const user = await ctx.prisma.user.findUnique({ where: { email } });
      if (!user) return true;
      const token = await ctx.prisma.$transaction((tx) => issueAuthToken(tx, user.id, 'PASSWORD_RESET'));
      // A delivery failure must not answer differently from an unknown email.
      await sendOrLog(ctx.app.mailer, ctx.app.logger, { ...passwordResetEmail(email, user.name, actionLink(ctx, '/reset-password', token)), userId: user.id });
      return true;
    },
  }),
  resetPassword: t.boolean({
    description: 'Sets a new password from a reset link and signs out every session.',
    authScopes: { public: true },
    args: {
      token: t.arg.string({ validate: tokenInput }),
      newPassword: t.arg.string({ validate: passwordInput }),
    },
    resolve: async (_root, args, ctx) => {
      // Checked before hashing, so a guessed token costs no Argon2 run; it is used once, below.
      const pending = await findUsableAuthToken(ctx.prisma, args.token, 'PASSWORD_RESET');
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: pending.userId } });
      await assertStrongPassword(args.newPassword, [user.name, user.email], 'newPassword');
      const passwordHash = await ctx.app.passwords.hash(args.newPassword);
      await ctx.prisma.$transaction(async (tx) => {
        await consumeAuthToken(tx, args.token, 'PASSWORD_RESET');
        // Opening the emailed link also proves the address.
        await tx.user.update({ where: { id: user.id }, data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() } });
        await tx.session.deleteMany({ where: { userId: user.id } });
        // The "your email is changing" notice tells the owner to reset the password: that must stop the change.
        await retireAuthTokens(tx, user.id, ['EMAIL_CHANGE']);
      });
      await endSession(ctx);
      return true;
    },
  }),
  changePassword: t.boolean({
    description: 'Changes the password and signs out every other session.',
    authScopes: { personal: true },
    args: {
      currentPassword: t.arg.string({ validate: passwordInput }),
      newPassword: t.arg.string({ validate: passwordInput }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: viewer.user.id } });
      await assertCurrentPassword(ctx, user, args.currentPassword, 'Your current password is incorrect.', 'currentPassword');
      await assertStrongPassword(args.newPassword, [user.name, user.email], 'newPassword');
      const passwordHash = await ctx.app.passwords.hash(args.newPassword);
      await ctx.prisma.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
        await tx.session.deleteMany({ where: { userId: user.id } });
        await retireAuthTokens(tx, user.id, ['EMAIL_CHANGE']);
      });
      await startSession(ctx, user.id);
      return true;
    },
  }),
}));
